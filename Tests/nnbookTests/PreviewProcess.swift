// A running `nnbook preview` for the tests: the real executable on a free loopback port, its
// page fetched and its events read over real HTTP.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// One `nnbook preview` process, started with `--port 0`; it is stopped (SIGINT) when the
/// test is done with it.
final class PreviewProcess {
    let process = Process()
    let port: Int
    private let errors = LockedText()

    init(_ fixture: CLIFixture, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        process.executableURL = fixture.executable
        process.arguments = ["preview"] + arguments + ["--port", "0"]
        process.currentDirectoryURL = fixture.folder
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        let errors = self.errors
        pipe.fileHandleForReading.readabilityHandler = { handle in errors.append(String(decoding: handle.availableData, as: UTF8.self)) }
        try process.run()
        var found: Int?
        let deadline = Date().addingTimeInterval(20)
        while found == nil, Date() < deadline, process.isRunning {
            if let range = errors.text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(errors.text[range].split(separator: ":").last!.dropLast())
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let found else {
            process.terminate()
            XCTFail("the preview did not say where it serves: \(errors.text)", file: file, line: line)
            throw CocoaError(.fileReadUnknown)
        }
        port = found
    }

    var standardError: String { errors.text }

    /// Stops the preview as Ctrl-C does and returns its exit status.
    @discardableResult
    func interrupt() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { interrupt() } }

    /// GETs `path` and returns the status and the body.
    func get(_ path: String) throws -> (status: Int, body: String) {
        let response = try fetch(path)
        return (response.status, response.body)
    }

    /// GETs `path` and returns the status, the response's headers and the body.
    func fetch(_ path: String) throws -> (status: Int, headers: [String: String], body: String) {
        let done = DispatchSemaphore(value: 0)
        let body = LockedText(), status = LockedText(), headers = LockedText()
        let task = URLSession.shared.dataTask(with: URL(string: "http://127.0.0.1:\(port)\(path)")!) { data, response, _ in
            let http = response as? HTTPURLResponse
            status.append(String(http?.statusCode ?? 0))
            let fields = (http?.allHeaderFields ?? [:]).map { "\($0.key)\u{0}\($0.value)" }
            headers.append(fields.joined(separator: "\n"))
            body.append(String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }
        task.resume()
        _ = done.wait(timeout: .now() + 10)
        let pairs = headers.text.split(separator: "\n").map { $0.split(separator: "\u{0}", maxSplits: 1).map(String.init) }.filter { $0.count == 2 }
        return (Int(status.text) ?? 0, Dictionary(pairs.map { ($0[0].lowercased(), $0[1]) }) { first, _ in first }, body.text)
    }

    /// Subscribes to the page's events.
    func subscribe() -> EventStream { EventStream(url: URL(string: "http://127.0.0.1:\(port)/events")!) }
}

/// One browser's view of the event stream, read as it arrives.
final class EventStream: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Event {
        let name: String
        let json: [String: Any]
    }

    private let condition = NSCondition()
    private var buffer = ""
    private var received: [Event] = []
    private var session: URLSession!
    private var task: URLSessionDataTask!

    init(url: URL) {
        super.init()
        session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        task = session.dataTask(with: url)
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        condition.withLock {
            buffer += String(decoding: data, as: UTF8.self)
            while let end = buffer.range(of: "\n\n") {
                let block = buffer[..<end.lowerBound]
                buffer.removeSubrange(..<end.upperBound)
                var name = "message", payload = ""
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { payload += line.dropFirst(6) }
                }
                let json = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any] ?? [:]
                received.append(Event(name: name, json: json))
            }
            condition.broadcast()
        }
    }

    var events: [Event] { condition.withLock { received } }

    /// Waits until an event satisfies `predicate` (checking those from `start` on), and returns it.
    func wait(from start: Int = 0, timeout: TimeInterval = 60, for predicate: (Event) -> Bool) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while true {
                if let found = received.dropFirst(start).first(where: predicate) { return found }
                guard condition.wait(until: deadline) else { return nil }
            }
        }
    }

    /// The next `page` event whose status contains `text`, after the first `start` events.
    func waitForStatus(_ text: String, from start: Int = 0, timeout: TimeInterval = 60) -> Event? {
        wait(from: start, timeout: timeout) { $0.name == "page" && (($0.json["status"] as? String) ?? "").contains(text) }
    }

    /// Closes the connection, as a browser tab that is closed.
    func close() {
        task.cancel()
        session.invalidateAndCancel()
    }
}

/// Text appended from one thread and read from another.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""
    func append(_ text: String) { lock.withLock { value += text } }
    var text: String { lock.withLock { value } }
}
