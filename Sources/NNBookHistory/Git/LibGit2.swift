// libgit2 must be initialised once per process before any other call.

import CLibGit2

/// Initialises libgit2 the first time it is needed.
enum LibGit2 {
    private static let initialised: Bool = {
        git_libgit2_init()
        return true
    }()

    static func ensureInitialised() { _ = initialised }
}
