// The preview's HTTP server: the page at `/`, its live updates as Server-Sent Events at
// `/events`. FlyingFox does the HTTP; this file only routes.

import FlyingFox
import FlyingSocks
import Foundation

/// Serves a hub's page on one address until stopped.
public final class PreviewServer: @unchecked Sendable {
    /// Why the server could not start, for a message and exit code 2.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
        /// What to try instead, when there is something to try.
        public var hint: String?
    }

    private let server: HTTPServer
    private let hub: PreviewHub
    /// The --host given, which requests may name besides the loopback names.
    private let host: String
    private var serving: Task<Void, Never>?

    init(host: String, port: UInt16, hub: PreviewHub) throws(StartError) {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host == "localhost" ? "127.0.0.1" : host, port: port)
        } catch {
            throw StartError(description: "--host takes an IPv4 address such as 127.0.0.1 (or localhost); got '\(host)'")
        }
        self.hub = hub
        self.host = host
        server = HTTPServer(address: address, logger: .disabled)
    }

    /// Starts listening and returns the port (the one the system picked for port 0); throws
    /// when the address cannot be had (a port in use).
    func start() throws(StartError) -> UInt16 {
        let hub = self.hub
        let server = self.server
        let host = self.host
        let outcome = Outcome()
        // Every answer forbids sniffing its type and being framed by another site's page.
        let guarded: [HTTPHeader: String] = [HTTPHeader("X-Content-Type-Options"): "nosniff", HTTPHeader("X-Frame-Options"): "DENY"]
        let headers: @Sendable ([HTTPHeader: String]) -> HTTPHeaders = { HTTPHeaders(guarded.merging($0) { $1 }) }
        let refusal: @Sendable (HTTPRequest) async -> HTTPResponse? = { request in
            guard case .ip4(_, let port) = await server.listeningAddress,
                !HostCheck(host: host, port: port).allows(host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")])
            else { return nil }
            return HTTPResponse(
                statusCode: .misdirectedRequest, headers: headers([:]),
                body: Data("this preview answers only requests addressed to 127.0.0.1:\(port) or localhost:\(port)\n".utf8))
        }
        serving = Task {
            await server.appendRoute("GET /") { request in
                if let refused = await refusal(request) { return refused }
                let page = hub.page
                return HTTPResponse(
                    statusCode: .ok,
                    headers: headers([
                        .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                        HTTPHeader("Content-Security-Policy"): PreviewPage.contentSecurityPolicy + "; frame-ancestors 'none'",
                    ]),
                    body: Data(PreviewPage.document(title: page.title, status: page.status, blocks: page.blocks).utf8))
            }
            await server.appendRoute("GET /events") { request in
                if let refused = await refusal(request) { return refused }
                return HTTPResponse(
                    statusCode: .ok, headers: headers([.contentType: "text/event-stream", .cacheControl: "no-store"]),
                    body: HTTPBodySequence(from: EventStreamBody(events: hub.subscribe())))
            }
            await server.appendRoute("*") { request in
                if let refused = await refusal(request) { return refused }
                return HTTPResponse(statusCode: .notFound, headers: headers([:]), body: Data("not found\n".utf8))
            }
            do {
                try await server.run()
            } catch {
                outcome.finish(.failure(error))
            }
        }
        Task {
            while !outcome.isFinished {
                if case .ip4(_, let port) = await server.listeningAddress {
                    outcome.finish(.success(port))
                    return
                }
                try? await Task.sleep(nanoseconds: 5_000_000)
            }
        }
        switch outcome.wait() {
        case .success(let port): return port
        case .failure(SocketError.failed(_, let number, _)) where number == EADDRINUSE:
            throw StartError(description: "the port is in use", hint: "choose another with --port, or --port 0 for a free one")
        case .failure(SocketError.failed(_, let number, _)) where number == EACCES:
            throw StartError(description: "permission denied", hint: "ports below 1024 need root: choose another with --port")
        case .failure(SocketError.failed(_, let number, _)) where number == EADDRNOTAVAIL:
            throw StartError(description: "the address is not one of this machine's", hint: "--host takes one of this machine's addresses, such as 127.0.0.1")
        case .failure(SocketError.failed(_, _, let message)):
            throw StartError(description: message.lowercased())
        case .failure:
            throw StartError(description: "the server could not start on this address")
        }
    }

    /// Closes the listening socket and every event stream at once. A browser keeps the
    /// connection of an ended event stream open for its next request, so waiting for the
    /// connections to close would only hold up Ctrl-C; whatever is still being answered then is
    /// cut after a tenth of a second.
    func stop() {
        hub.finish()
        let server = self.server
        let done = Outcome()
        Task {
            await server.stop(timeout: 0.1)
            done.finish(.success(0))
        }
        _ = done.wait()
        serving?.cancel()
    }

    /// A result handed from the server's tasks to the thread that waits for it.
    private final class Outcome: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result<UInt16, any Error>?

        var isFinished: Bool { condition.withLock { result != nil } }

        func finish(_ value: Result<UInt16, any Error>) {
            condition.withLock {
                if result == nil { result = value }
                condition.broadcast()
            }
        }

        func wait() -> Result<UInt16, any Error> {
            condition.withLock {
                while result == nil { condition.wait() }
                return result!
            }
        }
    }
}
