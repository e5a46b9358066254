// A rendered notebook: the Markdown page and the pictures beside it.

/// The page's text and its assets, ready to be written.
public struct RenderedPage: Equatable, Sendable {
    public struct Asset: Equatable, Sendable {
        /// The file name inside the assets folder, e.g. `training-loss.svg`.
        public let name: String
        public let contents: String
    }

    public let markdown: String
    public let assets: [Asset]
}
