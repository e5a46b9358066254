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

    public func format(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.path ?? path
        guard let range = diagnostic.range else {
            return "\(file): error: \(diagnostic.message)" + hintLine(diagnostic)
        }
        var text = "\(file):\(range.line):\(range.column): error: \(diagnostic.message)"
        if diagnostic.path == nil, range.line >= 1, range.line <= lines.count {
            let number = String(range.line)
            let gutter = String(repeating: " ", count: number.count)
            let (shown, offset) = DiagnosticPrinter.window(of: lines[range.line - 1], column: range.column)
            let marker = String(repeating: " ", count: max(range.column - 1 - offset, 0)) + "^" + String(repeating: "~", count: min(max(range.length - 1, 0), DiagnosticPrinter.width / 2))
            text += "\n \(number) | \(shown)\n \(gutter) | \(marker)"
        }
        return text + hintLine(diagnostic)
    }

    /// The most characters of a source line shown under a message.
    static let width = 120

    /// The part of a long line around `column`, and how many characters (and `…`) precede it:
    /// a line of a megabyte is shown as a line of a terminal.
    static func window(of line: String, column: Int) -> (text: String, offset: Int) {
        let characters = Array(line.prefix(column + width))
        guard characters.count > width || line.count > width else { return (line, 0) }
        let start = max(0, min(column - 1 - width / 3, characters.count - width))
        let end = min(characters.count, start + width)
        let text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < line.count ? "…" : "")
        return (text, start > 0 ? start - 1 : 0)
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    private func hintLine(_ diagnostic: Diagnostic) -> String {
        diagnostic.hint.map { "\nhint: \($0)" } ?? ""
    }
}
