// Where a `{{name}}` stands in the Markdown around it, as cmark-gfm reads it: in text, in the
// author's raw HTML, in a link's address or in a link's title. A value from `-p` is untrusted,
// and each place needs its own escaping for the value to stay the text it is.

import CCmarkGFM

/// The place of one placeholder in its prose, which decides how its value must be written.
public enum ProsePlace: Equatable, Sendable {
    /// Text of a paragraph, heading or table cell. `startsLine` when only spaces or quote
    /// markers come before it on its line, where a value could start a heading or a list.
    case text(startsLine: Bool)
    /// Inside the author's raw HTML: a tag, an attribute's value, or an HTML block's content.
    case html
    /// A link's or a picture's address.
    case linkDestination
    /// A link's or a picture's title, in its quotes.
    case linkTitle
}

extension ProseParameters {
    /// The place of each placeholder in `uses` (as `uses(inLines:)` found them in `lines`).
    ///
    /// Each placeholder is replaced by a marker of letters and digits, which changes no
    /// Markdown structure around it, and the text is parsed as GitHub parses it; the node
    /// that holds a marker tells its place. A marker found in raw HTML and elsewhere takes the
    /// strictest place.
    static func places(of uses: [[Use]], inLines lines: [String]) -> [[ProsePlace]] {
        var marked: [String] = []
        var markers: [[String]] = []
        var count = 0
        for (line, lineUses) in zip(lines, uses) {
            let characters = Array(line)
            var text = "", position = 0, lineMarkers: [String] = []
            for use in lineUses {
                let marker = "nnbookplace\(count)x"
                count += 1
                text += String(characters[position..<use.offset]) + marker
                position = use.offset + use.length
                lineMarkers.append(marker)
            }
            marked.append(text + String(characters[position...]))
            markers.append(lineMarkers)
        }
        let found = count == 0 ? [:] : markerPlaces(in: marked.joined(separator: "\n"))
        return zip(lines, zip(uses, markers)).map { line, pair in
            zip(pair.0, pair.1).map { use, marker in
                found[marker] ?? .text(startsLine: Array(line)[..<use.offset].allSatisfy { $0 == " " || $0 == "\t" || $0 == ">" })
            }
        }
    }

    /// The places of the markers that the parsed `text` holds in raw HTML and links; a marker
    /// in text is absent (its place depends on its line). A marker in a link made from a bare
    /// address (GitHub's autolinks) is in its text and its address: the address decides.
    private static func markerPlaces(in text: String) -> [String: ProsePlace] {
        var places: [String: ProsePlace] = [:]
        func note(_ pointer: UnsafePointer<CChar>?, _ place: ProsePlace) {
            guard let pointer else { return }
            var rest = String(cString: pointer)[...]
            while let start = rest.range(of: "nnbookplace"), let end = rest[start.upperBound...].firstIndex(of: "x") {
                let marker = String(rest[start.lowerBound...end])
                if places[marker] == nil || place == .html { places[marker] = place }
                rest = rest[rest.index(after: end)...]
            }
        }
        ProseBlocks.parse(text, extensions: ["table", "strikethrough", "autolink"]) { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: note(cmark_node_get_literal(node), .html)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                note(cmark_node_get_url(node), .linkDestination)
                note(cmark_node_get_title(node), .linkTitle)
            default: break
            }
        }
        return places
    }
}
