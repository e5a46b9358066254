// Ctrl-C during a run: the training loop stops at the next step, the run is recorded as
// interrupted, and the page says where it stopped — instead of dying half-way through.

import Foundation
import NNBook

/// SIGINT, SIGTERM and SIGHUP (Ctrl-C, `timeout`, a closed terminal), turned into a flag that
/// every long phase checks: training between steps, readers as bytes arrive, the interpreter
/// after each command.
enum Interruption {
    private nonisolated(unsafe) static var flag: sig_atomic_t = 0
    /// When the first signal came, in milliseconds of the monotonic clock.
    private nonisolated(unsafe) static var firstAt = 0
    /// Set while a finished run is saved (its page written, the run recorded): see `saving`.
    private nonisolated(unsafe) static var isSaving: sig_atomic_t = 0

    /// A second signal within this many milliseconds of the first is the same request: GNU
    /// `timeout` sends its signal both to nnbook and to nnbook's process group, so nnbook often
    /// receives it twice at once.
    static let repeatWindow = 500

    /// The commands that catch a stop before their command line is parsed: every way through
    /// them looks at the flag. The others end at Ctrl-C as any program does, or (`sweep`, whose
    /// runs are forked from it) install the handler once the runs start.
    static let commands: Set<String> = ["run", "render"]

    /// Catches the first SIGINT, SIGTERM or SIGHUP; a second one, half a second later or more,
    /// ends the process at once (Ctrl-C pressed again by a learner who will not wait), and the
    /// plugin it was waiting for with it — except while a finished run is saved.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                // clock_gettime is safe to call in a signal handler.
                var now = timespec()
                clock_gettime(CLOCK_MONOTONIC, &now)
                let milliseconds = now.tv_sec * 1000 + now.tv_nsec / 1_000_000
                if Interruption.flag != 0 {
                    if milliseconds - Interruption.firstAt >= Interruption.repeatWindow, Interruption.isSaving == 0 {
                        PluginProcess.killRunning()
                        _exit(128 + received)
                    }
                    return
                }
                Interruption.firstAt = milliseconds
                Interruption.flag = 1
            }
        }
    }

    /// For the commands that end at Ctrl-C as any program does (`check`, `plugins`, `help`, and
    /// `sweep` until its runs start): the plugin under way, which runs in a process group of its
    /// own that no signal of the terminal reaches, is killed with what it started, and nnbook
    /// then ends by the signal, as it would have without the handler.
    static func installEnding() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                PluginProcess.killRunning()
                signal(received, SIG_DFL)
                // Delivered once this handler returns, the signal being blocked while it runs.
                raise(received)
            }
        }
    }

    /// Runs `body`, the saving of a finished run, to its end whatever signals arrive: the page
    /// is replaced in one rename and the run recorded in one reference update, each a moment's
    /// work, and a process killed between the two would leave a page that history does not
    /// know. A signal received meanwhile is still `requested` afterwards.
    static func saving(_ body: () -> Void) {
        isSaving = 1
        defer { isSaving = 0 }
        body()
    }

    /// Whether the user asked the run to stop.
    static let requested: @Sendable () -> Bool = { flag != 0 }

    /// Catches SIGTSTP (Ctrl-Z in the terminal, or a sweep stopping its runs) for every
    /// command: the plugin under way, in a process group of its own that the stop does not
    /// reach, is stopped first (`PluginProcess.stopRunning`); then this process stops as it
    /// would have without the handler, and when continued (`fg`, `bg`, the sweep going on)
    /// continues the plugin. Everything the handler does is safe in a signal handler.
    static func stopPluginsWithThisProcess() {
        signal(SIGTSTP) { _ in
            PluginProcess.stopRunning()
            signal(SIGTSTP, SIG_DFL)
            // Blocked while its handler runs: unblocked, the raised signal stops the process here.
            var stop = sigset_t()
            sigemptyset(&stop)
            sigaddset(&stop, SIGTSTP)
            pthread_sigmask(SIG_UNBLOCK, &stop, nil)
            raise(SIGTSTP)
            Interruption.stopPluginsWithThisProcess()
            PluginProcess.continueRunning()
        }
    }

    private nonisolated(unsafe) static var suspendFlag: sig_atomic_t = 0

    /// Catches SIGTSTP (Ctrl-Z) for a process whose children the terminal's signals do not
    /// reach (a sweep's runs, each in a process group of its own): the process takes the stop
    /// to them first (`suspendRequested`, then `suspend`), until `releaseSuspension` gives Ctrl-Z
    /// back to `stopPluginsWithThisProcess`.
    static func catchSuspension() {
        signal(SIGTSTP) { _ in Interruption.suspendFlag = 1 }
    }

    static func releaseSuspension() {
        stopPluginsWithThisProcess()
    }

    /// Whether Ctrl-Z was pressed since the last `suspend`.
    static func suspendRequested() -> Bool { suspendFlag != 0 }

    /// Stops this process as Ctrl-Z would have, once `stopping` has stopped what it must; when
    /// the shell continues it (`fg`, `bg`), `resuming` continues the rest.
    static func suspend(stopping: () -> Void, resuming: () -> Void) {
        suspendFlag = 0
        stopping()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        catchSuspension()
        resuming()
    }
}
