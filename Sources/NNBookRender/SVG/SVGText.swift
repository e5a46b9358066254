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
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(number(width))" height="\##(number(height))" viewBox="0 0 \##(number(width)) \##(number(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">"##,
            "<title>\(HTMLText.escape(title))</title>",
            ##"<rect width="\##(number(width))" height="\##(number(height))" rx="6" fill="#ffffff"/>"##,
        ]
        lines += body
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Int? = nil, weight: String? = nil, fill: String = "#222222", rotate: Bool = false) -> String {
        var attributes = #"x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)" fill="\#(fill)""#
        if let size { attributes += #" font-size="\#(size)""# }
        if let weight { attributes += #" font-weight="\#(weight)""# }
        if rotate { attributes += #" transform="rotate(-90 \#(number(x)) \#(number(y)))""# }
        return "<text \(attributes)>\(HTMLText.escape(content))</text>"
    }
}
