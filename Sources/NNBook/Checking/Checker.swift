// Checks a whole notebook before anything runs: every command known, every argument typed,
// every name defined before use, every parameter declared.

import Foundation
import NNCore
import NNData

/// Validates a parsed notebook against the plugin registry and produces the plan to run.
public struct Checker: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// The plan, or every problem found in the notebook, for a run under `memory`.
    public func check(_ notebook: Notebook, parameters: [String: TypedValue], folder: URL, memory: MemoryLimit = .standard) -> Result<Plan, DiagnosticList> {
        var context = CheckContext(folder: folder, parameters: parameters, seed: notebook.frontMatter.seed, tables: notebook.tables, memory: memory)
        context.mentions = Checker.mentions(in: notebook)
        var diagnostics: [Diagnostic] = []
        var cells: [Plan.PlannedCell] = []
        for cell in notebook.cells {
            var steps: [Plan.Step] = []
            let (commands, unindented) = nestingUnindentedClauses(cell.commands)
            diagnostics += unindented
            for syntax in commands {
                if let names = syntax.unreadNames {
                    // Its syntax error is reported already; the lines after it are still checked,
                    // knowing nothing of what it may have defined or changed. A command that
                    // defines and changes nothing (expect, evaluate, plot) leaves them known; one
                    // that checks lines read in part records what was read before the error (and
                    // reports nothing more of a line it could not read to its end).
                    let command = registry.command(syntax.verb)
                    var scratch = context
                    if let command, command.checksLinesReadInPart, let readPart = resolve(syntax, against: command.schema, in: &scratch).readPart {
                        _ = command.check(readPart, in: &context)
                    } else if command?.schema.mayDefineOrChange != false {
                        markErroneous(names, mentionedBy: syntax, in: &context)
                    }
                    continue
                }
                // A front matter that could not be read may have declared the parameters the
                // line uses, or the folder of a plugin its command comes from: nothing is said
                // of them, the rest of the line is checked, and what it may define is unknown
                // after it.
                let unreadParameters = syntax.values.filter { value in
                    if case .parameter(let name) = value.kind { parameters[name] == nil } else { false }
                }.map(\.range)
                if !notebook.frontMatter.isComplete,
                    !unreadParameters.isEmpty || (registry.command(syntax.verb) == nil && registry.command(meantBy: syntax.verb) == nil)
                {
                    if let command = registry.command(syntax.verb) {
                        var scratch = context
                        let (_, problems, names, _) = resolve(syntax, against: command.schema, in: &scratch)
                        diagnostics += problems.filter { problem in !unreadParameters.contains { $0 == problem.range } }
                        for (name, kind) in names { context.markErroneous(name, as: kind) }
                    }
                    markErroneous([], mentionedBy: syntax, in: &context)
                    continue
                }
                guard let command = registry.command(syntax.verb) else {
                    let unknown = registry.unknown(syntax.verb)
                    diagnostics.append(Diagnostic(unknown.message, at: syntax.verbRange, hint: unknown.hint))
                    // A misspelt command may have defined or changed what the command it is near
                    // would (`compil m` compiles m, `fit m` trains it, `shw d` changes nothing);
                    // one near none, any name it mentions.
                    if let near = registry.command(meantBy: syntax.verb), let meant = registry.command(near) {
                        var scratch = context
                        for (name, kind) in resolve(syntax, against: meant.schema, in: &scratch).names { context.markErroneous(name, as: kind) }
                    } else {
                        markErroneous([], mentionedBy: syntax, in: &context)
                    }
                    continue
                }
                let (invocation, problems, names, readPart) = resolve(syntax, against: command.schema, in: &context)
                diagnostics += problems
                // The command records what the line makes even where it finds a mistake, and
                // marks unknown only what the mistake leaves unknown (a file that cannot be read):
                // a wrong value does not hide the mistakes of the lines after it.
                guard let checked = invocation ?? (command.checksLinesReadInPart ? readPart : nil) else {
                    for (name, kind) in names { context.markErroneous(name, as: kind) }
                    continue
                }
                let commandProblems = command.check(checked, in: &context)
                context.noteReported(commandProblems)
                // A value read for a misspelt option is not reported again where the option is.
                diagnostics += commandProblems.filter { problem in !problems.contains { $0.range == problem.range } }
                if let invocation { steps.append(Plan.Step(command: command, invocation: invocation)) }
            }
            cells.append(Plan.PlannedCell(cell: cell, steps: steps))
        }
        // Data used twice the same wrong way gives one diagnostic, not two of the same.
        var reported: [Diagnostic] = []
        for diagnostic in diagnostics where !reported.contains(diagnostic) { reported.append(diagnostic) }
        // A shape mistake is reported at the layer or loss that causes it, which may stand
        // before the line that revealed it: keep the notebook's order.
        reported = Diagnostic.inSourceOrder(reported)
        guard reported.isEmpty else { return .failure(DiagnosticList(reported)) }
        return .success(Plan(notebook: notebook, parameters: parameters, cells: cells, notes: Diagnostic.inSourceOrder(context.notes)))
    }

    /// Marks `names` and the words a command that cannot be checked gives as its values as
    /// names whose facts are unknown, since it may have defined or changed them.
    private func markErroneous(_ names: [String], mentionedBy syntax: CommandSyntax, in context: inout CheckContext) {
        var mentioned = names
        for case .positional(let value) in syntax.arguments {
            if case .word(let word) = value.kind, Checker.isName(word) { mentioned.append(word) }
        }
        for name in mentioned { context.markErroneous(name, as: nil) }
    }

    /// Matches a command's written arguments to its schema, converting every value. `names`
    /// are the data sets and models the line defines or changes, even when it is wrong: the
    /// checker marks them erroneous if it is. A line whose only mistakes are options the
    /// command does not have still has its invocation, read as if the option each is close to
    /// were written (`shufle=false` as shuffle=false), or none: the rest of the line means what
    /// it says, so the lines after it are checked knowing what it defines. A line that cannot
    /// be read whole (or that a syntax error cut short) has no invocation, but what was read of
    /// it is `readPart` when its arguments were, each option it could not read marked unread.
    func resolve(
        _ syntax: CommandSyntax, against schema: CommandSchema, in context: inout CheckContext
    ) -> (invocation: Invocation?, diagnostics: [Diagnostic], names: [(String, NameKind)], readPart: Invocation?) {
        var diagnostics: [Diagnostic] = []
        var values: [String: TypedValue] = [:]
        var ranges: [String: SourceRange] = [:]
        var parameterized: Set<String> = []
        var extras: [(name: String, value: TypedValue, valueRange: SourceRange)] = []
        var definitions: [(String, NameKind)] = []
        var definitionRanges: [String: SourceRange] = [:]
        var changed: [(String, NameKind)] = []
        // Names the line defines or uses that could not be taken as written: a data set or model
        // used before any line defined it is reported here, then known as erroneous, so that its
        // later uses are not reported again; one defined in a way that is refused still exists.
        var unresolved: [(String, NameKind)] = []
        // Diagnostics of mistakes that leave the line's meaning known: an option the command
        // does not have, a wrong value read as the one it is close to or as its default, a
        // layer line that cannot be read (the model's layers are then not all known).
        var recovered = 0
        var unreadClauses: [SourceRange] = []
        let usage = "usage: \(schema.usage)"

        let positionals = syntax.arguments.compactMap { argument -> ValueSyntax? in
            if case .positional(let value) = argument { value } else { nil }
        }
        // `dense units=1`, as Keras' Dense(units=1): a value written as an option of its name
        // is one mistake, told where it is written, not also missing.
        let named = Set(syntax.arguments.compactMap { argument -> String? in
            guard case .option(let name, _, _) = argument, schema.option(named: name) == nil,
                schema.arguments.contains(where: { $0.name == name && $0.keyword == nil })
            else { return nil }
            return name
        })
        var position = 0
        for (index, argument) in schema.arguments.enumerated() {
            // An optional value is absent when the next word is the keyword of a later argument.
            if argument.isOptional, argument.keyword == nil, position < positionals.count,
                case .word(let word) = positionals[position].kind,
                schema.arguments[(index + 1)...].contains(where: { $0.keyword == word })
            {
                continue
            }
            if let keyword = argument.keyword {
                guard position < positionals.count else {
                    if !argument.isOptional {
                        diagnostics.append(Diagnostic(
                            "'\(schema.verb)' needs '\(keyword) \(argument.type.placeholder)' (\(argument.summary))",
                            at: end(of: syntax), hint: usage))
                    }
                    continue
                }
                guard case .word(keyword) = positionals[position].kind else {
                    if argument.isOptional { continue }
                    diagnostics.append(Diagnostic(
                        "expected '\(keyword)' here, not \(positionals[position].text.excerpt())", at: positionals[position].range, hint: usage))
                    return (nil, diagnostics, definitions + changed + unresolved, nil)
                }
                position += 1
            }
            guard position < positionals.count else {
                if !argument.isOptional, !named.contains(argument.name) {
                    diagnostics.append(Diagnostic(
                        "'\(schema.verb)' needs \(argument.type.placeholder) (\(argument.summary))", at: end(of: syntax), hint: usage))
                }
                continue
            }
            if argument.isVariadic {
                // It takes every value up to the keyword of a later argument (`MODEL… on DATA`).
                let keywords = Set(schema.arguments[(index + 1)...].compactMap(\.keyword))
                let end = positionals[position...].firstIndex { value in
                    if case .word(let word) = value.kind { keywords.contains(word) } else { false }
                } ?? positionals.count
                var items: [TypedValue] = []
                for value in positionals[position..<end] {
                    let adopted = adoptMisspeltDefinitions(in: value, for: argument.type, context: &context)
                    diagnostics += adopted
                    recovered += adopted.count
                    switch convert(value, to: argument.type, context: context) {
                    case .success(let resolved): items.append(resolved)
                    case .failure(let diagnostic):
                        diagnostics.append(Checker.answering(argument.mistakes, diagnostic, for: value))
                        unresolved += Checker.name(in: value, of: argument.type, context: context).map { [$0] } ?? []
                    }
                }
                ranges[argument.name] = positionals[position].range
                values[argument.name] = .list(items)
                position = end
                continue
            }
            let value = positionals[position]
            position += 1
            let adopted = adoptMisspeltDefinitions(in: value, for: argument.type, context: &context)
            diagnostics += adopted
            recovered += adopted.count
            let converted = convert(value, to: argument.type, context: context)
            // A number where a choice stands, that the value after takes (`expect m accuracy
            // 0.8`, the comparison left out), means the choice is missing: one mistake, at that
            // number, which is then read as the next value.
            if case .failure = converted, case .choice = argument.type, !argument.isOptional, index + 1 < schema.arguments.count,
                case let next = schema.arguments[index + 1], next.keyword == nil, !next.isVariadic, [.number, .integer].contains(next.type),
                case .success = convert(value, to: next.type, context: context)
            {
                let said = argument.missing?(value.text) ?? (
                    "'\(schema.verb)' needs \(argument.type.placeholder) (\(argument.summary)) before \(value.text.excerpt())", usage)
                diagnostics.append(Diagnostic(said.message, at: value.range, hint: said.hint))
                position -= 1
                continue
            }
            switch converted.mapError({ Checker.answering(argument.mistakes, $0, for: value) }) {
            case .failure(let diagnostic) where standIn(for: value, of: argument.type, context: context) != nil:
                diagnostics.append(diagnostic)
                recovered += 1
                values[argument.name] = standIn(for: value, of: argument.type, context: context)
                ranges[argument.name] = value.range
            case .success(let resolved):
                values[argument.name] = resolved
                ranges[argument.name] = value.range
                if case .defines(let kind) = argument.type, let name = resolved.string {
                    definitions.append((name, kind))
                    definitionRanges[name] = value.range
                }
                if argument.isChanged, case .uses(let kind) = argument.type, let name = resolved.string {
                    changed.append((Checker.base(of: name, kind), kind))
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                let name = Checker.name(in: value, of: argument.type, context: context)
                unresolved += name.map { [$0] } ?? []
                // `split insurence` or `compile nett` was meant to change the close name: what it
                // holds is not known, so its later uses are not told it was never split or compiled.
                if argument.isChanged, let name, let meant = Suggestions.closest(to: name.0, in: context.names(of: name.1)) {
                    unresolved.append((meant, name.1))
                }
            }
        }
        // `loss mae [1, 0] [0.9, 0.2]`, as Keras' loss(y_true, y_pred) is called: values in the
        // order of the options the command needs are one mistake, read as those options, so
        // that the line still means what it says.
        let needed = schema.options.filter { option in
            option.isRequired && option.defaultValue == nil && !syntax.arguments.contains { argument in
                if case .option(let name, _, _) = argument { name == option.name } else { false }
            }
        }
        let unnamed = Array(positionals.dropFirst(position))
        if !unnamed.isEmpty, unnamed.count <= needed.count {
            let read = zip(needed, unnamed).compactMap { option, value -> (String, ValueSyntax, TypedValue)? in
                guard case .success(let resolved) = convert(value, to: option.type, context: context) else { return nil }
                return (option.name, value, resolved)
            }
            if read.count == unnamed.count {
                let written = positionals.prefix(position).map { $0.text.excerpt() } + read.map { "\($0.0)=\($0.1.text.excerpt())" }
                diagnostics.append(Diagnostic(
                    "'\(schema.verb)' takes \(read.map(\.0).joined(separator: " and ")) as options, written with their names",
                    at: unnamed[0].range, hint: "write \(([schema.verb] + written).joined(separator: " "))"))
                recovered += 1
                for (name, value, resolved) in read {
                    values[name] = resolved
                    ranges[name] = value.range
                }
                position = positionals.count
            }
        }
        if position < positionals.count {
            // `test:0.2`, an option written as YAML or Python's dict writes it.
            let colon = positionals[position].text.split(separator: ":", maxSplits: 1).map(String.init)
            // `predict m 60 50` or `[[60, 50]]`: Keras' inputs in order, which nnbook takes by name.
            let inputs = schema.openOptions != nil && positionals[position...].allSatisfy { $0.text.first.map { $0.isNumber || "[-+.".contains($0) } ?? false }
                ? Checker.byName(Array(positionals[position...]), of: schema, model: positionals.first?.text, context: context) : nil
            let hint = colon.count == 2 && schema.option(named: colon[0]) != nil ? "write \(colon[0])=\(colon[1]): an option is name=value" : inputs ?? usage
            diagnostics.append(Diagnostic(
                "unexpected \(positionals[position].text.excerpt()): '\(schema.verb)' takes \(schema.arguments.isEmpty ? "no values before its options" : "only \(schema.arguments.count) value\(schema.arguments.count == 1 ? "" : "s") before its options")",
                at: positionals[position].range, hint: hint))
        }

        for argument in syntax.arguments {
            guard case .option(let name, let nameRange, let value) = argument else { continue }
            // `model net name=clf`, `train net on bank model=x`, as Keras names them: the value
            // is written in its place already, so the option is one mistake, and the line keeps
            // the value written there.
            if schema.option(named: name) == nil, schema.openOptions == nil, let argument = schema.arguments.first(where: { $0.name == name }),
                let written = positionals.first(where: { $0.range == ranges[name] })
            {
                diagnostics.append(Diagnostic(
                    "'\(schema.verb)' has no option '\(name.excerpt())': its \(name) is the value written after '\(argument.keyword ?? schema.verb)', \(written.text.excerpt())",
                    at: nameRange, hint: "drop \(name)=\(value.text.excerpt())"))
                recovered += 1
                continue
            }
            if ranges[name] != nil || extras.contains(where: { $0.name == name }) {
                diagnostics.append(Diagnostic("the option '\(name.excerpt())' is given twice", at: nameRange, hint: "keep one of them"))
                continue
            }
            let type: ValueType
            if let option = schema.option(named: name) {
                type = option.type
            } else if let open = schema.openOptions {
                type = open
            } else if named.contains(name) {
                diagnostics.append(Diagnostic(
                    "'\(schema.verb)' takes its \(name) as a value, without a name", at: nameRange,
                    hint: "write `\(schema.verb) \(value.text)`: the value comes right after '\(schema.verb)', without its name"))
                continue
            } else {
                diagnostics.append(Diagnostic(
                    "'\(schema.verb)' has no option '\(name.excerpt())'", at: nameRange,
                    hint: schema.otherOptions[name] ?? (schema.options.isEmpty
                        ? "'\(schema.verb)' takes no options; \(usage)"
                        : Suggestions.hint(for: name, in: schema.options.map(\.name), kind: "options of '\(schema.verb)'", otherSpellings: schema.options.map { ($0.name, $0.otherSpellings) }))))
                recovered += 1
                let meant = schema.options.first { $0.otherSpellings.contains { $0.lowercased() == name.lowercased() } }
                    ?? Suggestions.closest(to: name, in: schema.options.map(\.name)).flatMap(schema.option(named:))
                let written = syntax.arguments.contains { argument in
                    if case .option(let other, _, _) = argument { other == meant?.name } else { false }
                }
                if let meant, !written, case .success(let resolved) = convert(value, to: meant.type, context: context) {
                    values[meant.name] = resolved
                    ranges[meant.name] = nameRange
                }
                continue
            }
            let adopted = adoptMisspeltDefinitions(in: value, for: type, context: &context)
            diagnostics += adopted
            recovered += adopted.count
            let largest = schema.option(named: name)?.largest?(values, context)
            switch convert(value, to: type, context: context, option: schema.option(named: name), largest: largest) {
            case .success(let resolved):
                ranges[name] = nameRange
                if case .parameter = value.kind { parameterized.insert(name) }
                if let option = schema.option(named: name), let least = option.minimum, let number = resolved.integer, number < least {
                    // The command's own checks then see the default, not a count they cannot use.
                    diagnostics.append(Checker.below(least, number, option: option, of: schema, at: nameRange))
                    values[name] = option.defaultValue
                    recovered += 1
                } else if schema.option(named: name) != nil {
                    values[name] = resolved
                } else {
                    extras.append((name, resolved, value.range))
                }
            case .failure(let diagnostic):
                // Given, though wrong: the option is not also reported missing.
                ranges[name] = nameRange
                if let option = schema.option(named: name) {
                    diagnostics.append(Checker.oneValue(option, value, of: schema, diagnostic: Checker.answering(option.mistakes, diagnostic, for: value)))
                } else {
                    diagnostics.append(Checker.severalSamples(name, value, of: schema, model: positionals.first?.text, context: context) ?? diagnostic)
                }
                unresolved += Checker.name(in: value, of: type, context: context).map { [$0] } ?? []
                // Read as the value it is close to, else as its default, else left out: the
                // line still defines what it says.
                if let option = schema.option(named: name), !option.isRequired || option.defaultValue != nil
                    || standIn(for: value, of: type, context: context) != nil
                {
                    values[name] = standIn(for: value, of: type, context: context) ?? option.defaultValue
                    recovered += 1
                }
            }
        }
        for option in schema.options where values[option.name] == nil && ranges[option.name] == nil {
            if let defaultValue = option.defaultValue {
                values[option.name] = defaultValue
            } else if option.isRequired {
                diagnostics.append(Diagnostic(
                    "'\(schema.verb)' needs the option \(option.name)=\(CommandSchema.placeholder(option)) (\(option.summary))",
                    at: end(of: syntax), hint: usage))
            }
        }

        var clauses: [Invocation] = []
        for clause in syntax.clauses {
            // Its syntax error is reported already: the command's other lines are still read.
            if clause.unreadNames != nil {
                unreadClauses.append(clause.verbRange)
                continue
            }
            guard let clauseSchema = schema.clauses.first(where: { $0.verb == clause.verb }) else {
                if !schema.clauses.isEmpty {
                    unreadClauses.append(clause.verbRange)
                    recovered += 1
                }
                diagnostics.append(Diagnostic(
                    schema.clauses.isEmpty
                        ? "'\(schema.verb)' takes no indented lines"
                        : "'\(clause.verb.excerpt())' cannot be used under '\(schema.verb)'",
                    at: clause.verbRange,
                    hint: schema.clauses.isEmpty
                        ? "only lines of options (name=value) may continue this command"
                        : Suggestions.hint(for: clause.verb, in: schema.clauses.map(\.verb), kind: "lines under '\(schema.verb)'")))
                continue
            }
            let (invocation, problems, _, _) = resolve(clause, against: clauseSchema, in: &context)
            diagnostics += problems
            recovered += problems.count
            if let invocation {
                clauses.append(invocation)
            } else {
                unreadClauses.append(clause.verbRange)
            }
        }

        // A syntax error may have cut off any option not read before it, so none is taken as left out.
        let cut = syntax.unreadNames != nil
        guard diagnostics.count == recovered, !cut else {
            let written = Set(syntax.arguments.compactMap { argument -> String? in
                if case .option(let name, _, _) = argument { name } else { nil }
            })
            let unread = schema.options.filter { option in
                values[option.name] == nil ? ranges[option.name] != nil || option.isRequired || cut : cut && !written.contains(option.name)
            }.map(\.name)
            let argumentsRead = schema.arguments.allSatisfy { $0.isOptional || values[$0.name] != nil }
            let readPart = argumentsRead ? Invocation(
                verb: syntax.verb, range: syntax.verbRange, values: values, ranges: ranges, parameterized: parameterized, extraOptions: extras,
                clauses: clauses, unreadClauses: unreadClauses, unread: Set(unread)) : nil
            return (nil, diagnostics, definitions + changed + unresolved, readPart)
        }
        for (name, kind) in definitions { context.define(name, as: kind, at: definitionRanges[name]) }
        // A name an option uses that no line defined is reported once, here.
        for (name, kind) in unresolved { context.markErroneous(name, as: kind) }
        return (
            Invocation(
                verb: syntax.verb, range: syntax.verbRange, values: values, ranges: ranges, parameterized: parameterized, extraOptions: extras, clauses: clauses,
                unreadClauses: unreadClauses),
            diagnostics,
            definitions + changed,
            nil
        )
    }

    /// A count written below its option's declared minimum (`rows=0`): the same words for every
    /// command that declares it, and an example from the command's own examples.
    static func below(_ least: Int, _ number: Int, option: OptionSchema, of schema: CommandSchema, at range: SourceRange) -> Diagnostic {
        let example = schema.examples.first { $0.contains(" \(option.name)=") }
            ?? option.defaultValue.map { "\(option.name)=\($0.text)" } ?? "\(option.name)=\(least)"
        return Diagnostic("\(option.name) must be \(least) or more, not \(number)", at: range, hint: "\(option.name)=: \(option.summary); e.g. \(example)")
    }

    /// The hint for a decimal written where a whole number belongs: the nearest whole number the
    /// option takes (1e-45 rows is 1 row; a start of 1e-45 is sample 0; a start of 25.5 in 20
    /// samples is the last, 19), said with what it counts.
    static func wholeNumberHint(for number: Double, option: OptionSchema?, largest: (value: Int, why: String)? = nil) -> String? {
        guard abs(number) < 1e15 else { return nil }
        let rounded = max(Int(number.rounded()), option?.minimum ?? Int.min)
        let nearest = min(rounded, largest?.value ?? Int.max)
        guard let option else { return "use a whole number such as \(nearest)" }
        return "\(option.name)= takes a whole number (\(option.summary)): \(option.name)=\(nearest)"
            + (nearest < rounded ? (largest.map { ", \($0.why)" } ?? "") : "")
    }

    /// Converts one written value to `type`, substituting a `$parameter` first; the `option` it
    /// is written for, when known, words the hint for a decimal where a whole number belongs:
    /// what the option counts, and the nearest whole number it takes.
    func convert(_ value: ValueSyntax, to type: ValueType, context: CheckContext, option: OptionSchema? = nil, largest: (value: Int, why: String)? = nil) -> Result<TypedValue, Diagnostic> {
        let text: String
        var quoted = false
        switch value.kind {
        case .parameter(let name):
            guard let parameter = context.parameters[name] else {
                return .failure(ParameterBinding.undeclared(name, written: { "$" + $0 }, declared: Array(context.parameters.keys), at: value.range))
            }
            if case .list(let items) = parameter {
                // A list parameter stands where the command takes a list; each item is checked
                // as if written there.
                guard case .list = type else {
                    return .failure(Diagnostic(
                        "expected \(type.description), not the list \(parameter.text.excerpt()) of '$\(name)'", at: value.range,
                        hint: "a list parameter goes where the command takes a list of values, as in x=$\(name) or metrics=$\(name)"))
                }
                let written = items.map { item in ValueSyntax(item.string.map(ValueSyntax.Kind.string) ?? .word(item.text), range: value.range) }
                return convert(ValueSyntax(.list(written), range: value.range), to: type, context: context)
            }
            text = parameter.text
            quoted = { if case .string = parameter { true } else { false } }()
        case .word(let word):
            if word.hasPrefix("{{"), word.hasSuffix("}}"), word.count > 4 {
                // Prose's placeholder, written where a command takes `$name`.
                let name = word.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
                return .failure(Diagnostic(
                    "\(word.excerpt()) is how prose shows a parameter; a command uses it as $\(name.excerpt())", at: value.range,
                    hint: "in commands, write $\(name.excerpt()); {{\(name.excerpt())}} is for the text around the cells"))
            }
            text = word
        case .string(let string):
            text = string
            quoted = true
        case .list(let items):
            guard case .list(let element) = type else {
                return .failure(Diagnostic("expected \(type.description), not a list", at: value.range))
            }
            var resolved: [TypedValue] = []
            for item in items {
                switch convert(item, to: element, context: context) {
                case .success(let value): resolved.append(value)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(.list(resolved))
        }
        let shown = quoted ? "\"\(text)\"" : text
        func mismatch(_ hint: String? = nil) -> Result<TypedValue, Diagnostic> {
            .failure(Diagnostic("expected \(type.description), not \(shown)", at: value.range, hint: hint))
        }
        switch type {
        case .number, .integer, .boolean, .string, .path, .word:
            guard let typed = type.value(from: text) else {
                if type == .boolean, let meant = ValueType.boolean.value(from: text.lowercased()) {
                    return mismatch("write \(meant.text), in lower case")
                }
                if type == .integer, ValueType.isWholeNumberBeyondRange(text) {
                    return .failure(Diagnostic("\(text.excerpt()) is \(ValueType.beyondRange(text))", at: value.range))
                }
                if type == .number, let share = ValueType.shareHint(for: text) { return mismatch(share) }
                return mismatch(type == .integer ? Double(decimal: text).flatMap { Checker.wholeNumberHint(for: $0, option: option, largest: largest) } : nil)
            }
            return .success(typed)
        case .choice(let choices):
            if choices == Metric.names, Metric.named(text) == nil, Losses.names.contains(text) {
                // Keras' `metrics=['mse']`: nnbook records the loss whatever it is, so mse is
                // recorded when it is the loss, and not otherwise; the nearest metric is another.
                return .failure(Diagnostic(
                    "'\(text.excerpt())' is a loss, not one of the metrics", at: value.range,
                    hint: "the loss is recorded whatever it is: compile with loss=\(text.excerpt()) to record it; the metrics are \(choices.joined(separator: ", "))"))
            }
            if !choices.contains(text), let meant = PythonCall.choice(namedBy: text, in: choices),
                text.contains(".") || (meant.contains("_") && !text.contains("_"))
            {
                // Keras' path or class (`keras.optimizers.SGD`, `MeanSquaredError`) for a choice.
                return .failure(Diagnostic(
                    "'\(text.excerpt())' is Keras' \(text.contains(".") ? "Python name" : "class name"); nnbook writes the choice as one word, in lower case", at: value.range,
                    hint: "write `\(option.map { $0.name + "=" } ?? "")\(meant)`"))
            }
            guard choices.contains(text) else {
                return .failure(Diagnostic(
                    "'\(text.excerpt())' is not one of the choices", at: value.range,
                    hint: Suggestions.hint(for: text, in: choices, kind: "choices", otherSpellings: CoreSpellings.all)))
            }
            return .success(.string(text))
        case .list(let element):
            return convert(value, to: element, context: context).map { .list([$0]) }
        case .defines:
            guard Checker.isName(text) else {
                return .failure(Diagnostic(
                    "'\(text.excerpt())' cannot be used as a name", at: value.range,
                    hint: "names use letters, digits and '_', and start with a letter"))
            }
            // A parameter may give the name (`model $name`); a name written in quotes is a string.
            if case .string = value.kind {
                return .failure(Diagnostic("a name is written without quotes", at: value.range, hint: "write \(text), not \"\(text)\""))
            }
            return .success(.string(text))
        case .uses(let kind):
            let base = Checker.base(of: text, kind)
            guard Checker.isName(base) else {
                return .failure(Diagnostic(
                    "'\(text.excerpt())' is not the name of a \(kind.rawValue)", at: value.range,
                    hint: "names use letters, digits and '_', and start with a letter\(kind == .dataset ? "; a split is written NAME.train or NAME.test" : ""); files are loaded first, e.g. load csv \"data.csv\" as NAME"))
            }
            guard context.kind(of: base) == kind || context.isErroneous(base, as: kind) else {
                if context.rebindings[base]?.replaced == kind, let rebound = context.rebindings[base]?.stillUsed(base) {
                    return .failure(rebound)
                }
                let known = context.names(of: kind)
                let message = context.kind(of: base).map { "'\(base.excerpt())' is a \($0.rawValue), not a \(kind.rawValue)" }
                    ?? "no \(kind.rawValue) named '\(base.excerpt())' has been defined before this line"
                return .failure(Diagnostic(
                    message, at: value.range,
                    hint: known.isEmpty
                        ? "define the \(kind.rawValue) in an earlier command"
                        : Checker.nameHint(for: base, among: known, kind: kind, in: context)))
            }
            if kind == .dataset, text != base {
                let split = String(text.dropFirst(base.count + 1))
                guard split == "train" || split == "test" else {
                    return .failure(Diagnostic(
                        "'\(split.excerpt())' is not a split", at: value.range,
                        hint: context.datasets[base]?.splits.mayBeSplit == false
                            ? "\(base) has not been split: use \(base), or add `split \(base) test=0.2` before this line"
                            : "a data set's splits are \(base).train and \(base).test"))
                }
                guard context.datasets[base]?.splits.mayBeSplit != false else {
                    return .failure(Diagnostic(
                        "'\(base.excerpt())' has not been split, so it has no \(split) split", at: value.range,
                        hint: "add `split \(base) test=0.2` before this line"))
                }
            }
            return .success(.string(text))
        }
    }

    /// What a value of the wrong kind is read as, so that its line still defines what it says
    /// (README: "read as the one it is close to, or left out"): the choice it is close to or
    /// that another library spells so (`SGD` as sgd, `acc` as accuracy), `True` as true, a list
    /// with each wrong item so read; nil when nothing is close.
    func standIn(for value: ValueSyntax, of type: ValueType, context: CheckContext) -> TypedValue? {
        let text: String
        switch value.kind {
        case .word(let word): text = word
        case .string(let string): text = string
        case .parameter(let name): guard let parameter = context.parameters[name], parameter.list == nil else { return nil }
            text = parameter.text
        case .list(let items):
            guard case .list(let element) = type else { return nil }
            var read: [TypedValue] = []
            for item in items {
                guard let value = (try? convert(item, to: element, context: context).get()) ?? standIn(for: item, of: element, context: context) else { return nil }
                read.append(value)
            }
            return .list(read)
        }
        switch type {
        case .choice(let choices):
            return (PythonCall.choice(namedBy: text, in: choices) ?? Suggestions.meant(by: text, in: choices, otherSpellings: CoreSpellings.all)).map(TypedValue.string)
        case .boolean:
            return ValueType.boolean.value(from: text.lowercased())
        case .list(let element):
            return standIn(for: value, of: element, context: context).map { .list([$0]) }
        default:
            return nil
        }
    }

    /// A list given to an open option (`predict neuron age=[58, 30]`, Keras' `x=[[58, 1]]`):
    /// open options are the inputs of one sample, so the learner is told how nnbook takes
    /// several: a line for each, or the first rows of a data set where the command reads them.
    static func severalSamples(_ name: String, _ value: ValueSyntax, of schema: CommandSchema, model: String?, context: CheckContext) -> Diagnostic? {
        guard case .list(let items) = value.kind else { return nil }
        let scalars = items.filter { if case .list = $0.kind { false } else { true } }
        let firstSample = if case .list(let inner)? = items.first?.kind { inner } else { items }
        let lines = scalars.count == items.count && items.count >= 2
            ? "for several samples, write one `\(schema.verb)` line each, with \(name)=\(items[0].text.excerpt()) on one and \(name)=\(items[1].text.excerpt()) on the next"
            : byName(firstSample, of: schema, model: model, context: context) + "; for several samples, write one `\(schema.verb)` line each"
        let model = model ?? "MODEL"
        let rows = schema.option(named: "rows") != nil ? ", or \(schema.verb) the first rows of a data set: `\(schema.verb) \(model) on DATA rows=N`" : ""
        return Diagnostic(
            "\(name.excerpt())= takes one value, not a list: one `\(schema.verb)` line is for one sample", at: value.range, hint: lines + rows)
    }

    /// A list given to an option that takes one value (`plot m metric=[loss, accuracy]`): the
    /// problem with a hint that says to write a line for each.
    static func oneValue(_ option: OptionSchema, _ value: ValueSyntax, of schema: CommandSchema, diagnostic: Diagnostic) -> Diagnostic {
        guard case .list(let items) = value.kind, items.count >= 2, diagnostic.hint == nil else { return diagnostic }
        if case .list = option.type { return diagnostic }
        return Diagnostic(
            diagnostic.message, at: diagnostic.range,
            hint: "\(option.name)= takes one value: write one `\(schema.verb)` line each, with \(option.name)=\(items[0].text.excerpt()) on one and \(option.name)=\(items[1].text.excerpt()) on the next")
    }

    /// "give the inputs by name, one value each: age=60 income=50": Keras' rows of inputs
    /// (`[[60, 50]]`, `60 50`) written as open options by the names of the columns the model was
    /// trained on; the command's example when they are not known.
    static func byName(_ values: [ValueSyntax], of schema: CommandSchema, model: String?, context: CheckContext) -> String {
        let facts = model.flatMap { context.models[$0]?.trainedOn }
        guard let columns = facts?.columns, let facts else {
            return "give the inputs by name, one value each, as in `\(schema.examples.first ?? schema.usage)`"
        }
        let names = WordColumn.inputNames(of: columns, wordColumns: facts.wordColumns)
        let written = values.flatMap(\.flattened).filter { if case .list = $0.kind { false } else { true } }.map { $0.text.excerpt() }
        let pairs = names.enumerated().map { index, name in "\(name)=\(index < written.count ? written[index] : "…")" }
        return "give the inputs by name, one value each: " + pairs.joined(separator: " ")
    }

    /// A wrong value that a learner writes by habit (`==` for a comparison) gets the hint its
    /// argument declares for it instead of the nearest spelling.
    static func answering(_ mistakes: [String: String], _ problem: Diagnostic, for value: ValueSyntax) -> Diagnostic {
        guard case .word(let word) = value.kind, let hint = mistakes[word] else { return problem }
        return Diagnostic(problem.message, at: problem.range, hint: hint, path: problem.path)
    }

    /// A misspelt definition of the data set or model `value` names where `type` takes one
    /// (``MisspeltDefinition``) is told once, at the definition, and read as the name the lines
    /// after it use: this line and the ones after it are checked as if the names agreed.
    private func adoptMisspeltDefinitions(in value: ValueSyntax, for type: ValueType, context: inout CheckContext) -> [Diagnostic] {
        if case .list(let items) = value.kind, case .list(let element) = type {
            return items.flatMap { adoptMisspeltDefinitions(in: $0, for: element, context: &context) }
        }
        if case .list(let element) = type { return adoptMisspeltDefinitions(in: value, for: element, context: &context) }
        guard case .uses(let kind) = type, let (name, _) = Checker.name(in: value, of: type, context: context), !context.isErroneous(name, as: kind),
            let misspelt = MisspeltDefinition(of: name, as: kind, usedAt: value.range, in: context)
        else { return [] }
        context.adopt(misspelt.slip, as: misspelt.meant)
        return [misspelt.diagnostic]
    }

    /// "did you mean 'data', defined at line 7?": the line, so that a learner can see which of
    /// the two spellings is the typo; the known names when none is close.
    static func nameHint(for name: String, among known: [String], kind: NameKind, in context: CheckContext) -> String {
        guard let near = Suggestions.closest(to: name, in: known), let defined = context.definitions[near] else {
            return Suggestions.hint(for: name, in: known, kind: "\(kind.rawValue)s")
        }
        return "did you mean '\(near)', defined at line \(defined.line)?"
    }

    /// The lines (a command with the lines indented under it) that name each word that could be
    /// a data set or model, in order: a split `NAME.test` counts for `NAME`.
    static func mentions(in notebook: Notebook) -> [String: [Int]] {
        var lines: [String: [Int]] = [:]
        for cell in notebook.cells {
            for command in cell.commands {
                let words = command.values.compactMap { value -> String? in
                    if case .word(let word) = value.kind { String(word.split(separator: ".", maxSplits: 1).first ?? "") } else { nil }
                }
                for word in Set(words) where isName(word) { lines[word, default: []].append(command.line) }
            }
        }
        return lines
    }

    /// The data set or model `value` names where `type` wants one, when it could not be taken:
    /// a name used that nothing defines, or a name defined as the command may not take it.
    static func name(in value: ValueSyntax, of type: ValueType, context: CheckContext) -> (String, NameKind)? {
        let text: String
        switch value.kind {
        case .word(let word): text = word
        case .string(let string): text = string
        case .parameter(let parameter): guard let string = context.parameters[parameter]?.string else { return nil }
            text = string
        case .list: return nil
        }
        switch type {
        case .uses(let kind):
            let base = Checker.base(of: text, kind)
            return Checker.isName(base) && context.kind(of: base) == nil ? (base, kind) : nil
        case .defines(let kind):
            return Checker.isName(text) ? (text, kind) : nil
        default:
            return nil
        }
    }

    /// A name for a data set or model: letters, digits and `_`, starting with a letter.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The data set or model `text` names: `insurance` for the split `insurance.test`.
    static func base(of text: String, _ kind: NameKind) -> String {
        kind == .dataset ? String(text.split(separator: ".", maxSplits: 1).first ?? "") : text
    }

    /// Just past the last thing written, where a missing argument belongs.
    private func end(of syntax: CommandSyntax) -> SourceRange {
        let ranges = [syntax.verbRange] + syntax.arguments.map { argument in
            switch argument {
            case .positional(let value), .option(_, _, let value): value.range
            }
        }
        let last = ranges.filter { $0.line == syntax.line }.map { $0.column + $0.length }.max() ?? 1
        return SourceRange(line: syntax.line, column: last + 1, length: 1)
    }
}
