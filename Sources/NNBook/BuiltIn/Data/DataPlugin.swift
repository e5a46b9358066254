// The data plugin: load a data set, look at it, split it, scale it.

/// Commands that bring data in and prepare it.
public struct DataPlugin: Plugin {
    public init() {}
    public var name: String { "data" }
    public var summary: String { "load data sets, look at them and prepare them: show, describe, shape, split, take, scale, one_hot" }
    public var commands: [any CellCommand] {
        [LoadCommand(), ShowCommand(), DescribeCommand(), ShapeCommand(), SplitCommand(), TakeCommand(), ScaleCommand(), OneHotCommand()]
    }
}
