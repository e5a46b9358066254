// One run started by a sweep: forked from the sweep (or, where that is not safe, spawned as
// `nnbook run`) in a process group of its own, so that Ctrl-C reaches the sweep alone and the
// sweep decides what each run hears, with its errors kept in a file for the sweep to show
// beside the run's progress line.

import CProcessControl
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
    /// to `errors`. The run is sent SIGTERM if the sweep dies (see `fork`).
    static func spawn(_ arguments: [String], errors: URL) throws -> ChildProcess {
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        let file = open(errors.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { [null, file].filter { $0 >= 0 }.forEach { close($0) } }
        guard null >= 0, file >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let program = executable
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let pid = nnb_spawn(program, argv, environ, STDIN_FILENO, null, file, SIGTERM)
        guard pid > 0 else { throw POSIXError(POSIXErrorCode(rawValue: -pid) ?? .EIO) }
        return ChildProcess(pid: pid, errors: errors, started: Date())
    }

    /// Whether this process may fork and go on in the child without `exec`: only while it has
    /// one thread, since a lock another thread holds at the fork stays held in the child.
    static var mayFork: Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task"))?.count ?? 0) == 1
    }

    /// Forks, and runs `body` in the child, whose exit status it returns; standard output is
    /// discarded, standard error goes to `errors`. The child starts with everything the sweep
    /// has loaded and checked, so a run costs no process start and no second check. A run
    /// that outlives the sweep (killed by SIGKILL, or with its process group, as a CI runner or
    /// the out-of-memory killer does) is sent SIGTERM, which it takes as Ctrl-C: it stops and
    /// is recorded as interrupted, instead of training on for nobody.
    static func fork(errors: URL, _ body: () -> Int32) throws -> ChildProcess {
        fflush(nil)
        let sweep = getpid()
        let pid = Glibc.fork()
        guard pid >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if pid == 0 {
            setpgid(0, 0)
            // Ctrl-Z is taken as `nnbook run` takes it, not by the sweep's handler.
            Interruption.stopPluginsWithThisProcess()
            guard nnb_die_with_parent(sweep, SIGTERM) == 0 else { _exit(NNBookExit.interrupted) }
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
        nnb_keep(pid)
        return ChildProcess(pid: pid, errors: errors, started: Date())
    }

    /// The exit status once the child has ended (128 + the signal when a signal ended it);
    /// nil while it runs.
    func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        nnb_release(pid)
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Asks the run to stop as Ctrl-C would: it records itself as interrupted.
    func interrupt() { kill(pid, SIGINT) }

    /// Stops the runs' process groups where they are (Ctrl-Z on the sweep), until `resume`:
    /// SIGTSTP, which a run takes as Ctrl-Z and so stops its plugin under way (in a process
    /// group of its own) before itself; SIGSTOP, which no process can put off, for a run not
    /// stopped within `stopGrace` seconds.
    static func suspend(_ runs: [ChildProcess]) {
        for run in runs { kill(-run.pid, SIGTSTP) }
        let deadline = Date().addingTimeInterval(stopGrace)
        var going = runs
        while !going.isEmpty, Date() < deadline {
            going.removeAll { $0.hasStoppedOrExited }
            if !going.isEmpty { usleep(2000) }
        }
        for run in going { kill(-run.pid, SIGSTOP) }
    }

    /// Seconds a run has to stop itself (and its plugin) at Ctrl-Z.
    static let stopGrace = 0.5

    /// Whether the child is stopped or has ended, leaving its status to `poll`.
    private var hasStoppedOrExited: Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WSTOPPED | WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    func resume() { kill(-pid, SIGCONT) }

    /// What the child wrote to standard error, then the file is removed.
    func takeErrors() -> String {
        defer { try? FileManager.default.removeItem(at: errors) }
        return (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    }
}
