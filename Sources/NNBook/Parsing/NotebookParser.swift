// Reads a .nnbook file: front matter, then Markdown prose and `nnbook` command cells.

import Foundation

/// Parses a whole notebook, reporting every problem it can find in one pass.
public enum NotebookParser {
    /// The notebook, or every diagnostic found; `path` is used in messages only.
    public static func parse(_ text: String, path: String) -> Result<Notebook, DiagnosticList> {
        let (notebook, diagnostics) = read(text, path: path)
        guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }
        return .success(notebook)
    }

    /// The notebook as far as it could be read, and every diagnostic found. Lines with syntax
    /// errors are marked unread in it, for the checker to look past; when the front matter's
    /// parameters or plugins could not be read, its front matter says so, and the cells are
    /// checked for what does not depend on them.
    static func read(_ text: String, path: String) -> (notebook: Notebook, diagnostics: [Diagnostic]) {
        let lines = splitLines(text)
        var diagnostics: [Diagnostic] = []
        var index = 0
        var frontMatter = FrontMatter()
        // Placeholders in prose are checked against the parameters only when those are known.
        var parametersKnown = true
        // `---` with spaces after it is still the front matter's line; one after blank lines is
        // read as the front matter it was meant to be, with one error, rather than as prose
        // whose parameters every cell would then say are not declared.
        let isDashes = { (line: String) in line.trimmingCharacters(in: .whitespaces) == "---" }
        let opening = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? 0
        if opening > 0, lines.indices.contains(opening + 1), isDashes(lines[opening]),
            lines[opening + 1].range(of: #"^[A-Za-z_][A-Za-z0-9_]*:"#, options: .regularExpression) != nil
        {
            diagnostics.append(Diagnostic(
                "the front matter must start on the notebook's first line", at: SourceRange(line: opening + 1, column: 1, length: lines[opening].count),
                hint: "remove the blank line\(opening == 1 ? "" : "s") above it"))
            index = opening
        }
        if lines.indices.contains(index), isDashes(lines[index]) {
            let start = index
            if let end = lines[(start + 1)...].firstIndex(where: { isDashes($0) || $0 == "..." }) {
                let parsed = FrontMatterParser.parse(lines[(start + 1)..<end], firstLine: start + 2)
                frontMatter = parsed.frontMatter
                diagnostics += parsed.diagnostics
                parametersKnown = parsed.complete
                frontMatter.isComplete = parsed.complete
                index = end + 1
            } else {
                diagnostics.append(Diagnostic(
                    "the front matter that starts here is never closed", at: SourceRange(line: start + 1, column: 1, length: 3),
                    hint: "end the front matter with a line holding only ---"))
                index = lines.count
            }
        }

        var blocks: [Block<Cell>] = []
        var prose: [String] = []
        var proseLines: [Int] = []
        var cellNumber = 0
        var labels: [String: Int] = [:]
        var tables: [String: InlineTable] = [:]
        func flushProse() {
            if !prose.isEmpty { blocks.append(.prose(prose.joined(separator: "\n"))) }
            prose = []
        }

        while index < lines.count {
            guard let fence = Fence(lines[index]) ?? Fence.displacedCell(lines[index], at: index + 1, diagnostics: &diagnostics) else {
                prose.append(lines[index])
                proseLines.append(index)
                index += 1
                continue
            }
            let closing = lines[(index + 1)...].firstIndex { fence.isClosed(by: $0) }
            // Read as the cell it was meant to be, so that what it defines is known after it.
            let python = closing.map { fence.holdsCommandsAsPython(lines[(index + 1)..<$0]) } ?? false
            let mistyped = fence.misspeltCell != nil || python
            if let written = fence.misspeltCell ?? (python ? fence.info.first : nil) {
                let column = lines[index].distance(from: lines[index].startIndex, to: written.startIndex) + 1
                let opener = String(repeating: fence.character, count: fence.length)
                diagnostics.append(Diagnostic(
                    "this block is fenced \(opener)\(written)" + (python ? ", but its lines are nnbook commands: it would be shown, not run" : ", so it would be shown, not run"),
                    at: SourceRange(line: index + 1, column: column, length: written.count),
                    hint: python ? "a cell of nnbook commands is fenced \(opener)nnbook (a notebook's cells are nnbook, not Python)" : fence.cellFenceHint))
            }
            guard fence.isCell || mistyped else {
                let end = closing ?? lines.count - 1
                if let name = fence.tableName, let closing {
                    // The first table keeps the name, so that a mistake in it is still found.
                    if tables[name] != nil {
                        diagnostics.append(Diagnostic(
                            "a table named '\(name)' is already written above", at: SourceRange(line: index + 1, column: 1, length: lines[index].count),
                            hint: "give each inline table its own name"))
                    } else {
                        tables[name] = InlineTable(name: name, text: lines[(index + 1)..<closing].joined(separator: "\n") + "\n", firstLine: index + 2)
                    }
                }
                prose += lines[index...end]
                proseLines += index...end
                index = end + 1
                continue
            }
            let line = index + 1
            let closer = String(repeating: fence.character, count: fence.length)
            // A cell holds commands, never a fence: a fence that opens a block before the cell
            // is closed means its closing line was forgotten, and that block starts there.
            let opening = lines[(index + 1)...].firstIndex { Fence($0)?.opensBlock == true }
            var cellEnd = closing
            var next = closing.map { $0 + 1 }
            var strayProse = 0..<0
            if let opening, closing.map({ opening < $0 }) ?? true {
                diagnostics.append(Diagnostic(
                    "this cell (opened at line \(line)) was never closed", at: SourceRange(line: opening + 1, column: 1, length: lines[opening].count),
                    hint: "close it with a line holding only \(closer) after its last command, before this line"))
                let commandsEnd = Fence.commandsEnd(in: lines, from: index + 1, to: opening)
                (cellEnd, next, strayProse) = (commandsEnd, opening, commandsEnd..<opening)
            }
            guard let cellEnd, let next else {
                diagnostics.append(Diagnostic(
                    "this nnbook cell is never closed", at: SourceRange(line: line, column: fence.indent + 1, length: fence.length),
                    hint: "end the cell with a line holding only \(closer)"))
                break
            }
            cellNumber += 1
            let (label, labelDiagnostics) = fence.label(line: line, cellNumber: cellNumber)
            // A mistyped fence is one mistake, told above: its attributes are not read again.
            if !mistyped { diagnostics += labelDiagnostics }
            if let earlier = labels[label] {
                diagnostics.append(Diagnostic(
                    "the label '\(label)' is already used by the cell at line \(earlier)", at: SourceRange(line: line, column: 1, length: lines[index].count),
                    hint: "labels name a cell's images and metrics, so each must be unique"))
            }
            labels[label] = line
            let body = Array(lines[(index + 1)..<cellEnd])
            let (commands, commandDiagnostics) = CommandParser.commands(in: body, firstLine: line + 1, margin: fence.indent)
            diagnostics += commandDiagnostics
            flushProse()
            let source = body.map { String($0.dropFirst(min(fence.indent, $0.prefix { $0 == " " }.count))) }
            blocks.append(.cell(Cell(number: cellNumber, label: label, source: source, line: line, commands: commands)))
            // The prose an unclosed cell ran into is prose.
            prose += lines[strayProse]
            proseLines += strayProse
            index = next
        }
        flushProse()
        if parametersKnown {
            diagnostics += undeclaredTitleParameters(in: lines[..<min(index, lines.count)], of: frontMatter)
            diagnostics += undeclaredProseParameters(in: lines, at: proseLines, of: frontMatter)
        }

        return (Notebook(path: path, lines: lines, frontMatter: frontMatter, blocks: blocks, tables: tables), diagnostics)
    }

    /// A `{{name}}` in the title that names no parameter (or no name at all), at its place in
    /// the `title:` line.
    private static func undeclaredTitleParameters(in frontLines: ArraySlice<String>, of frontMatter: FrontMatter) -> [Diagnostic] {
        guard let title = frontMatter.title, let line = frontLines.firstIndex(where: { $0.hasPrefix("title:") }) else { return [] }
        let declared = frontMatter.parameters.map(\.name)
        let characters = Array(title)
        return ProseParameters.uses(in: title).filter { !declared.contains($0.name) }.map { use in
            let written = String(characters[use.offset..<(use.offset + use.length)])
            let column = frontLines[line].firstRange(of: written).map { frontLines[line].distance(from: frontLines[line].startIndex, to: $0.lowerBound) } ?? 0
            return ParameterBinding.unknownPlaceholder(use, written: written, declared: declared, at: SourceRange(line: line + 1, column: column + 1, length: use.length))
        }
    }

    /// A `{{name}}` in prose that names no parameter (or no name at all: `{{epochs|int}}`), at
    /// its line and column. Each piece of
    /// prose between two cells (a run of consecutive lines) is read as Markdown on its own, as
    /// the page shows it.
    private static func undeclaredProseParameters(in lines: [String], at indices: [Int], of frontMatter: FrontMatter) -> [Diagnostic] {
        let declared = frontMatter.parameters.map(\.name)
        var pieces: [[Int]] = []
        for index in indices {
            if let last = pieces.last?.last, last + 1 == index { pieces[pieces.count - 1].append(index) } else { pieces.append([index]) }
        }
        let uses = pieces.flatMap { ProseParameters.uses(inLines: $0.map { lines[$0] }) }
        return zip(indices, uses).flatMap { index, uses in
            uses.filter { !declared.contains($0.name) }.map { use in
                let written = String(Array(lines[index])[use.offset..<(use.offset + use.length)])
                return ParameterBinding.unknownPlaceholder(use, written: written, declared: declared, at: SourceRange(line: index + 1, column: use.offset + 1, length: use.length))
            }
        }
    }

    /// Lines without their terminators (LF or CRLF, which Swift sees as one character); a
    /// final line break adds no empty line.
    public static func splitLines(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
