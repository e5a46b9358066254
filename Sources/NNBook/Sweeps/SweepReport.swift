// What a sweep found, run by run: the values tried, how each run ended and its final metrics.
// The sweep's page is drawn from it, whether the runs just finished or were collected from
// history that other machines recorded.

/// The comparison of a sweep's runs.
public struct SweepReport: Equatable, Sendable {
    /// One combination and its run.
    public struct Row: Equatable, Sendable {
        public let combination: SweepGrid.Combination
        public let status: RunStatus
        /// The run's number in the notebook's history (or its short id, for a run fetched from
        /// another clone's sweep that is not on this clone's chain).
        public let run: String?
        /// Final metrics by column name (`test/accuracy`).
        public let metrics: [String: Double]
        /// The units of the metrics reported in a scaled target's units, by column name.
        public let units: [String: String]
        /// Why the run failed: where and what, in one line.
        public let failure: String?
        /// How many expectations the run missed without failing (`--no-expect`).
        public let missedExpectations: Int

        public init(
            combination: SweepGrid.Combination, status: RunStatus, run: String?, metrics: [String: Double], units: [String: String] = [:],
            failure: String?, missedExpectations: Int = 0
        ) {
            self.combination = combination
            self.status = status
            self.run = run
            self.metrics = metrics
            self.units = units
            self.failure = failure
            self.missedExpectations = missedExpectations
        }

    }

    /// The notebook's title, or its file name.
    public let title: String
    /// The notebook as the user named it, for the `nnbook show` hint.
    public let notebook: String
    public let id: String
    public let grid: SweepGrid
    /// The parameters no one swept, at the values the runs used.
    public let fixed: [(name: String, value: String)]
    /// Whether some run used another value of a parameter no one swept than the notebook's
    /// default now (the notebook changed since, or a run was started by hand with `--sweep`).
    public let fixedDifferFromDefaults: Bool
    public let columns: [MetricColumn]
    public let rows: [Row]
    /// Decimal places for the metrics, the notebook's `precision`.
    public let precision: Int

    public init(
        title: String, notebook: String, id: String, grid: SweepGrid, fixed: [(name: String, value: String)], fixedDifferFromDefaults: Bool = false,
        columns: [MetricColumn], rows: [Row], precision: Int
    ) {
        self.title = title
        self.notebook = notebook
        self.id = id
        self.grid = grid
        self.fixed = fixed
        self.fixedDifferFromDefaults = fixedDifferFromDefaults
        self.columns = columns
        self.rows = rows
        self.precision = precision
    }

    /// Where the table says the units of `column`'s values, from the runs that have one.
    public func units(of column: MetricColumn) -> MetricColumn.UnitsPlacement {
        MetricColumn.UnitsPlacement(rows.filter { $0.metrics[column.name] != nil }.map { $0.units[column.name] })
    }

    /// How many runs ended each way, in a fixed order: "11 succeeded, 1 failed".
    public var tally: String {
        let statuses: [RunStatus] = [.succeeded, .failed, .interrupted, .notRun]
        return statuses.compactMap { status in
            let count = rows.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }.joined(separator: ", ")
    }

    public static func == (lhs: SweepReport, rhs: SweepReport) -> Bool {
        lhs.title == rhs.title && lhs.id == rhs.id && lhs.grid == rhs.grid && lhs.columns == rhs.columns && lhs.rows == rhs.rows
            && lhs.fixed.map { "\($0.name)=\($0.value)" } == rhs.fixed.map { "\($0.name)=\($0.value)" } && lhs.precision == rhs.precision
            && lhs.fixedDifferFromDefaults == rhs.fixedDifferFromDefaults
    }
}
