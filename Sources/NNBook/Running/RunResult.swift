// What a run produced: each cell's outputs, and how the run ended.

/// The outcome of running a plan.
public struct RunResult: Sendable {
    /// One cell's results: its outputs, and the error that stopped the run there, if any.
    public struct CellResult: Sendable {
        public let cell: Cell
        /// Each command's outputs, in the order the commands ran: the page keeps a command's
        /// note apart from the next command's text.
        public let commandOutputs: [[Output]]
        public let error: Diagnostic?
        /// Wall-clock seconds; kept out of the page so runs compare byte for byte.
        public let seconds: Double
        /// False for cells after a failure: they did not run.
        public let ran: Bool
        /// True when the outputs came from an earlier run's stored result (the live preview)
        /// instead of running the cell again.
        public let reused: Bool
        /// The expectations this cell missed without failing the run (`--no-expect`).
        public let missedExpectations: [Diagnostic]
        /// True when the learner stopped the run in this cell (Ctrl-C, SIGTERM): its `error`
        /// says where, and the cell was interrupted, not failed.
        public let interrupted: Bool

        public init(
            cell: Cell, commandOutputs: [[Output]], error: Diagnostic?, seconds: Double, ran: Bool, reused: Bool = false, missedExpectations: [Diagnostic] = [],
            interrupted: Bool = false
        ) {
            self.cell = cell
            self.commandOutputs = commandOutputs
            self.error = error
            self.seconds = seconds
            self.ran = ran
            self.reused = reused
            self.missedExpectations = missedExpectations
            self.interrupted = interrupted
        }

        /// A cell whose outputs came from one command.
        public init(cell: Cell, outputs: [Output], error: Diagnostic?, seconds: Double, ran: Bool) {
            self.init(cell: cell, commandOutputs: [outputs], error: error, seconds: seconds, ran: ran)
        }

        /// Every output of the cell, in order.
        public var outputs: [Output] { commandOutputs.flatMap { $0 } }
    }

    public let notebook: Notebook
    public let parameters: [String: TypedValue]
    public let cells: [CellResult]
    public let status: RunStatus

    public init(notebook: Notebook, parameters: [String: TypedValue], cells: [CellResult], status: RunStatus) {
        self.notebook = notebook
        self.parameters = parameters
        self.cells = cells
        self.status = status
    }

    /// The error that stopped the run, with its cell.
    public var failure: (cell: Cell, diagnostic: Diagnostic)? {
        cells.first { $0.error != nil }.map { ($0.cell, $0.error!) }
    }

    /// Every metric the cells produced, by cell label, then by the command that reported it and
    /// the metric's name (`evaluate/net/images.test/accuracy`, see `MetricScope`).
    public var metrics: [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
        for cell in cells {
            for case .metric(let name, let value, _) in cell.outputs { result[cell.cell.label, default: [:]][name] = value }
        }
        return result
    }

    /// The units of the metrics reported in a scaled target's units, keyed as `metrics`; a
    /// metric without units is absent.
    public var metricUnits: [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for cell in cells {
            for case .metric(let name, _, let units?) in cell.outputs { result[cell.cell.label, default: [:]][name] = units }
        }
        return result
    }
}
