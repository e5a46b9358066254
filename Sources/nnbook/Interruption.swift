// Ctrl-C during a run: the training loop stops at the next step, the run is recorded as
// interrupted, and the page says where it stopped — instead of dying half-way through.

import Foundation

/// SIGINT, SIGTERM and SIGHUP (Ctrl-C, `timeout`, a closed terminal), turned into a flag that
/// every long phase checks: training between steps, readers as bytes arrive, the interpreter
/// after each command.
enum Interruption {
    private nonisolated(unsafe) static var flag: sig_atomic_t = 0
    /// When the first signal came, in milliseconds of the monotonic clock.
    private nonisolated(unsafe) static var firstAt = 0

    /// A second signal within this many milliseconds of the first is the same request: GNU
    /// `timeout` sends its signal both to nnbook and to nnbook's process group, so nnbook often
    /// receives it twice at once.
    static let repeatWindow = 500

    /// Catches the first SIGINT, SIGTERM or SIGHUP; a second one, half a second later or more,
    /// ends the process at once (Ctrl-C pressed again by a learner who will not wait).
    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                // clock_gettime is safe to call in a signal handler.
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let milliseconds = now.tv_sec * 1000 + now.tv_nsec / 1_000_000
                if Interruption.flag != 0 {
                    if milliseconds - Interruption.firstAt >= Interruption.repeatWindow { _exit(128 + received) }
                    return
                }
                Interruption.firstAt = milliseconds
                Interruption.flag = 1
            }
        }
    }

    /// Whether the user asked the run to stop.
    static let requested: @Sendable () -> Bool = { flag != 0 }
}
