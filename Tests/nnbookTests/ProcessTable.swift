// What /proc shows of the processes nnbook started: for tests that send signals to a real
// nnbook and watch its runs and plugins stop, continue and end.

import Foundation

enum ProcessTable {
    /// The children of `parent` once `count` of them run (30 s at most).
    static func children(of parent: pid_t, count: Int) -> [pid_t] {
        let deadline = Date().addingTimeInterval(30)
        var children: [pid_t] = []
        while children.count < count, Date() < deadline {
            usleep(20_000)
            children = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { pid_t($0) }.filter { pid in
                fields(of: pid).flatMap { $0.dropFirst().first }.flatMap { pid_t($0) } == parent
            }
        }
        return children.sorted()
    }

    /// A process's state (`R`, `S`, `T` stopped, `Z` ended); nil once it is gone.
    static func state(of pid: pid_t) -> Character? {
        fields(of: pid)?.first?.first
    }

    /// Waits until `condition` holds, 20 s at most.
    static func waitUntil(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(20)
        while !condition(), Date() < deadline { usleep(20_000) }
    }

    /// The fields of /proc/PID/stat after the command's name: state, parent, …
    private static func fields(of pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let end = stat.range(of: ") ", options: .backwards) else { return nil }
        return stat[end.upperBound...].split(separator: " ")
    }
}
