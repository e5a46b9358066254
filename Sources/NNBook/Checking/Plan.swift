// The checked notebook: every command resolved to the plugin command that will run it.

/// What the interpreter executes: the notebook with each command bound to its implementation.
public struct Plan: Sendable {
    public struct Step: Sendable {
        public let command: any CellCommand
        public let invocation: Invocation
    }

    public struct PlannedCell: Sendable {
        public let cell: Cell
        public let steps: [Step]
    }

    public let notebook: Notebook
    public let parameters: [String: TypedValue]
    public let cells: [PlannedCell]
}
