// The error every tensor operation throws when two shapes do not fit together.

/// A shape mismatch, described for a learner: both shapes, and what usually fixes it.
public struct ShapeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public let hint: String?

    /// The sample the problem is about, counted from 0 in the data given, and what it says of
    /// it (`has the target 2.0, but …`): the notebook names where that sample came from.
    public private(set) var sample: (index: Int, problem: String)?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// A problem of the sample at `index`: "sample N " and `problem`.
    public init(sample index: Int, _ problem: String, hint: String? = nil) {
        self.init("sample \(index + 1) \(problem)", hint: hint)
        sample = (index, problem)
    }

    public static func == (lhs: ShapeError, rhs: ShapeError) -> Bool {
        lhs.message == rhs.message && lhs.hint == rhs.hint
    }

    public var description: String { message }
}
