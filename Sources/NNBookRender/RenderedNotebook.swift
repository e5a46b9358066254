// A run laid out for reading: the blocks of the page in order, each cell with its outputs already
// in Markdown, and the pictures. The Markdown page, the HTML page and the Jupyter notebook are
// all written from it.

/// The rendered form of a run, independent of the output format.
public struct RenderedNotebook: Codable, Equatable, Sendable {
    public struct Block: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable { case prose, cell }

        public let kind: Kind
        /// Prose as written, or a cell's source lines.
        public let text: String
        /// A cell's outputs as Markdown (empty for prose).
        public let outputs: String
        /// A cell's label (empty for prose).
        public let label: String
    }

    public let title: String?
    /// How the page was made: the seed and the parameters.
    public let runLine: String
    /// Why the run stopped, with a link to the failing cell; nil when it succeeded.
    public let failureLine: String?
    public let blocks: [Block]
    /// Pictures by file name; the outputs refer to them as `ASSETS/NAME`.
    public let assets: [String: String]
    /// The folder name the outputs use for pictures, e.g. `gradient-descent.assets`.
    public let assetsFolder: String

    /// The Markdown page: title, run line, failure line, then every block.
    public var markdown: String {
        var parts: [String] = []
        if let title { parts.append("# \(title)") }
        parts.append(runLine)
        if let failureLine { parts.append(failureLine) }
        for block in blocks {
            switch block.kind {
            case .prose:
                parts.append(block.text)
            case .cell:
                parts.append("```nnbook\n" + block.text + "\n```")
                if !block.outputs.isEmpty { parts.append(block.outputs) }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The page and its pictures, ready to be written.
    public var page: RenderedPage {
        RenderedPage(markdown: markdown, assets: assets.keys.sorted().map { RenderedPage.Asset(name: $0, contents: assets[$0] ?? "") })
    }
}
