// The live preview measured as a learner meets it: `nnbook preview` of the Fashion-MNIST lesson
// in its own process, its page read over loopback HTTP while the notebook is edited.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Figures of one preview session, each against a full `nnbook run` of the same notebook
/// measured in the same benchmark run.
struct PreviewBenchmark {
    let executable: URL
    let notebook: URL
    let arguments: [String]

    struct Figures {
        /// From the process's start to the page showing the first cell's outputs.
        let firstCellSeconds: Double
        /// From the first run's start to the page saying it is up to date.
        let firstRunSeconds: Double
        /// From the save of an edit to the last cell to the page showing its new output.
        let editSeconds: Double
        /// Whether every cell but the last kept byte-identical HTML (nothing recomputed).
        let earlierCellsUnchanged: Bool
        /// CPU seconds the server used over `idleSeconds` with nothing to do.
        let idleCPUSeconds: Double
        let idleSeconds: Double
    }

    func measure(lastCell: String, edited: String) throws -> Figures {
        let original = try String(contentsOf: notebook, encoding: .utf8)
        defer { try? original.write(to: notebook, atomically: true, encoding: .utf8) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["preview", notebook.path, "--port", "0"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        defer {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
        }
        let line = String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        guard let range = line.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) else {
            throw BenchmarkError("nnbook preview did not say where it serves: \(line)")
        }
        let address = URL(string: String(line[range]))!

        let firstCell = try poll(address, until: { $0.contains("Running cell 2 ") || $0.contains("Up to date") })
        let firstRun = try poll(address, until: { $0.contains("Up to date") })
        let before = try blocks(try page(address))

        let save = Date()
        try original.replacingOccurrences(of: lastCell, with: edited).write(to: notebook, atomically: false, encoding: .utf8)
        let edit = try poll(address, until: { $0.contains("Up to date") && $0.contains("1 cell ran") && $0.contains(edited) }, since: save)
        let after = try blocks(try page(address))
        let last = before.keys.filter { $0.hasPrefix("cell-") }.max { before[$0]!.offset < before[$1]!.offset }
        let unchanged = before.allSatisfy { $0.key == last || after[$0.key]?.html == $0.value.html }

        let idleSeconds = 3.0
        let busyBefore = try cpuSeconds(process.processIdentifier)
        Thread.sleep(forTimeInterval: idleSeconds)
        let idle = try cpuSeconds(process.processIdentifier) - busyBefore
        return Figures(
            firstCellSeconds: firstCell.timeIntervalSince(start), firstRunSeconds: firstRun.timeIntervalSince(start),
            editSeconds: edit.timeIntervalSince(save), earlierCellsUnchanged: unchanged, idleCPUSeconds: idle, idleSeconds: idleSeconds)
    }

    /// Reads the page every 10 ms until `condition` holds, and returns when it first did.
    private func poll(_ address: URL, until condition: (String) -> Bool, since: Date = .distantPast) throws -> Date {
        let deadline = Date().addingTimeInterval(300)
        var last = ""
        while Date() < deadline {
            last = try page(address)
            if condition(last) { return Date() }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let status = last.components(separatedBy: "<div id=\"nnbook-status\">").last?.prefix(400) ?? ""
        throw BenchmarkError("the preview did not get there within 5 minutes; its status: \(status)")
    }

    private func page(_ address: URL) throws -> String {
        let done = DispatchSemaphore(value: 0)
        let body = Body()
        URLSession.shared.dataTask(with: address) { data, _, _ in
            body.text = String(decoding: data ?? Data(), as: UTF8.self)
            done.signal()
        }.resume()
        done.wait()
        return body.text
    }

    /// The page's blocks by id, with their HTML and place.
    private func blocks(_ page: String) throws -> [String: (offset: Int, html: String)] {
        let parts = page.components(separatedBy: "<div class=\"block ").dropFirst()
        var found: [String: (offset: Int, html: String)] = [:]
        for (offset, part) in parts.enumerated() {
            guard let range = part.range(of: #"data-id="[^"]+""#, options: .regularExpression) else { continue }
            found[String(part[range].dropFirst(9).dropLast())] = (offset, part)
        }
        return found
    }

    /// User plus system CPU time of a process so far, from /proc.
    private func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        let fields = stat[stat.index(after: stat.lastIndex(of: ")")!)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private final class Body: @unchecked Sendable {
        var text = ""
    }
}
