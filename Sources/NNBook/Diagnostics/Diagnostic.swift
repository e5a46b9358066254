// A problem found in a notebook, as a value: where, what, and how to fix it.

import NNData

/// An error at a place in a file: what the checker reports stops the notebook. The one kind of
/// diagnostic that does not is a plan's note (``Plan/notes``), what the check noticed that a
/// course would point out (a scaling fitted before the split).
public struct Diagnostic: Error, Equatable, Sendable {
    public let message: String
    /// Where in the notebook; nil for problems with no place (a missing file).
    public let range: SourceRange?
    public let hint: String?
    /// The file, when it is not the notebook itself (a data file).
    public let path: String?

    public init(_ message: String, at range: SourceRange?, hint: String? = nil, path: String? = nil) {
        // Messages quote notebooks, data files and plugins: no control character reaches the
        // terminal, and a message stays on its `file:line:col:` line.
        self.message = message.visible().clipped()
        self.range = range
        self.hint = hint?.visible(keepingNewlines: true).clipped()
        self.path = path
    }
}

extension Diagnostic {
    /// `diagnostics` in the order of their places in the notebook; those at one place, or with
    /// no place, keep the order they were found in.
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element.range?.start, b.element.range?.start)
            guard let x, let y, x != y else { return a.offset < b.offset }
            return x < y
        }.map(\.element)
    }
}

/// Several diagnostics at once: the parser and the checker report everything they find.
public struct DiagnosticList: Error, Equatable, Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
