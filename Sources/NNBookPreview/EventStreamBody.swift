// A response body that stays open and carries Server-Sent Events as they happen.

import FlyingFox
import FlyingSocks

/// The bytes of one client's event stream, handed to FlyingFox as a chunked body: each event
/// becomes a chunk as soon as it is published, and the body ends when the stream finishes.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// Whatever is waiting, up to `count` bytes; suspends (using no CPU) until the next
        /// event when nothing is.
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = event[...]
            }
            let taken = pending.prefix(Swift.max(count, 1))
            pending = pending.dropFirst(taken.count)
            return Array(taken)
        }
    }
}
