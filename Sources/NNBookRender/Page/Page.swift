// A run's page as data: what every cell printed, tabulated and drew, kept as structure until the
// last step. The Markdown page, the HTML export, the Jupyter notebook and the live preview are
// each one walk over it; nothing downstream reads Markdown back.

import NNBook

/// The page of one run, independent of any output format. Stored in the run's history as
/// `page.json` (see ``PageFile``); its pictures are stored beside it, once, as `assets/NAME.svg`.
public struct Page: Equatable, Sendable {
    /// A parameter as the run used it.
    public struct Parameter: Codable, Equatable, Sendable {
        public let name: String
        /// The value, written as a learner would type it after `-p name=`.
        public let value: String
        /// The front matter's default, so a page can say when a run overrode it.
        public let defaultValue: String

        enum CodingKeys: String, CodingKey { case name, value, defaultValue = "default" }

        public init(name: String, value: String, defaultValue: String) {
            self.name = name
            self.value = value
            self.defaultValue = defaultValue
        }
    }

    /// How a run that did not succeed stopped: the cell, the line and the message.
    public struct Failure: Codable, Equatable, Sendable {
        public let interrupted: Bool
        public let cell: Int
        public let line: Int
        public let message: String

        public init(interrupted: Bool, cell: Int, line: Int, message: String) {
            self.interrupted = interrupted
            self.cell = cell
            self.line = line
            self.message = message
        }
    }

    /// An expectation a run missed without failing (`--no-expect`): the cell, the line and the
    /// message, said at the top of the page as a failure is.
    public struct MissedExpectation: Codable, Equatable, Sendable {
        public let cell: Int
        public let line: Int
        public let message: String

        public init(cell: Int, line: Int, message: String) {
            self.cell = cell
            self.line = line
            self.message = message
        }
    }

    /// A piece of the page in reading order: the notebook's prose as written, or a cell with what
    /// it produced — the syntax tree's blocks, each cell replaced by its results.
    public typealias Block = NNBook.Block<Cell>

    /// The front matter's title.
    public let title: String?
    public let seed: UInt64
    public let parameters: [Parameter]
    /// Nil when the run succeeded.
    public let failure: Failure?
    /// The expectations missed while they were not enforced, in order.
    public let missedExpectations: [MissedExpectation]
    public let blocks: [Block]
    /// The folder that holds the page's picture folders, relative to the page
    /// (`gradient-descent.assets`); the pictures are in the folder inside it named by their
    /// content (`RenderedPage.pictureFolder(_:)`).
    public let assetsFolder: String
    /// Every picture's SVG text by file name (`train-loss.svg`). Not part of `page.json`: the
    /// pictures are files of their own, stored once.
    public let pictures: [String: String]

    public init(
        title: String?, seed: UInt64, parameters: [Parameter], failure: Failure?, missedExpectations: [MissedExpectation] = [], blocks: [Block],
        assetsFolder: String, pictures: [String: String]
    ) {
        self.title = title
        self.seed = seed
        self.parameters = parameters
        self.failure = failure
        self.missedExpectations = missedExpectations
        self.blocks = blocks
        self.assetsFolder = assetsFolder
        self.pictures = pictures
    }

    public var cells: [Cell] {
        blocks.compactMap(\.cell)
    }
}
