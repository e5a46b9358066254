// What every open browser page shows, and the event streams that keep them in step with it.

import Foundation

/// The page as the latest run left it (blocks, status), and the subscribed clients.
///
/// The run thread publishes; the server's tasks subscribe. A client that subscribes gets the
/// whole page first, then only the blocks whose HTML changed, so a save that changes one cell
/// replaces one element in the browser and nothing else.
final class PreviewHub: @unchecked Sendable {
    /// One block of the page as the browser shows it.
    struct Block: Equatable {
        let id: String
        let html: String
    }

    /// One update of the page, as the `page` event's JSON.
    struct PageUpdate: Encodable {
        let title: String
        let status: String
        /// Every block's id, in page order.
        let order: [String]
        /// The HTML of the blocks that are new or changed.
        let changed: [String: String]
    }

    struct Progress: Encodable {
        let id: String
        let text: String
    }

    private let lock = NSLock()
    private var title = "nnbook"
    private var status = ""
    private var blocks: [Block] = []
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    /// The current page, for a browser that loads it.
    var page: (title: String, status: String, blocks: [Block]) {
        lock.withLock { (title, status, blocks) }
    }

    var clientCount: Int { lock.withLock { clients.count } }

    /// A new client's events: the whole page, then every change. The stream ends when the
    /// client goes away (its next write fails and FlyingFox drops the body).
    func subscribe() -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.withLock {
            let update = PageUpdate(title: title, status: status, order: blocks.map(\.id), changed: Dictionary(blocks.map { ($0.id, $0.html) }) { first, _ in first })
            continuation.yield(PreviewHub.event("page", update))
            clients[id] = continuation
        }
        return stream
    }

    /// Replaces the page's blocks and status, telling clients only what differs.
    func publish(title: String, status: String, blocks newBlocks: [Block]) {
        lock.withLock {
            let old = Dictionary(blocks.map { ($0.id, $0.html) }) { first, _ in first }
            var changed: [String: String] = [:]
            for block in newBlocks where old[block.id] != block.html { changed[block.id] = block.html }
            let order = newBlocks.map(\.id)
            guard !changed.isEmpty || order != blocks.map(\.id) || status != self.status || title != self.title else { return }
            self.title = title
            self.status = status
            blocks = newBlocks
            broadcast(PreviewHub.event("page", PageUpdate(title: title, status: status, order: order, changed: changed)))
        }
    }

    /// Changes only the status line at the top of the page.
    func publish(status newStatus: String) {
        lock.withLock {
            guard newStatus != status else { return }
            status = newStatus
            broadcast(PreviewHub.event("page", PageUpdate(title: title, status: status, order: blocks.map(\.id), changed: [:])))
        }
    }

    /// The live training progress of a running cell: not kept, only sent.
    func progress(block id: String, text: String) {
        lock.withLock { broadcast(PreviewHub.event("progress", Progress(id: id, text: text))) }
    }

    /// Ends every client's stream, when the server stops.
    func finish() {
        // Outside the lock: finishing a stream calls its termination handler, which takes it.
        let ending = lock.withLock {
            defer { clients = [:] }
            return Array(clients.values)
        }
        for continuation in ending { continuation.finish() }
    }

    private func broadcast(_ event: [UInt8]) {
        for (id, continuation) in clients {
            if case .terminated = continuation.yield(event) { clients[id] = nil }
        }
    }

    private func remove(_ id: UUID) {
        lock.withLock { _ = clients.removeValue(forKey: id) }
    }

    /// `event: NAME` and one `data:` line of JSON (JSON escapes newlines, so one line holds it).
    static func event(_ name: String, _ value: some Encodable) -> [UInt8] {
        let json = (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
        return Array("event: \(name)\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}
