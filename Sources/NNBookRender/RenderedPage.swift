// A rendered notebook: the Markdown page and the pictures beside it.

import Foundation
import NNBook

/// The page's text and its assets, ready to be written.
public struct RenderedPage: Equatable, Sendable {
    public struct Asset: Equatable, Sendable {
        /// The file name inside the page's picture folder, e.g. `training-loss.svg`.
        public let name: String
        public let contents: String
    }

    public let markdown: String
    public let assets: [Asset]

    /// The folder inside `NAME.assets/` that holds these pictures (see `pictureFolder(_:)`).
    public var pictureFolder: String {
        RenderedPage.pictureFolder(Dictionary(assets.map { ($0.name, $0.contents) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The name of the folder for a page's pictures: the first 16 hex digits of a SHA-256 over
    /// their names and contents. Each set of pictures gets a folder of its own, so a run writes
    /// its pictures completely before its page points at them (a reader never sees a new page
    /// with old pictures, or the reverse), and equal pictures give an equal name, so the same
    /// notebook still gives the same page, byte for byte.
    public static func pictureFolder(_ pictures: [String: String]) -> String {
        var bytes = Data()
        for name in pictures.keys.sorted() {
            bytes.append(contentsOf: Array(name.utf8) + [0])
            bytes.append(contentsOf: Array((pictures[name] ?? "").utf8) + [0])
        }
        return String(SHA256.hex(of: bytes).prefix(16))
    }
}
