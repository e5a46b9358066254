// What an `@Argument` or `@Option` holds once its command is decoded from a checked invocation:
// the value and where the notebook wrote it. A declaration (the copy that only feeds the
// schema) holds none, and reading it is a programming error.

/// The checked value of one declared property, or nothing in a declaration.
struct DecodedValue<Value: CommandValue>: Sendable {
    private let state: State
    /// Whether the notebook gave the value by a `$parameter`.
    let isParameter: Bool

    private enum State: Sendable {
        /// The empty value of a declaration.
        case declared
        case checked(Located<Value>)
        /// An option of a line read in part whose value could not be read (``Invocation/unread``),
        /// written at the range, or the command's own when no place is known.
        case unread(SourceRange)
    }

    /// The empty value of a declaration.
    init() {
        state = .declared
        isParameter = false
    }

    /// The property's value from the invocation the decoder carries.
    init(from decoder: any Decoder) throws {
        let property = try PropertyDecoder.of(decoder)
        state = try property.value(Value.self).map(State.checked) ?? .unread(property.invocation.range(of: property.name))
        isParameter = property.invocation.parameterized.contains(property.name)
    }

    var value: Value {
        guard let known else { preconditionFailure("a value that could not be read is looked at only through `known`") }
        return known
    }

    /// The value, or nil where the line could not be read.
    var known: Value? {
        switch state {
        case .declared: preconditionFailure("a declared property is read only in a decoded command")
        case .checked(let located): located.value
        case .unread: nil
        }
    }

    var range: SourceRange {
        switch state {
        case .declared: preconditionFailure("a declared property is read only in a decoded command")
        case .checked(let located): located.range
        case .unread(let range): range
        }
    }
}
