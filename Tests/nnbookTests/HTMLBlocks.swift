// The blocks a reader sees in an HTML page, in order: what the GitHub-agreement test compares
// between nnbook's HTML export and cmark-gfm's rendering of the Markdown page.

import Foundation

/// Reads headings, paragraphs, code blocks, list items and table cells out of HTML, each as its
/// tag and its text with whitespace collapsed. A picture counts as a paragraph holding
/// `[image: ALT]`, whether it is GitHub's `<p><img alt></p>` or the export's `<figure>` (whose
/// caption repeats the alternative text and is left out).
enum HTMLBlocks {
    static let tracked: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "li", "th", "td", "figure"]

    static func of(_ html: String) -> [String] {
        var blocks: [(tag: String, text: String)] = []
        var open: [(tag: String, index: Int)] = []
        var skipping = 0
        var body = html.range(of: "<body>").map { html[$0.upperBound...] } ?? html[...]
        while !body.isEmpty {
            if body.hasPrefix("<!--") {
                body = body.range(of: "-->").map { body[$0.upperBound...] } ?? ""
            } else if body.hasPrefix("<"), let end = tagEnd(body) {
                let tag = body[body.index(after: body.startIndex)..<end]
                body = body[body.index(after: end)...]
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if name == "figcaption" { skipping += closing ? -1 : 1; continue }
                if name == "img", !closing {
                    let alt = attribute("alt", in: tag) ?? ""
                    for item in open { blocks[item.index].text += " [image: \(alt)] " }
                } else if tracked.contains(name) {
                    if closing {
                        if let last = open.lastIndex(where: { $0.tag == name }) { open.remove(at: last) }
                    } else {
                        open.append((name, blocks.count))
                        blocks.append((name == "figure" ? "p" : name, ""))
                    }
                }
            } else {
                let next = body.dropFirst().firstIndex(of: "<") ?? body.endIndex
                if skipping == 0 {
                    let text = decode(String(body[..<next]))
                    for item in open { blocks[item.index].text += text }
                }
                body = body[next...]
            }
        }
        return blocks.map { "\($0.tag): " + $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// The `>` that ends the tag at the start of `text`, past quoted attribute values; nil when
    /// the `<` starts no tag (`a < b` in text).
    private static func tagEnd(_ text: Substring) -> Substring.Index? {
        guard let second = text.dropFirst().first, second.isLetter || second == "/" else { return nil }
        var quote: Character?
        for index in text.indices.dropFirst() {
            let character = text[index]
            if let open = quote { if character == open { quote = nil } } else if character == "\"" || character == "'" { quote = character } else if character == ">" { return index }
        }
        return nil
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return decode(String(tag[range.upperBound...].prefix { $0 != "\"" }))
    }

    /// Character references as a browser reads them.
    private static func decode(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }
}
