// Decoding a plugin's answer beside the run: the largest answer the protocol takes, 64 MB,
// takes seconds to decode (a data set of 33 million numbers: 11 s of CPU and 1.7 GB), and a
// Ctrl-C, a SIGTERM or a live preview's save must not wait for it.

import Foundation

/// JSON decoded on another thread while the caller keeps looking at its reasons to stop.
enum InterruptibleDecoding {
    /// How often the caller looks at `stop` while the answer is decoded.
    static let interval = DispatchTimeInterval.milliseconds(10)

    /// `data` decoded as `T`, or nil as soon as `stop()` is true. JSONDecoder cannot be
    /// cancelled: a decode left behind runs to its end on its own thread, and its result is
    /// dropped; nothing waits for it, and a process that is stopping exits without it.
    static func decode<T: Decodable & Sendable>(_ type: T.Type, from data: Data, unless stop: () -> Bool) throws -> T? {
        let outcome = Outcome<T>()
        DispatchQueue.global().async {
            outcome.result = Result { try JSONDecoder().decode(T.self, from: data) }
            outcome.done.signal()
        }
        while outcome.done.wait(timeout: .now() + interval) == .timedOut {
            if stop() { return nil }
        }
        return try outcome.result?.get()
    }

    /// The decode's result, handed over by the semaphore that says it is there.
    private final class Outcome<T>: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: Result<T, any Error>?
    }
}
