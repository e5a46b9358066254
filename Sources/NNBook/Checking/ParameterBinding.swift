// Binds a notebook's parameters: the front matter's defaults, then `-p name=value` overrides.

/// Resolves parameter values for a run.
public enum ParameterBinding {
    /// The value of every declared parameter; an unknown name or a value of the wrong type is
    /// an error that lists the declared parameters.
    public static func resolve(_ frontMatter: FrontMatter, overrides: [(name: String, value: String)]) -> Result<[String: TypedValue], DiagnosticList> {
        var values = defaults(of: frontMatter)
        var diagnostics: [Diagnostic] = []
        for (name, text) in overrides {
            switch declaration(of: name, in: frontMatter).flatMap({ value(text, of: $0, in: frontMatter) }) {
            case .success(let value): values[name] = value
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return diagnostics.isEmpty ? .success(values) : .failure(DiagnosticList(diagnostics))
    }

    /// Every declared parameter's default.
    static func defaults(of frontMatter: FrontMatter) -> [String: TypedValue] {
        Dictionary(frontMatter.parameters.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { _, last in last })
    }

    /// The declared parameter `name`, or an error with "did you mean" and the declared list.
    public static func declaration(of name: String, in frontMatter: FrontMatter) -> Result<ParameterDeclaration, Diagnostic> {
        if let parameter = frontMatter.parameter(named: name) { return .success(parameter) }
        let suggestion = Suggestions.closest(to: name, in: frontMatter.parameters.map(\.name))
        return .failure(Diagnostic(
            "unknown parameter '\(name)'", at: nil,
            hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + declaredList(frontMatter)))
    }

    /// `text` read as a value of `parameter`, or an error saying what it must be.
    public static func value(_ text: String, of parameter: ParameterDeclaration, in frontMatter: FrontMatter) -> Result<TypedValue, Diagnostic> {
        guard let value = parameter.type.value(from: text) else {
            if parameter.type == .integer, ValueType.isWholeNumberBeyondRange(text) {
                return .failure(Diagnostic(
                    "the parameter '\(parameter.name)' cannot be \(SweepValueList.excerpt(text)): it is \(ValueType.beyondRange(text))", at: nil,
                    hint: declaredList(frontMatter)))
            }
            if parameter.type == .number, let share = ValueType.shareHint(for: text) {
                return .failure(Diagnostic("the parameter '\(parameter.name)' must be a number, not '\(SweepValueList.excerpt(text))'", at: nil, hint: share))
            }
            return .failure(Diagnostic(
                "the parameter '\(parameter.name)' must be \(parameter.type.description), not '\(SweepValueList.excerpt(text))'", at: nil,
                hint: declaredList(frontMatter)))
        }
        guard parameter.allows(value) else {
            return .failure(Diagnostic(
                "the parameter '\(parameter.name)' must be one of its choices, \((parameter.choices ?? []).map(\.text).joined(separator: ", ")), not '\(SweepValueList.excerpt(text))'", at: nil,
                hint: declaredList(frontMatter)))
        }
        return .success(value)
    }

    /// The mistakes among `diagnostics` that a `-p` value makes where its `$name` stands: each
    /// reported once, as a mistake of the command line (the fix is the value given, however
    /// many lines use it), with the lines that use it; nil when there are none.
    static func overrideProblems(_ diagnostics: [Diagnostic], in notebook: Notebook, overrides: [(name: String, value: String)]) -> DiagnosticList? {
        let given = Dictionary(overrides.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        let found = problems(diagnostics, atUsesOf: Set(given.keys), in: notebook)
        guard !found.isEmpty else { return nil }
        return DiagnosticList(found.map { problem in
            Diagnostic(
                "-p \(problem.name)=\(SweepValueList.excerpt(given[problem.name] ?? "")) does not fit where \(place(problem.lines)) $\(problem.name): \(problem.message)", at: nil,
                hint: problem.hint)
        })
    }

    /// The mistakes a notebook that passes its check with its defaults has with `-p` values,
    /// each where it shows (the layer a `-p loss=` does not fit, the split a `-p n=` leaves
    /// empty), told as a mistake of the command line: the fix is the value given. `culprits`
    /// names, for a diagnostic, the overrides that alone make it; all of them when none does.
    static func overrideEffects(
        _ diagnostics: [Diagnostic], in notebook: Notebook, overrides: [(name: String, value: String)],
        culprits: (Diagnostic) -> [(name: String, value: String)]
    ) -> DiagnosticList {
        let lines = useLines(in: notebook, of: Set(overrides.map(\.name)))
        return DiagnosticList(diagnostics.map { diagnostic in
            let blamed = culprits(diagnostic).isEmpty ? overrides : culprits(diagnostic)
            let given = blamed.map { "-p \($0.name)=\(SweepValueList.excerpt($0.value))" }
            let uses = blamed.count == 1 ? lines[blamed[0].name].map { ", which uses $\(blamed[0].name) at line\($0.count == 1 ? "" : "s") " + $0.sorted().map(String.init).joined(separator: ", ") } ?? "" : ""
            let at = diagnostic.range.map { "at line \($0.line), " } ?? ""
            return Diagnostic(
                "\(given.joined(separator: " with ")) \(blamed.count == 1 ? "does" : "do") not fit the notebook\(uses): \(at)\(diagnostic.message)", at: nil,
                hint: diagnostic.hint)
        })
    }

    /// `diagnostics` with a front-matter default that does not fit where the notebook uses it
    /// reported once, at the parameter's declaration, rather than at each of its uses: when the
    /// same mistake stands at every use of a parameter, on two lines or more or on its one line
    /// naming the value, the default is what to fix. A mistake at one use of several is that line's own; one of a `-p` value
    /// (a parameter in `overridden`) is the command line's.
    static func defaultProblems(_ diagnostics: [Diagnostic], in notebook: Notebook, overridden: Set<String>) -> [Diagnostic] {
        let declared = Set(notebook.frontMatter.parameters.map(\.name)).subtracting(overridden)
        let lines = useLines(in: notebook, of: declared)
        let found = problems(diagnostics, atUsesOf: declared, in: notebook).filter { problem in
            // At its one use, only a mistake that names the value is the default's: a misspelt
            // option (`epoch=$epochs`) is the line's.
            Set(problem.lines) == lines[problem.name]
                && (problem.lines.count >= 2 || notebook.frontMatter.parameter(named: problem.name).map { names(problem.message, $0.defaultValue.text) } == true)
        }
        guard !found.isEmpty else { return diagnostics }
        var placed: [Diagnostic] = []
        for problem in found {
            guard let parameter = notebook.frontMatter.parameter(named: problem.name) else { continue }
            placed.append(Diagnostic(
                "the default of '\(problem.name)', \(parameter.defaultValue.text.excerpt()), does not fit where \(place(problem.lines)) $\(problem.name): \(problem.message)",
                at: parameter.range, hint: problem.hint))
        }
        let uses = self.uses(in: notebook, of: Set(found.map(\.name)))
        let rest = diagnostics.filter { diagnostic in
            guard let range = diagnostic.range, let name = uses[range] else { return true }
            return !found.contains { $0.name == name && $0.message == diagnostic.message }
        }
        return Diagnostic.inSourceOrder(placed + rest)
    }

    /// Whether `message` quotes `value` as one of its words (`epochs must be 1 or more, not 0`).
    private static func names(_ message: String, _ value: String) -> Bool {
        message.split { $0 == " " || $0 == "=" || $0 == "'" || $0 == "\"" || $0 == "," || $0 == ":" }.contains { $0 == value }
    }

    /// Where the parameters `names` are used in cells, each with its name: the `$name` written,
    /// and the name of the option it is given to (`epochs=$epochs`), where a mistake may be
    /// placed.
    private static func uses(in notebook: Notebook, of names: Set<String>) -> [SourceRange: String] {
        var uses: [SourceRange: String] = [:]
        for argument in notebook.cells.flatMap(\.commands).flatMap(\.withClauses).flatMap(\.arguments) {
            for value in argument.value.flattened {
                guard case .parameter(let name) = value.kind, names.contains(name) else { continue }
                uses[value.range] = name
                if value == argument.value { uses[argument.range] = name }
            }
        }
        return uses
    }

    /// The lines that use each of the parameters `names`.
    private static func useLines(in notebook: Notebook, of names: Set<String>) -> [String: Set<Int>] {
        var lines: [String: Set<Int>] = [:]
        for (range, name) in uses(in: notebook, of: names) { lines[name, default: []].insert(range.line) }
        return lines
    }

    /// The mistakes among `diagnostics` placed at uses of the parameters `names`, one per
    /// parameter and message, with the lines where it stands.
    private static func problems(_ diagnostics: [Diagnostic], atUsesOf names: Set<String>, in notebook: Notebook) -> [(name: String, message: String, hint: String?, lines: [Int])] {
        let uses = uses(in: notebook, of: names)
        var found: [(name: String, message: String, hint: String?, lines: [Int])] = []
        for diagnostic in diagnostics {
            guard let range = diagnostic.range, let name = uses[range] else { continue }
            if let index = found.firstIndex(where: { $0.name == name && $0.message == diagnostic.message }) {
                if !found[index].lines.contains(range.line) { found[index].lines.append(range.line) }
            } else {
                found.append((name, diagnostic.message, diagnostic.hint, [range.line]))
            }
        }
        return found
    }

    /// "line 8 uses" or "lines 8 and 10 use".
    private static func place(_ lines: [Int]) -> String {
        let lines = lines.map(String.init)
        return lines.count == 1 ? "line \(lines[0]) uses" : "lines " + lines.dropLast().joined(separator: ", ") + " and " + lines[lines.count - 1] + " use"
    }

    /// A parameter used in a cell (`$rate`) or in prose (`{{rate}}`) that the front matter does
    /// not declare; `written` spells a name as it is used there.
    static func undeclared(_ name: String, written: (String) -> String, declared: [String], at range: SourceRange) -> Diagnostic {
        let declared = declared.sorted()
        return Diagnostic(
            "the parameter '\(written(name))' is not declared", at: range,
            hint: declared.isEmpty
                ? "declare it in the front matter, e.g.\n  params:\n    \(name): 1"
                : (Suggestions.closest(to: name, in: declared).map { "did you mean '\(written($0))'? " } ?? "")
                    + "the parameters are: " + declared.joined(separator: ", "))
    }

    /// A placeholder in prose or the title (`written`, braces and all) that shows no declared
    /// parameter: a name the front matter does not declare, or something that is no name at
    /// all. nnbook fills in a value as it is; a Jinja learner's filter (`{{epochs|int}}`) or
    /// sum (`{{ x + 1 }}`) is told so, with the name it holds when that is a parameter's, and
    /// how to show the braces as written.
    static func unknownPlaceholder(_ use: ProseParameters.Use, written: String, declared: [String], at range: SourceRange) -> Diagnostic {
        if use.isName { return undeclared(use.name, written: { "{{\($0)}}" }, declared: declared, at: range) }
        let words = use.name.split { !($0.isLetter || $0.isNumber || $0 == "_") }.filter { ProseParameters.isName($0) }.map(String.init)
        let meant = words.first(where: declared.contains) ?? words.lazy.compactMap { Suggestions.closest(to: $0, in: declared) }.first
        let parameters = declared.isEmpty ? "this notebook declares no parameters" : "the parameters are: " + declared.sorted().joined(separator: ", ")
        return Diagnostic(
            "'\(written.excerpt())' \(use.name.isEmpty ? "is empty" : "is not a parameter's name"): only a parameter's name goes between {{ and }}", at: range,
            hint: (meant.map { "did you mean '{{\($0)}}'? " } ?? "") + parameters
                + (use.name.isEmpty ? "" : "; the value is shown as it is, with no filters or sums")
                + "\nto show the braces as written, put a backslash before them: \\\(written.excerpt())")
    }

    /// "the parameters are: rate (number, default 0.5), …", the hint of every parameter error.
    public static func declaredList(_ frontMatter: FrontMatter) -> String {
        frontMatter.parameters.isEmpty
            ? "this notebook declares no parameters"
            : "the parameters are: " + frontMatter.parameters.map(\.summary).joined(separator: ", ")
    }
}
