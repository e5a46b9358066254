// A table as plain text, columns padded to their widest cell: what a terminal or a Jupyter
// front end without HTML shows.

/// Lays out a table in fixed-width columns.
enum PlainTable {
    static func text(_ table: Page.Table) -> String {
        let rows = [table.headers] + table.rows.map { $0.map(\.text) }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = (0..<columns).map { column in
                let text = column < row.count ? row[column] : ""
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return column < table.alignments.count && table.alignments[column] == .right ? padding + text : text + padding
            }.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
