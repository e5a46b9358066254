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
            switch character {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\r\n": result += "\\r\\n"
            default:
                let scalars = character.unicodeScalars
                if scalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
                    result += scalars.map { "\\u{\(String($0.value, radix: 16))}" }.joined()
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}

extension Sequence where Element: StringProtocol {
    /// The first `limit` names as excerpts, joined by commas, with how many more there are:
    /// `a, b, c, … (1200 in all)`. A header line of a file that is not CSV stays out of messages.
    public func excerptList(limit: Int = 8) -> String {
        var shown: [String] = []
        var count = 0
        for name in self {
            if count < limit { shown.append(name.excerpt(limit: 24)) }
            count += 1
        }
        return shown.joined(separator: ", ") + (count > limit ? ", … (\(count) in all)" : "")
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
