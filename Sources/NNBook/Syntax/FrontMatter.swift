// The notebook's settings from its front matter: title, seed, precision and parameters.

/// What the `---` block at the top of a notebook declares.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    /// Drives every random draw of the run. Without one, nnbook uses 0, so runs still repeat.
    public var seed: UInt64
    /// Decimal places for the numbers in the rendered page.
    public var precision: Int
    public var parameters: [ParameterDeclaration]
    /// Folders where the notebook's external plugins live.
    public var pluginFolders: [String]
    /// Whether the parameters and plugin folders could all be read. When not (YAML that does
    /// not parse, a misspelt `params:`), the cells are still checked, silent about the uses of
    /// parameters they do not know and about commands that may come from an unread folder.
    public var isComplete = true

    public static let defaultPrecision = 4
    /// The decimal places a notebook or a command may ask for.
    public static let precisionRange = 0...12

    public init(
        title: String? = nil, seed: UInt64 = 0, precision: Int = FrontMatter.defaultPrecision,
        parameters: [ParameterDeclaration] = [], pluginFolders: [String] = []
    ) {
        self.title = title
        self.seed = seed
        self.precision = precision
        self.parameters = parameters
        self.pluginFolders = pluginFolders
    }

    public func parameter(named name: String) -> ParameterDeclaration? {
        parameters.first { $0.name == name }
    }
}

/// A typed parameter with a default that `nnbook run -p name=value` can override.
public struct ParameterDeclaration: Equatable, Sendable {
    public let name: String
    public let type: ValueType
    public let defaultValue: TypedValue
    public let help: String?
    public let range: SourceRange
    /// The values a number, integer or string parameter may take (`choices: [0.1, 0.5]`), each
    /// item's for a list; nil when any value of the type will do. A `choice` parameter's
    /// choices are its type's.
    public let choices: [TypedValue]?

    public init(name: String, type: ValueType, defaultValue: TypedValue, help: String? = nil, range: SourceRange, choices: [TypedValue]? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
        self.range = range
        self.choices = choices
    }

    /// `rate (number, default 0.5)`, for error messages that list the parameters.
    public var summary: String { "\(name) (\(typeText), default \(defaultValue.text))" }

    /// The type as the front matter writes it, a choice with its choices: `integer`,
    /// `one of batch, stochastic`, `number, one of 0.1, 0.5`.
    public var typeText: String {
        if case .choice = type { return type.description }
        return type.name + (choices.map { ", one of " + $0.map(\.text).joined(separator: ", ") } ?? "")
    }

    /// Whether `value` is one the parameter allows: of its choices, when it has them.
    public func allows(_ value: TypedValue) -> Bool {
        guard let choices else { return true }
        return (value.list ?? [value]).allSatisfy(choices.contains)
    }
}
