// A CSV file read as text: the header and every field, each with where it stood in the file.

/// The cells of a CSV file before any of them is read as a number.
public struct CSVTable: Equatable, Sendable {
    /// One field and its position, so that a later error can point at it.
    public struct Field: Equatable, Sendable {
        public let text: String
        public let line: Int
        public let column: Int
    }

    public let header: [String]
    public let rows: [[Field]]
}
