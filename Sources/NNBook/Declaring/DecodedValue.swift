// What an `@Argument` or `@Option` holds once its command is decoded from a checked invocation:
// the value and where the notebook wrote it. A declaration (the copy that only feeds the
// schema) holds none, and reading it is a programming error.

/// The checked value of one declared property, or nothing in a declaration.
struct DecodedValue<Value: CommandValue>: Sendable {
    private let located: Located<Value>?
    /// Whether the notebook gave the value by a `$parameter`.
    let isParameter: Bool

    /// The empty value of a declaration.
    init() {
        located = nil
        isParameter = false
    }

    /// The property's value from the invocation the decoder carries.
    init(from decoder: any Decoder) throws {
        let property = try PropertyDecoder.of(decoder)
        located = try property.value(Value.self)
        isParameter = property.invocation.parameterized.contains(property.name)
    }

    var value: Value { checked.value }
    var range: SourceRange { checked.range }

    private var checked: Located<Value> {
        guard let located else { preconditionFailure("a declared property is read only in a decoded command") }
        return located
    }
}
