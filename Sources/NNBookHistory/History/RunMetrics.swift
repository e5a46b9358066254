// A run's final metrics as named columns — `test/evaluate/net/images.test/accuracy` — the one
// place that decides how metrics are keyed for `nnbook log`, `log --table` and a sweep's page.

import NNBook

extension RunRecord {
    /// Every final metric, in the order of the notebook's cells, then by key.
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

    /// The units the value in `column` was reported in, when a scaled target's were.
    public func units(in column: MetricColumn) -> String? { metricUnits?[column.cell]?[column.metric] }

    /// The metrics `name` names (`nnbook log --metric`): a whole key, or the end of keys after
    /// a `/` (`images.test/accuracy`, `accuracy`); every match, in the order of the notebook's
    /// cells, as `log --table --metric` shows them, so that asking for `accuracy` finds the
    /// test accuracy of an earlier cell beside the training accuracy of a later one.
    public func values(matching name: String) -> [(column: MetricColumn, value: Double)] {
        metricColumns.filter { $0.column.matches(name) }
    }
}
