// The Swift types a command's arguments and options can have, and the checked value each is
// made from. A property's type says what the checker accepts: `Int` a whole number, `ModelName`
// the name of a model defined earlier, `[ColumnName]` a list of columns.

/// A type that an `@Argument` or `@Option` property can have.
///
/// The checker converts what the notebook wrote to `valueType` first, with a diagnostic when it
/// cannot; the command then receives the converted value as this type, so making one from a
/// checked value cannot fail.
public protocol CommandValue: Sendable {
    /// What the checker accepts, and what usage lines and help call it.
    static var valueType: ValueType { get }
    /// Makes the value from what the checker produced for `valueType`, written at `range`.
    init(checked value: TypedValue, at range: SourceRange)
    /// The value as a schema default (shown in help, sent to plugins); nil for "absent".
    var typedValue: TypedValue? { get }
    /// The value when the notebook leaves a property out: nil for a required one, `.some(nil)`
    /// for an `Optional`.
    static var absent: Self? { get }
}

extension CommandValue {
    public static var absent: Self? { nil }
}

extension Int: CommandValue {
    public static var valueType: ValueType { .integer }
    public init(checked value: TypedValue, at range: SourceRange) { self = value.integer ?? 0 }
    public var typedValue: TypedValue? { .integer(self) }
}

extension Double: CommandValue {
    public static var valueType: ValueType { .number }
    public init(checked value: TypedValue, at range: SourceRange) { self = value.number ?? 0 }
    public var typedValue: TypedValue? { .number(self) }
}

extension Bool: CommandValue {
    public static var valueType: ValueType { .boolean }
    public init(checked value: TypedValue, at range: SourceRange) { self = value.boolean ?? false }
    public var typedValue: TypedValue? { .boolean(self) }
}

/// Quoted text, such as a separator (`separator=";"`).
extension String: CommandValue {
    public static var valueType: ValueType { .string }
    public init(checked value: TypedValue, at range: SourceRange) { self = value.string ?? "" }
    public var typedValue: TypedValue? { .string(self) }
}

/// A list option (`metrics=[accuracy]`), or an argument that takes every remaining value
/// (`plot batch stochastic`).
extension Array: CommandValue where Element: CommandValue {
    public static var valueType: ValueType { .list(Element.valueType) }
    public init(checked value: TypedValue, at range: SourceRange) {
        self = (value.list ?? [value]).map { Element(checked: $0, at: range) }
    }
    public var typedValue: TypedValue? { .list(compactMap(\.typedValue)) }
}

/// A property the notebook may leave out.
extension Optional: CommandValue where Wrapped: CommandValue {
    public static var valueType: ValueType { Wrapped.valueType }
    public init(checked value: TypedValue, at range: SourceRange) { self = Wrapped(checked: value, at: range) }
    public var typedValue: TypedValue? { self?.typedValue }
    public static var absent: Self? { .some(nil) }
}

/// A value with where the notebook wrote it, for diagnostics about one item of a list.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let range: SourceRange

    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}
