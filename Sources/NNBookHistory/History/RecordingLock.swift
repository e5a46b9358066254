// The lock nnbook holds while it records a run, so that git's lock file on a notebook's
// reference, when a run killed while recording left one, is known to be left and is taken over.

import Foundation

/// A repository's recording lock: an `flock` on `nnbook-recording.lock` in its git folder,
/// held while a run moves its notebook's reference. The kernel releases it when its holder
/// dies, however it dies (SIGKILL, `timeout -s KILL`, the OOM killer), so while one nnbook
/// holds it no other live nnbook holds git's lock on a reference: a `NAME.lock` found then was
/// left by a killed run, or belongs to another git program, which holds it for milliseconds.
enum RecordingLock {
    static let fileName = "nnbook-recording.lock"

    /// Runs `body` holding the lock of the repository whose references `commonDirectory` holds
    /// (one lock for all its worktrees), waiting while another nnbook records (each holds it for
    /// about a millisecond).
    static func holding<T>(in commonDirectory: URL, _ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        let path = commonDirectory.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw failure("open \(path)") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("lock \(path)") }
        }
        return try body()
    }

    private static func failure(_ operation: String) -> HistoryError {
        .git(GitError(operation: operation, code: -1, message: String(cString: strerror(errno))))
    }
}
