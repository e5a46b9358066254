// What a message may quote of a value that came from a file, a notebook or a plugin: a short,
// escaped excerpt, so that an error never repeats a whole line of a file (a secret, a 200 MB
// field) nor lets control characters reach the terminal.

extension StringProtocol {
    /// At most `limit` characters of the text, control and invisible characters written as
    /// escapes (`\n`, `\u{0}`), and `…` where it was cut.
    public func excerpt(limit: Int = 40) -> String {
        var result = ""
        var count = 0
        for character in self {
            if count == limit { return result + "…" }
            count += 1
            result += character.visible
        }
        return result
    }

    /// The whole text with control and invisible characters written as escapes, so that text
    /// from a notebook or a plugin cannot move the cursor, retitle the terminal or break a
    /// `file:line:col:` line. With `keepingNewlines`, line breaks and tabs stay (a hint of several
    /// lines, a page or a diff).
    public func visible(keepingNewlines: Bool = false) -> String {
        guard contains(where: { $0.visible != String($0) }) else { return String(self) }
        return map { keepingNewlines && ($0 == "\n" || $0 == "\t") ? String($0) : $0.visible }.joined()
    }
}

extension Character {
    /// The character as a message shows it: itself, or an escape (`\n`, `\u{1b}`) when it is a
    /// control or invisible formatting character.
    public var visible: String {
        switch self {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\r\n": return "\\r\\n"
        default:
            let scalars = unicodeScalars
            guard scalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) else { return String(self) }
            return scalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
        }
    }
}

extension Sequence where Element: StringProtocol {
    /// The first `limit` names as excerpts of `nameLimit` characters, joined by `separator`, with
    /// how many more there are: `a, b, c, … (1200 in all)`. A header line of a file that is not
    /// CSV stays out of messages.
    public func excerptList(limit: Int = 8, nameLimit: Int = 24, separator: String = ", ") -> String {
        var shown: [String] = []
        var count = 0
        for name in self {
            if count < limit { shown.append(name.excerpt(limit: nameLimit)) }
            count += 1
        }
        return shown.joined(separator: separator) + (count > limit ? "\(separator)… (\(count) in all)" : "")
    }
}

extension String {
    /// The whole text up to `limit` characters, cut with `…` beyond: the last guard on any
    /// message, so that no echoed value, however it got there, makes a message of megabytes.
    public func clipped(to limit: Int = 2000) -> String {
        guard utf8.count > limit else { return self }
        return String(prefix(limit)) + "…"
    }
}
