// The types a command's arguments and options can take, as its schema declares them.

import Foundation

/// What kind of value an argument or option accepts.
public indirect enum ValueType: Equatable, Sendable, CustomStringConvertible {
    case number
    case integer
    case string
    case boolean
    /// A bare name such as a column name.
    case word
    /// A file path, relative to the notebook's folder.
    case path
    case choice([String])
    case list(ValueType)
    /// A new name for a data set or model (`as insurance`).
    case defines(NameKind)
    /// The name of a data set or model defined earlier; a data set may name a split
    /// (`insurance.train`, `insurance.test`).
    case uses(NameKind)

    public var description: String {
        switch self {
        case .number: "a number"
        case .integer: "a whole number"
        case .string: "text"
        case .boolean: "true or false"
        case .word: "a name"
        case .path: "a file path"
        case .choice(let choices): "one of " + choices.joined(separator: ", ")
        case .list(let element): "a list of " + element.plural
        case .defines(let kind): "a new \(kind.rawValue) name"
        case .uses(let kind): "the name of a \(kind.rawValue)"
        }
    }

    /// The placeholder shown in usage lines: `NUMBER`, `MODEL`, `batch|stochastic`.
    public var placeholder: String {
        switch self {
        case .number: "NUMBER"
        case .integer: "INTEGER"
        case .string: "TEXT"
        case .boolean: "true|false"
        case .word: "NAME"
        case .path: "PATH"
        case .choice(let choices): choices.joined(separator: "|")
        case .list(let element): "[\(element.placeholder), …]"
        case .defines(let kind), .uses(let kind): kind.rawValue.uppercased().replacingOccurrences(of: " ", with: "")
        }
    }

    private var plural: String {
        switch self {
        case .number: "numbers"
        case .integer: "whole numbers"
        case .choice(let choices): "items from " + choices.joined(separator: ", ")
        default: "values"
        }
    }
}

/// The kinds of names a notebook defines and uses.
public enum NameKind: String, Sendable {
    case dataset = "data set"
    case model
}

/// A checked value, converted to what its schema asked for.
public indirect enum ResolvedValue: Equatable, Sendable {
    case number(Double)
    case integer(Int)
    case string(String)
    case boolean(Bool)
    case list([ResolvedValue])

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

    public var list: [ResolvedValue]? {
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
