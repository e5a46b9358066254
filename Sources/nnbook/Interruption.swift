// Ctrl-C during a run: the training loop stops at the next step, the run is recorded as
// interrupted, and the page says where it stopped — instead of dying half-way through.

import Foundation

/// SIGINT, SIGTERM and SIGHUP (Ctrl-C, `timeout`, a closed terminal), turned into a flag that
/// every long phase checks: training between steps, readers as bytes arrive, the interpreter
/// after each command.
enum Interruption {
    private nonisolated(unsafe) static var flag: sig_atomic_t = 0

    /// Catches the first SIGINT, SIGTERM or SIGHUP; a second one ends the process at once.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                if Interruption.flag != 0 { _exit(128 + received) }
                Interruption.flag = 1
            }
        }
    }

    /// Whether the user asked the run to stop.
    static let requested: @Sendable () -> Bool = { flag != 0 }
}
