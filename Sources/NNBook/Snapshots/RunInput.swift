// A file or inline table a cell read, with a fingerprint of it taken just before the read, so
// that the live preview can tell whether a cell's stored result still holds.

import Foundation

/// Something outside the cell's source that its outputs depend on.
public struct RunInput: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        /// A data file, by absolute path.
        case file(String)
        /// A ```` ```csv name=… ```` block of the notebook, by name.
        case inlineTable(String)
    }

    public let source: Source
    /// For a file, its device, inode, size and change times (what `make` and git's index trust;
    /// reading Fashion-MNIST's 30 MB to hash it would cost more than the check saves); for a
    /// table, its text.
    public let fingerprint: String

    public init(source: Source, fingerprint: String) {
        self.source = source
        self.fingerprint = fingerprint
    }

    /// A file as it is now.
    public static func file(_ url: URL) -> RunInput {
        RunInput(source: .file(url.path), fingerprint: fingerprint(ofFile: url.path))
    }

    /// Whether the file or table is still what it was when the cell read it.
    public func isCurrent(tables: [String: InlineTable]) -> Bool {
        switch source {
        case .file(let path): fingerprint == RunInput.fingerprint(ofFile: path)
        case .inlineTable(let name): fingerprint == tables[name]?.text
        }
    }

    /// The file's place on disk, size and modification times; "missing" when it cannot be
    /// read, so that a file that appears later counts as a change.
    static func fingerprint(ofFile path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        #if canImport(Glibc)
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #else
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #endif
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified.tv_sec).\(modified.tv_nsec):\(changed.tv_sec).\(changed.tv_nsec)"
    }
}
