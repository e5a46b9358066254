// Reads the manifest of `NAME.assets/` and removes nnbook's own pictures from it, without ever
// following a symbolic link.

import Foundation

/// The removing half of `PageWriter`: the manifest says what nnbook wrote, but it is a file in
/// the user's folder and anyone can edit it, so it is never trusted on its own. A file goes only
/// when all of these hold:
/// - its manifest entry is `FOLDER/NAME`, FOLDER a picture folder's name (16 hex digits) and NAME
///   a picture's name (`*.svg`), the only names nnbook writes;
/// - `NAME.assets` and FOLDER are real folders, not symbolic links (each opened with
///   `O_NOFOLLOW`, and the file looked up relative to the opened folder, so nothing swapped in
///   between the check and the removal is followed);
/// - the file itself is a regular file (a symbolic link of that name is left alone).
/// Entries of the earliest layout (a plain `NAME.svg` directly in `NAME.assets`) are no longer
/// removed: nothing tells them from a user's own picture of the same name.
struct AssetsFolder {
    let url: URL

    init(_ url: URL) { self.url = url }

    /// The manifest's text, "" when there is none. It is opened relative to the assets folder
    /// and neither is followed through a link, nor read unless it is a regular file of a
    /// manifest's size: a link there could point at any file of the user's, a pipe would never
    /// end the read, and what the manifest lists decides which files nnbook replaces.
    func manifestText() throws(PageWriteError) -> String {
        let path = url.appendingPathComponent(PageWriter.manifestName).path
        let assets = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard assets >= 0 else { return "" }
        defer { close(assets) }
        let file = openat(assets, PageWriter.manifestName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else {
            if errno == ENOENT { return "" }
            let reason = errno == ELOOP ? "it is a symbolic link, and nnbook never reads or writes through one" : String(cString: strerror(errno))
            throw .notOurs(path, reason: reason + "; move it away, and the next run writes the list of its pictures anew")
        }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= AssetsFolder.manifestLimit else {
            throw .notOurs(path, reason: "nnbook keeps the list of the pictures it wrote in a small file of that name, and this is not one; move it away, and the next run writes the list anew")
        }
        return AssetsFolder.text(of: file, upTo: Int(status.st_size))
    }

    /// The text of the open file `file`, at most `limit` bytes of it: fewer when it ends first.
    static func text(of file: Int32, upTo limit: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(file, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        return String(decoding: bytes.prefix(count), as: UTF8.self)
    }

    /// Far more than the manifest of any page (a line of about 30 bytes per picture).
    static let manifestLimit = 16 << 20

    /// Removes the picture at manifest entry `path` if it is nnbook's (see the type's comment).
    func removePicture(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, PageWriter.isPictureFolderName(parts[0]), PageWriter.isPictureName(parts[1]) else { return }
        withFolder(parts[0]) { folder in AssetsFolder.unlinkRegularFile(parts[1], in: folder) }
    }

    /// Removes picture folder `name` when it is a real, empty folder.
    func removeEmptyFolder(_ name: String) {
        guard PageWriter.isPictureFolderName(name) else { return }
        withAssets { assets in _ = unlinkat(assets, name, AT_REMOVEDIR) }
    }

    /// Removes the manifest when it is a regular file.
    func removeManifest() {
        withAssets { assets in AssetsFolder.unlinkRegularFile(PageWriter.manifestName, in: assets) }
    }

    /// Removes `name` inside the open folder `folder` when it is a regular file, not a link.
    static func unlinkRegularFile(_ name: String, in folder: Int32) {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG else { return }
        unlinkat(folder, name, 0)
    }

    private func withAssets(_ body: (Int32) -> Void) {
        let assets = open(url.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard assets >= 0 else { return }
        defer { close(assets) }
        body(assets)
    }

    private func withFolder(_ name: String, _ body: (Int32) -> Void) {
        withAssets { assets in
            let folder = openat(assets, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder >= 0 else { return }
            defer { close(folder) }
            body(folder)
        }
    }
}
