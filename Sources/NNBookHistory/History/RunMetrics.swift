// A run's final metrics as named columns — `test/accuracy`, `batch/loss` — the one place that
// decides how metrics are keyed for `nnbook log --json`, `log --table` and a sweep's page.

import NNBook

extension RunRecord {
    /// Every final metric, in the order of the notebook's cells, then by metric name.
    public var metricColumns: [(column: MetricColumn, value: Double)] {
        var labels = cells.map(\.label).filter { metrics[$0] != nil }
        labels += metrics.keys.filter { !labels.contains($0) }.sorted()
        return labels.flatMap { label in
            (metrics[label] ?? [:]).sorted { $0.key < $1.key }.map { (MetricColumn(cell: label, metric: $0.key), $0.value) }
        }
    }

    /// The columns of several runs together, in the order they first appear.
    public static func metricColumns(of records: [RunRecord]) -> [MetricColumn] {
        var seen: Set<MetricColumn> = []
        return records.flatMap { $0.metricColumns.map(\.column) }.filter { seen.insert($0).inserted }
    }

    /// The value in `column`, if this run has one.
    public func value(in column: MetricColumn) -> Double? { metrics[column.cell]?[column.metric] }
}
