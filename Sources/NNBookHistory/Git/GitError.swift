// A libgit2 failure as a Swift error, carrying libgit2's own message.

import CLibGit2

/// What went wrong in a libgit2 call: the operation, libgit2's code and its message.
public struct GitError: Error, Equatable, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32
    public let message: String

    public var description: String {
        message.isEmpty ? "\(operation) failed (libgit2 error \(code))" : "\(operation): \(message)"
    }

    /// The error of the libgit2 call that just returned `code`; the thread's error state is read
    /// right away (it is only valid until the next call) and cleared.
    static func last(_ operation: String, code: Int32) -> GitError {
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? ""
        git_error_clear()
        return GitError(operation: operation, code: code, message: message)
    }

    /// The reference was changed by someone else between reading and writing it.
    public var isConcurrentUpdate: Bool {
        code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue || code == GIT_EEXISTS.rawValue
    }
}

/// Calls a libgit2 function and turns a negative result into a `GitError`.
@discardableResult
func check(_ operation: String, _ call: () -> Int32) throws(GitError) -> Int32 {
    let code = call()
    if code < 0 { throw GitError.last(operation, code: code) }
    return code
}
