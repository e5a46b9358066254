// Reads the YAML front matter with Yams, keeping the line of every key for diagnostics.

import Yams

/// Turns the YAML between the `---` lines into `FrontMatter`.
///
/// Parameters are declared either by a default value, whose YAML type gives the parameter's
/// type (`epochs: 1000` is an integer, `rate: 0.5` a number), or in full:
/// `descent: {type: choice, choices: [batch, stochastic, mini-batch], default: batch}`.
enum FrontMatterParser {
    static let keys = ["title", "seed", "precision", "params", "plugins"]
    static let parameterKeys = ["type", "default", "choices", "help"]

    /// What was read, every problem, and whether the parameters and plugins are all known: a
    /// wrong seed or title leaves the cells checkable (with the default), a wrong parameter or
    /// plugin folder does not, since the cells use them.
    static func parse(_ lines: ArraySlice<String>, firstLine: Int) -> (frontMatter: FrontMatter, diagnostics: [Diagnostic], complete: Bool) {
        let yaml = lines.joined(separator: "\n")
        var diagnostics: [Diagnostic] = []
        var complete = true
        func at(_ mark: Mark?, length: Int = 1) -> SourceRange {
            SourceRange(line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1, length: length)
        }

        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (FrontMatter(), [yamlDiagnostic(error, lines: Array(lines), at: at)], false)
        } catch {
            return (FrontMatter(), [Diagnostic("the front matter is not valid YAML: \(error)", at: at(nil))], false)
        }
        var frontMatter = FrontMatter()
        guard let root else { return (frontMatter, [], true) }
        guard let mapping = root.mapping else {
            return (frontMatter, [Diagnostic("the front matter must be a list of settings such as `title: My notebook`", at: at(root.mark))], false)
        }

        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let keyRange = at(keyNode.mark, length: key.count)
            switch key {
            case "title":
                guard let title = value.scalar?.string else {
                    let line = keyNode.mark.map { lines[lines.startIndex + $0.line - 1] }
                    diagnostics.append(Diagnostic("the title must be text", at: keyRange, hint: line.flatMap(quotedValueHint)))
                    continue
                }
                frontMatter.title = title
            case "seed":
                guard let text = value.scalar?.string, let seed = UInt64(text) else {
                    diagnostics.append(Diagnostic(
                        "the seed must be a whole number of 0 or more", at: at(value.mark, length: value.scalar?.string.count ?? 1),
                        hint: "e.g. seed: 42"))
                    continue
                }
                frontMatter.seed = seed
            case "precision":
                guard let text = value.scalar?.string, let places = Int(text), FrontMatter.precisionRange.contains(places) else {
                    diagnostics.append(Diagnostic(
                        "precision must be a whole number of decimal places from 0 to 12", at: at(value.mark, length: value.scalar?.string.count ?? 1)))
                    continue
                }
                frontMatter.precision = places
            case "params":
                guard let parameters = value.mapping else {
                    complete = false
                    diagnostics.append(Diagnostic(
                        "params must list parameters with their default values", at: keyRange,
                        hint: "e.g.\n  params:\n    epochs: 1000\n    rate: 0.5"))
                    continue
                }
                for (nameNode, declaration) in parameters {
                    switch parameter(nameNode, declaration, at: at) {
                    case .success(let parameter): frontMatter.parameters.append(parameter)
                    case .failure(let diagnostic):
                        complete = false
                        diagnostics.append(diagnostic)
                    }
                }
            case "plugins":
                guard let folders = value.sequence?.compactMap({ $0.scalar?.string }), folders.count == value.sequence?.count else {
                    complete = false
                    diagnostics.append(Diagnostic(
                        "plugins must be a list of folders", at: keyRange, hint: "e.g. plugins: [plugins]"))
                    continue
                }
                frontMatter.pluginFolders = folders
            default:
                // A list or settings under an unknown name may be a misspelt params or plugins.
                if value.scalar == nil { complete = false }
                // `epochs: 3` at the top, as papermill reads a notebook's parameters: it is a
                // parameter, declared under params.
                let parameter = value.scalar.flatMap { Suggestions.suggestion(for: key, in: keys) == nil ? $0.string : nil }
                diagnostics.append(Diagnostic(
                    "unknown front matter setting '\(key)'", at: keyRange,
                    hint: parameter.map { "a parameter is declared under params:, indented by two spaces:\n  params:\n    \(key): \($0)" }
                        ?? Suggestions.hint(for: key, in: keys, kind: "settings")))
            }
        }
        return (frontMatter, diagnostics, complete)
    }

    private static func parameter(_ nameNode: Node, _ declaration: Node, at: (Mark?, Int) -> SourceRange) -> Result<ParameterDeclaration, Diagnostic> {
        let name = nameNode.string ?? ""
        let range = at(nameNode.mark, name.count)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.first?.isNumber == false else {
            return .failure(Diagnostic(
                "'\(name)' is not a valid parameter name", at: range,
                hint: "parameter names use letters, digits and '_', and start with a letter"))
        }
        if let scalar = declaration.scalar {
            if let tooLarge = beyondRange(scalar, of: name, at: at(declaration.mark, scalar.string.count)) { return .failure(tooLarge) }
            guard let (type, value) = inferred(scalar) else {
                return .failure(Diagnostic("the parameter '\(name)' needs a default value", at: range))
            }
            return .success(ParameterDeclaration(name: name, type: type, defaultValue: value, range: range))
        }
        if let items = declaration.sequence {
            return inferredList(items, name: name, range: range, at: at).map {
                ParameterDeclaration(name: name, type: $0.type, defaultValue: $0.value, range: range)
            }
        }
        guard let fields = declaration.mapping else {
            return .failure(Diagnostic(
                "the parameter '\(name)' must have a default value, or settings such as type and default", at: range,
                hint: "e.g. \(name): 0.5, or \(name): {type: choice, choices: [a, b], default: a}"))
        }
        for (key, _) in fields where !parameterKeys.contains(key.string ?? "") {
            let text = key.string ?? ""
            return .failure(Diagnostic(
                "unknown parameter setting '\(text)'", at: at(key.mark, text.count),
                hint: Suggestions.hint(for: text, in: parameterKeys, kind: "parameter settings")))
        }
        let choices = fields["choices"]?.sequence?.compactMap { $0.scalar?.string }
        let typeName = fields["type"]?.scalar?.string ?? (choices != nil ? "choice" : nil)
        let defaultText = fields["default"]?.scalar?.string
        let help = fields["help"]?.scalar?.string
        guard let typeName else {
            if let items = fields["default"]?.sequence {
                return inferredList(items, name: name, range: range, at: at).map {
                    ParameterDeclaration(name: name, type: $0.type, defaultValue: $0.value, help: help, range: range)
                }
            }
            if let scalar = fields["default"]?.scalar, let tooLarge = beyondRange(scalar, of: name, at: at(fields["default"]?.mark, scalar.string.count)) {
                return .failure(tooLarge)
            }
            guard let scalar = fields["default"]?.scalar, let (inferredType, value) = inferred(scalar) else {
                return .failure(Diagnostic("the parameter '\(name)' needs a default value", at: range))
            }
            return .success(ParameterDeclaration(name: name, type: inferredType, defaultValue: value, help: help, range: range))
        }
        guard let type = ValueType.parameterType(named: typeName, choices: choices) else {
            let node = fields["type"]
            return .failure(Diagnostic(
                "unknown parameter type '\(typeName)'", at: at(node?.mark, typeName.count),
                hint: Suggestions.hint(for: typeName, in: ValueType.parameterTypeNames, kind: "types", otherSpellings: pythonTypes)))
        }
        if typeName.hasSuffix("choice"), choices?.isEmpty ?? true {
            return .failure(Diagnostic(
                "the choice parameter '\(name)' needs a list of choices", at: range,
                hint: "e.g. choices: [batch, stochastic, mini-batch]"))
        }
        // A list's default is a YAML list, `[64, 32]`, written back as nnbook reads one.
        let written = fields["default"]?.sequence.map { items in "[" + items.map { $0.scalar?.string ?? "[…]" }.joined(separator: ", ") + "]" }
        guard let defaultText = defaultText ?? written else {
            return .failure(Diagnostic("the parameter '\(name)' needs a default value", at: range, hint: "add default: …"))
        }
        guard let value = type.value(from: defaultText), written == nil || value.list != nil else {
            if type == .integer, let scalar = fields["default"]?.scalar, let tooLarge = beyondRange(scalar, of: name, at: at(fields["default"]?.mark, defaultText.count)) {
                return .failure(tooLarge)
            }
            return .failure(Diagnostic(
                "the default '\(defaultText)' of '\(name)' is not \(type.description)", at: at(fields["default"]?.mark, defaultText.count)))
        }
        let allowed: [TypedValue]?
        switch allowedValues(fields, of: name, type: type, at: at) {
        case .success(let values): allowed = values
        case .failure(let diagnostic): return .failure(diagnostic)
        }
        if let allowed, let outside = (value.list ?? [value]).first(where: { !allowed.contains($0) }) {
            return .failure(Diagnostic(
                value.list == nil
                    ? "the default of '\(name)', \(value.text.excerpt()), is not one of its choices"
                    : "the default of '\(name)' holds \(outside.text.excerpt()), which is not one of its choices", at: at(fields["default"]?.mark, defaultText.count),
                hint: "the choices are \(allowed.map(\.text).joined(separator: ", ")); add \(outside.text.excerpt()) to them, or choose one as the default"))
        }
        return .success(ParameterDeclaration(name: name, type: type, defaultValue: value, help: help, range: range, choices: allowed))
    }

    /// `choices:` of a number, integer or string parameter (or a list of them): the values
    /// `-p` and a sweep may give, as argparse's `type=float, choices=[…]` and a Jupyter
    /// widget's list of values allow only those. A choice parameter's choices are its type's;
    /// a boolean is true or false already.
    private static func allowedValues(_ fields: Node.Mapping, of name: String, type: ValueType, at: (Mark?, Int) -> SourceRange) -> Result<[TypedValue]?, Diagnostic> {
        let element = if case .list(let item) = type { item } else { type }
        if case .choice = element { return .success(nil) }
        guard let node = fields["choices"] else { return .success(nil) }
        guard [.number, .integer, .string].contains(element), let items = node.sequence, !items.isEmpty else {
            return .failure(Diagnostic(
                element == .boolean ? "a boolean parameter takes no choices: it is true or false" : "the choices of '\(name)' must be a list of values",
                at: at(node.mark, 1), hint: element == .boolean ? "drop choices:" : "e.g. choices: [0.1, 0.5, 1]"))
        }
        var allowed: [TypedValue] = []
        for item in items {
            let text = item.scalar?.string ?? ""
            guard let value = element.value(from: text) else {
                return .failure(Diagnostic("the choice '\(text.excerpt())' of '\(name)' is not \(element.description)", at: at(item.mark, max(text.count, 1))))
            }
            allowed.append(value)
        }
        return .success(allowed)
    }

    /// Python's names for the parameter types (`float`, as papermill's parameters are typed).
    private static let pythonTypes = [
        (name: "number", spellings: ["float", "double", "float32", "float64"]), (name: "integer", spellings: ["int", "int32", "int64"]),
        (name: "boolean", spellings: ["bool"]), (name: "string", spellings: ["str", "text"]),
    ]

    /// A default written as a whole number too large for one (`epochs: 99999999999999999999`),
    /// which YAML would read as the decimal 1e+20: the mistake is here, not at each use.
    private static func beyondRange(_ scalar: Node.Scalar, of name: String, at range: SourceRange) -> Diagnostic? {
        guard scalar.style == .plain, ValueType.isWholeNumberBeyondRange(scalar.string) else { return nil }
        return Diagnostic("the default of '\(name)', \(scalar.string.excerpt()), is \(ValueType.beyondRange(scalar.string))", at: range)
    }

    /// The type a plain YAML default implies: `1000` integer, `0.5` number, `true` boolean,
    /// anything else a string.
    private static func inferred(_ scalar: Node.Scalar) -> (ValueType, TypedValue)? {
        let text = scalar.string
        if text.isEmpty && scalar.style == .plain { return nil }
        if scalar.style == .plain {
            if let integer = Int(text) { return (.integer, .integer(integer)) }
            if let number = Double(text), number.isFinite { return (.number, .number(number)) }
            if let boolean = ValueType.boolean.value(from: text) { return (.boolean, boolean) }
        }
        return (.string, .string(text))
    }

    /// The type a YAML list default implies: a list of the type its items imply (`[64, 32]` a
    /// list of integers; whole numbers among decimals are numbers). An empty list, or items of
    /// different types, need the type written out.
    private static func inferredList(_ items: Node.Sequence, name: String, range: SourceRange, at: (Mark?, Int) -> SourceRange) -> Result<(type: ValueType, value: TypedValue), Diagnostic> {
        let example = "e.g. \(name): {type: list of integer, default: []}"
        let scalars = items.compactMap(\.scalar)
        guard scalars.count == items.count else {
            return .failure(Diagnostic(
                "the items of '\(name)' must be single values, not lists or settings", at: at(items.first(where: { $0.scalar == nil })?.mark, 1)))
        }
        guard !scalars.isEmpty else {
            return .failure(Diagnostic("the list parameter '\(name)' is empty, so its items' type is unknown", at: range, hint: example))
        }
        let typed = scalars.compactMap(inferred)
        guard typed.count == scalars.count else {
            return .failure(Diagnostic("the list parameter '\(name)' has an empty item", at: range))
        }
        var types = Set(typed.map(\.0.name))
        if types == ["integer", "number"] { types = ["number"] }
        guard types.count == 1, let typeName = types.first, let element = ValueType.parameterType(named: typeName) else {
            return .failure(Diagnostic(
                "the items of '\(name)' are of different types (\(types.sorted().joined(separator: ", ")))", at: range,
                hint: "write the type out, e.g. \(name): {type: list of string, default: [a, b]}"))
        }
        let values = typed.map { element == .number ? .number($0.1.number ?? 0) : $0.1 }
        return .success((.list(element), .list(values)))
    }

    /// `lines` are the front matter's lines, for the brackets of the line a problem started on.
    private static func yamlDiagnostic(_ error: YamlError, lines: [String], at: (Mark?, Int) -> SourceRange) -> Diagnostic {
        if let assignment = assignment(in: lines, at: at) { return assignment }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            if let context, let unclosed = unclosedBrackets(context, problemLine: mark.line, lines: lines, at: at) { return unclosed }
            let line = lines.indices.contains(mark.line - 1) ? lines[mark.line - 1] : ""
            return Diagnostic("the front matter is not valid YAML: \(problem)", at: at(mark, 1),
                              hint: quotedValueHint(line) ?? "settings are written `name: value`, one per line; nested ones are indented by two spaces")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Shown where it is set again: the first line is right until the second one.
            let first = context.mark, key = duplicates[0]
            let again = lines.indices.dropFirst(first.line).first { index in
                let text = lines[index]
                return text.prefix { $0 == " " }.count == first.column - 1
                    && text.dropFirst(first.column - 1).hasPrefix(key) && text.dropFirst(first.column - 1 + key.count).drop { $0 == " " }.first == ":"
            }
            return Diagnostic(
                "the front matter sets \(duplicates.joined(separator: ", ")) twice",
                at: again.map { SourceRange(line: at(first, 1).line + $0 + 1 - first.line, column: first.column, length: key.count) } ?? at(first, 1),
                hint: "line \(at(first, 1).line) sets \(key) already: keep one of the two")
        default:
            return Diagnostic("the front matter is not valid YAML: \(error)", at: at(nil, 1))
        }
    }

    /// `title: Keras: intro` or `title: {{epochs}} epochs`: a value that YAML reads as more
    /// settings (after ': ') or as a mapping (from '{'), which quotes make text; nil for a line
    /// that holds no such value.
    private static func quotedValueHint(_ line: String) -> String? {
        guard let colon = line.firstRange(of: ": ") else { return nil }
        let name = line[..<colon.lowerBound], value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, value.contains(": ") || value.hasPrefix("{{"),
            let quote = ["\"", "'"].first(where: { !value.contains($0) }) else { return nil }
        let reason = value.hasPrefix("{{") ? "a value that starts with { is read as settings" : "': ' inside a value starts another setting"
        return "\(reason): put the value in quotes, \(name.drop { $0 == " " }): \(quote)\(value)\(quote)"
    }

    /// `epochs=1000`, as `-p` and the cells write it: YAML reads the line as text run on into
    /// the next one and stumbles there, but the mistake is the '=' on this line.
    private static func assignment(in lines: [String], at: (Mark?, Int) -> SourceRange) -> Diagnostic? {
        for (index, line) in lines.enumerated() {
            let text = line.drop { $0 == " " }
            guard !text.hasPrefix("#"), let equals = text.firstIndex(of: "="), !text[..<equals].contains(":") else { continue }
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            let column = line.distance(from: line.startIndex, to: equals) + 1
            return Diagnostic(
                "a setting of the front matter is written `name: value`, not `name=value`", at: SourceRange(line: at(nil, 1).line + index, column: column, length: 1),
                hint: "write \(name): \(value.isEmpty ? "…" : value)")
        }
        return nil
    }

    /// `rate: [0.1, 0.2` with no `]`: YAML reads on into the next lines and stumbles there, but
    /// the mistake is the '[' (or '{') left open on its own line, so that is where it is shown.
    private static func unclosedBrackets(_ context: YamlError.Context, problemLine: Int, lines: [String], at: (Mark?, Int) -> SourceRange) -> Diagnostic? {
        let brackets: (open: Character, close: Character, what: String, item: String)
        if context.text.contains("flow sequence") {
            brackets = ("[", "]", "list", "item")
        } else if context.text.contains("flow mapping") {
            brackets = ("{", "}", "'{'", "setting")
        } else {
            return nil
        }
        guard problemLine > context.mark.line, lines.indices.contains(context.mark.line - 1) else { return nil }
        let rest = lines[context.mark.line - 1].dropFirst(context.mark.column - 1)
        let opened = rest.filter { $0 == brackets.open }.count, closed = rest.filter { $0 == brackets.close }.count
        guard rest.first == brackets.open, opened > closed else { return nil }
        return Diagnostic(
            "this \(brackets.what) is never closed", at: at(context.mark, 1),
            hint: "add '\(brackets.close)' after its last \(brackets.item), on the same line")
    }
}
