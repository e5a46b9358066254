// Reads the lines of a cell as commands: `verb positional… key=value…`, indented lines belonging
// to the command above.

import Foundation

/// Parses a cell's lines into commands, collecting every error instead of stopping at the first.
///
/// A syntax error ends its line, not the cell: the parser starts again at the next line, and
/// the command the line belongs to is kept, marked unread, so that the checker can still look
/// at the lines after it (jlox's resynchronising, at line ends).
struct CommandParser {
    /// `lines` are the cell's lines; `firstLine` is the file line of the first of them.
    /// `margin` is the indentation of the cell's fence, which CommonMark takes off each of its
    /// lines (a cell in a list item): a line is indented, belonging to the command above, only
    /// beyond it.
    static func commands(in lines: [String], firstLine: Int, margin: Int = 0) -> (commands: [CommandSyntax], diagnostics: [Diagnostic]) {
        func isIndented(_ text: String) -> Bool { text.prefix { $0 == " " || $0 == "\t" }.count > margin }
        var commands: [CommandSyntax] = []
        var diagnostics: [Diagnostic] = []
        var continuation = 0..<0
        for (offset, text) in lines.enumerated() where !continuation.contains(offset) {
            let line = firstLine + offset
            if let tooLong = CommandParser.tooLong(text, line: line) {
                diagnostics.append(tooLong)
                continue
            }
            if let pasted = JupyterLine.diagnostic(text, line: line) {
                // A line that means nothing here defines nothing: one error, and on to the next.
                diagnostics.append(pasted)
                continue
            }
            if let call = PythonCall(text) {
                // One error for the line, showing it as nnbook writes it; what it may define is
                // unknown after it. Indented (a layer written as Keras' `Dense(…)`), it is a line
                // of the command above that could not be read, and the others are still read.
                let indent = text.prefix { $0.isWhitespace }.count
                diagnostics.append(call.diagnostic(line: line, indent: indent))
                let range = SourceRange(line: line, column: indent + 1, length: call.callee.count)
                var command = CommandSyntax(verb: call.callee + "(", verbRange: range, arguments: [])
                command.markUnread(names: names(in: text))
                if indent > margin, var parent = commands.popLast() {
                    parent.add(clause: command)
                    commands.append(parent)
                } else {
                    commands.append(command)
                }
                continue
            }
            var text = text
            if let semicolon = CommandParser.secondCommand(in: text) {
                // `split d test=0.2; scale d x divide=10`: the first command is read; the rest is
                // one error, which says where it goes.
                let rest = text[text.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
                diagnostics.append(Diagnostic(
                    "a line holds one command", at: SourceRange(line: line, column: text.distance(from: text.startIndex, to: semicolon) + 1, length: 1),
                    hint: "put `\(rest.excerpt())` on a line of its own, without the ';'"))
                text = String(text[..<semicolon])
            }
            let (tokens, lexDiagnostics, slips) = CommandLexer.tokens(of: text, line: line)
            if case .word(let verb) = tokens.first?.kind, let call = PythonCall.valueCall(in: text, line: line, verb: verb) {
                // One error, showing the line as meant; the line is not read further.
                diagnostics.append(call)
                if var command = isIndented(text) ? commands.popLast() : CommandSyntax(verb: verb, verbRange: tokens[0].range, arguments: []) {
                    command.markUnread(names: names(in: text))
                    commands.append(command)
                }
                continue
            }
            // A slip is reported, and the line is read as it was meant.
            diagnostics += slips
            guard !tokens.isEmpty else {
                diagnostics += lexDiagnostics
                continue
            }
            let indented = isIndented(text)
            var parser = TokenParser(tokens: tokens, line: text)
            var problems: [Diagnostic] = []
            if indented {
                guard var parent = commands.popLast() else {
                    diagnostics += lexDiagnostics
                    diagnostics.append(Diagnostic(
                        "this line is indented but there is no command above it", at: tokens[0].range,
                        hint: "start commands at the beginning of the line; indent only the lines that belong to the command above, such as a model's layers"))
                    continue
                }
                let cutShort = !lexDiagnostics.isEmpty
                if case .word = tokens[0].kind, tokens.count > 1, tokens[1].kind == .equals {
                    let (arguments, errors) = parser.arguments()
                    problems += errors
                    parent.add(arguments: arguments)
                    if !errors.isEmpty || cutShort { parent.markUnread(names: names(in: text)) }
                } else if var clause = parser.command(diagnostics: &problems) {
                    // A line under the command (a layer) that cannot be read is that line's
                    // mistake: the command and its other lines are still read.
                    if !problems.isEmpty || cutShort { clause.markUnread(names: names(in: text)) }
                    parent.add(clause: clause)
                } else {
                    parent.markUnread(names: names(in: text))
                }
                commands.append(parent)
            } else if var command = parser.command(diagnostics: &problems) {
                if !problems.isEmpty || !lexDiagnostics.isEmpty { command.markUnread(names: names(in: text)) }
                commands.append(command)
            }
            // A list continued on the lines below is one mistake: those lines are not read on
            // their own, and what they may define is unknown.
            if lexDiagnostics.isEmpty, let end = listEnd(in: lines, after: offset, open: openBrackets(in: tokens), margin: margin), var command = commands.popLast() {
                continuation = (offset + 1)..<(end + 1)
                command.markUnread(names: lines[continuation].flatMap(names))
                commands.append(command)
                problems = problems.map { problem in
                    problem.message == TokenParser.unclosedList
                        ? Diagnostic(problem.message, at: problem.range, hint: "a command is written on one line: join line\(end > offset + 1 ? "s \(line + 1)–\(firstLine + end)" : " \(line + 1)") to this one")
                        : problem
                }
            }
            // A string or `$` the lexer could not read leaves a line cut short: what the parser
            // then finds missing follows from it, and is not reported again.
            diagnostics += lexDiagnostics.isEmpty ? problems : lexDiagnostics
        }
        return (commands, diagnostics)
    }

    /// The `;` that a second command follows on `text`, outside strings and comments; nil when
    /// there is none.
    private static func secondCommand(in text: String) -> String.Index? {
        var quoted = false
        for index in text.indices {
            switch text[index] {
            case "\"": quoted.toggle()
            case "#" where !quoted: return nil
            case ";" where !quoted:
                let rest = text[text.index(after: index)...].drop { $0.isWhitespace }
                if let first = rest.first, first.isLetter { return index }
            default: break
            }
        }
        return nil
    }

    /// How many of a line's lists are still open at its end.
    private static func openBrackets(in tokens: [Token]) -> Int {
        tokens.reduce(0) { open, token in open + (token.kind == .openBracket ? 1 : token.kind == .closeBracket ? -1 : 0) }
    }

    /// The most characters a line of a cell may hold. Reading a command costs some hundred
    /// bytes a list item, from its tokens to its output in the page: a list of five million
    /// numbers written in a notebook of 10 MB took 1 GB to check and 2.8 GB to run, whatever
    /// the memory limit. Data that large belongs in a file that `load` reads, within the limit.
    static let lineLimit = 200_000

    /// Why `text`, line `line`, is not read: it is longer than `lineLimit`; nil when it is not.
    private static func tooLong(_ text: String, line: Int) -> Diagnostic? {
        guard text.utf8.count > lineLimit else { return nil }
        let count = text.count
        guard count > lineLimit else { return nil }
        return Diagnostic(
            "this line is \(count) characters long; a line of a cell holds at most \(lineLimit)", at: SourceRange(line: line, column: 1, length: 1),
            hint: "many values are data: write them to a CSV file and load it with load csv \"FILE\" as NAME target=COLUMN")
    }

    /// The last of the lines after `offset` that close the lists left `open` on it (`y_true=[1, 2,`
    /// then `  3] y_pred=…`), when lines that start no command of their own do; nil otherwise.
    private static func listEnd(in lines: [String], after offset: Int, open: Int, margin: Int) -> Int? {
        guard open > 0 else { return nil }
        var open = open
        for index in lines.indices.dropFirst(offset + 1) {
            guard tooLong(lines[index], line: 0) == nil else { return nil }
            let (tokens, problems, _) = CommandLexer.tokens(of: lines[index], line: 0)
            guard problems.isEmpty, let first = tokens.first else { return nil }
            // A line at the margin that starts with a name is the next command.
            if case .word(let word) = first.kind, first.range.column <= margin + 1, Double(word) == nil { return nil }
            open += openBrackets(in: tokens)
            if open <= 0 { return index }
        }
        return nil
    }

    /// Every word of `text` that could be a name, inside strings and lists too: whatever an
    /// unreadable line may have defined.
    private static func names(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init).filter(Checker.isName)
    }
}

/// A cursor over one line's tokens.
private struct TokenParser {
    let tokens: [Token]
    /// The line the tokens were read from, for a hint that shows part of it.
    let line: String
    var position = 0
    /// The command's name, once read.
    var verb: String?

    init(tokens: [Token], line: String) {
        self.tokens = tokens
        self.line = line
    }

    mutating func command(diagnostics: inout [Diagnostic]) -> CommandSyntax? {
        guard case .word(let verb) = tokens[0].kind else {
            diagnostics.append(Diagnostic(
                "a command must start with its name", at: tokens[0].range,
                hint: "e.g. `train neuron on insurance epochs=100`"))
            return nil
        }
        position = 1
        self.verb = verb
        let (arguments, errors) = self.arguments()
        diagnostics += errors
        return CommandSyntax(verb: verb, verbRange: tokens[0].range, arguments: arguments)
    }

    mutating func arguments() -> ([ArgumentSyntax], [Diagnostic]) {
        var arguments: [ArgumentSyntax] = []
        while position < tokens.count {
            let token = tokens[position]
            if case .word(let name) = token.kind, position + 1 < tokens.count, tokens[position + 1].kind == .equals {
                let equals = tokens[position + 1].range
                let next = position + 2 < tokens.count ? tokens[position + 2].range : nil
                // `expect m accuracy = 0.8`: an equality written as in a spreadsheet, where
                // expect's comparison stands, not an option.
                if verb == ExpectCommand.configuration.verb, position == 2 {
                    return (arguments, [Diagnostic("'=' is not a comparison", at: equals, hint: ExpectCommand.Comparison.equalityHint)])
                }
                if equals.column != token.range.column + token.range.length || next.map({ $0.column != equals.column + 1 }) == true {
                    return (arguments, [Diagnostic(
                        "spaces around '=' are not allowed", at: equals,
                        hint: "write options as name=value, e.g. \(name)=1")])
                }
                position += 2
                guard position < tokens.count else {
                    return (arguments, [Diagnostic(
                        "the option '\(name)' has no value", at: token.range,
                        hint: "write the value right after '=', e.g. \(name)=1")])
                }
                switch value() {
                case .success(let value): arguments.append(.option(name: name, nameRange: token.range, value: value))
                case .failure(let diagnostic): return (arguments, [diagnostic])
                }
            } else if token.kind == .equals {
                return (arguments, [Diagnostic(
                    "'=' must follow an option name", at: token.range,
                    hint: position == 1 ? assignmentHint() : "write options as name=value, with no spaces around '='")])
            } else {
                switch value() {
                case .success(let value): arguments.append(.positional(value))
                case .failure(let diagnostic): return (arguments, [diagnostic])
                }
            }
        }
        return (arguments, [])
    }

    /// `history = train net on fashion` or `x_train = x_train / 255.0`, Python's assignment:
    /// nnbook has no variables; what the right side does is a command of its own.
    private func assignmentHint() -> String {
        let start = tokens.count > 2 ? tokens[2].range.column - 1 : line.count
        let rest = String(line.dropFirst(start)).trimmingCharacters(in: .whitespaces)
        let first = rest.split(separator: " ").first.map(String.init) ?? ""
        if BuiltInPlugins.all.flatMap(\.commands).contains(where: { $0.schema.verb == first }) {
            let model = first == "train" ? rest.split(separator: " ").dropFirst().first.map { "; the model keeps its history, which `plot \($0)` draws" } : nil
            return "nnbook has no assignments: write `\(rest.excerpt())`" + (model ?? "")
        }
        if let slash = rest.firstIndex(of: "/") {
            let divisor = rest[rest.index(after: slash)...].trimmingCharacters(in: .whitespaces)
            let number = Double(divisor).map { NumberText.plain($0) } ?? "255"
            return "nnbook has no assignments: dividing a data set's values is a command, `scale DATA divide=\(number)`"
        }
        let name = verb ?? "x"
        return "nnbook has no variables: a value used on several lines is a parameter, declared in the front matter (params:, then \(name.excerpt()): \(rest.excerpt())) and written $\(name.excerpt())"
    }

    static let unclosedList = "this list is never closed"

    /// Lists nest at most this deep: a value is a setting, not a data structure, and a bound
    /// keeps every walk over values (checking, printing) far from the stack's end.
    static let nestingLimit = 8

    private mutating func value(depth: Int = 0) -> Result<ValueSyntax, Diagnostic> {
        let token = tokens[position]
        position += 1
        switch token.kind {
        case .word(let word): return .success(ValueSyntax(.word(word), range: token.range))
        case .string(let string): return .success(ValueSyntax(.string(string), range: token.range))
        case .parameter(let name): return .success(ValueSyntax(.parameter(name), range: token.range))
        case .openBracket:
            guard depth < TokenParser.nestingLimit else {
                return .failure(Diagnostic(
                    "lists are nested more than \(TokenParser.nestingLimit) deep here", at: token.range,
                    hint: "a value is a number, a word, a string or a list such as [1, 2, 3] or [[1, 2], [3, 4]]"))
            }
            var items: [ValueSyntax] = []
            while position < tokens.count {
                if tokens[position].kind == .closeBracket {
                    let end = tokens[position].range
                    position += 1
                    let length = end.column + end.length - token.range.column
                    return .success(ValueSyntax(.list(items), range: SourceRange(line: token.range.line, column: token.range.column, length: length)))
                }
                // Items are separated by single commas; one after the last item is allowed, as in
                // Python (`[1, 2,]`), but a missing item is a mistake, not an item to drop.
                if tokens[position].kind == .comma {
                    guard !items.isEmpty, tokens[position - 1].kind != .comma else {
                        return .failure(Diagnostic(
                            "a list item is missing before this ','", at: tokens[position].range,
                            hint: "write a value between the commas, as in [1, 2, 3], or remove the extra ','"))
                    }
                    position += 1
                    continue
                }
                // `x=[1, 2 y=3`: the list runs into the next option, so it was never closed.
                if tokens[position].kind == .equals || (position + 1 < tokens.count && tokens[position + 1].kind == .equals) { break }
                if !items.isEmpty, tokens[position - 1].kind != .comma {
                    return .failure(Diagnostic(
                        "a ',' is missing before this list item", at: tokens[position].range,
                        hint: "separate items with commas, as in [1, 2, 3]"))
                }
                switch value(depth: depth + 1) {
                case .success(let item): items.append(item)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .failure(Diagnostic(TokenParser.unclosedList, at: token.range, hint: "add ']' after the last item"))
        case .closeBracket, .comma, .equals:
            // `test=0,2`: a decimal comma, between two numbers written against it.
            if token.kind == .comma, position >= 2, position < tokens.count,
                case .word(let whole) = tokens[position - 2].kind, Int(whole) != nil,
                case .word(let fraction) = tokens[position].kind, fraction.allSatisfy(\.isNumber),
                tokens[position - 2].range.column + tokens[position - 2].range.length == token.range.column,
                token.range.column + 1 == tokens[position].range.column
            {
                return .failure(Diagnostic(
                    "unexpected ','", at: token.range,
                    hint: "write \(whole).\(fraction): a number takes a decimal point, not a comma"))
            }
            // `loss=mse, optimizer=sgd`: Python's comma between a call's arguments.
            if token.kind == .comma, position + 1 < tokens.count, case .word = tokens[position].kind, tokens[position + 1].kind == .equals {
                return .failure(Diagnostic("unexpected ','", at: token.range, hint: "options are separated by spaces, not commas: remove the ','"))
            }
            // `metric=loss,accuracy`: two values for one option.
            if token.kind == .comma, position >= 3, tokens[position - 3].kind == .equals, case .word(let first) = tokens[position - 2].kind,
                position < tokens.count, case .word(let second) = tokens[position].kind
            {
                return .failure(Diagnostic(
                    "unexpected ','", at: token.range,
                    hint: "an option takes one value: for \(first.excerpt()) and \(second.excerpt()), write a line for each, or the list [\(first.excerpt()), \(second.excerpt())] where the option takes a list (metrics=[accuracy, mae])"))
            }
            return .failure(Diagnostic(
                "unexpected '\(symbol(token.kind))'", at: token.range,
                hint: "lists are written [1, 2, 3]"))
        }
    }

    private func symbol(_ kind: Token.Kind) -> String {
        switch kind {
        case .closeBracket: "]"
        case .comma: ","
        case .equals: "="
        default: ""
        }
    }
}
