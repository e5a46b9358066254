// The author's raw HTML and link addresses in the HTML export, filtered as GitHub filters a page
// before showing it: only tags and attributes that format text are kept, so that a notebook
// from someone else can run no script, fire no event handler and follow no `javascript:` link
// in the reader's browser.

import CCmarkGFM

/// Rewrites what cmark-gfm parsed as raw HTML, and the addresses of links and images, in a
/// parsed Markdown tree.
///
/// - A tag on the allow list is written anew from what was parsed, with only allowed
///   attributes, each value quoted and escaped: whatever the browser would have made of the
///   original spelling, it now reads exactly what was checked.
/// - `<script>`, `<style>`, `<iframe>` and the other tags of cmark-gfm's tag filter are shown
///   as text, as GitHub shows them; any other tag is dropped and its content kept, as GitHub's
///   sanitizer does; comments are dropped.
/// - Event handlers (`on…=`), `style` and every attribute not listed go; a link keeps only a
///   relative address or an `http:`, `https:` or `mailto:` one, and a picture only a relative
///   one or a `data:image/…` one, so that the page loads nothing from the network even where
///   its content security policy is not honoured.
/// - A `<` that starts no complete tag is text.
enum RawHTMLFilter {
    /// Shown as text (cmark-gfm's `tagfilter`): their content is not HTML to a browser.
    static let disarmed: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// Elements that format text, as GitHub keeps them.
    static let elements: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "b", "i", "u", "s", "strike", "strong", "em",
        "a", "img", "picture", "source", "pre", "code", "tt", "kbd", "samp", "var", "q", "blockquote", "cite", "abbr", "dfn",
        "ins", "del", "sup", "sub", "mark", "small", "time", "bdo", "wbr", "ruby", "rt", "rp", "ol", "ul", "li", "dl", "dt", "dd",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary", "figure", "figcaption",
    ]

    /// Attributes that describe or lay out; none runs anything or names another resource.
    static let attributes: Set<String> = [
        "abbr", "align", "alt", "aria-describedby", "aria-hidden", "aria-label", "aria-labelledby", "border", "cellpadding",
        "cellspacing", "colspan", "datetime", "dir", "headers", "height", "hspace", "id", "lang", "name", "nowrap", "open",
        "reversed", "role", "rowspan", "scope", "span", "start", "summary", "title", "type", "valign", "value", "vspace", "width",
    ]

    /// Attributes holding an address, and the elements that may have them.
    static let addresses: [String: Set<String>] = ["href": ["a"], "src": ["img", "source"], "cite": ["blockquote", "q", "del", "ins"]]

    /// What an address leads to: a document the reader may follow, or a picture the page loads.
    enum Address { case link, picture }

    /// Filters every raw HTML node and every link and image address under `node`.
    static func apply(to node: OpaquePointer) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            defer { event = cmark_iter_next(iterator) }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
                cmark_node_set_literal(current, filter(literal))
            case let type where type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(current).map { String(cString: $0) } ?? ""
                if !isSafe(url, as: type == CMARK_NODE_IMAGE ? .picture : .link) { cmark_node_set_url(current, "") }
            default:
                break
            }
        }
    }

    /// Raw HTML with only allowed tags and attributes, as described above.
    static func filter(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                output.append(bytes[index])
                index += 1
                continue
            }
            if bytes[index...].starts(with: Array("<!--".utf8)), let end = find(Array("-->".utf8), in: bytes, from: index + 4) {
                index = end + 3
            } else if let tag = Tag.parse(bytes, at: index) {
                if disarmed.contains(tag.name) {
                    output += Array("&lt;".utf8)
                    index += 1
                    continue
                }
                if elements.contains(tag.name) { output += Array(tag.rebuilt().utf8) }
                index = tag.end
            } else {
                output += Array("&lt;".utf8)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `address` may stay: relative, or for a link `http:`, `https:` or `mailto:`, for a
    /// picture `data:image/…`. Spaces, tabs, line breaks and other control characters are
    /// ignored, as browsers ignore them inside a scheme (`java&#9;script:` is `javascript:`) and
    /// around an address. A picture's relative address must also not start with `/` or `\`:
    /// browsers read `//host/x`, `\\host/x` and `/\host/x` as addresses on another host.
    static func isSafe(_ address: String, as kind: Address) -> Bool {
        let cleaned = String(String.UnicodeScalarView(address.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        if kind == .picture, cleaned.hasPrefix("/") || cleaned.hasPrefix("\\") { return false }
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let scheme = cleaned[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return true }
        switch kind {
        case .link: return ["http", "https", "mailto"].contains(scheme)
        case .picture: return cleaned.hasPrefix("data:image/")
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// One start or end tag as the browser tokenises it.
    struct Tag {
        let name: String
        let closing: Bool
        let selfClosing: Bool
        /// Attribute names, lowercased, with their values (entities decoded), in order.
        let attributes: [(name: String, value: String?)]
        /// The index just after the tag's `>`.
        let end: Int

        /// The tag starting at `start` (a `<`), or nil when no complete tag starts there.
        static func parse(_ bytes: [UInt8], at start: Int) -> Tag? {
            var index = start + 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            guard index < bytes.count, isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var attributes: [(name: String, value: String?)] = []
            var selfClosing = false
            while index < bytes.count {
                let byte = bytes[index]
                if isSpace(byte) { index += 1; continue }
                if byte == UInt8(ascii: ">") {
                    return Tag(name: name, closing: closing, selfClosing: selfClosing, attributes: attributes, end: index + 1)
                }
                if byte == UInt8(ascii: "/") { selfClosing = true; index += 1; continue }
                selfClosing = false
                let attributeStart = index
                index += 1
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[index]) { index += 1 }
                let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                var after = index
                while after < bytes.count, isSpace(bytes[after]) { after += 1 }
                guard after < bytes.count, bytes[after] == UInt8(ascii: "=") else {
                    attributes.append((attribute, nil))
                    continue
                }
                index = after + 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { return nil }
                let valueStart: Int, valueEnd: Int
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                    (valueStart, valueEnd) = (index + 1, close)
                    index = close + 1
                } else {
                    valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    valueEnd = index
                }
                attributes.append((attribute, decodeEntities(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))))
            }
            return nil
        }

        /// The tag written anew with only the allowed attributes.
        func rebuilt() -> String {
            guard !closing else { return "</\(name)>" }
            var text = "<" + name
            for (attribute, value) in attributes {
                if let elements = RawHTMLFilter.addresses[attribute] {
                    guard elements.contains(name), let value, RawHTMLFilter.isSafe(value, as: attribute == "src" ? .picture : .link) else { continue }
                } else if !RawHTMLFilter.attributes.contains(attribute) {
                    continue
                }
                text += " " + attribute + (value.map { "=\"\(HTMLText.escape($0))\"" } ?? "")
            }
            return text + (selfClosing ? " />" : ">")
        }

        private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
        private static func isSpace(_ byte: UInt8) -> Bool { [9, 10, 12, 13, 32].contains(byte) }
    }

    /// An attribute value as the browser reads it: numeric character references and the
    /// common named ones decoded. Other named references stay as written; since the value is
    /// escaped again when the tag is rebuilt, the browser then shows them as text rather than
    /// decoding something that was never checked.
    static func decodeEntities(_ value: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[rest.index(after: ampersand)...]
            if rest.first == "#" {
                let hex = rest.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
                let digits = rest.dropFirst(hex ? 2 : 1).prefix { hex ? $0.isHexDigit : ("0"..."9").contains($0) }.prefix(8)
                if let code = UInt32(digits, radix: hex ? 16 : 10), !digits.isEmpty {
                    result.unicodeScalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    rest = rest.dropFirst((hex ? 2 : 1) + digits.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else {
                let word = rest.prefix { $0.isASCII && $0.isLetter }
                if let character = named[String(word)], rest.dropFirst(word.count).first == ";" {
                    result += character
                    rest = rest.dropFirst(word.count + 1)
                    continue
                }
            }
            result += "&"
        }
        return result + rest
    }
}
