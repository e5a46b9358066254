// What changed between two runs: parameters, metrics, source and output — all read from history.

import Foundation
import NNBook

/// The differences between two recorded runs of one notebook.
public struct RunComparison: Sendable {
    public struct ParameterChange: Equatable, Sendable {
        public let name: String
        public let before: String?
        public let after: String?
    }

    /// Whether a change of a metric is an improvement.
    public enum Verdict: String, Sendable {
        case better, worse, same, changed, added, removed
    }

    public struct MetricChange: Equatable, Sendable {
        public let cell: String
        public let metric: String
        public let before: Double?
        public let after: Double?
        public let verdict: Verdict

        public var change: Double? {
            guard let before, let after else { return nil }
            return after - before
        }
    }

    public let before: Run
    public let after: Run
    public let parameters: [ParameterChange]
    public let metrics: [MetricChange]
    /// Unified diffs; empty when the texts are equal.
    public let sourceDiff: String
    public let outputDiff: String

    /// Compares two runs. Metrics that agree at the notebook's printed precision count as the
    /// same; the page holds no timings, so its diff shows only what really changed.
    public init(history: RunHistory, before: Run, after: Run) throws(HistoryError) {
        self.before = before
        self.after = after
        let names = Set(before.record.parameters.keys).union(after.record.parameters.keys).sorted()
        parameters = names.compactMap { name in
            let old = before.record.parameters[name], new = after.record.parameters[name]
            return old == new ? nil : ParameterChange(name: name, before: old, after: new)
        }
        let precision = after.record.precision
        var changes: [MetricChange] = []
        let cells = RunComparison.orderedCells(before.record, after.record)
        for cell in cells {
            let old = before.record.metrics[cell] ?? [:], new = after.record.metrics[cell] ?? [:]
            for metric in Set(old.keys).union(new.keys).sorted() {
                changes.append(MetricChange(
                    cell: cell, metric: metric, before: old[metric], after: new[metric],
                    verdict: RunComparison.verdict(metric: metric, before: old[metric], after: new[metric], precision: precision)))
            }
        }
        metrics = changes
        do {
            sourceDiff = try TextDiff.unified(
                try history.text("notebook.nnbook", of: before), try history.text("notebook.nnbook", of: after),
                oldPath: "run \(before.number)/notebook.nnbook", newPath: "run \(after.number)/notebook.nnbook")
            outputDiff = try TextDiff.unified(
                try history.text("notebook.md", of: before), try history.text("notebook.md", of: after),
                oldPath: "run \(before.number)/notebook.md", newPath: "run \(after.number)/notebook.md")
        } catch {
            throw .wrapping(error)
        }
    }

    /// Cell labels in the order of the later run's cells, then any only the earlier run had.
    private static func orderedCells(_ before: RunRecord, _ after: RunRecord) -> [String] {
        var order = after.cells.map(\.label) + before.cells.map(\.label)
        order += (Array(after.metrics.keys) + Array(before.metrics.keys)).sorted()
        var seen: Set<String> = []
        return order.filter { (before.metrics[$0] != nil || after.metrics[$0] != nil) && seen.insert($0).inserted }
    }

    /// Higher is better for accuracy-like metrics, lower for losses and errors.
    static func verdict(metric: String, before: Double?, after: Double?, precision: Int) -> Verdict {
        guard let before else { return .added }
        guard let after else { return .removed }
        if NumberText.fixed(before, places: precision) == NumberText.fixed(after, places: precision) { return .same }
        guard let goal = MetricGoal(metric: metric) else { return .changed }
        return goal.prefers(after, over: before) ? .better : .worse
    }
}
