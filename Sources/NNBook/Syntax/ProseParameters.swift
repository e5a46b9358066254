// `{{epochs}}` in a notebook's prose: the value the run used, so that the text says "trained for
// 20 epochs" when `-p epochs=20` was given. `$` stays plain text in prose, for prices and maths.

/// Finds and replaces `{{name}}` placeholders in prose.
///
/// A placeholder is `{{`, a parameter name (letters, digits and `_`, not starting with a
/// digit), and `}}`, with spaces allowed inside the braces as in Jinja and Handlebars
/// (`{{ epochs }}`). `\{{name}}` is left as it is, and Markdown then shows `{{name}}`.
/// Anything else between `{{` and `}}` on one line (`{{epochs|int}}`, `{{ x + 1 }}`, `{{}}`) is
/// found too, so that the parser can say it is no name: a learner who knows Jinja writes
/// filters and sums there, and nnbook would otherwise print them as written without a word.
///
/// Code is shown as written, as Markdown shows it: a placeholder inside a code span
/// (`` `{{rate}}` ``, also one that runs on to the next line of its paragraph) or a code block
/// (fenced, or indented by four spaces) is neither replaced nor checked. CommonMark decides what
/// is code: cmark-gfm, which renders the page, reads the blocks (`ProseBlocks`).
public enum ProseParameters {
    /// One placeholder in a line: what stands between its braces and where it is written,
    /// from its first brace.
    public struct Use: Equatable, Sendable {
        /// The text between the braces without the spaces around it: a parameter's name, or,
        /// when ``isName`` is false, what the learner wrote instead (`epochs|int`, ``).
        public let name: String
        /// Character offsets in the line, from 0.
        public let offset: Int
        public let length: Int

        /// True when ``name`` can be a parameter's name: letters, digits and `_`, not starting
        /// with a digit.
        public var isName: Bool { ProseParameters.isName(name) }
    }

    static func isName(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, !first.isNumber else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// The placeholders of each of `lines`, one piece of prose (between two cells), in order.
    public static func uses(inLines lines: [String]) -> [[Use]] {
        let blocks = ProseBlocks(lines)
        var found = lines.map { line in uses(in: line) }
        for index in blocks.codeLines where found.indices.contains(index) { found[index] = [] }
        for index in blocks.tableRows where found.indices.contains(index) { found[index] = uses(inTableRow: Array(lines[index])) }
        // A paragraph is read as one text, for code spans that cross its line breaks.
        for paragraph in blocks.paragraphs where paragraph.upperBound < lines.count {
            let text = Array(lines[paragraph].joined(separator: "\n"))
            var line = paragraph.lowerBound, lineStart = 0
            for index in paragraph { found[index] = [] }
            for use in uses(in: text) {
                while let newline = text[lineStart...].firstIndex(of: "\n"), newline < use.offset {
                    (line, lineStart) = (line + 1, newline + 1)
                }
                found[line].append(Use(name: use.name, offset: use.offset - lineStart, length: use.length))
            }
        }
        return found
    }

    /// The placeholders of a table row, cell by cell: GitHub splits a row at each pipe that no
    /// backslash escapes, code span or not.
    private static func uses(inTableRow characters: [Character]) -> [Use] {
        var found: [Use] = []
        var cellStart = 0, index = 0
        while index <= characters.count {
            if index < characters.count, characters[index] == "\\" {
                index = min(index + 2, characters.count)
                continue
            }
            if index == characters.count || characters[index] == "|" {
                found += uses(in: Array(characters[cellStart..<min(index, characters.count)])).map {
                    Use(name: $0.name, offset: $0.offset + cellStart, length: $0.length)
                }
                cellStart = index + 1
            }
            index += 1
        }
        return found
    }

    /// The placeholders of `characters` (one line, or a paragraph's lines joined by line
    /// breaks) outside its code spans.
    static func uses(in line: String) -> [Use] {
        // Most lines hold no `{{` (the rows of an inline table, most prose): no array of their
        // characters is made.
        guard line.contains("{{") else { return [] }
        return uses(in: Array(line))
    }

    private static func uses(in characters: [Character]) -> [Use] {
        var uses: [Use] = []
        var index = 0
        while index < characters.count {
            if characters[index] == "`" {
                index = end(ofCodeSpanAt: index, in: characters)
                continue
            }
            // A backslash makes the next character plain: `\{{name}}` and an escaped backtick.
            if characters[index] == "\\" {
                index += 2
                continue
            }
            guard index + 1 < characters.count, characters[index] == "{", characters[index + 1] == "{", let use = placeholder(at: index, in: characters) else {
                index += 1
                continue
            }
            uses.append(use)
            index += use.length
        }
        return uses
    }

    /// The placeholder whose braces open at `start`: up to the first `}}` on the line, or nil
    /// when none closes it there, before a line break or a code span (`{{` alone is text, as in
    /// maths).
    private static func placeholder(at start: Int, in characters: [Character]) -> Use? {
        var index = start + 2
        while index + 1 < characters.count, characters[index] != "\n", characters[index] != "`" {
            if characters[index] == "}", characters[index + 1] == "}" {
                let isSpace = { (character: Character) in character == " " || character == "\t" }
                let inside = characters[(start + 2)..<index].drop(while: isSpace).reversed().drop(while: isSpace).reversed()
                return Use(name: String(inside), offset: start, length: index + 2 - start)
            }
            index += 1
        }
        return nil
    }

    /// Just past the code span that the backticks at `start` open (CommonMark: it ends at the
    /// next run of as many backticks), or just past those backticks when nothing closes them and
    /// they are plain text.
    private static func end(ofCodeSpanAt start: Int, in characters: [Character]) -> Int {
        var opening = start
        while opening < characters.count, characters[opening] == "`" { opening += 1 }
        let width = opening - start
        var index = opening
        while index < characters.count {
            guard characters[index] == "`" else {
                index += 1
                continue
            }
            var run = index
            while run < characters.count, characters[run] == "`" { run += 1 }
            if run - index == width { return run }
            index = run
        }
        return opening
    }

    /// `text` (a title, which is no Markdown) with each placeholder replaced by its value; a
    /// placeholder without a value (which the parser has reported already) stays as written.
    public static func substitute(_ text: String, values: [String: String]) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return replace(lines, uses: uses(inLines: lines).map { $0.map { ($0, values[$0.name]) } })
    }

    /// Prose with each placeholder replaced by `write(name, place)`: the value written for its
    /// place in the Markdown (text, raw HTML, a link's address or title), so that no value
    /// becomes markup; a name without a value stays as written.
    public static func substitute(prose text: String, write: (String, ProsePlace) -> String?) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let found = uses(inLines: lines)
        let places = places(of: found, inLines: lines)
        return replace(lines, uses: zip(found, places).map { zip($0, $1).map { ($0, write($0.name, $1)) } })
    }

    /// `lines` joined, with each use replaced by its text where it has one.
    private static func replace(_ lines: [String], uses: [[(Use, String?)]]) -> String {
        zip(lines, uses).map { line, uses -> String in
            guard !uses.isEmpty else { return line }
            let characters = Array(line)
            var result = "", position = 0
            for (use, value) in uses {
                result += String(characters[position..<use.offset])
                result += value ?? String(characters[use.offset..<(use.offset + use.length)])
                position = use.offset + use.length
            }
            return result + String(characters[position...])
        }.joined(separator: "\n")
    }
}
