// The types a value in a notebook can have: a command's arguments and options, a front-matter
// parameter, a `-p` override and a swept value are all one of these, read by one function.

import Foundation
import NNData

/// What kind of value an argument, option or parameter accepts.
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

    /// The types a front matter may declare, by the name it writes (`type: integer`); a choice
    /// also lists its `choices`. A list names its items' type: `list of integer`.
    public static let parameterTypeNames = ["number", "integer", "string", "boolean", "choice"]
        + ["number", "integer", "string", "boolean", "choice"].map { "list of " + $0 }

    /// The parameter type the front matter (or `run.json`) names, or nil for an unknown name.
    /// A choice without its choices (as `run.json` records it) accepts any text.
    public static func parameterType(named name: String, choices: [String]? = nil) -> ValueType? {
        switch name {
        case "number": .number
        case "integer": .integer
        case "string": .string
        case "boolean": .boolean
        case "choice": choices.map(ValueType.choice) ?? .string
        case _ where name.hasPrefix("list of ") && !name.dropFirst("list of ".count).hasPrefix("list"):
            parameterType(named: String(name.dropFirst("list of ".count)), choices: choices).map(ValueType.list)
        default: nil
        }
    }

    /// The type's name as the front matter writes it (`number`, `choice`), kept in `run.json`.
    public var name: String {
        switch self {
        case .number: "number"
        case .integer: "integer"
        case .string, .word, .path, .defines, .uses: "string"
        case .boolean: "boolean"
        case .choice: "choice"
        case .list(let element): "list of \(element.name)"
        }
    }

    /// "a number", "one of batch, stochastic": what a value of this type must be.
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

    /// Reads one written value (a notebook's word, a YAML scalar, a `-p` value) as this type;
    /// nil when it is not one. Names are only read here: whether a name is defined is the
    /// checker's question.
    public func value(from text: String) -> TypedValue? {
        switch self {
        case .number: Double(decimal: text).flatMap { $0.isFinite ? .number($0) : nil }
        case .integer: Int(text).map(TypedValue.integer)
        case .string, .word, .path, .defines, .uses: .string(text)
        case .boolean: text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
        case .choice(let choices): choices.contains(text) ? .string(text) : nil
        case .list(let element): ValueType.items(of: text).flatMap { items in
            let values = items.compactMap(element.value(from:))
            return values.count == items.count ? .list(values) : nil
        }
        }
    }

    /// Whether `text` writes a whole number beyond the largest one nnbook holds (64 bits):
    /// `99999999999999999999` is whole, only too large.
    public static func isWholeNumberBeyondRange(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) && Int(text) == nil
    }

    /// "too large for a whole number (the largest is 9223372036854775807)", said of `text` when
    /// `isWholeNumberBeyondRange`.
    public static func beyondRange(_ text: String) -> String {
        text.hasPrefix("-")
            ? "too small for a whole number (the smallest is \(Int.min))"
            : "too large for a whole number (the largest is \(Int.max))"
    }

    /// `20%` written where a number is taken: the share nnbook takes instead (`0.2`), as a
    /// hint; nil when `text` is no percentage.
    public static func shareHint(for text: String) -> String? {
        guard text.hasSuffix("%"), let percent = Double(decimal: text.dropLast()), percent.isFinite else { return nil }
        return "write \(NumberText.plain(percent / 100)): nnbook writes a share as a number from 0 to 1, not as a percentage"
    }

    /// The items of a written list, `[64, 32]` (commas inside quotes or brackets belong to an
    /// item, quotes around an item are removed); `[]` has none, and a value without brackets is
    /// a list of one. Nil when the brackets or an item are malformed.
    static func items(of text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[") else { return [trimmed] }
        guard trimmed.hasSuffix("]"), trimmed.count >= 2 else { return nil }
        let inside = String(trimmed.dropFirst().dropLast())
        if inside.allSatisfy(\.isWhitespace) { return [] }
        return try? SweepValueList.split(inside).get()
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
