// `{{epochs}}` in a notebook's prose: the value the run used, so that the text says "trained for
// 20 epochs" when `-p epochs=20` was given. `$` stays plain text in prose, for prices and maths.

/// Finds and replaces `{{name}}` placeholders in prose.
///
/// A placeholder is `{{`, a parameter name (letters, digits and `_`, not starting with a
/// digit), and `}}`, with nothing in between. `\{{name}}` is left as it is, and Markdown then
/// shows `{{name}}`; braces around anything else (`{{ x }}`, `{{1}}`) are not placeholders.
public enum ProseParameters {
    /// One placeholder in a line: its name and where it is written, from its first brace.
    public struct Use: Equatable, Sendable {
        public let name: String
        /// Character offsets in the line, from 0.
        public let offset: Int
        public let length: Int
    }

    /// Every placeholder in `line`, in order.
    public static func uses(in line: String) -> [Use] {
        let characters = Array(line)
        var uses: [Use] = []
        var index = 0
        while index + 1 < characters.count {
            guard characters[index] == "{", characters[index + 1] == "{", index == 0 || characters[index - 1] != "\\" else {
                index += 1
                continue
            }
            var end = index + 2
            while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
            let name = String(characters[(index + 2)..<end])
            if !name.isEmpty, name.first?.isNumber == false, end + 1 < characters.count, characters[end] == "}", characters[end + 1] == "}" {
                uses.append(Use(name: name, offset: index, length: end + 2 - index))
                index = end + 2
            } else {
                index += 1
            }
        }
        return uses
    }

    /// `text` with each placeholder replaced by its value; a name without a value (which the
    /// parser has reported already) stays as written.
    public static func substitute(_ text: String, values: [String: String]) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            let uses = uses(in: line)
            guard !uses.isEmpty else { return line }
            let characters = Array(line)
            var result = "", position = 0
            for use in uses {
                result += String(characters[position..<use.offset])
                result += values[use.name] ?? String(characters[use.offset..<(use.offset + use.length)])
                position = use.offset + use.length
            }
            return result + String(characters[position...])
        }.joined(separator: "\n")
    }
}
