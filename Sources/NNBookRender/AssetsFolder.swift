// Removes nnbook's own pictures from `NAME.assets/` without ever following a symbolic link.

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
