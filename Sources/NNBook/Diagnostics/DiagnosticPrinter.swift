// Writes diagnostics the way compilers do, so editors and learners both read them.

/// Formats a diagnostic as
///
///     gradient-descent.nnbook:14:1: error: unknown command 'trian'
///        14 | trian neuron on insurance
///           | ^~~~~
///     hint: did you mean 'train'?
public struct DiagnosticPrinter: Sendable {
    public let path: String
    public let lines: [String]

    public init(path: String, lines: [String]) {
        self.path = path
        self.lines = lines
    }

    public init(notebook: Notebook) {
        self.init(path: notebook.path, lines: notebook.lines)
    }

    /// An error; `kind` is `note` for what the check notices without stopping the notebook
    /// (``Plan/notes``), as compilers print a note.
    public func format(_ diagnostic: Diagnostic, as kind: String = "error") -> String {
        // A file's name is shown as its lines are, with control characters as escapes.
        let file = (diagnostic.path ?? path).visible()
        guard let range = diagnostic.range else {
            return "\(file): \(kind): \(diagnostic.message)" + hintLine(diagnostic)
        }
        var text = "\(file):\(range.line):\(range.column): \(kind): \(diagnostic.message)"
        if diagnostic.path == nil, range.line >= 1, range.line <= lines.count {
            let number = String(range.line)
            let gutter = String(repeating: " ", count: number.count)
            let (shown, before, marked) = DiagnosticPrinter.window(of: lines[range.line - 1], column: range.column, length: range.length)
            let marker = String(repeating: " ", count: before) + "^" + String(repeating: "~", count: min(max(marked - 1, 0), DiagnosticPrinter.width / 2))
            text += "\n \(number) | \(shown)\n \(gutter) | \(marker)"
        }
        return text + hintLine(diagnostic)
    }

    /// The most characters of a source line shown under a message.
    static let width = 120

    /// The part of a long line around `column` as it is shown (a line of a megabyte is shown as
    /// a line of a terminal, control characters as escapes), how many cells of a terminal the
    /// shown characters before the column take, and how many the `length` characters from it.
    static func window(of line: String, column: Int, length: Int) -> (text: String, before: Int, marked: Int) {
        let characters = Array(line.prefix(column + width))
        let start = characters.count > width || line.count > width ? max(0, min(column - 1 - width / 3, characters.count - width)) : 0
        let end = min(characters.count, start + width)
        let shown = characters[start..<end].map(\.visible)
        let lead = start > 0 ? "…" : ""
        let caret = min(max(column - 1 - start, 0), shown.count)
        let before = lead.count + shown[..<caret].reduce(0) { $0 + $1.displayWidth }
        let inside = shown[caret..<min(shown.count, caret + max(length, 1))]
        let marked = inside.reduce(0) { $0 + $1.displayWidth } + max(length - inside.count, 0)
        return (lead + shown.joined() + (end < line.count ? "…" : ""), before, marked)
    }

    public func format(_ diagnostics: [Diagnostic], as kind: String = "error") -> String {
        diagnostics.map { format($0, as: kind) }.joined(separator: "\n")
    }

    private func hintLine(_ diagnostic: Diagnostic) -> String {
        diagnostic.hint.map { "\nhint: \($0)" } ?? ""
    }
}
