// The data plugin: load a data set, look at it, split it, scale it.

/// Commands that bring data in and prepare it.
public struct DataPlugin: Plugin {
    public init() {}
    public var name: String { "data" }
    public var summary: String { "load data sets and prepare them: show, split, scale" }
    public var commands: [any CellCommand] { [LoadCommand(), ShowCommand(), SplitCommand(), ScaleCommand()] }
}
