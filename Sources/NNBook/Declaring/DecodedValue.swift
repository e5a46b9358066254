// What an `@Argument` or `@Option` holds once its command is decoded from a checked invocation:
// the value and where the notebook wrote it. A declaration (the copy that only feeds the
// schema) holds none, and reading it is a programming error.

/// The checked value of one declared property, or nothing in a declaration.
struct DecodedValue<Value: CommandValue>: Sendable {
    private let located: Located<Value>?

    /// The empty value of a declaration.
    init() { located = nil }

    /// The property's value from the invocation the decoder carries.
    init(from decoder: any Decoder) throws {
        located = try PropertyDecoder.of(decoder).value(Value.self)
    }

    var value: Value { checked.value }
    var range: SourceRange { checked.range }

    private var checked: Located<Value> {
        guard let located else { preconditionFailure("a declared property is read only in a decoded command") }
        return located
    }
}
