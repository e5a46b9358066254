// `@Option`: a `name=value` setting, with its default written once, where it is declared.

/// An option of a command, declared as a property; its name is the property's name.
///
/// ```swift
/// @Option(help: "how many passes over the training samples") var epochs = 1   // default 1
/// @Option(help: "the learning rate") var rate: Double?                        // may be left out
/// @Option(help: "the loss to minimise") var loss: LossName                    // required
/// @Option(help: "samples per update", spellings: ["batch_size"]) var batch = 32
/// ```
/// `spellings` are the names Keras, scikit-learn or pandas give the same setting: a notebook
/// that writes one of them is told the option's name ("did you mean 'batch'?"). `minimum` is
/// the smallest whole number a count takes (`@Option(help: "how many rows", minimum: 1) var
/// rows = 5`): the checker refuses less where the option is written, in the same words for
/// every command. `largest`, given the values read before the option (its line's arguments)
/// and what the check knows, is the largest whole number the option can take there, with why
/// (`images … start=` is below the data's samples): a decimal written there is told a whole
/// number that exists. `mistakes` are values a learner writes by habit, each with its hint
/// (`@Option(…, mistakes: ["all": "for steps of every sample, write descent=batch"]) var batch = 32`).
@propertyWrapper
public struct Option<Value: CommandValue>: Decodable, Sendable {
    private let declaration: Declaration?
    private let decoded: DecodedValue<Value>

    struct Declaration: Sendable {
        let help: String
        let defaultValue: TypedValue?
        let spellings: [String]
        let minimum: Int?
        let mistakes: [String: String]
        let largest: OptionSchema.Largest?
    }

    /// An option with a default, used when the notebook leaves it out.
    public init(
        wrappedValue: Value, help: String, spellings: [String] = [], minimum: Int? = nil, largest: OptionSchema.Largest? = nil, mistakes: [String: String] = [:]
    ) {
        declaration = Declaration(
            help: help, defaultValue: wrappedValue.typedValue, spellings: spellings, minimum: minimum, mistakes: mistakes, largest: largest)
        decoded = DecodedValue()
    }

    /// An option the notebook must give (or, for an `Optional` property, may leave out).
    public init(help: String, spellings: [String] = [], minimum: Int? = nil, mistakes: [String: String] = [:]) {
        declaration = Declaration(help: help, defaultValue: nil, spellings: spellings, minimum: minimum, mistakes: mistakes, largest: nil)
        decoded = DecodedValue()
    }

    public init(from decoder: Decoder) throws {
        declaration = nil
        decoded = try DecodedValue(from: decoder)
    }

    /// The checked value, or the default.
    public var wrappedValue: Value { decoded.value }

    /// The checked value or the default, or nil where the line could not be read far enough to
    /// give it (a command that ``CellCommand/checksLinesReadInPart`` reads its options so).
    public var known: Value? { decoded.known }

    /// Where the notebook wrote it; the command itself when the default was used.
    public var projectedValue: SourceRange { decoded.range }

    /// Whether the notebook gave it by a `$parameter`, leaving its value to `-p`: a check that
    /// weighs it against another option then cannot tell which values the notebook means.
    public var isParameter: Bool { decoded.isParameter }
}

extension Option: DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts) {
        guard let declaration else { return }
        schema.options.append(OptionSchema(
            name, Value.valueType, summary: declaration.help, default: declaration.defaultValue,
            isRequired: declaration.defaultValue == nil && Value.absent == nil, otherSpellings: declaration.spellings,
            minimum: declaration.minimum, largest: declaration.largest, mistakes: declaration.mistakes))
    }
}
