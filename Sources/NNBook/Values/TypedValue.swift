// A value of a `ValueType`: a command's checked argument, a parameter's default or override, a
// swept value. One type for all of them, so a parameter reaches a command without conversion.

/// A checked value, of the type its declaration asked for.
public indirect enum TypedValue: Hashable, Sendable {
    case number(Double)
    case integer(Int)
    case string(String)
    case boolean(Bool)
    case list([TypedValue])

    public var number: Double? {
        switch self {
        case .number(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    public var integer: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    public var boolean: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    public var list: [TypedValue]? {
        if case .list(let values) = self { values } else { nil }
    }

    /// The value written back as a notebook would write it.
    public var text: String {
        switch self {
        case .number(let value): NumberText.plain(value)
        case .integer(let value): String(value)
        case .string(let value): value
        case .boolean(let value): value ? "true" : "false"
        case .list(let values): "[" + values.map(\.text).joined(separator: ", ") + "]"
        }
    }
}
