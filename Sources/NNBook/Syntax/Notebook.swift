// The syntax tree of a .nnbook file: front matter, prose and command cells, each with its place.

/// A parsed notebook. Parsing never runs or checks anything: it only records what was written.
public struct Notebook: Equatable, Sendable {
    /// The file's path as the user gave it; diagnostics start with it.
    public let path: String
    /// Every line of the file, for quoting in diagnostics.
    public let lines: [String]
    public let frontMatter: FrontMatter
    public let blocks: [Block<Cell>]
    /// Data written in the notebook itself: fenced ```` ```csv name=NAME ```` blocks, shown as
    /// prose and loaded with `load inline NAME`.
    public let tables: [String: InlineTable]

    public init(path: String, lines: [String], frontMatter: FrontMatter, blocks: [Block<Cell>], tables: [String: InlineTable] = [:]) {
        self.path = path
        self.lines = lines
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.tables = tables
    }

    public var cells: [Cell] {
        blocks.compactMap(\.cell)
    }
}

/// A fenced block whose info string is `nnbook`: a list of commands.
public struct Cell: Equatable, Sendable {
    /// Position among the notebook's cells, from 1.
    public let number: Int
    /// `label=…` from the fence, or `cell-N`: names the cell's metrics and images, so they stay
    /// stable when cells move.
    public let label: String
    /// The lines between the fences, exactly as written.
    public let source: [String]
    /// The line of the opening fence.
    public let line: Int
    public let commands: [CommandSyntax]

    public init(number: Int, label: String, source: [String], line: Int, commands: [CommandSyntax]) {
        self.number = number
        self.label = label
        self.source = source
        self.line = line
        self.commands = commands
    }
}

/// A CSV table written inside the notebook.
public struct InlineTable: Equatable, Sendable {
    public let name: String
    /// The CSV text between the fences.
    public let text: String
    /// The file line of the table's first line (its header), so that errors in the table point
    /// into the notebook.
    public let firstLine: Int
}
