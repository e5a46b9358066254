// Running an external plugin for one request: start it, send a line, read a line, within a
// time limit — and never hang or crash because of what the plugin does.

import CProcessControl
import Foundation
import Glibc

/// One request to an external plugin's executable.
public struct PluginProcess: Sendable {
    public let name: String
    public let executable: URL
    /// Seconds a request may take before the plugin is stopped.
    public let timeLimit: Double
    /// Whether the user asked nnbook to stop (Ctrl-C, SIGTERM): every request, `describe` and
    /// `check` included, then stops its plugin at once instead of waiting for its answer.
    public let shouldStop: @Sendable () -> Bool

    public init(name: String, executable: URL, timeLimit: Double, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.name = name
        self.executable = executable
        self.timeLimit = timeLimit
        self.shouldStop = shouldStop
    }

    /// Seconds a plugin asked to stop (SIGTERM) has to exit before it is killed (SIGKILL).
    public static let grace = 1.0

    /// Sends `request` and returns the plugin's answer; every way a plugin can misbehave is a
    /// `PluginFailure` with a message for the learner. When `shouldStop`, or `stopsWhen` (the
    /// run's own reason to stop, a live preview's edit), turns true, the plugin is stopped at
    /// once, as it is past its time limit, and the failure says the request was interrupted.
    public func send(_ request: PluginProtocol.Request, stopsWhen: () -> Bool = { false }) throws(PluginFailure) -> PluginProtocol.Response {
        var line = try RequestLine(request, plugin: name)
        // A plugin that exits without reading its input must not kill nnbook with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let child = try spawn()
        PluginProcess.runningGroup = child.pid
        let collected = Collected()
        let group = DispatchGroup()
        for (descriptor, isOutput) in [(child.output, true), (child.errors, false)] {
            group.enter()
            DispatchQueue.global().async {
                collected.read(descriptor, isOutput: isOutput)
                group.leave()
            }
        }
        // Made and written a chunk at a time between looks at the clock and the stop flag, never
        // blocking: a plugin that reads nothing while a large data set fills the pipe, or a data
        // set whose numbers take seconds to write, must not keep nnbook from its time limit or
        // from a stop.
        var input: Int32? = child.input
        _ = fcntl(child.input, F_SETFL, fcntl(child.input, F_GETFL) | O_NONBLOCK)
        var chunk: [UInt8] = [], offset = 0
        let deadline = DispatchTime.now() + timeLimit, stoppedBefore = PluginProcess.stoppedNanoseconds
        // The time limit, moved on by the time nnbook has been stopped since the request began.
        let timeIsUp = { DispatchTime.now() >= deadline + .nanoseconds(Int(clamping: PluginProcess.stoppedNanoseconds &- stoppedBefore)) }
        var stopped = false
        // A plugin that has answered and lingers (a server's loop, a sleep before exiting) is
        // given `grace` to exit, then stopped: its answer stands.
        var answeredAt: DispatchTime?, lingered = false
        while !PluginProcess.hasExited(child.pid) {
            if shouldStop() || stopsWhen() {
                stopped = true
                break
            }
            if answeredAt == nil, collected.answered { answeredAt = .now() }
            if let answeredAt, DispatchTime.now() >= answeredAt + PluginProcess.grace {
                lingered = true
                break
            }
            if timeIsUp() || collected.overflowed { break }
            guard let descriptor = input else {
                usleep(2000)
                continue
            }
            if offset == chunk.count {
                chunk.removeAll(keepingCapacity: true)
                offset = 0
                if !line.next(into: &chunk) {
                    close(descriptor)
                    input = nil
                    continue
                }
            }
            let written = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written > 0 { offset += written }
            if written < 0 && errno != EAGAIN && errno != EINTR {
                close(descriptor)
                input = nil
            } else if written < 0, errno == EAGAIN {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 2)
            }
        }
        if let input { close(input) }
        let ended = !PluginProcess.hasExited(child.pid)
        if ended { PluginProcess.end(group: child.pid) }
        if PluginProcess.runningGroup == child.pid { PluginProcess.runningGroup = 0 }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0, errno == EINTR {}
        nnb_release(child.pid)
        // Nothing the plugin started outlives its request: its process group (a shell's
        // `sleep &`, which may hold the pipes open), and what left the group (`setsid`) and
        // came to nnbook when its parent ended.
        kill(-child.pid, SIGKILL)
        if PluginProcess.adoptsOrphans { nnb_end_adopted(1) }
        _ = group.wait(timeout: max(deadline, .now() + 2))
        if stopped {
            throw PluginFailure(plugin: name, message: "was stopped, because the run was interrupted", interrupted: true)
        }
        if collected.overflowed {
            throw PluginFailure(
                plugin: name, message: "answered more than \(PluginProtocol.maximumAnswer >> 20) MB and was stopped",
                hint: "an answer is one line of JSON of at most \(PluginProtocol.maximumAnswer >> 20) MB; a plugin with more data writes it to a file that the notebook loads")
        }
        if ended, !lingered {
            throw PluginFailure(
                plugin: name, message: "did not answer within \(NumberText.plain(timeLimit)) seconds and was stopped",
                hint: "allow it more time with --plugin-timeout SECONDS")
        }
        let (stdout, stderr) = collected.values
        let said = PluginProcess.lastLines(of: stderr).map { "it wrote to standard error:\n" + $0 }
        let signalled = status & 0x7F != 0, code = (status >> 8) & 0xFF
        if !lingered, signalled || code != 0 {
            let how = signalled ? "was killed by signal \(status & 0x7F)" : "exited with status \(code)"
            throw PluginFailure(plugin: name, message: "crashed: it \(how)", hint: said)
        }
        guard let firstLine = PluginProcess.firstLine(of: stdout) else {
            throw PluginFailure(plugin: name, message: "answered nothing",
                                hint: "a plugin answers each request with one line of JSON on standard output" + (said.map { "; " + $0 } ?? ""))
        }
        do {
            // A long answer takes seconds to decode: a stop asked meanwhile ends the wait at
            // once, and one asked as it ends is not lost.
            func stops() -> Bool { shouldStop() || stopsWhen() }
            guard let response = try InterruptibleDecoding.decode(PluginProtocol.Response.self, from: firstLine, unless: stops), !stops() else {
                throw PluginFailure(plugin: name, message: "was stopped, because the run was interrupted", interrupted: true)
            }
            return response
        } catch let error as PluginFailure {
            throw error
        } catch let error as DecodingError where !ProtocolMismatch.isNotJSON(error) {
            throw PluginFailure(
                plugin: name, message: "answered \(request.request) with a message that does not follow the protocol: " + ProtocolMismatch.reason(error, in: firstLine),
                hint: "the protocol's messages and their fields are described in the article \"Writing a plugin\"")
        } catch {
            let shown = String(decoding: firstLine.prefix(80), as: UTF8.self)
            throw PluginFailure(plugin: name, message: "answered with something that is not a protocol message: \(shown)",
                                hint: "a plugin answers with one line of JSON; print anything else to standard error")
        }
    }

    /// The answer's first line with something on it (a plugin may print blank lines first),
    /// found with `memchr`: looked for byte by byte, the end of a 64 MB line took seconds
    /// that no Ctrl-C could cut short.
    static func firstLine(of answer: Data) -> Data? {
        answer.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data? in
            guard var start = bytes.baseAddress else { return nil }
            let end = start + bytes.count
            while start < end {
                let lineEnd = memchr(start, Int32(UInt8(ascii: "\n")), end - start).map { UnsafeRawPointer($0) } ?? end
                let line = UnsafeRawBufferPointer(start: start, count: lineEnd - start)
                if line.contains(where: { $0 != 32 && $0 != 13 }) { return Data(line) }
                start = lineEnd + 1
            }
            return nil
        }
    }

    /// The most lines of a failed plugin's standard error that a message quotes: the end of a
    /// Python traceback (the error and the lines that raised it).
    static let quotedErrorLines = 12

    /// The end of what a plugin wrote to standard error, as indented lines for a hint (a
    /// traceback stays a traceback): its last `quotedErrorLines` lines within its last 1,000
    /// bytes, `…` where it was cut; nil when it wrote nothing. The diagnostic escapes control
    /// characters.
    static func lastLines(of errors: Data) -> String? {
        let tail = errors.suffix(1000)
        var lines = String(decoding: tail, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            while line.last?.isWhitespace == true { line.removeLast() }
            return line
        }
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        guard !lines.isEmpty else { return nil }
        var cut = tail.count < errors.count
        if lines.count > quotedErrorLines {
            lines = Array(lines.suffix(quotedErrorLines))
            cut = true
        }
        return (cut ? ["…"] + lines : lines).map { "  " + $0 }.joined(separator: "\n")
    }

    /// Whether nnbook ends the processes its plugins leave behind: see `adoptOrphans`.
    private nonisolated(unsafe) static var adoptsOrphans = false

    /// Makes this process the reaper of what its plugins start (Linux): a plugin's child that
    /// leaves the plugin's process group (`setsid`) becomes this process's child when its
    /// parent ends, instead of init's, and is killed and reaped when the request ends (and by
    /// `killRunning`). For the nnbook executable, at its start and in each process it forks:
    /// every child of the process that nnbook did not start itself is then taken for such a
    /// leftover, so a program that embeds NNBook and has children of its own leaves it off.
    public static func adoptOrphans() {
        adoptsOrphans = nnb_become_subreaper() == 0
    }

    /// The process group of the request under way (its plugin's pid), 0 between requests: what
    /// `killRunning` kills when nnbook must end at once.
    private nonisolated(unsafe) static var runningGroup: pid_t = 0

    /// Kills the plugin of the request under way, with everything it started. For a signal
    /// handler that ends nnbook at once (Ctrl-C pressed twice): a plugin runs in a process group
    /// of its own, so no signal of the terminal reaches it, and it would outlive nnbook. Safe in
    /// a signal handler: `kill`, `waitid` and what `nnb_end_adopted` does. The plugin is waited
    /// for until it has died, so that what it started outside its group has come to nnbook.
    public static func killRunning() {
        let group = runningGroup
        if group > 0 {
            kill(-group, SIGKILL)
            var info = siginfo_t()
            while waitid(P_PID, id_t(group), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
        }
        if adoptsOrphans { nnb_end_adopted(0) }
    }

    /// Monotonic nanoseconds that nnbook spent stopped (Ctrl-Z) with a plugin under way, and
    /// when the stop under way began (0 when none): a request's time limit counts only the
    /// time its plugin could work, so that `fg` after a long stop does not time it out.
    private nonisolated(unsafe) static var stoppedNanoseconds: UInt64 = 0, stoppedSince: UInt64 = 0

    /// The monotonic clock, read as a signal handler may (`clock_gettime`).
    private static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Stops the plugin of the request under way with everything in its process group
    /// (SIGSTOP), for nnbook's handler of SIGTSTP before it stops itself: the plugin runs in a
    /// process group of its own, which neither the terminal's Ctrl-Z nor a sweep stopping its
    /// runs reaches, and it would work on while nnbook stands still. Safe in a signal handler.
    public static func stopRunning() {
        let group = runningGroup
        guard group > 0 else { return }
        stoppedSince = monotonicNanoseconds()
        kill(-group, SIGSTOP)
    }

    /// Continues what `stopRunning` stopped, once nnbook is continued (`fg`, `bg`). Safe in a
    /// signal handler.
    public static func continueRunning() {
        let group = runningGroup
        if group > 0 { kill(-group, SIGCONT) }
        if stoppedSince > 0 { stoppedNanoseconds &+= monotonicNanoseconds() &- stoppedSince }
        stoppedSince = 0
    }

    /// Whether the child `pid` has exited, leaving it unreaped: while it is a zombie its pid,
    /// and so its process group's id, cannot be given to another process.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Asks the plugin's process group to end (SIGTERM, so that a plugin can tidy up), and
    /// kills it after `grace` seconds if the plugin has not exited by then.
    private static func end(group pid: pid_t) {
        kill(-pid, SIGTERM)
        let deadline = DispatchTime.now() + grace
        while !hasExited(pid), DispatchTime.now() < deadline { usleep(2000) }
        kill(-pid, SIGKILL)
    }

    /// Starts the executable in a process group of its own, with pipes for its standard input,
    /// output and error; on Linux it is killed if nnbook dies first, even by SIGKILL.
    private func spawn() throws(PluginFailure) -> (pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw PluginFailure(plugin: name, message: "cannot be started: no pipes are left (\(String(cString: strerror(errno))))")
        }
        // Descriptors opened while another plugin starts must not leak into it, nor these into
        // the next.
        for descriptor in input + output + errors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let path = executable.path
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { arguments.forEach { free($0) } }
        let pid = nnb_spawn(path, arguments, environ, input[0], output[1], errors[1], SIGKILL)
        close(input[0])
        close(output[1])
        close(errors[1])
        guard pid > 0 else {
            close(input[1])
            close(output[0])
            close(errors[0])
            throw PluginFailure(plugin: name, message: "cannot be started: \(String(cString: strerror(-pid)))",
                                hint: "check that \(path) is executable (chmod +x) and that its interpreter exists")
        }
        return (pid, input[1], output[0], errors[0])
    }
}

/// Output gathered from a plugin's pipes by two reader threads, each bounded: the answer to
/// `PluginProtocol.maximumAnswer`, standard error to its last `PluginProtocol.keptErrors` bytes.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data(), errors = Data()
    private var outputOverflowed = false
    /// Whether a line with something on it has ended in the answer: the plugin has answered.
    private var answerEnded = false, answerBegun = false

    /// Whether the plugin has written its answer's line, whether or not it has exited.
    var answered: Bool {
        lock.lock()
        defer { lock.unlock() }
        return answerEnded
    }

    /// Whether the answer grew past `PluginProtocol.maximumAnswer`: the plugin is then stopped.
    var overflowed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return outputOverflowed
    }

    /// Reads `descriptor` to its end (closing it), or, for the answer, until it is too long:
    /// the reading then stops, so that the plugin's next write fails and the answer's bytes
    /// stop arriving, whether or not the plugin is stopped first.
    func read(_ descriptor: Int32, isOutput: Bool) {
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            lock.lock()
            defer { lock.unlock() }
            if isOutput {
                guard output.count + count <= PluginProtocol.maximumAnswer else {
                    outputOverflowed = true
                    output = Data()
                    return
                }
                output.append(contentsOf: buffer[..<count])
                for byte in buffer[..<count] where !answerEnded {
                    if byte == UInt8(ascii: "\n") {
                        answerEnded = answerBegun
                    } else if byte != 32, byte != 13 {
                        answerBegun = true
                    }
                }
            } else {
                errors.append(contentsOf: buffer[..<count])
                // Removed in place: a suffix of `Data` is a slice that keeps, and goes on
                // growing, the storage of everything the plugin ever wrote.
                if errors.count > 2 * PluginProtocol.keptErrors { errors.removeSubrange(errors.startIndex..<(errors.endIndex - PluginProtocol.keptErrors)) }
            }
        }
    }

    var values: (Data, Data) {
        lock.lock()
        defer { lock.unlock() }
        return (output, errors)
    }
}

/// An external plugin that misbehaved.
public struct PluginFailure: Error, Equatable, CustomStringConvertible, Sendable {
    public let plugin: String
    public let message: String
    public var hint: String?
    /// The request was cut short because the run was asked to stop, not by the plugin's fault.
    public var interrupted = false

    public var description: String { "the plugin '\(plugin)' \(message)" }
}
