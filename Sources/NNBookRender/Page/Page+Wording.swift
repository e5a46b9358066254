// The sentences a page says about its run, in one place so that every format says the same.

extension Page {
    /// How the page was made, so a reader can reproduce it: "Run by nnbook with seed 42;
    /// parameters: epochs=1000, rate=0.1 (default 0.5)."
    public var runSummary: String {
        var text = "Run by nnbook with seed \(seed)"
        let values = parameters.map { "\($0.name)=\($0.value)" + ($0.value == $0.defaultValue ? "" : " (default \($0.defaultValue))") }
        if !values.isEmpty { text += "; parameters: " + values.joined(separator: ", ") }
        return text + "."
    }

    /// The anchor of the error that stopped the run, which the failure line links to.
    public static let errorAnchor = "nnbook-error"

    /// The anchor of the outputs of cell `number`, where the lines about its missed
    /// expectations link to.
    public static func missedAnchor(cell number: Int) -> String { "nnbook-missed-\(number)" }

    /// The cells that missed an expectation, by number.
    public var cellsWithMisses: Set<Int> { Set(missedExpectations.map(\.cell)) }
}

extension Page.MissedExpectation {
    /// Said at the top of the page: the run went on, and the reader should know why a ✗ is
    /// in it.
    public static let headline = "An expectation was missed"
    /// What turned the failure off, said after the place: "not enforced (`--no-expect`)".
    public static let option = "--no-expect"
    /// "cell 8 (line 118)".
    public var place: String { "cell \(cell) (line \(line))" }
}

extension Page.Failure {
    /// "This run failed" or "This run was interrupted".
    public var headline: String { interrupted ? "This run was interrupted" : "This run failed" }
    /// "cell 2 (line 14)".
    public var place: String { "cell \(cell) (line \(line))" }
}

extension Page.Cell {
    /// Said under a cell that did not run.
    public static let notRunNote = "Not run: an earlier cell stopped the run."

    /// The outputs as a reader sees them, in order: texts (each one block, see
    /// ``Page/init(run:assetsFolder:)``), tables and pictures; metrics are not shown by
    /// themselves.
    public var shownOutputs: [Page.Output] {
        outputs.filter { if case .metric = $0 { false } else { true } }
    }
}

/// A message at a place in the notebook, with a hint: a cell's error, or a note of the check.
public protocol PageMessage {
    var message: String { get }
    var hint: String? { get }
    var line: Int? { get }
    var column: Int? { get }
}

extension Page.CellError: PageMessage {}
extension Page.Note: PageMessage {}

extension PageMessage {
    /// " at line 4, column 1", or nothing when the message has no place.
    public var place: String {
        guard let line, let column else { return "" }
        return " at line \(line), column \(column)"
    }

    /// The hint's lines.
    public var hintLines: [String] {
        hint.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
    }
}
