// Splitting `0.05,0.5,2.5` or `'a, b',c` into values: commas inside quotes or brackets belong to
// a value, so such values need no other escape.

import Foundation

/// The comma-separated values of one swept parameter.
public enum SweepValueList {
    /// Why a list of values could not be split.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case emptyValue(position: Int)
        case unclosedBracket
        case unexpectedClose
        case unclosedQuote

        public var description: String {
            switch self {
            case .empty: "the list of values is empty"
            case .emptyValue(let position): "value \(position) is empty (two commas in a row, or a comma at an end)"
            case .unclosedBracket: "a '[' is never closed"
            case .unexpectedClose: "a ']' closes no '['"
            case .unclosedQuote: "a quote is never closed"
            }
        }
    }

    /// The values, trimmed of surrounding spaces; quotes around a whole value are removed.
    public static func split(_ text: String) -> Result<[String], Problem> {
        var values: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                current.append(character)
            case "[":
                depth += 1
                current.append(character)
            case "]":
                guard depth > 0 else { return .failure(.unexpectedClose) }
                depth -= 1
                current.append(character)
            case "," where depth == 0:
                values.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        if quote != nil { return .failure(.unclosedQuote) }
        if depth > 0 { return .failure(.unclosedBracket) }
        values.append(current)
        let trimmed = values.map(unquoted)
        if trimmed.count == 1, trimmed[0].isEmpty { return .failure(.empty) }
        if let blank = trimmed.firstIndex(where: \.isEmpty) { return .failure(.emptyValue(position: blank + 1)) }
        return .success(trimmed)
    }

    /// The values as one list that `split` reads back into the same values: a text value with a
    /// comma, a quote, a bracket or surrounding spaces is quoted, so `a, b` and `c` read as two
    /// values (`'a, b', c`), not three. A list value (`[64, 32]`) stands as written.
    public static func joined(_ values: [String]) -> String {
        values.map { value in
            let list = value.hasPrefix("[") && value.hasSuffix("]")
            guard !list, value.contains(where: { ",'\"[]".contains($0) }) || value != value.trimmingCharacters(in: .whitespaces) else { return value }
            return value.contains("'") ? "\"\(value)\"" : "'\(value)'"
        }.joined(separator: ", ")
    }

    private static func unquoted(_ value: String) -> String {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }

    /// A value as an error message may quote it: at most 40 characters, control characters
    /// escaped, so a pasted file cannot flood the terminal.
    public static func excerpt(_ value: String) -> String {
        let escaped = value.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined()
        return escaped.count > 40 ? String(escaped.prefix(40)) + "…" : escaped
    }
}
