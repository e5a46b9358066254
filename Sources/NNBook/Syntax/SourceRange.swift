// Where something stands in a notebook file, so every message can point at it.

/// A 1-based line and column (columns count characters, as an editor shows them).
public struct SourceLocation: Equatable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span on one line: where it starts and how many characters it covers (at least one, so a
/// caret can always be drawn).
public struct SourceRange: Equatable, Hashable, Sendable {
    public let start: SourceLocation
    public let length: Int

    public init(line: Int, column: Int, length: Int = 1) {
        start = SourceLocation(line: line, column: column)
        self.length = max(length, 1)
    }

    public var line: Int { start.line }
    public var column: Int { start.column }

    /// The span from this range to the end of `other` when both stand on one line (a pair of
    /// options that make one mistake together), else this range alone.
    public func through(_ other: SourceRange) -> SourceRange {
        guard other.line == line else { return self }
        let first = min(column, other.column), end = max(column + length, other.column + other.length)
        return SourceRange(line: line, column: first, length: end - first)
    }
}
