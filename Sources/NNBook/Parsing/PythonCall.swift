// A line written as Keras writes it in Python (`Dense(128, activation='relu')`,
// `model.add(Dense(1))`), read only to show it the way nnbook writes it.

import Foundation

/// A Python call standing where a command or a layer should: its nnbook spelling, for the one
/// error the line gets.
struct PythonCall {
    /// Where the call's `(` stands in the line (0-based).
    let parenthesis: Int
    /// The line as nnbook writes it: `dense 128 activation=relu`.
    let spelling: String
    /// Whether the call was wrapped in `model.add(…)`: a layer, which nnbook writes indented
    /// under its model.
    let isAddedLayer: Bool
    /// What the line calls, as written (`model.add`, `Dense`).
    let callee: String

    /// The call `text` holds when it starts with a Python name and `(` (`dense(`, `Dense(`,
    /// `model.add(`), which no nnbook command does; nil for any other line.
    init?(_ text: String) {
        let characters = Array(text)
        let start = characters.firstIndex { !$0.isWhitespace } ?? characters.count
        var name = start
        while name < characters.count, characters[name].isLetter || characters[name].isNumber || characters[name] == "_" || characters[name] == "." {
            name += 1
        }
        guard name > start, characters[start].isLetter, name < characters.count, characters[name] == "(" else { return nil }
        parenthesis = name
        callee = String(characters[start..<name])
        var call = String(characters[start...]).trimmingCharacters(in: .whitespaces)
        if call.hasSuffix(";") { call.removeLast() }
        var added = false
        // `model.add(Dense(1))`: the call inside is the line's meaning.
        while let (callee, inner) = PythonCall.split(call), callee.hasSuffix(".add"), PythonCall.split(inner) != nil {
            call = inner
            added = true
        }
        guard let (callee, arguments) = PythonCall.split(call) else { return nil }
        let verb = (callee.split(separator: ".").last.map(String.init) ?? callee).lowercased()
        let words = PythonCall.items(of: arguments).compactMap(PythonCall.word)
        spelling = ([verb] + words).joined(separator: " ")
        isAddedLayer = added
    }

    /// The one error of the line `line`, which shows the line as nnbook writes it.
    func diagnostic(line: Int, indent: Int) -> Diagnostic {
        Diagnostic(
            "this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes", at: SourceRange(line: line, column: indent + 1, length: callee.count + 1),
            hint: "write `\(spelling)`" + (isAddedLayer ? ", indented by two spaces under `model NAME`, as a layer is" : ""))
    }

    /// `name(arguments)` as its name and the text between its parentheses, when the call is the
    /// whole of `text`.
    private static func split(_ text: String) -> (callee: String, arguments: String)? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let callee = String(text[..<open])
        guard !callee.isEmpty, callee.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return nil }
        return (callee, String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    }

    /// The arguments between commas that no bracket, parenthesis or quote holds.
    private static func items(of text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth -= 1
            } else if character == ",", depth == 0 {
                items.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// One argument as nnbook writes it: `activation='relu'` as `activation=relu`, a tuple
    /// `(28, 28)` as the list `[28, 28]`, `True` as `true`; nil for Keras' `None`, which
    /// nnbook writes by leaving the option out.
    private static func word(_ argument: String) -> String? {
        if let equals = argument.firstIndex(of: "="), Checker.isName(String(argument[..<equals]).trimmingCharacters(in: .whitespaces)) {
            let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
            return value(String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces)).map { "\(name)=\($0)" }
        }
        return value(argument)
    }

    private static func value(_ text: String) -> String? {
        switch text {
        case "None": return nil
        case "True": return "true"
        case "False": return "false"
        default: break
        }
        if let first = text.first, first == "'" || first == "\"", text.count >= 2, text.last == first {
            // A name or a choice needs no quotes; text with spaces or signs keeps them.
            let inner = String(text.dropFirst().dropLast())
            let bare = !inner.isEmpty && inner.allSatisfy { $0.isLetter || $0.isNumber || "_-./".contains($0) }
            return bare ? inner : "\"\(inner)\""
        }
        if text.hasPrefix("("), text.hasSuffix(")") {
            return "[" + items(of: String(text.dropFirst().dropLast())).compactMap(value).joined(separator: ", ") + "]"
        }
        return text
    }
}
