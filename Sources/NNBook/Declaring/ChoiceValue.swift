// Values that must be one of a fixed list of words: a loss, an optimizer, a descent mode.

/// A value chosen from a list; the checker suggests the nearest choice for a misspelling.
///
/// A `String`-backed `CaseIterable` enum gets everything from its cases; a list that lives in
/// the neural-net core (`Losses.names`) is wrapped in a struct with `choices`.
public protocol ChoiceValue: CommandValue {
    static var choices: [String] { get }
    init?(choice: String)
    var choice: String { get }
    /// Words that are not choices but that a learner writes by habit, with the hint for each.
    static var mistakes: [String: String] { get }
    /// What to say when a line leaves the choice out and goes on with the value after it
    /// (`expect m accuracy 0.8`), given that value as written: a message and a hint that shows
    /// the line with a choice; nil for the usage line.
    static func missing(before written: String) -> (message: String, hint: String)?
}

extension ChoiceValue {
    public static var mistakes: [String: String] { [:] }
    public static func missing(before written: String) -> (message: String, hint: String)? { nil }
    public static var valueType: ValueType { .choice(choices) }
    public init(checked value: TypedValue, at range: SourceRange) {
        // The checker accepted only listed choices.
        self = Self(choice: value.string ?? "")!
    }
    public var typedValue: TypedValue? { .string(choice) }
}

extension ChoiceValue where Self: RawRepresentable<String> & CaseIterable {
    public static var choices: [String] { allCases.map(\.rawValue) }
    public init?(choice: String) { self.init(rawValue: choice) }
    public var choice: String { rawValue }
}
