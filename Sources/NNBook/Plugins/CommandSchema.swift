// A command's declaration: its name, arguments, options and examples. The checker, the
// diagnostics and the generated help all read it, so nothing about a command is written twice.

/// Everything nnbook knows about a command before it runs.
public struct CommandSchema: Sendable {
    public let verb: String
    public let summary: String
    public let arguments: [ArgumentSchema]
    public let options: [OptionSchema]
    /// The commands allowed on indented lines under this one (a model's layers).
    public let clauses: [CommandSchema]
    /// When set, options not in `options` are accepted with this type (`predict`'s feature values).
    public let openOptions: ValueType?
    public let examples: [String]
    /// What Keras, scikit-learn or pandas call the same step (`fit` for `train`): not accepted,
    /// so that a notebook has one spelling, but answered with this verb.
    public let otherSpellings: [String]
    /// Options the same step takes in Keras that nnbook has no option for (`initial_epoch`),
    /// each with the hint that says what nnbook does instead.
    public let otherOptions: [String: String]

    public init(
        verb: String, summary: String, arguments: [ArgumentSchema] = [], options: [OptionSchema] = [],
        clauses: [CommandSchema] = [], openOptions: ValueType? = nil, examples: [String] = [], otherSpellings: [String] = [],
        otherOptions: [String: String] = [:]
    ) {
        self.verb = verb
        self.summary = summary
        self.arguments = arguments
        self.options = options
        self.clauses = clauses
        self.openOptions = openOptions
        self.examples = examples
        self.otherSpellings = otherSpellings
        self.otherOptions = otherOptions
    }

    public func option(named name: String) -> OptionSchema? {
        options.first { $0.name == name }
    }

    /// Whether a line of this command may define a name or change what one holds (`load`,
    /// `compile`, `train`); when such a line cannot be read, its names are unknown after it.
    var mayDefineOrChange: Bool {
        func defines(_ type: ValueType) -> Bool {
            switch type {
            case .defines: true
            case .list(let element): defines(element)
            default: false
            }
        }
        return arguments.contains { $0.isChanged || defines($0.type) } || options.contains { defines($0.type) } || clauses.contains { $0.mayDefineOrChange }
    }

    /// `train MODEL on DATASET [epochs=INTEGER] …`
    public var usage: String {
        var parts = [verb]
        for argument in arguments {
            let text = (argument.keyword.map { "\($0) " } ?? "") + argument.type.placeholder + (argument.isVariadic ? " …" : "")
            parts.append(argument.isOptional ? "[\(text)]" : text)
        }
        for option in options {
            let text = "\(option.name)=\(CommandSchema.placeholder(option))"
            parts.append(option.isRequired ? text : "[\(text)]")
        }
        if openOptions != nil { parts.append("[NAME=VALUE …]") }
        return parts.joined(separator: " ")
    }
}

extension CommandSchema {
    /// A long list of choices would drown the usage line: `loss=LOSS` stands for it, and the
    /// choices are in `nnbook help`.
    static func placeholder(_ option: OptionSchema) -> String {
        if case .choice(let choices) = option.type, choices.count > 4 { return option.name.uppercased() }
        return option.type.placeholder
    }
}

/// A positional argument, optionally introduced by a keyword (`on insurance`).
public struct ArgumentSchema: Sendable {
    public let name: String
    public let type: ValueType
    public let summary: String
    public let keyword: String?
    public let isOptional: Bool
    /// Takes every remaining value (`plot batch stochastic mini_batch`); resolved as a list.
    public let isVariadic: Bool
    /// The command changes the data set or model this names (`compile` a model, `split` a data
    /// set): when its line is wrong, what the name holds after it is not known.
    public let isChanged: Bool
    /// What a learner writes here by habit from another language (`==` for a comparison), each
    /// answered with the hint that teaches the notebook's way.
    public let mistakes: [String: String]
    /// What to say when a line leaves this value out and goes on with the next one
    /// (`expect m accuracy 0.8`), given the value written in its place; nil for the usage line.
    public let missing: (@Sendable (String) -> (message: String, hint: String)?)?

    public init(
        _ name: String, _ type: ValueType, summary: String, keyword: String? = nil, isOptional: Bool = false, isVariadic: Bool = false,
        isChanged: Bool = false, mistakes: [String: String] = [:], missing: (@Sendable (String) -> (message: String, hint: String)?)? = nil
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.keyword = keyword
        self.isOptional = isOptional
        self.isVariadic = isVariadic
        self.mistakes = mistakes
        self.missing = missing
        self.isChanged = isChanged
    }
}

/// A `name=value` option, with its default when it has one.
public struct OptionSchema: Sendable {
    public let name: String
    public let type: ValueType
    public let summary: String
    public let defaultValue: TypedValue?
    public let isRequired: Bool
    /// What Keras, scikit-learn or pandas call the same setting (`batch_size` for `batch`): not
    /// accepted, so that a notebook has one spelling, but answered with this option's name.
    public let otherSpellings: [String]
    /// The smallest whole number the option takes (`rows=` 1), checked where the option is
    /// written, for every command that declares it, with the same words.
    public let minimum: Int?
    /// The largest whole number the option takes on a line, from the values read before it
    /// and what the check knows, with why (`start=` below the data's samples); nil when the
    /// check cannot tell.
    public typealias Largest = @Sendable (_ values: [String: TypedValue], _ context: CheckContext) -> (value: Int, why: String)?
    public let largest: Largest?
    /// Values that a learner writes by habit (`batch=all`), each with the hint it gets instead
    /// of the type's words alone.
    public let mistakes: [String: String]

    public init(
        _ name: String, _ type: ValueType, summary: String, default defaultValue: TypedValue? = nil, isRequired: Bool = false,
        otherSpellings: [String] = [], minimum: Int? = nil, largest: Largest? = nil, mistakes: [String: String] = [:]
    ) {
        self.name = name
        self.type = type
        self.summary = summary
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.otherSpellings = otherSpellings
        self.minimum = minimum
        self.largest = largest
        self.mistakes = mistakes
    }
}
