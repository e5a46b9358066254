// The error every tensor operation throws when two shapes do not fit together.

/// A shape mismatch, described for a learner: both shapes, and what usually fixes it.
public struct ShapeError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { message }
}
