// Writes a rendered page and its assets so that a reader never sees half of them.

import Foundation

/// Writes `NAME.md` and `NAME.assets/` atomically: everything goes to temporary files first and
/// is renamed into place, so an interrupted run leaves the previous page whole.
public struct PageWriter: Sendable {
    public init() {}

    /// Writes the page at `pageURL` and its assets into `assetsURL` (which is replaced whole;
    /// it is removed when the page has no assets).
    public func write(_ page: RenderedPage, to pageURL: URL, assetsURL: URL) throws {
        let fileManager = FileManager.default
        let folder = pageURL.deletingLastPathComponent()
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let token = UUID().uuidString
        var stagedAssets: URL?
        if !page.assets.isEmpty {
            let staging = folder.appendingPathComponent(".\(assetsURL.lastPathComponent).\(token).tmp")
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            for asset in page.assets {
                try Data(asset.contents.utf8).write(to: staging.appendingPathComponent(asset.name))
            }
            stagedAssets = staging
        }
        let stagedPage = folder.appendingPathComponent(".\(pageURL.lastPathComponent).\(token).tmp")
        do {
            try Data(page.markdown.utf8).write(to: stagedPage)
        } catch {
            if let stagedAssets { try? fileManager.removeItem(at: stagedAssets) }
            throw error
        }
        if fileManager.fileExists(atPath: assetsURL.path) {
            let old = folder.appendingPathComponent(".\(assetsURL.lastPathComponent).\(token).old")
            try fileManager.moveItem(at: assetsURL, to: old)
            try? fileManager.removeItem(at: old)
        }
        if let stagedAssets { try fileManager.moveItem(at: stagedAssets, to: assetsURL) }
        guard rename(stagedPage.path, pageURL.path) == 0 else {
            try? fileManager.removeItem(at: stagedPage)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: pageURL.path])
        }
    }
}
