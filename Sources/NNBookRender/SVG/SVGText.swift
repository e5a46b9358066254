// Small helpers every SVG drawing shares: numbers written the same way every run, escaped text,
// and the document frame.

import Foundation

/// Writing SVG deterministically: coordinates with two decimals, so the same figure gives the
/// same bytes and pages diff cleanly between runs.
enum SVGText {
    static func number(_ value: Double) -> String {
        // Whole hundredths, written out by hand: a curve has thousands of points, and
        // String(format:) would take most of a small notebook's run.
        guard value.isFinite, abs(value) < 1e15 else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let whole = abs(hundredths) / 100, fraction = abs(hundredths) % 100
        var text = (hundredths < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// A complete document: a white card with dark text, readable on light and dark pages alike.
    static func document(width: Double, height: Double, title: String, body: [String]) -> String {
        var lines = [
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(number(width))" height="\##(number(height))" viewBox="0 0 \##(number(width)) \##(number(height))" font-family="Helvetica, Arial, sans-serif" font-size="\##(defaultSize)">"##,
            "<title>\(HTMLText.escape(title))</title>",
            ##"<rect width="\##(number(width))" height="\##(number(height))" rx="6" fill="#ffffff"/>"##,
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The font size of text drawn without one.
    static let defaultSize = 12

    /// A line of text. Given `fitting`, a text wider than that many pixels is shortened with an
    /// ellipsis, and its whole text becomes the element's tooltip (a browser shows it on hover,
    /// a screen reader reads it).
    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", size: Int? = nil, weight: String? = nil, fill: String = "#222222",
        rotate: Bool = false, fitting width: Double? = nil
    ) -> String {
        var attributes = #"x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)" fill="\#(fill)""#
        if let size { attributes += #" font-size="\#(size)""# }
        if let weight { attributes += #" font-weight="\#(weight)""# }
        if rotate { attributes += #" transform="rotate(-90 \#(number(x)) \#(number(y)))""# }
        let shown = width.map { TextWidth.fitted(content, size: Double(size ?? defaultSize), width: $0, bold: weight == "bold") } ?? content
        let title = shown == content ? "" : "<title>\(HTMLText.escape(content))</title>"
        return "<text \(attributes)>\(title)\(HTMLText.escape(shown))</text>"
    }

    /// A picture's title, bold, centred over its plot at `centre` when it fits there; a longer
    /// one is centred on the picture, and one wider than the picture is shortened.
    static func heading(_ content: String, centre: Double, pictureWidth: Double, y: Double = 24) -> String {
        let margin = 8.0, size = 14
        let textWidth = TextWidth.estimate(content, size: Double(size), bold: true)
        let fitsOverPlot = textWidth / 2 + margin <= min(centre, pictureWidth - centre)
        return text(
            content, x: fitsOverPlot ? centre : pictureWidth / 2, y: y, anchor: "middle", size: size, weight: "bold",
            fitting: pictureWidth - 2 * margin)
    }
}
