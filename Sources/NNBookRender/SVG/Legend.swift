// The column beside a plot that names its lines, dots or regions: as wide as its longest name,
// so that a teacher's `labels=[…]` is read whole, up to a cap past which a name is shortened.

/// Lays out a legend column: a key (a line, a dot, a swatch) and a name per entry.
enum Legend {
    /// The widest a name is drawn, in pixels (about 40 characters): a longer name ends in an
    /// ellipsis, and its whole text is the tooltip. The picture stays within a page's width.
    static let maximumNameWidth = 240.0
    /// The blank after the longest name, before the picture's edge.
    static let rightMargin = 12.0

    /// The width of a legend column whose names start `nameOffset` pixels from its left edge: at
    /// least `minimum` (the column's width for short names, so that their pictures keep their
    /// proportions), and wide enough for the longest name, up to the cap.
    static func columnWidth(_ names: [String], nameOffset: Double, minimum: Double) -> Double {
        let widest = names.map { TextWidth.estimate($0, size: Double(SVGText.defaultSize)) }.max() ?? 0
        return max(minimum, nameOffset + min(widest, maximumNameWidth) + rightMargin)
    }

    /// One entry's name, its baseline at `y`, shortened past the cap.
    static func name(_ name: String, x: Double, y: Double, fill: String = "#222222") -> String {
        SVGText.text(name, x: x, y: y, fill: fill, fitting: maximumNameWidth)
    }
}
