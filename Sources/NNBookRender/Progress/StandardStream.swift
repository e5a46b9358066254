// Writing to standard output and standard error when nobody may be reading any more.

import Foundation

/// Writes whole texts to a standard stream, and treats a closed reader (`nnbook run … | head -1`)
/// as "nobody is reading": the text is dropped and the command goes on to record its run and
/// write its page, instead of dying of SIGPIPE or of Foundation's trap on a failed write.
public enum StandardStream {
    public static let output = STDOUT_FILENO
    public static let error = STDERR_FILENO

    /// Makes a write to a closed pipe fail with EPIPE instead of killing the process; called
    /// first thing by the command, and inherited by the runs a sweep forks or spawns.
    public static func ignoreClosedReaders() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `text` to `descriptor`, retrying interrupted and partial writes; any other
    /// failure (a closed pipe, a full disk behind a redirection) drops the rest silently.
    public static func write(_ text: String, to descriptor: Int32) {
        write(Data(text.utf8), to: descriptor)
    }

    /// Writes all of `data` to `descriptor`, as `write(_:to:)` writes a text.
    public static func write(_ data: Data, to descriptor: Int32) {
        var bytes = data[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
