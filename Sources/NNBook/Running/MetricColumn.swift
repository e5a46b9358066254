// A metric of one cell, `test/evaluate/net/images.test/accuracy`: how runs are compared,
// column by column, in `nnbook log --table`, `nnbook diff` and a sweep's page, and the short
// headers those tables give the columns.

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

    /// Where a column of runs says which units its values are in, given each value's units
    /// (nil for none): in the header when every value has the same (`mae (price's units)`),
    /// nowhere when none has any, and otherwise after each value that has some, so that a
    /// figure in scaled units is never read as one in the target's own.
    public enum UnitsPlacement: Equatable, Sendable {
        case none, header(String), eachValue

        public init(_ units: [String?]) {
            let named = Set(units.compactMap { $0 })
            if named.isEmpty {
                self = .none
            } else if named.count == 1, !units.contains(nil), let only = named.first {
                self = .header(only)
            } else {
                self = .eachValue
            }
        }

        /// `header`, with the units when they are said there.
        public func header(_ header: String) -> String {
            if case .header(let units) = self { "\(header) (\(units))" } else { header }
        }

        /// `value`, with its units when they are said after each value.
        public func value(_ value: String, units: String?) -> String {
            if case .eachValue = self, let units { "\(value) (\(units))" } else { value }
        }
    }

    /// A header for each of `columns`: the shortest end of its key, in whole `/` parts, that no
    /// other of these columns ends with (`insurance.test/accuracy` when only one command
    /// measured accuracy on the test split). A table of a dozen metrics then fits a screen;
    /// tools read the whole keys (`--json`). Columns with equal keys keep them whole. A header
    /// is never shorter than `name`, the key or end of keys the user asked for (`log --metric
    /// images.test/loss` heads its one column `images.test/loss`, not `loss`).
    public static func headers(_ columns: [MetricColumn], atLeast name: String? = nil) -> [String] {
        let parts = columns.map { $0.name.split(separator: "/", omittingEmptySubsequences: false) }
        let shortest = name.map { $0.split(separator: "/", omittingEmptySubsequences: false).count } ?? 1
        return parts.indices.map { index in
            let own = parts[index]
            let length = (min(shortest, own.count)...own.count).first { length in
                parts.indices.allSatisfy { other in other == index || parts[other].suffix(length) != own.suffix(length) }
            } ?? own.count
            return own.suffix(length).joined(separator: "/")
        }
    }
}
