// Writing values into GitHub-flavoured Markdown so that they read as the text they are: whatever a
// data file or a plugin puts in a name, a caption or a message, it cannot open a table cell,
// close a code block, start a heading or become HTML.

import Foundation
import NNData

/// Escaping for each place a value can land in a Markdown page.
enum MarkdownText {
    /// Text inside a line (a table cell, a caption, a message): every character that could start
    /// inline markup is backslash-escaped, and line breaks become spaces. An underscore between
    /// two letters or digits cannot start emphasis, so `batch_gd` stays as it is, and a list
    /// such as `[1, 0, 0]` is no link.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\n", "\r", "\r\n":
                result.append(" ")
            case "\\":
                result += next.map(isPunctuation) == true ? "\\\\" : "\\"
            case "`", "*", "<", ">", "&", "|", "~":
                result += "\\" + String(character)
            case "]":
                // A bracket becomes a link only when `(` or `[` follows it: `[1, 0, 0]` stays as
                // it is, `[a](javascript:…)` loses its link.
                result += next == "(" || next == "[" ? "\\]" : "]"
            case "_":
                let previous = index > 0 ? characters[index - 1] : nil
                let intraword = previous.map(isWordCharacter) == true && next.map(isWordCharacter) == true
                result += intraword ? "_" : "\\_"
            case "\t":
                result.append(character)
            default:
                // A control character (an escape sequence in a fetched run's message) is shown
                // as its escape, `\u{1b}`, as plugin text is.
                result += character.visible
            }
        }
        return result
    }

    /// A line of its own (a hint's line inside a quote): inline text that also cannot start a
    /// heading, a list, a quote, a rule or a code block.
    static func line(_ text: String) -> String {
        let escaped = inline(String(text.drop { $0 == " " || $0 == "\t" }))
        guard let first = escaped.first else { return escaped }
        if "#-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = escaped.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// A fenced code block whose fence is longer than any run of backticks in the text, so no
    /// line of the text can close it.
    static func codeBlock(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + info + "\n" + text + "\n" + fence
    }

    /// A link target: letters, digits and `-._~/` as they are, every other byte percent-encoded,
    /// so a space or a parenthesis in a file name cannot end the link.
    static func destination(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            if unreserved.contains(byte) { result.unicodeScalars.append(Unicode.Scalar(byte)) } else { result += String(format: "%%%02X", byte) }
        }
        return result
    }

    /// An address the author's link takes from a parameter (`[site]({{url}})`): kept as the
    /// address it is, with every character that could end the link or leave it (a space, `<`,
    /// `>`, a quote, a parenthesis, a backslash, a line break) percent-encoded. An address that
    /// would run a script or embed a document (`javascript:`, `vbscript:`, `data:`, `file:`)
    /// loses its scheme's colon and becomes a harmless relative one.
    static func address(_ value: String) -> String {
        let scheme = value.prefix { $0 != ":" }.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        let dangerous = value.contains(":") && ["javascript", "vbscript", "data", "file"].contains(scheme)
        var result = "", seenColon = false
        for byte in value.utf8 {
            let keep = byte > 0x20 && byte < 0x7F && !addressBreakers.contains(byte) && !(dangerous && byte == UInt8(ascii: ":") && !seenColon)
            if byte == UInt8(ascii: ":") { seenColon = true }
            if keep { result.unicodeScalars.append(Unicode.Scalar(byte)) } else { result += String(format: "%%%02X", byte) }
        }
        return result
    }

    private static let addressBreakers = Set("<>\"'()\\`{}|^".utf8)

    /// A link's title from a parameter (`[a](b "{{note}}")`): every punctuation character
    /// backslash-escaped, so no quote or parenthesis ends the title, and line breaks as spaces.
    static func linkTitle(_ value: String) -> String {
        var result = ""
        for character in value {
            if character.isNewline { result.append(" ") } else if isPunctuation(character) { result += "\\" + String(character) } else { result.append(character) }
        }
        return result
    }

    /// A value inside the author's raw HTML (`<span title="{{who}}">`, an HTML block's text):
    /// every character that could end an attribute, quoted or not, or start a tag is a
    /// character reference, so the value stays one attribute's text. Raw HTML is no Markdown,
    /// so no backslash is added (it would show).
    static func rawHTML(_ value: String) -> String {
        var result = ""
        for character in HTMLText.escape(value) {
            switch character {
            case " ": result += "&#32;"
            case "\t": result += "&#9;"
            case "=": result += "&#61;"
            case "`": result += "&#96;"
            default: result += character.isNewline ? "&#10;" : String(character)
            }
        }
        return result
    }

    private static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)

    private static func isPunctuation(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
