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
    /// What the check noticed that does not stop the notebook, in the notebook's order, each at
    /// the command it is about.
    public let notes: [Diagnostic]

    public init(notebook: Notebook, parameters: [String: TypedValue], cells: [PlannedCell], notes: [Diagnostic] = []) {
        self.notebook = notebook
        self.parameters = parameters
        self.cells = cells
        self.notes = notes
    }

    /// The notes about `step`, said under its output.
    func notes(about step: Step) -> [Output] {
        notes.filter { $0.range == step.invocation.range }.map(Output.note)
    }
}
