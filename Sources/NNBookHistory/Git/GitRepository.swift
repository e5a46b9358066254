// The thin Swift wrapper over libgit2 that run history needs. No libgit2 pointer leaves this
// file: every object is freed where it is created, every error becomes a GitError.

import CLibGit2
import Foundation

/// An open git repository. Not Sendable: libgit2's repository handle belongs to one thread.
public final class GitRepository {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) { self.handle = handle }

    deinit { git_repository_free(handle) }

    /// The repository containing `folder`, searching upward as `git` does; nil when there is
    /// none. A repository that exists but cannot be opened (another user's, say) is an error,
    /// never taken for a missing one.
    public static func containing(_ folder: URL) throws(GitError) -> GitRepository? {
        LibGit2.ensureInitialised()
        var repository: OpaquePointer?
        let code = git_repository_open_ext(&repository, folder.path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue {
            let error = GitError.last("open the repository", code: code)
            if error.message.contains("safe.directory") || error.message.contains("owner") { throw error }
            return nil
        }
        if code < 0 { throw GitError.last("open the repository at \(folder.path)", code: code) }
        return GitRepository(handle: repository!)
    }

    /// Opens the repository at exactly `path`.
    public static func open(_ path: URL) throws(GitError) -> GitRepository {
        LibGit2.ensureInitialised()
        var repository: OpaquePointer?
        try check("open the repository at \(path.path)") {
            git_repository_open_ext(&repository, path.path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        }
        return GitRepository(handle: repository!)
    }

    /// Creates a bare repository at `path`.
    public static func createBare(_ path: URL) throws(GitError) -> GitRepository {
        LibGit2.ensureInitialised()
        var repository: OpaquePointer?
        try check("create a repository at \(path.path)") { git_repository_init(&repository, path.path, 1) }
        return GitRepository(handle: repository!)
    }

    /// The working folder, or nil for a bare repository.
    public var workingDirectory: URL? {
        git_repository_workdir(handle).map { URL(fileURLWithPath: String(cString: $0), isDirectory: true) }
    }

    /// The `.git` folder (or the bare repository itself).
    public var gitDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true)
    }

    /// The folder that holds the references every worktree shares (`refs/…` and git's locks on
    /// them): the `.git` folder, or the main one's for a worktree made by `git worktree add`.
    public var commonDirectory: URL {
        URL(fileURLWithPath: String(cString: git_repository_commondir(handle)), isDirectory: true)
    }

    // MARK: Writing objects

    public func writeBlob(_ data: Data) throws(GitError) -> ObjectID {
        var oid = git_oid()
        try check("write a blob") {
            data.withUnsafeBytes { git_blob_create_from_buffer(&oid, handle, $0.baseAddress, data.count) }
        }
        return ObjectID(oid)
    }

    /// Writes a tree of files given by path (`assets/loss.svg`), one tree per folder.
    public func writeTree(files: [String: Data]) throws(GitError) -> ObjectID {
        var blobs: [String: ObjectID] = [:]
        var folders: [String: [String: Data]] = [:]
        for (path, data) in files {
            if let slash = path.firstIndex(of: "/") {
                folders[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = data
            } else {
                blobs[path] = try writeBlob(data)
            }
        }
        var trees: [String: ObjectID] = [:]
        for (name, contents) in folders { trees[name] = try writeTree(files: contents) }

        var builder: OpaquePointer?
        try check("start a tree") { git_treebuilder_new(&builder, handle, nil) }
        defer { git_treebuilder_free(builder) }
        for (name, id) in blobs {
            var oid = id.oid
            try check("add \(name) to a tree") { git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_BLOB) }
        }
        for (name, id) in trees {
            var oid = id.oid
            try check("add \(name)/ to a tree") { git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE) }
        }
        var tree = git_oid()
        try check("write a tree") { git_treebuilder_write(&tree, builder) }
        return ObjectID(tree)
    }

    /// Creates a commit without moving any reference (the caller moves it with
    /// `updateReference`, so that a concurrent writer is noticed).
    public func createCommit(tree: ObjectID, parent: ObjectID?, message: String, time: Date) throws(GitError) -> ObjectID {
        var treeOID = tree.oid
        var treeObject: OpaquePointer?
        try check("read a tree") { git_tree_lookup(&treeObject, handle, &treeOID) }
        defer { git_tree_free(treeObject) }
        var parentObject: OpaquePointer?
        if var parentOID = parent?.oid {
            try check("read the previous run") { git_commit_lookup(&parentObject, handle, &parentOID) }
        }
        defer { git_commit_free(parentObject) }
        let signature = try self.signature(time: time)
        defer { git_signature_free(signature) }
        var oid = git_oid()
        var parents: [OpaquePointer?] = parentObject.map { [$0] } ?? []
        try check("write a commit") {
            parents.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(&oid, handle, nil, signature, signature, "UTF-8", message, treeObject, buffer.count, buffer.baseAddress)
            }
        }
        return ObjectID(oid)
    }

    /// The user's git identity, or nnbook's own where git has none (CI, fresh machines).
    private func signature(time: Date) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var configured: UnsafeMutablePointer<git_signature>?
        let seconds = git_time_t(time.timeIntervalSince1970.rounded(.down))
        if git_signature_default(&configured, handle) == 0, let configured {
            defer { git_signature_free(configured) }
            var timed: UnsafeMutablePointer<git_signature>?
            try check("make a signature") { git_signature_new(&timed, configured.pointee.name, configured.pointee.email, seconds, 0) }
            return timed!
        }
        git_error_clear()
        var fallback: UnsafeMutablePointer<git_signature>?
        try check("make a signature") { git_signature_new(&fallback, "nnbook", "nnbook@localhost", seconds, 0) }
        return fallback!
    }

    // MARK: References

    public static func isValidReferenceName(_ name: String) -> Bool {
        LibGit2.ensureInitialised()
        var valid: Int32 = 0
        return git_reference_name_is_valid(&valid, name) == 0 && valid == 1
    }

    /// The commit a reference points to, or nil when it does not exist.
    public func reference(_ name: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, name)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        if code < 0 { throw GitError.last("read \(name)", code: code) }
        return ObjectID(oid)
    }

    /// What `name` points to when it is a symbolic reference (a name, not a commit); nil when
    /// it is a plain reference or there is none.
    public func symbolicTarget(of name: String) -> String? {
        var reference: OpaquePointer?
        guard git_reference_lookup(&reference, handle, name) == 0 else {
            git_error_clear()
            return nil
        }
        defer { git_reference_free(reference) }
        guard git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC else { return nil }
        return git_reference_symbolic_target(reference).map { String(cString: $0) }
    }

    /// Moves `name` to `target` only if it still points to `expected` (or, with nil, only if it
    /// does not exist yet): a compare-and-swap, so a concurrent run is never overwritten.
    public func updateReference(_ name: String, to target: ObjectID, expecting expected: ObjectID?, message: String) throws(GitError) {
        var targetOID = target.oid
        var reference: OpaquePointer?
        // An all-zero expected id means "must not exist yet", checked under the reference's
        // lock; creating with force 0 instead checks before taking the lock, so two first runs
        // could both pass the check and the second would overwrite the first.
        var expectedOID = expected?.oid ?? git_oid()
        try check(expected == nil ? "create \(name)" : "move \(name)") {
            git_reference_create_matching(&reference, handle, name, &targetOID, 1, &expectedOID, message)
        }
        git_reference_free(reference)
    }

    /// The references whose names start with `prefix`, and the commits they point to, by name.
    public func references(under prefix: String) throws(GitError) -> [(name: String, target: ObjectID)] {
        var names = git_strarray()
        try check("list references") { git_reference_list(&names, handle) }
        defer { git_strarray_dispose(&names) }
        var found: [(name: String, target: ObjectID)] = []
        for index in 0..<names.count {
            guard let pointer = names.strings[index] else { continue }
            let name = String(cString: pointer)
            if name.hasPrefix(prefix), let target = try reference(name) { found.append((name, target)) }
        }
        return found.sorted { $0.name < $1.name }
    }

    // MARK: Reading

    /// The commits reachable from `tip`, newest first, following first parents.
    public func history(from tip: ObjectID) throws(GitError) -> [CommitInfo] {
        var walk: OpaquePointer?
        try check("walk the history") { git_revwalk_new(&walk, handle) }
        defer { git_revwalk_free(walk) }
        git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        git_revwalk_simplify_first_parent(walk)
        var tipOID = tip.oid
        try check("walk the history") { git_revwalk_push(walk, &tipOID) }
        var commits: [CommitInfo] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            if code < 0 { throw GitError.last("walk the history", code: code) }
            commits.append(try commit(ObjectID(oid)))
        }
        return commits
    }

    public func commit(_ id: ObjectID) throws(GitError) -> CommitInfo {
        var oid = id.oid
        var commit: OpaquePointer?
        try check("read commit \(id.short)") { git_commit_lookup(&commit, handle, &oid) }
        defer { git_commit_free(commit) }
        return CommitInfo(
            id: id,
            message: String(cString: git_commit_message(commit)),
            time: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit))),
            parent: git_commit_parentcount(commit) > 0 ? ObjectID(pointer: git_commit_parent_id(commit, 0)) : nil,
            tree: ObjectID(git_commit_tree_id(commit).pointee))
    }

    /// The bytes of the file at `path` in a commit's tree, or nil when it has none.
    public func file(_ path: String, in commit: ObjectID) throws(GitError) -> Data? {
        let info = try self.commit(commit)
        var treeOID = info.tree.oid
        var tree: OpaquePointer?
        try check("read a tree") { git_tree_lookup(&tree, handle, &treeOID) }
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree, path)
        if code == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        if code < 0 { throw GitError.last("find \(path)", code: code) }
        defer { git_tree_entry_free(entry) }
        var blob: OpaquePointer?
        try check("read \(path)") { git_blob_lookup(&blob, handle, git_tree_entry_id(entry)) }
        defer { git_blob_free(blob) }
        return Data(bytes: git_blob_rawcontent(blob), count: Int(git_blob_rawsize(blob)))
    }

    /// The paths of every file in a commit's tree.
    public func files(in commit: ObjectID) throws(GitError) -> [String] {
        let info = try self.commit(commit)
        var treeOID = info.tree.oid
        var tree: OpaquePointer?
        try check("read a tree") { git_tree_lookup(&tree, handle, &treeOID) }
        defer { git_tree_free(tree) }
        final class Collector { var paths: [String] = [] }
        let collector = Collector()
        let payload = Unmanaged.passUnretained(collector).toOpaque()
        try check("list a tree") {
            git_tree_walk(tree, GIT_TREEWALK_PRE, { root, entry, payload in
                guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let payload else { return 0 }
                let collector = Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue()
                collector.paths.append(String(cString: root!) + String(cString: git_tree_entry_name(entry)))
                return 0
            }, payload)
        }
        return collector.paths.sorted()
    }
}

/// A commit as read back.
public struct CommitInfo: Equatable, Sendable {
    public let id: ObjectID
    public let message: String
    public let time: Date
    public let parent: ObjectID?
    public let tree: ObjectID
}
