// A unified diff of two texts, computed by libgit2's diff engine.

import CLibGit2
import Foundation

/// `diff -u` of two texts, labelled with the paths given.
public enum TextDiff {
    /// The unified diff from `old` to `new`; empty when they are equal.
    public static func unified(_ old: String, _ new: String, oldPath: String, newPath: String) throws(GitError) -> String {
        LibGit2.ensureInitialised()
        guard old != new else { return "" }
        let oldData = Data(old.utf8), newData = Data(new.utf8)
        var patch: OpaquePointer?
        try check("compare the texts") {
            oldData.withUnsafeBytes { o in
                newData.withUnsafeBytes { n in
                    git_patch_from_buffers(&patch, o.baseAddress, oldData.count, oldPath, n.baseAddress, newData.count, newPath, nil)
                }
            }
        }
        defer { git_patch_free(patch) }
        var buffer = git_buf()
        try check("print the differences") { git_patch_to_buf(&buffer, patch) }
        defer { git_buf_dispose(&buffer) }
        guard let pointer = buffer.ptr else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: buffer.size), as: UTF8.self)
    }
}
