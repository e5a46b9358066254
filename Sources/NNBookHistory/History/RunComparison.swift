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
        /// The metric as the later run recorded it (`evaluate/net/images.test/accuracy`), or
        /// as the earlier run did when the later has no such metric.
        public let metric: String
        public let before: Double?
        public let after: Double?
        public let verdict: Verdict

        public var change: Double? {
            guard let before, let after else { return nil }
            return after - before
        }

        /// The metric's column: its command and what it measured.
        public var column: MetricColumn { MetricColumn(cell: cell, metric: metric) }
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
            for (metric, old, new) in RunComparison.pairs(before.record.metrics[cell] ?? [:], after.record.metrics[cell] ?? [:]) {
                let measure = MetricColumn(cell: cell, metric: metric).measure
                changes.append(MetricChange(
                    cell: cell, metric: metric, before: old, after: new,
                    verdict: RunComparison.verdict(metric: measure, before: old, after: new, precision: precision)))
            }
        }
        metrics = changes
        do {
            sourceDiff = try TextDiff.unified(
                try history.text("notebook.nnbook", of: before), try history.text("notebook.nnbook", of: after),
                oldPath: "run \(before.shortName)/notebook.nnbook", newPath: "run \(after.shortName)/notebook.nnbook")
            outputDiff = try TextDiff.unified(
                try history.text("notebook.md", of: before), try history.text("notebook.md", of: after),
                oldPath: "run \(before.shortName)/notebook.md", newPath: "run \(after.shortName)/notebook.md")
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

    /// A cell's metrics in the two runs side by side, by key. A run recorded before metrics
    /// were kept per command has `accuracy` where a later run has
    /// `evaluate/net/images.test/accuracy`: the two are compared when the later cell has exactly
    /// one command that reported `accuracy`, and listed as removed and added otherwise.
    static func pairs(_ before: [String: Double], _ after: [String: Double]) -> [(metric: String, before: Double?, after: Double?)] {
        var before = before, after = after
        func adopt(_ old: inout [String: Double], from new: [String: Double]) {
            for key in old.keys where !key.contains("/") && new[key] == nil {
                let scoped = new.keys.filter { $0.hasSuffix("/" + key) && old[$0] == nil }
                if scoped.count == 1 { old[scoped[0]] = old.removeValue(forKey: key) }
            }
        }
        adopt(&before, from: after)
        adopt(&after, from: before)
        return Set(before.keys).union(after.keys).sorted().map { ($0, before[$0], after[$0]) }
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
