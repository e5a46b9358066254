// Gathering a sweep's runs from history: the newest run of each combination recorded under the
// sweep's id, whichever machine recorded it, turned into the rows of the sweep's page.

import NNBook

extension RunHistory {
    /// The newest recorded run of each of `grid`'s combinations under sweep `id`, in the grid's
    /// order; nil where none is recorded.
    public func sweepRuns(of grid: SweepGrid, id: String) throws(HistoryError) -> [Run?] {
        let mine = try runs().filter { $0.record.sweep == id }
        return grid.combinations.map { combination in
            mine.first { run in combination.overrides.allSatisfy { run.record.parameters[$0.name] == $0.value } }
        }
    }
}

/// Builds a sweep's report from its runs.
public enum SweepCollection {
    /// What the sweep command knows about a combination's run beyond history.
    public enum Outcome: Sendable {
        /// The run was recorded (or, when collecting, may have been): history tells how it ended.
        case recorded
        /// The run was never started (the sweep was interrupted first).
        case notStarted
        /// The process ended without recording a run: why, in a line.
        case lost(String)
    }

    /// The report of `grid`'s runs: `runs` from `RunHistory.sweepRuns`, `outcomes` in the same
    /// order. Metric columns are those the runs recorded, in the notebook's cell order.
    public static func report(
        title: String, notebook: String, id: String, grid: SweepGrid, fixed: [(name: String, value: String)], precision: Int,
        runs: [Run?], outcomes: [Outcome]
    ) -> SweepReport {
        let combinations = grid.combinations
        var rows: [SweepReport.Row] = []
        for (index, combination) in combinations.enumerated() {
            let outcome = index < outcomes.count ? outcomes[index] : .recorded
            switch (outcome, runs[index]) {
            case (.notStarted, _):
                rows.append(.init(combination: combination, status: .notRun, run: nil, metrics: [:], failure: nil))
            case (.lost(let why), _):
                rows.append(.init(combination: combination, status: .failed, run: nil, metrics: [:], failure: why))
            case (.recorded, nil):
                rows.append(.init(combination: combination, status: .notRun, run: nil, metrics: [:], failure: nil))
            case (.recorded, let run?):
                let record = run.record
                let metrics = Dictionary(record.metricColumns.map { ($0.column.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                let failure = record.error.map { error in
                    "\(record.status) in cell \(error.cell) (\(error.label))" + (error.line.map { ", line \($0)" } ?? "") + ": \(error.message)"
                }
                rows.append(.init(
                    combination: combination, status: SweepReport.Status(rawValue: record.status) ?? .failed, run: run.number,
                    metrics: metrics, failure: failure))
            }
        }
        let columns = RunRecord.metricColumns(of: runs.compactMap { $0?.record }).map { SweepReport.Column(name: $0.name, metric: $0.metric) }
        return SweepReport(title: title, notebook: notebook, id: id, grid: grid, fixed: fixed, columns: columns, rows: rows, precision: precision)
    }
}
