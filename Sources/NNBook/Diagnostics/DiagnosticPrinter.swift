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
            return "\(file): \(diagnostic.severity.rawValue): \(diagnostic.message)" + hintLine(diagnostic)
        }
        var text = "\(file):\(range.line):\(range.column): \(diagnostic.severity.rawValue): \(diagnostic.message)"
        if diagnostic.path == nil, range.line >= 1, range.line <= lines.count {
            let number = String(range.line)
            let gutter = String(repeating: " ", count: number.count)
            let marker = String(repeating: " ", count: range.column - 1) + "^" + String(repeating: "~", count: range.length - 1)
            text += "\n \(number) | \(lines[range.line - 1])\n \(gutter) | \(marker)"
        }
        return text + hintLine(diagnostic)
    }

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    private func hintLine(_ diagnostic: Diagnostic) -> String {
        diagnostic.hint.map { "\nhint: \($0)" } ?? ""
    }
}
