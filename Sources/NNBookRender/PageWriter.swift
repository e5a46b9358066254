// Writes a rendered page and its pictures so that concurrent runs never lose a page, a reader
// never sees half of one, and nnbook never deletes or replaces a file it did not write.

import Foundation

/// Writes `NAME.md` and the pictures in `NAME.assets/`.
///
/// - Every file goes to a temporary file first and is renamed into place, so an interrupted
///   run leaves the previous page whole.
/// - Writers of one folder take turns (an exclusive `flock` on the folder), so that the runs of
///   a parameter sweep replace page and pictures together: the last writer wins the page, and
///   its pictures are the ones beside it.
/// - The assets folder holds a manifest, `.nnbook-assets`, of the pictures nnbook wrote there;
///   only those are ever replaced or removed. A file that a user put in the folder stays, and a
///   picture name taken by such a file, or a file where the folder should be, stops the write.
public struct PageWriter: Sendable {
    public static let manifestName = ".nnbook-assets"

    public init() {}

    /// Writes the page at `pageURL` and its pictures into `assetsURL`; pictures of the previous
    /// page that this one no longer has are removed, and the folder too when nothing else is in it.
    public func write(_ page: RenderedPage, to pageURL: URL, assetsURL: URL) throws(PageWriteError) {
        let fileManager = FileManager.default
        let folder = pageURL.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(folder.path, reason: error.localizedDescription)
        }
        let lock = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard lock >= 0 else { throw .cannotWrite(folder.path, reason: String(cString: strerror(errno))) }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .cannotWrite(folder.path, reason: String(cString: strerror(errno))) }
        }

        let names = page.assets.map(\.name)
        if let unsafe = names.first(where: { !PageWriter.isSafeFileName($0) }) {
            throw .cannotWrite(assetsURL.appendingPathComponent(unsafe).path, reason: "a picture's file name must not name a folder or a hidden file")
        }
        let written = try previousPictures(in: assetsURL, needed: names)
        let token = UUID().uuidString
        if !page.assets.isEmpty {
            try attempt(assetsURL) { try fileManager.createDirectory(at: assetsURL, withIntermediateDirectories: true) }
            // The manifest names the new pictures before they exist, so that a run killed
            // half-way leaves nothing that the next run would take for a user's file.
            try writeManifest(written.union(names), in: assetsURL, token: token)
            for asset in page.assets {
                try replace(assetsURL.appendingPathComponent(asset.name), with: Data(asset.contents.utf8), token: token)
            }
        }
        try replace(pageURL, with: Data(page.markdown.utf8), token: token)
        for stale in written.subtracting(names) {
            try? fileManager.removeItem(at: assetsURL.appendingPathComponent(stale))
        }
        if page.assets.isEmpty {
            try? fileManager.removeItem(at: assetsURL.appendingPathComponent(PageWriter.manifestName))
            rmdir(assetsURL.path)
        } else if !written.subtracting(names).isEmpty {
            try writeManifest(Set(names), in: assetsURL, token: token)
        }
    }

    /// The pictures nnbook wrote in the folder before (from its manifest), after checking that
    /// the folder is nnbook's and that no needed name is taken by a file nnbook did not write.
    private func previousPictures(in assetsURL: URL, needed: [String]) throws(PageWriteError) -> Set<String> {
        var status = stat()
        guard lstat(assetsURL.path, &status) == 0 else { return [] }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .notOurs(assetsURL.path, reason: "it is a file, but nnbook keeps the page's pictures in a folder of that name; move the file away or write the page elsewhere with --out DIR")
        }
        let manifest = (try? String(contentsOf: assetsURL.appendingPathComponent(PageWriter.manifestName), encoding: .utf8)) ?? ""
        let written = Set(manifest.split(separator: "\n").map(String.init).filter(PageWriter.isSafeFileName))
        for name in needed where !written.contains(name) && lstat(assetsURL.appendingPathComponent(name).path, &status) == 0 {
            throw .notOurs(assetsURL.appendingPathComponent(name).path, reason: "nnbook did not write this file (it is not in \(PageWriter.manifestName)), and the page needs its name for a picture; move it away")
        }
        return written
    }

    private func writeManifest(_ names: Set<String>, in assetsURL: URL, token: String) throws(PageWriteError) {
        let text = "# The pictures nnbook wrote here; it replaces and removes only these.\n" + names.sorted().map { $0 + "\n" }.joined()
        try replace(assetsURL.appendingPathComponent(PageWriter.manifestName), with: Data(text.utf8), token: token)
    }

    /// Writes `data` to a temporary file beside `url` and renames it into place.
    private func replace(_ url: URL, with data: Data, token: String) throws(PageWriteError) {
        let staged = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(token).tmp")
        try attempt(url) { try data.write(to: staged) }
        guard rename(staged.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staged)
            throw .cannotWrite(url.path, reason: reason)
        }
    }

    private func attempt(_ url: URL, _ body: () throws -> Void) throws(PageWriteError) {
        do {
            try body()
        } catch {
            throw .cannotWrite(url.path, reason: error.localizedDescription)
        }
    }

    /// A plain file name: no folder, not hidden, not empty.
    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }
}

/// Why a page could not be written.
public enum PageWriteError: Error, Equatable, CustomStringConvertible {
    case cannotWrite(String, reason: String)
    /// A file in the way that nnbook did not write, and will not replace.
    case notOurs(String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .notOurs(let path, let reason): "\(path) is in the way: \(reason)"
        }
    }
}
