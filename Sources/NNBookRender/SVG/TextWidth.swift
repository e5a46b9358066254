// How wide a line of text will be drawn, estimated without a font: pictures size their margins
// and legends to their labels, and the same label gives the same picture on every machine.

/// An estimate of text width in the pictures' font ("Helvetica, Arial, sans-serif").
///
/// The browser draws the text, so nnbook cannot measure it; it estimates from Helvetica's
/// published character widths (Arial has the same), then adds a tenth for the wider sans-serif
/// fonts a browser may substitute (DejaVu Sans, Linux's usual one). Overestimating costs a
/// little blank space; underestimating cuts a label off at the picture's edge.
enum TextWidth {
    /// Helvetica's advance widths of the printable ASCII characters, space (32) to tilde (126),
    /// in thousandths of the font size (Adobe's Helvetica AFM).
    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 to ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ to O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P to _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` to o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p to ~
    ]
    /// The margin for a substituted, wider font.
    private static let substitutionMargin = 1.1
    /// Bold Helvetica is about this much wider than regular.
    private static let boldFactor = 1.08
    static let ellipsis = "…"

    /// The estimated width in pixels of `text` at `size` pixels.
    static func estimate(_ text: String, size: Double, bold: Bool = false) -> Double {
        let thousandths = text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
        return Double(thousandths) / 1000 * size * substitutionMargin * (bold ? boldFactor : 1)
    }

    /// `text` if it fits in `width` pixels, otherwise as much of its beginning as fits with an
    /// ellipsis after it (a word cut in the middle, as a browser's text-overflow cuts it). A
    /// label's units, in parentheses at its end (`loss (price's units squared)`), are what an
    /// axis must say: they are kept whole, and the words before them cut, while they fit alone.
    static func fitted(_ text: String, size: Double, width: Double, bold: Bool = false) -> String {
        guard estimate(text, size: size, bold: bold) > width else { return text }
        if let open = unitsStart(of: text) {
            let units = text[open...], room = width - estimate(String(units), size: size, bold: bold)
            if room >= estimate(ellipsis, size: size, bold: bold) {
                return fitted(String(text[..<open]), size: size, width: room, bold: bold) + units
            }
        }
        var kept = Substring(text)
        while !kept.isEmpty {
            kept = kept.dropLast()
            let candidate = kept.trimmingTrailingSpaces() + ellipsis
            if estimate(candidate, size: size, bold: bold) <= width { return candidate }
        }
        return ellipsis
    }

    /// Where the parenthesised part that ends `text` begins, with the space before it (` (price's
    /// units squared)`); nil when `text` ends otherwise or is that part alone.
    private static func unitsStart(of text: String) -> String.Index? {
        guard text.hasSuffix(")") else { return nil }
        var depth = 0, index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            if text[index] == ")" { depth += 1 }
            if text[index] == "(" { depth -= 1 }
            guard depth > 0 else { break }
        }
        guard depth == 0, index > text.startIndex, text[text.index(before: index)] == " " else { return nil }
        return text.index(before: index)
    }

    /// One character's advance in thousandths of the font size: Helvetica's for ASCII, a full
    /// square for the wide scripts (CJK, Hangul, fullwidth forms, emoji), nothing for combining
    /// marks, and a wide Latin letter's for the rest (accented letters, Greek, Cyrillic).
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = Int(scalar.value)
        switch value {
        case 32...126: return ascii[value - 32]
        case 0..<32, 0x7F..<0xA0, 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x2026: return 1000
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 1000
        default: return 667
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
