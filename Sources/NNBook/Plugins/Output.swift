// What a command produces: text, tables, images and metrics, rendered into the page.

/// One result of a command.
public enum Output: Equatable, Sendable {
    /// Plain text, shown in a fenced block.
    case text(String)
    case table(Table)
    /// A picture, drawn as SVG beside the page.
    case figure(Figure)
    /// A number kept in the run's record (`loss`, `accuracy`, …) under the cell's label and the
    /// command that reported it, which the interpreter adds to the name (`MetricScope`); it is
    /// not shown by itself: commands show their numbers in tables. `units` says which units a
    /// scaled target's figure was reported in (`price's units squared`, `scaled units`), so
    /// that comparisons of runs can say it; nil for a figure without units or an unscaled target.
    case metric(name: String, value: Double, units: String? = nil)
    /// What the check noticed about the command without stopping the notebook (a scaling
    /// fitted before the split), said under its output. Only the interpreter gives one, from
    /// the plan's notes (``Plan/notes``).
    case note(Diagnostic)
}

/// A table with a header row, rendered as a GitHub-flavoured Markdown table.
public struct Table: Equatable, Sendable {
    public enum Alignment: Sendable { case left, right }

    public let headers: [String]
    public let rows: [[String]]
    public let alignments: [Alignment]

    /// Columns whose every cell reads as a number are right-aligned, as spreadsheets align them.
    /// The "…" that stands for the rows left out of a wide data set's table does not count.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
        alignments = headers.indices.map { column in
            let cells = rows.compactMap { column < $0.count && $0[column] != "…" ? $0[column] : nil }
            return !cells.isEmpty && cells.allSatisfy { Double($0) != nil || $0 == "nan" || $0.hasSuffix("inf") } ? .right : .left
        }
    }
}
