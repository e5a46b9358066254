// `@Argument`: a value written in order after the verb (`train neuron on insurance`).

/// A positional argument of a command, declared as a property.
///
/// ```swift
/// @Argument(help: "the model") var model: ModelName
/// @Argument(keyword: "on", help: "the data to learn from") var data: DatasetName
/// ```
/// An `Optional` property may be left out; an `Array` property takes every remaining value.
/// `changes: true` declares that the command changes the data set or model the argument names
/// (`compile` changes its model): when the line is wrong, the check no longer knows what it holds.
/// `mistakes` are words a learner writes there by habit, each with its hint (`plot m accuracy`,
/// a metric where a model is named).
@propertyWrapper
public struct Argument<Value: CommandValue>: Decodable, Sendable {
    private let declaration: Declaration?
    private let decoded: DecodedValue<Value>

    struct Declaration: Sendable {
        let help: String
        let keyword: String?
        let changes: Bool
        let mistakes: [String: String]
    }

    /// An argument, required unless `Value` is optional.
    public init(keyword: String? = nil, help: String, changes: Bool = false, mistakes: [String: String] = [:]) {
        declaration = Declaration(help: help, keyword: keyword, changes: changes, mistakes: mistakes)
        decoded = DecodedValue()
    }

    public init(from decoder: Decoder) throws {
        declaration = nil
        decoded = try DecodedValue(from: decoder)
    }

    /// The checked value.
    public var wrappedValue: Value { decoded.value }

    /// Where the notebook wrote it.
    public var projectedValue: SourceRange { decoded.range }
}

extension Argument: DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts) {
        guard let declaration else { return }
        var type = Value.valueType
        var variadic = false
        if case .list(let element) = type {
            type = element
            variadic = true
        }
        let choice = Value.self as? any ChoiceValue.Type
        var missing: (@Sendable (String) -> (message: String, hint: String)?)?
        if let choice { missing = { written in choice.missing(before: written) } }
        schema.arguments.append(ArgumentSchema(
            name, type, summary: declaration.help, keyword: declaration.keyword, isOptional: Value.absent != nil, isVariadic: variadic,
            isChanged: declaration.changes, mistakes: declaration.mistakes.merging(choice?.mistakes ?? [:]) { own, _ in own }, missing: missing))
    }
}
