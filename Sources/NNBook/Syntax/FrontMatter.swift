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

    public static let defaultPrecision = 4

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
    public let type: ParameterType
    public let defaultValue: ParameterValue
    public let help: String?
    public let range: SourceRange

    public init(name: String, type: ParameterType, defaultValue: ParameterValue, help: String? = nil, range: SourceRange) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.help = help
        self.range = range
    }

    /// `rate (number, default 0.5)`, for error messages that list the parameters.
    public var summary: String { "\(name) (\(type.description), default \(defaultValue.text))" }
}

/// The types a parameter can have.
public enum ParameterType: Equatable, Sendable, CustomStringConvertible {
    case number, integer, string, boolean
    case choice([String])

    public var description: String {
        switch self {
        case .number: "number"
        case .integer: "integer"
        case .string: "string"
        case .boolean: "boolean"
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        }
    }

    /// The type's name as the front matter writes it (`number`, `choice`), kept in `run.json`.
    public var name: String {
        switch self {
        case .number: "number"
        case .integer: "integer"
        case .string: "string"
        case .boolean: "boolean"
        case .choice: "choice"
        }
    }

    /// "a number", "one of batch, stochastic": what a value of this type must be.
    public var expectation: String {
        switch self {
        case .number: "a number"
        case .integer: "a whole number"
        case .string: "text"
        case .boolean: "true or false"
        case .choice: description
        }
    }

    /// Reads `text` (from the command line or YAML) as a value of this type.
    public func value(from text: String) -> ParameterValue? {
        switch self {
        case .number: return Double(text).flatMap { $0.isFinite ? .number($0) : nil }
        case .integer: return Int(text).map(ParameterValue.integer)
        case .string: return .string(text)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on": return .boolean(true)
            case "false", "no", "off": return .boolean(false)
            default: return nil
            }
        case .choice(let choices): return choices.contains(text) ? .string(text) : nil
        }
    }
}

/// A parameter's value.
public enum ParameterValue: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    case string(String)
    case boolean(Bool)

    public var text: String {
        switch self {
        case .number(let value): NumberText.plain(value)
        case .integer(let value): String(value)
        case .string(let value): value
        case .boolean(let value): value ? "true" : "false"
        }
    }
}
