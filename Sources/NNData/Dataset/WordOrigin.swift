// Where a word of a CSV word column first appears, so that an error about the word (one a
// model never learned) sends the learner to the row that holds it.

/// The file, line and column of a word's first appearance.
public struct WordOrigin: Equatable, Sendable {
    /// The file as the notebook names it; empty for a table written in the notebook, whose
    /// lines are the notebook's.
    public let path: String
    public let line: Int
    public let column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `data/test.csv:32:1`, or `line 32` for a table in the notebook.
    public var description: String {
        path.isEmpty ? "line \(line)" : "\(path):\(line):\(column)"
    }
}
