// A line written as Keras writes it in Python (`Dense(128, activation='relu')`,
// `model.add(Dense(1))`), read only to show it the way nnbook writes it.

import Foundation

/// A Python call standing where a command or a layer should: its nnbook spelling, for the one
/// error the line gets.
struct PythonCall {
    /// The line as nnbook writes it: `dense 128 activation=relu`.
    let spelling: String
    /// Whether the call was wrapped in `model.add(…)`: a layer, which nnbook writes indented
    /// under its model.
    let isAddedLayer: Bool
    /// What the line calls, as written (`model.add`, `Dense`).
    let callee: String
    /// Keras' `input_shape=` of a layer or `Input(shape=)`, as nnbook writes a model's input
    /// (`[28, 28]`): on the model's line, not the layer's.
    let inputShape: String?
    /// Whether the call was given Keras' x and y arrays, which nnbook holds in one data set.
    let givesArrays: Bool

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
        callee = String(characters[start..<name])
        var call = String(characters[start...]).trimmingCharacters(in: .whitespaces)
        if call.hasSuffix(";") { call.removeLast() }
        var added = false
        // `model.add(Dense(1))`: the call inside is the line's meaning (a few calls deep at
        // most, so that a hostile line of nested calls is read in bounded time).
        for _ in 0..<PythonCall.depthLimit {
            guard let (callee, inner) = PythonCall.split(call), callee.hasSuffix(".add"), PythonCall.split(inner) != nil else { break }
            call = inner
            added = true
        }
        guard let (callee, arguments) = PythonCall.split(call) else { return nil }
        let parts = callee.split(separator: ".").map(String.init)
        var words = PythonCall.items(of: arguments).compactMap(PythonCall.word)
        var shape: String?
        words.removeAll { word in
            guard let key = ["input_shape=", "shape="].first(where: word.hasPrefix) else { return false }
            shape = String(word.dropFirst(key.count))
            return true
        }
        inputShape = shape
        // Keras' name of a step (`fit`) and of its options (`batch_size`) are nnbook's.
        let called = (parts.last ?? callee).lowercased()
        let schema = PythonCall.schema(calledBy: called)
        words = words.map { word in
            guard let equals = word.firstIndex(of: "="), let schema else { return word }
            let option = String(word[..<equals])
            return (schema.options.first { $0.otherSpellings.contains(option) }?.name ?? option) + word[equals...]
        }
        // `neuron.evaluate(insurance.test)`: a method of a model (not a class, `layers.Dense`)
        // is a command that names the model first, and the data set it is given after `on`:
        // Keras' x and y arrays (`fit(x_train, y_train)`) are one data set in nnbook.
        let positional = words.filter { !$0.contains("=") }
        var arrays = false
        if parts.count == 2, parts[1].first?.isLowercase == true, !added {
            if positional.count == 1 || positional.count == 2, let first = words.firstIndex(of: positional[0]) {
                arrays = positional.count == 2
                words.removeAll { positional.contains($0) }
                words.insert("on " + (arrays ? "DATA" : positional[0]), at: min(first, words.count))
            }
            words.insert(parts[0], at: 0)
        }
        givesArrays = arrays
        spelling = ([schema?.verb ?? called] + words).joined(separator: " ")
        isAddedLayer = added
    }

    /// The command or layer that Keras' call `name` (lower-cased) stands for: by its verb
    /// (`dense`) or by Keras' name for it (`fit` for `train`).
    private static func schema(calledBy name: String) -> CommandSchema? {
        let schemas = BuiltInPlugins.all.flatMap(\.commands).map(\.schema)
        let all = schemas + schemas.flatMap(\.clauses)
        return all.first { $0.verb == name } ?? all.first { $0.otherSpellings.contains(name) }
    }

    /// The one error of the line `line`, which shows the line as nnbook writes it.
    func diagnostic(line: Int, indent: Int) -> Diagnostic {
        let layer = isAddedLayer ? ", indented by two spaces under `model NAME`, as a layer is" : ""
        let input = inputShape.map { "; the input's shape goes on the model's line: `model NAME input=\($0)`" } ?? ""
        let arrays = givesArrays ? ", where DATA is the data set nnbook loaded: it holds Keras' x and y, the inputs and their targets" : ""
        let hint = spelling == "input" ? "give the model its input's shape on its line: `model NAME input=\(inputShape ?? "[…]")`" : "write `\(spelling)`" + layer + arrays + input
        return Diagnostic(
            "this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes", at: SourceRange(line: line, column: indent + 1, length: callee.count + 1),
            hint: hint)
    }

    /// `optimizer=sgd(learning_rate=0.5)`: Keras' way to give a choice its settings, as the
    /// one error of the line `text` (line `line`, its command `verb`), which shows the settings
    /// as options of the command, by their nnbook names where nnbook knows them; nil when the
    /// line has no such value.
    static func valueCall(in text: String, line: Int, verb: String) -> Diagnostic? {
        guard let (option, choice, inside, column) = firstValueCall(in: Array(text)) else { return nil }
        let schema = BuiltInPlugins.all.flatMap(\.commands).first { $0.schema.verb == verb }?.schema
        let settings = items(of: inside).compactMap(word).map { setting -> String in
            guard let equals = setting.firstIndex(of: "="), let schema else { return setting }
            let name = String(setting[..<equals])
            let meant = schema.options.first { $0.otherSpellings.contains(name) }?.name ?? name
            return meant + setting[equals...]
        }
        // Keras' class (`Adam()`, `tf.keras.optimizers.Adam()`) stands for nnbook's choice of
        // that name (`adam`).
        var written = choice
        if case .choice(let choices)? = schema?.options.first(where: { $0.name == option })?.type, !choices.contains(choice),
            let meant = PythonCall.choice(namedBy: choice, in: choices)
        {
            written = meant
        }
        // A call the option answers itself (`batch=len(data)`) gets its hint.
        let answered = schema?.option(named: option)?.mistakes["\(choice)()"]
        return Diagnostic(
            "\(choice)(…) is Python's call; an option's value is one word" + (answered == nil ? ", and its settings are options of their own" : ""),
            at: SourceRange(line: line, column: column, length: 1),
            hint: answered ?? "write `" + ([option + "=" + written] + settings).joined(separator: " ") + "`")
    }

    /// The choice that Keras' class or its Python path names (`Adam`, `keras.optimizers.SGD`,
    /// `tf.keras.losses.MeanSquaredError()`): the path's last part, matched to a choice
    /// whatever its case and underscores (`MeanSquaredError` is mean_squared_error), or the
    /// choice Keras spells so (`MeanAbsoluteError` is mae); nil when none matches.
    static func choice(namedBy written: String, in choices: [String]) -> String? {
        var last = written.split(separator: ".").last.map(String.init) ?? written
        if last.hasSuffix("()") { last.removeLast(2) }
        let bare = { (text: String) in text.lowercased().filter { $0 != "_" } }
        return choices.first { bare($0) == bare(last) }
            ?? CoreSpellings.all.first { choices.contains($0.name) && $0.spellings.contains { bare($0) == bare(last) } }?.name
    }

    /// The first `option=choice(inside)` of a line, and the column of its `(`: found from each
    /// `(` by looking back over the two words before it (the choice may be a Python path,
    /// `tf.keras.optimizers.Adam`), so that a line of a megabyte is read in one pass.
    private static func firstValueCall(in characters: [Character]) -> (option: String, choice: String, inside: String, column: Int)? {
        let isWord = { (character: Character) in character.isLetter || character.isNumber || character == "_" }
        for open in characters.indices where characters[open] == "(" {
            var start = open
            while start > 0, isWord(characters[start - 1]) || characters[start - 1] == "." { start -= 1 }
            guard start < open, start > 0, characters[start - 1] == "=", characters[start].isLetter else { continue }
            var name = start - 1
            while name > 0, isWord(characters[name - 1]) { name -= 1 }
            guard name < start - 1, characters[name].isLetter || characters[name] == "_",
                let close = characters[(open + 1)...].firstIndex(where: { $0 == "(" || $0 == ")" }), characters[close] == ")"
            else { continue }
            return (String(characters[name..<(start - 1)]), String(characters[start..<open]), String(characters[(open + 1)..<close]), open + 1)
        }
        return nil
    }

    /// `name(arguments)` as its name and the text between its parentheses, when the call is the
    /// whole of `text`.
    private static func split(_ text: String) -> (callee: String, arguments: String)? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let callee = String(text[..<open])
        guard !callee.isEmpty, callee.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return nil }
        return (callee, String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
    }

    /// The arguments between commas that no bracket, parenthesis or quote holds, read as a
    /// sweep's list of values is, with a tuple's parentheses as a list's brackets.
    private static func items(of text: String) -> [String] {
        var quote: Character?
        let bracketed = String(text.map { character -> Character in
            if let open = quote {
                if character == open { quote = nil }
                return character
            }
            if character == "'" || character == "\"" { quote = character }
            return character == "(" ? "[" : character == ")" ? "]" : character
        })
        return (try? SweepValueList.split(bracketed).get()) ?? []
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

    /// How deep calls and tuples are unwrapped: deeper ones are shown as written.
    private static let depthLimit = 8

    private static func value(_ text: String, depth: Int = 0) -> String? {
        switch text {
        case "None": return nil
        case "True": return "true"
        case "False": return "false"
        default: break
        }
        var text = text
        if let first = text.first, first == "'" || first == "\"", text.count >= 2, text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        if text.hasPrefix("["), text.hasSuffix("]"), depth < depthLimit {
            // Python's tuple of one, `(784,)`, ends in a comma.
            var inside = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            if inside.hasSuffix(",") { inside.removeLast() }
            return "[" + items(of: inside).compactMap { value($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        }
        // A name, a choice or a number needs no quotes; text with spaces or signs keeps them.
        let bare = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "_-+./$".contains($0) }
        return bare ? text : "\"\(text)\""
    }
}
