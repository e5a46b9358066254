// A metric of one cell, `test/accuracy`: how runs are compared, column by column, in
// `nnbook log --table` and a sweep's page.

/// One metric of one cell: a column of a comparison.
public struct MetricColumn: Hashable, Sendable {
    /// The cell's label (`test`, or `cell-3` when the cell has none).
    public let cell: String
    /// The metric's name (`accuracy`, `loss`).
    public let metric: String

    public init(cell: String, metric: String) {
        self.cell = cell
        self.metric = metric
    }

    /// `test/accuracy`: a column header, and the key tools read.
    public var name: String { "\(cell)/\(metric)" }

    /// Whether higher or lower is better in this column.
    public var goal: MetricGoal? { MetricGoal(metric: metric) }
}
