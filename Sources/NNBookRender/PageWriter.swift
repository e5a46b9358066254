// Writes a rendered page and its pictures so that concurrent runs never lose a page, a reader
// never sees a page without its pictures, and nnbook never deletes or replaces a file it did not
// write (a page carries nnbook's mark: PageOwnership).

import Foundation

/// Writes `NAME.md` and its pictures in `NAME.assets/FOLDER/`, where FOLDER is named by the
/// pictures' content (`RenderedPage.pictureFolder`).
///
/// Page and pictures change together because of the order:
/// 1. the pictures go into their own folder, completely, each file staged and renamed;
/// 2. the page is staged and renamed over the old one: from that instant a reader sees the new
///    page, and every picture it links to is there;
/// 3. the pictures of earlier pages are removed.
/// An interrupted write leaves the previous page and its pictures as they were.
///
/// Writers of one folder take turns (an exclusive `flock` on the page's folder), so that one
/// run never removes the pictures of another between steps 1 and 2: the last writer wins the
/// page, and its pictures are the ones beside it.
///
/// The assets folder holds a manifest, `.nnbook-assets`, of the files nnbook wrote there
/// (`FOLDER/NAME.svg`; a plain `NAME.svg` from nnbooks that kept pictures directly in the
/// folder). Only those are ever replaced or removed: a file that a user put in the folder stays,
/// and a file where a picture or the folder should be stops the write.
public struct PageWriter: Sendable {
    public static let manifestName = ".nnbook-assets"

    public init() {}

    /// Writes the page at `pageURL` and its pictures into a folder inside `assetsURL`; the
    /// pictures of earlier pages are removed, and `assetsURL` too when nothing else is in it.
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

        // Checked again under the lock, though a run checks before its first cell: the file may
        // have come since.
        if let refusal = PageOwnership.refusal(at: pageURL, format: .markdown) {
            throw .notOurs(pageURL.path, reason: refusal + "; move it away, or write the page elsewhere with --out DIR")
        }
        if let unsafe = page.assets.map(\.name).first(where: { !PageWriter.isSafeFileName($0) }) {
            throw .cannotWrite(assetsURL.appendingPathComponent(unsafe).path, reason: "a picture's file name must not name a folder or a hidden file")
        }
        let pictureFolder = page.pictureFolder
        let needed = Set(page.assets.map { pictureFolder + "/" + $0.name })
        let written = try previousFiles(in: assetsURL, pictureFolder: page.assets.isEmpty ? nil : pictureFolder, needed: needed)
        removeAbandonedStaging(pageURL: pageURL, assetsURL: assetsURL, files: written.union(needed))
        let token = UUID().uuidString
        var status = stat()
        let assetsExisted = lstat(assetsURL.path, &status) == 0
        let picturesExisted = lstat(assetsURL.appendingPathComponent(pictureFolder).path, &status) == 0
        var manifestChanged = false
        do throws(PageWriteError) {
            if !page.assets.isEmpty {
                let pictures = assetsURL.appendingPathComponent(pictureFolder)
                try attempt(pictures) { try fileManager.createDirectory(at: pictures, withIntermediateDirectories: true) }
                // The manifest names the new pictures before they exist, so that a run killed
                // half-way leaves nothing that the next run would take for a user's file.
                if !needed.isSubset(of: written) {
                    manifestChanged = true
                    try writeManifest(written.union(needed), in: assetsURL, token: token)
                }
                for asset in page.assets {
                    try replace(pictures.appendingPathComponent(asset.name), with: Data(asset.contents.utf8), token: token)
                }
            }
            try replace(pageURL, with: Data(page.markdown.utf8), token: token)
        } catch {
            // A write that fails half-way (a name too long, a full disk) takes back what it
            // wrote: the previous page stands with its pictures, and nothing is left orphaned.
            let assets = AssetsFolder(assetsURL)
            if !picturesExisted {
                for path in needed { assets.removePicture(path) }
                assets.removeEmptyFolder(pictureFolder)
            }
            if manifestChanged {
                if written.isEmpty { assets.removeManifest() } else { try? writeManifest(written, in: assetsURL, token: token) }
            }
            if !assetsExisted { rmdir(assetsURL.path) }
            throw error
        }

        let stale = written.subtracting(needed)
        let assets = AssetsFolder(assetsURL)
        for path in stale {
            assets.removePicture(path)
        }
        // A folder goes only when it is empty: a user's file inside keeps it.
        for staleFolder in Set(stale.compactMap(PageWriter.folder(of:))) where staleFolder != pictureFolder {
            assets.removeEmptyFolder(staleFolder)
        }
        if page.assets.isEmpty {
            assets.removeManifest()
            rmdir(assetsURL.path)
        } else if !stale.isEmpty {
            try writeManifest(needed, in: assetsURL, token: token)
        }
    }

    /// The files nnbook wrote in the assets folder before (from its manifest), after checking
    /// that the folder is nnbook's and that nothing nnbook did not write takes a needed name.
    private func previousFiles(in assetsURL: URL, pictureFolder: String?, needed: Set<String>) throws(PageWriteError) -> Set<String> {
        var status = stat()
        guard lstat(assetsURL.path, &status) == 0 else { return [] }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            let what = status.st_mode & S_IFMT == S_IFLNK ? "a symbolic link, and nnbook never writes or removes through one" : "a file"
            throw .notOurs(assetsURL.path, reason: "it is \(what), but nnbook keeps the page's pictures in a folder of that name; move it away or write the page elsewhere with --out DIR")
        }
        if let pictureFolder {
            let url = assetsURL.appendingPathComponent(pictureFolder)
            if lstat(url.path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
                let what = status.st_mode & S_IFMT == S_IFLNK ? "this symbolic link (nnbook never writes through one)" : "this file"
                throw .notOurs(url.path, reason: "nnbook did not write \(what), and the page needs its name for the folder of its pictures; move it away")
            }
        }
        let manifest = try AssetsFolder(assetsURL).manifestText()
        let written = Set(manifest.split(separator: "\n").map(String.init).filter(PageWriter.isManifestEntry))
        for path in needed.subtracting(written).sorted() where lstat(assetsURL.appendingPathComponent(path).path, &status) == 0 {
            throw .notOurs(assetsURL.appendingPathComponent(path).path, reason: "nnbook did not write this file (it is not in \(PageWriter.manifestName)), and the page needs its name for a picture; move it away")
        }
        return written
    }

    /// Removes the staged copies that a writer killed before its rename left behind. Only
    /// `.NAME.UUID.tmp` beside a file nnbook writes (NAME shortened as `stagedName` does) is
    /// taken for one: no other writer is running (the lock is held), and a user's file never has
    /// that name by accident.
    private func removeAbandonedStaging(pageURL: URL, assetsURL: URL, files: Set<String>) {
        var names: [URL: Set<String>] = [pageURL.deletingLastPathComponent(): [PageWriter.stagedStem(of: pageURL.lastPathComponent)], assetsURL: [PageWriter.manifestName]]
        for path in files {
            let url = assetsURL.appendingPathComponent(path)
            names[url.deletingLastPathComponent(), default: []].insert(PageWriter.stagedStem(of: url.lastPathComponent))
        }
        for (folder, written) in names {
            // Only a real folder is looked into: a picture folder that is a symbolic link
            // points somewhere nnbook never wrote.
            let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard directory >= 0 else { continue }
            defer { close(directory) }
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard let original = PageWriter.stagedOriginal(entry), written.contains(original) else { continue }
                AssetsFolder.unlinkRegularFile(entry, in: directory)
            }
        }
    }

    private func writeManifest(_ paths: Set<String>, in assetsURL: URL, token: String) throws(PageWriteError) {
        let text = "# The pictures nnbook wrote here; it replaces and removes only these.\n" + paths.sorted().map { $0 + "\n" }.joined()
        try replace(assetsURL.appendingPathComponent(PageWriter.manifestName), with: Data(text.utf8), token: token)
    }

    /// Writes `data` to a temporary file beside `url` and renames it into place.
    private func replace(_ url: URL, with data: Data, token: String) throws(PageWriteError) {
        let staged = url.deletingLastPathComponent().appendingPathComponent(PageWriter.stagedName(of: url.lastPathComponent, token: token))
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

    /// The temporary name beside `name` that a write stages its bytes in: `.NAME.UUID.tmp`, with
    /// NAME shortened (`stagedStem`) so that the whole is a name the file system takes whenever
    /// `name` is one.
    static func stagedName(of name: String, token: String) -> String {
        ".\(stagedStem(of: name)).\(token).tmp"
    }

    /// The longest file name Linux and macOS file systems take, in bytes.
    static let longestFileName = 255

    /// `name`, or its start when `.NAME.UUID.tmp` would pass `longestFileName`: cut at a
    /// character, never inside one. Another name with the same start is told apart by the
    /// UUID; only removing abandoned copies (under the lock) looks at the stem alone.
    static func stagedStem(of name: String) -> String {
        let room = longestFileName - ".".utf8.count - 1 - 36 - ".tmp".utf8.count
        guard name.utf8.count > room else { return name }
        var stem = Substring(name)
        while stem.utf8.count > room { stem = stem.dropLast() }
        return String(stem)
    }

    /// The name (or, for a long name, the start of it: `stagedStem`) that a staged file
    /// `.NAME.UUID.tmp` will be renamed to, or nil for any other name.
    static func stagedOriginal(_ entry: String) -> String? {
        let uuidLength = 36
        guard entry.hasPrefix("."), entry.hasSuffix(".tmp"), entry.count > uuidLength + 6 else { return nil }
        let inner = entry.dropFirst().dropLast(4)
        guard UUID(uuidString: String(inner.suffix(uuidLength))) != nil, inner.dropLast(uuidLength).last == "." else { return nil }
        return String(inner.dropLast(uuidLength + 1))
    }

    /// A manifest line: `FOLDER/NAME` or a plain `NAME`, each part a safe file name; not the
    /// `#` line that says what the file is.
    static func isManifestEntry(_ path: String) -> Bool {
        guard !path.hasPrefix("#") else { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return (1...2).contains(parts.count) && parts.allSatisfy(isSafeFileName)
    }

    /// The picture folder of a manifest entry, nil for a plain file name.
    static func folder(of path: String) -> String? {
        path.contains("/") ? String(path.prefix(while: { $0 != "/" })) : nil
    }

    /// A picture folder's name as nnbook makes it: 16 lowercase hex digits (`RenderedPage.pictureFolder`).
    static func isPictureFolderName(_ name: String) -> Bool {
        name.utf8.count == 16 && name.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// A picture's name as nnbook makes it: a plain file name ending in `.svg`.
    static func isPictureName(_ name: String) -> Bool {
        isSafeFileName(name) && name.hasSuffix(".svg") && name.utf8.count <= 255
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
