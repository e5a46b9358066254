// The line that opens or closes a fenced block of a notebook: a command cell, an inline table,
// or code shown as it is written.

import Foundation

/// A CommonMark code fence: up to three spaces, then three or more backticks or tildes, then
/// the info string.
struct Fence {
    let indent: Int
    let character: Character
    let length: Int
    let info: [Substring]
    let text: String

    init?(_ line: String, indentLimit: Int = 3) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= indentLimit else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let length = rest.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length)
        if first == "`", info.contains("`") { return nil }
        self.text = line
        self.indent = indent
        self.character = first
        self.length = length
        self.info = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }

    var isCell: Bool { info.first == "nnbook" }

    /// A cell's fence that Markdown does not take for one, at line `line`: indented four spaces
    /// or more (code shown as written, or a fence under a nested list item), or in a quote
    /// (`> ```nnbook`). It is one mistake, told here: an indented cell is read all the same,
    /// so that what it defines is known after it; a quoted one stays prose.
    static func displacedCell(_ text: String, at line: Int, diagnostics: inout [Diagnostic]) -> Fence? {
        if let fence = Fence(text, indentLimit: .max), fence.isCell {
            diagnostics.append(Diagnostic(
                "this cell's fence is indented \(fence.indent) spaces, so Markdown shows the cell as code and it would not run",
                at: SourceRange(line: line, column: fence.indent + 1, length: fence.length + fence.info[0].count),
                hint: "start ```nnbook at most 3 spaces in (in a list item, under the item's first word), its lines and its closing ``` as far in"))
            return fence
        }
        let quoted = text.drop { $0 == " " || $0 == ">" }
        if text.drop(while: { $0 == " " }).first == ">", let fence = Fence(String(quoted)), fence.isCell {
            diagnostics.append(Diagnostic(
                "a cell in a quote ('>') is shown as quoted code, and it would not run",
                at: SourceRange(line: line, column: text.count - quoted.count + 1, length: fence.length + fence.info[0].count),
                hint: "take the cell out of the quote: remove the '>' before its lines"))
        }
        return nil
    }

    /// ```` ```nnbok ````, ```` ```NNBOOK ````, ```` ```{nnbook} ```` (Quarto's and R Markdown's
    /// braces), ```` ```nnbook,label=x ````: a cell's fence mistyped, which would otherwise be
    /// shown as code and never run.
    var misspeltCell: Substring? {
        guard let first = info.first, first != "nnbook" else { return nil }
        let word = first.drop { $0 == "{" || $0 == "." }.prefix { $0 != "," && $0 != "}" && $0 != "{" }
        guard word.lowercased() == "nnbook" || Suggestions.closest(to: String(word), in: ["nnbook"]) != nil else { return nil }
        return first
    }

    /// How the hint to a misspelt cell's fence says it is written: the fence as meant, with the
    /// attributes it was given (`label=x`) after a space, without braces or commas.
    var cellFenceHint: String {
        let written = misspeltCell ?? ""
        let attributes = info.joined(separator: " ").dropFirst(written.prefix { $0 != "," }.count)
            .split { $0 == " " || $0 == "," || $0 == "{" || $0 == "}" }
            .filter { $0.contains("=") }
        let meant = ([String(repeating: character, count: length) + "nnbook"] + attributes.map(String.init)).joined(separator: " ")
        if info.contains(where: { $0.contains("{") || $0.contains("}") }) {
            return "write it without braces (Quarto's and R Markdown's {…} are not read here): \(meant)"
        }
        if written.contains(",") { return "a cell's attributes follow nnbook after a space, not a comma: \(meant)" }
        return "a cell is fenced \(meant)" + (written.lowercased() == "nnbook" ? ", in lower case" : "")
    }

    /// Whether this fence opens Python code (```` ```python ````) whose lines are all nnbook
    /// commands: a cell written as a Jupyter notebook's code cell, which would be shown, not run.
    func holdsCommandsAsPython(_ body: ArraySlice<String>) -> Bool {
        guard let first = info.first, ["python", "python3", "py", "ipython", "{python}"].contains(first.lowercased()) else { return false }
        let (commands, diagnostics) = CommandParser.commands(in: Array(body), firstLine: 1)
        let verbs = Set(BuiltInPlugins.all.flatMap(\.commands).map(\.schema.verb))
        return !commands.isEmpty && diagnostics.isEmpty && commands.allSatisfy { verbs.contains($0.verb) }
    }

    /// A fence with an info string opens a block; only a bare one can close.
    var opensBlock: Bool { !info.isEmpty }

    /// Where the commands of a cell whose closing line was forgotten most likely end, between
    /// `start` and the fence at `end` that the cell ran into: before the first paragraph, after
    /// a blank line, that does not read as commands, since that is the prose the author meant
    /// to write outside the cell. A command starts with its lowercase name (a comment with
    /// '#') and reads as one; a sentence may start in lower case too ("train the model as
    /// shown below, then …"), but it has a comma the commands cannot read, or ends as a
    /// sentence does.
    static func commandsEnd(in lines: [String], from start: Int, to end: Int) -> Int {
        var afterBlank = false
        for index in start..<end {
            let line = lines[index]
            if line.allSatisfy(\.isWhitespace) {
                afterBlank = true
                continue
            }
            if afterBlank, let first = line.first, !first.isWhitespace, first != "#" {
                if !(first.isASCII && first.isLowercase) || readsAsProse(lines[index..<end].prefix { !$0.allSatisfy(\.isWhitespace) }) {
                    return index
                }
            }
            afterBlank = false
        }
        return end
    }

    /// Whether a paragraph that starts in lower case is a sentence: a line of it ends with '.',
    /// '!', '?' or ':' after a word, or the commands cannot read it.
    private static func readsAsProse(_ paragraph: ArraySlice<String>) -> Bool {
        paragraph.contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let last = trimmed.last, ".!?:".contains(last), trimmed.dropLast().last?.isLetter == true { return true }
            return !CommandParser.commands(in: [line], firstLine: 1).diagnostics.isEmpty
        }
    }

    /// `NAME` for a ```` ```csv name=NAME ```` fence: an inline table.
    var tableName: String? {
        guard info.first == "csv" else { return nil }
        return info.dropFirst().first { $0.hasPrefix("name=") }.map { String($0.dropFirst(5)) }
    }

    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= max(3, self.indent) else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The cell's label from `label=NAME` in the info string, or `cell-N`.
    func label(line: Int, cellNumber: Int) -> (String, [Diagnostic]) {
        var label = "cell-\(cellNumber)"
        var diagnostics: [Diagnostic] = []
        var attributes = info.dropFirst()[...]
        while let attribute = attributes.popFirst() {
            let column = text.distance(from: text.startIndex, to: attribute.startIndex) + 1
            let parts = attribute.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == "label", let quote = parts[1].first, quote == "\"" || quote == "'" {
                // `label="my train"`, as an HTML attribute is written: one mistake, however many
                // words the quotes hold.
                var last = attribute
                if parts[1].count == 1 || parts[1].last != quote, let closing = attributes.firstIndex(where: { $0.last == quote }) {
                    last = attributes[closing]
                    attributes = attributes[(closing + 1)...]
                }
                let written = text[parts[1].startIndex..<last.endIndex]
                let words = written.dropFirst().prefix { $0 != quote }.split { !($0.isLetter || $0.isNumber) || !$0.isASCII }
                diagnostics.append(Diagnostic(
                    "a label is one word, written without quotes", at: SourceRange(line: line, column: column + 6, length: written.count),
                    hint: "write ```nnbook label=\(words.isEmpty ? "training" : words.joined(separator: "_")) (letters, digits, '-' and '_'; it names the cell's pictures)"))
            } else if parts.count == 2, parts[0] == "label", Fence.isValidLabel(parts[1]), parts[1].count > Fence.labelLimit {
                diagnostics.append(Diagnostic(
                    "the label '\(parts[1].excerpt())' is \(parts[1].count) characters long; a label may have at most \(Fence.labelLimit)",
                    at: SourceRange(line: line, column: column + 6, length: parts[1].count),
                    hint: "a label names the files of the cell's pictures, so it must stay short: ```nnbook label=training"))
            } else if parts.count == 2, parts[0] == "label", Fence.isValidLabel(parts[1]) {
                label = String(parts[1])
            } else if parts.count == 2, parts[0] == "label" {
                // `label={{x}}`, `label=a.b`: the attribute is right, its value is not.
                diagnostics.append(Diagnostic(
                    "the label '\(parts[1].excerpt())' is not a fixed name", at: SourceRange(line: line, column: column + 6, length: parts[1].count),
                    hint: "a label names the cell's pictures, so it is written out in letters, digits, '-' and '_' (it cannot use a parameter): ```nnbook label=training"))
            } else {
                diagnostics.append(Diagnostic(
                    "'\(attribute)' is not a cell attribute", at: SourceRange(line: line, column: column, length: attribute.count + 1),
                    hint: "a cell's fence may carry a label: ```nnbook label=training (letters, digits, '-' and '_')"))
            }
        }
        return (label, diagnostics)
    }

    /// The longest label: it starts the file name of each of the cell's pictures
    /// (`LABEL-NAME.svg`), and a file name has at most 255 bytes.
    static let labelLimit = 64

    static func isValidLabel(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") && $0.isASCII }
    }
}
