// Splits one line of a cell into tokens: words, quoted strings, `=`, list brackets, `$params`.

/// A token of a command line and where it stands.
struct Token: Equatable {
    enum Kind: Equatable {
        case word(String)
        case string(String)
        case parameter(String)
        case equals, openBracket, closeBracket, comma
    }

    let kind: Kind
    let range: SourceRange
}

/// Turns a line into tokens. `#` outside a string starts a comment; a word is any run of
/// characters other than spaces and `"=[],#$`, so paths and numbers need no quotes. Two or more
/// of `<>=!~` together (`>=`, `<=`, `~=`, or a mistake such as `=>`) make a word, so that
/// `expect` can compare and a wrong operator is reported as one.
struct CommandLexer {
    private static let special: Set<Character> = ["\"", "=", "[", "]", ",", "#", "$"]
    private static let punctuation: [Character: Token.Kind] = ["=": .equals, "[": .openBracket, "]": .closeBracket, ",": .comma]
    /// Comparisons written as one sign, which may stand right before their number.
    private static let signs: Set<Character> = ["<", ">", "≤", "≥", "≈"]
    /// Quotes from word processors and from Python, which a learner may write for "…"; a word
    /// never starts with one.
    private static let otherQuotes: [Character: String] = [
        "“": "“…”", "”": "”…”", "„": "„…“", "‘": "‘…’", "’": "’…’", "'": "'…'", "«": "«…»", "»": "»…«",
    ]

    static func tokens(of text: String, line: Int) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let characters = Array(text)
        var tokens: [Token] = []
        var index = 0
        func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(line: line, column: start + 1, length: end - start) }

        let comparison: Set<Character> = ["<", ">", "=", "!", "~"]
        while index < characters.count {
            let character = characters[index]
            if comparison.contains(character), index + 1 < characters.count, comparison.contains(characters[index + 1]) {
                let start = index
                while index < characters.count, comparison.contains(characters[index]) { index += 1 }
                tokens.append(Token(kind: .word(String(characters[start..<index])), range: range(start, index)))
                continue
            }
            // `>0.8` and `≥0.8` compare as `>=0.8` does: the sign is a word of its own.
            if CommandLexer.signs.contains(character), index + 1 < characters.count, characters[index + 1].isNumber || "-+.".contains(characters[index + 1]) {
                tokens.append(Token(kind: .word(String(character)), range: range(index, index + 1)))
                index += 1
                continue
            }
            if let kind = punctuation[character] {
                tokens.append(Token(kind: kind, range: range(index, index + 1)))
                index += 1
                continue
            }
            switch character {
            case _ where character.isWhitespace:
                // Any space, including a stray carriage return: a word cannot start with one.
                index += 1
            case "#":
                return (tokens, [])
            case "\"":
                let start = index
                var value = ""
                index += 1
                var closed = false
                while index < characters.count {
                    let next = characters[index]
                    if next == "\"" {
                        closed = true
                        index += 1
                        break
                    }
                    if next == "\\", index + 1 < characters.count {
                        let escaped = characters[index + 1]
                        switch escaped {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(escaped)
                        }
                        index += 2
                        continue
                    }
                    value.append(next)
                    index += 1
                }
                guard closed else {
                    return (tokens, [Diagnostic(
                        "this string is never closed", at: range(start, start + 1),
                        hint: "add a closing \" on the same line")])
                }
                tokens.append(Token(kind: .string(value), range: range(start, index)))
            case "$":
                let start = index
                index += 1
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                let name = String(characters[(start + 1)..<index])
                guard !name.isEmpty else {
                    return (tokens, [Diagnostic(
                        "'$' must be followed by a parameter name", at: range(start, start + 1),
                        hint: "write $rate to use the parameter rate from the front matter")])
                }
                tokens.append(Token(kind: .parameter(name), range: range(start, index)))
            default:
                let start = index
                while index < characters.count, !characters[index].isWhitespace, !special.contains(characters[index]) {
                    index += 1
                }
                let word = String(characters[start..<index])
                if let quote = CommandLexer.otherQuotes[character] {
                    var inner = Substring(word)
                    while let first = inner.first, CommandLexer.otherQuotes[first] != nil { inner.removeFirst() }
                    while let last = inner.last, CommandLexer.otherQuotes[last] != nil { inner.removeLast() }
                    return (tokens, [Diagnostic(
                        "only straight double quotes \"…\" make a string, not \(quote)", at: range(start, index),
                        hint: "write \"\(inner)\"" + (character == "'" ? "" : "; a word processor turns \" into “ ”, so write notebooks in a plain-text editor"))])
                }
                tokens.append(Token(kind: .word(word), range: range(start, index)))
            }
        }
        return (tokens, [])
    }
}
