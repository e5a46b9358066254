// A metric of one cell, `test/evaluate/net/images.test/accuracy`: how runs are compared,
// column by column, in `nnbook log --table`, `nnbook diff` and a sweep's page.

/// One metric of one cell: a column of a comparison.
public struct MetricColumn: Hashable, Sendable {
    /// The cell's label (`test`, or `cell-3` when the cell has none).
    public let cell: String
    /// The metric as the cell recorded it: `evaluate/net/images.test/accuracy` (see
    /// `MetricScope`), or `accuracy` alone in runs recorded before metrics were kept per command.
    public let metric: String

    public init(cell: String, metric: String) {
        self.cell = cell
        self.metric = metric
    }

    /// `test/evaluate/net/images.test/accuracy`: a column header, and the key tools read.
    public var name: String { "\(cell)/\(metric)" }

    /// The command that reported it, `evaluate/net/images.test`; nil for a run recorded before
    /// metrics were kept per command.
    public var command: String? {
        metric.lastIndex(of: "/").map { String(metric[..<$0]) }
    }

    /// What was measured: `accuracy`, `loss`, `val_loss`.
    public var measure: String {
        metric.lastIndex(of: "/").map { String(metric[metric.index(after: $0)...]) } ?? metric
    }

    /// Whether `name` names this column: the whole key, or its end after a `/`
    /// (`images.test/accuracy`, `accuracy`), so that `nnbook log --metric accuracy` finds it.
    public func matches(_ name: String) -> Bool {
        self.name == name || self.name.hasSuffix("/" + name)
    }

    /// Whether higher or lower is better in this column.
    public var goal: MetricGoal? { MetricGoal(metric: measure) }
}
