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
    /// Quotes from word processors and from Python, which a learner may write for "…", as
    /// they are shown and the characters that close each; a word never starts with one.
    private static let otherQuotes: [Character: (shown: String, closers: Set<Character>)] = [
        "“": ("“…”", ["”", "“"]), "”": ("”…”", ["”"]), "„": ("„…“", ["“", "”"]), "‘": ("‘…’", ["’", "‘"]), "’": ("’…’", ["’"]),
        "'": ("'…'", ["'"]), "«": ("«…»", ["»"]), "»": ("»…«", ["«"]),
    ]

    /// The tokens up to the first mistake that ends the line, that mistake, and the slips read
    /// past because what was meant is plain (`'relu'` for `"relu"`).
    static func tokens(of text: String, line: Int) -> (tokens: [Token], diagnostics: [Diagnostic], slips: [Diagnostic]) {
        let characters = Array(text)
        var tokens: [Token] = []
        var slips: [Diagnostic] = []
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
                return (tokens, [], slips)
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
                        hint: "add a closing \" on the same line")], slips)
                }
                tokens.append(Token(kind: .string(value), range: range(start, index)))
            case "$":
                let start = index
                index += 1
                // `${hidden}`, as a shell or a JavaScript template writes it: a slip, read as the
                // parameter it names, so that the rest of the line and its command are checked.
                let braced = index < characters.count && characters[index] == "{"
                if braced { index += 1 }
                let nameStart = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_" {
                    index += 1
                }
                let name = String(characters[nameStart..<index])
                if braced, !name.isEmpty, index < characters.count, characters[index] == "}" {
                    index += 1
                    slips.append(Diagnostic(
                        "${\(name)} is how a shell writes a parameter; a command uses it as $\(name)", at: range(start, index),
                        hint: "write $\(name), without braces"))
                    tokens.append(Token(kind: .parameter(name), range: range(start, index)))
                    continue
                }
                guard !name.isEmpty, !braced else {
                    return (tokens, [Diagnostic(
                        "'$' must be followed by a parameter name", at: range(start, start + 1),
                        hint: "write $rate to use the parameter rate from the front matter")], slips)
                }
                tokens.append(Token(kind: .parameter(name), range: range(start, index)))
            case _ where otherQuotes[character] != nil:
                // Read as the word it quotes, up to its closing quote (or the word's end), so
                // that the rest of the line is still checked.
                let (shown, closers) = otherQuotes[character]!
                let start = index
                index += 1
                let inner: String
                if let end = characters[index...].firstIndex(where: closers.contains) {
                    inner = String(characters[index..<end])
                    index = end + 1
                } else {
                    while index < characters.count, !characters[index].isWhitespace, !special.contains(characters[index]) { index += 1 }
                    inner = String(characters[(start + 1)..<index])
                }
                let written = Checker.isName(inner) ? "\(inner) (a name or a choice needs no quotes)" : "\"\(inner)\""
                slips.append(Diagnostic(
                    "only straight double quotes \"…\" make a string, not \(shown)", at: range(start, index),
                    hint: "write \(written)" + (character == "'" ? "" : "; a word processor turns \" into “ ”, so write notebooks in a plain-text editor")))
                tokens.append(Token(kind: .word(inner), range: range(start, index)))
            default:
                let start = index
                while index < characters.count, !characters[index].isWhitespace, !special.contains(characters[index]) {
                    // `loss<0.69`: a comparison sign before a number (or `=`) ends the word, as a
                    // space would, so that it compares as `loss < 0.69` does.
                    if index > start, CommandLexer.signs.contains(characters[index]), index + 1 < characters.count,
                        characters[index + 1].isNumber || "-+.=".contains(characters[index + 1])
                    {
                        break
                    }
                    index += 1
                }
                tokens.append(Token(kind: .word(String(characters[start..<index])), range: range(start, index)))
            }
        }
        return (tokens, [], slips)
    }
}
