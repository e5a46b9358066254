// One run started by a sweep: forked from the sweep (or, where that is not safe, spawned as
// `nnbook run`) in a process group of its own, so that Ctrl-C reaches the sweep alone and the
// sweep decides what each run hears, with its errors kept in a file for the sweep to show
// beside the run's progress line.

import Foundation
import NNBook

/// A child process, polled rather than waited for, so the sweep can react to Ctrl-C.
struct ChildProcess {
    let pid: pid_t
    /// Where the child's standard error goes.
    let errors: URL
    let started: Date

    /// This very executable, so that a sweep's runs use the same nnbook as the sweep.
    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Starts `executable` with `arguments`; standard output is discarded, standard error goes
    /// to `errors`.
    static func spawn(_ arguments: [String], errors: URL) throws -> ChildProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let program = executable
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        PluginProcess.keep(pid)
        return ChildProcess(pid: pid, errors: errors, started: Date())
    }

    /// Whether this process may fork and go on in the child without `exec`: only while it has
    /// one thread, since a lock another thread holds at the fork stays held in the child.
    static var mayFork: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.count ?? 0) == 1
    }

    /// Forks, and runs `body` in the child, whose exit status it returns; standard output is
    /// discarded, standard error goes to `errors`. The child starts with everything the sweep
    /// has loaded and checked, so a run costs no process start and no second check.
    static func fork(errors: URL, _ body: () -> Int32) throws -> ChildProcess {
        fflush(nil)
        let pid = Glibc.fork()
        guard pid >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if pid == 0 {
            setpgid(0, 0)
            // A fork is no reaper of what its plugins leave behind until it asks to be.
            PluginProcess.adoptOrphans()
            let null = open("/dev/null", O_WRONLY)
            let file = open(errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard null >= 0, file >= 0, dup2(null, 1) >= 0, dup2(file, 2) >= 0 else { _exit(NNBookExit.notebookFailed) }
            let status = body()
            fflush(nil)
            _exit(status)
        }
        // Also here, so that a Ctrl-C sent before the child has run a line does not reach it.
        setpgid(pid, pid)
        PluginProcess.keep(pid)
        return ChildProcess(pid: pid, errors: errors, started: Date())
    }

    /// The exit status once the child has ended (128 + the signal when a signal ended it);
    /// nil while it runs.
    func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        PluginProcess.release(pid)
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Asks the run to stop as Ctrl-C would: it records itself as interrupted.
    func interrupt() { kill(pid, SIGINT) }

    /// What the child wrote to standard error, then the file is removed.
    func takeErrors() -> String {
        defer { try? FileManager.default.removeItem(at: errors) }
        return (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    }
}
