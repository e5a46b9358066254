// Ctrl-C during a run: the training loop stops at the next step, the run is recorded as
// interrupted, and the page says where it stopped — instead of dying half-way through.

import Foundation

/// SIGINT and SIGTERM, turned into a flag that training checks between steps.
enum Interruption {
    private nonisolated(unsafe) static var flag: sig_atomic_t = 0

    /// Catches the first SIGINT or SIGTERM; a second one ends the process at once.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                if Interruption.flag != 0 { _exit(128 + received) }
                Interruption.flag = 1
            }
        }
    }

    /// Whether the user asked the run to stop.
    static let requested: @Sendable () -> Bool = { flag != 0 }
}
