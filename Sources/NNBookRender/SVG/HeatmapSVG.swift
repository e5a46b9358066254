// A heatmap of counts: a confusion matrix with the count written in every cell.

import NNBook

/// Draws a `Heatmap`: darker blue for larger counts, white or dark text to stay readable.
///
/// Class names (Fashion-MNIST's "Ankle boot") are wider than a cell: the margins grow to the
/// longest label, and column labels too wide for their cell stand upright.
enum HeatmapSVG {
    /// The labels' font size.
    static let labelSize = 11
    /// The widest a class name is drawn: a longer one ends in an ellipsis, its whole text the
    /// tooltip, so that a sentence for a name does not push the matrix off the page.
    static let maximumLabelWidth = 160.0

    static func render(_ map: Heatmap) -> String {
        let cell = 36.0
        let labelWidth = min(map.labels.map { TextWidth.estimate($0, size: Double(labelSize)) }.max() ?? 0, maximumLabelWidth)
        let upright = labelWidth > cell - 6
        let left = max(84, 42 + labelWidth), top = upright ? 58 + labelWidth : 64
        let size = Double(map.labels.count)
        let width = left + size * cell + 24, height = top + size * cell + 48
        let largest = Double(max(map.counts.joined().max() ?? 1, 1))
        var body: [String] = [SVGText.heading(map.title, centre: width / 2, pictureWidth: width, y: 22)]
        body.append(SVGText.text(map.columnLabel, x: left + size * cell / 2, y: upright ? 44 : top - 20, anchor: "middle"))
        body.append(SVGText.text(map.rowLabel, x: 18, y: top + size * cell / 2, anchor: "middle", rotate: true))
        for (index, label) in map.labels.enumerated() {
            let offset = Double(index) * cell + cell / 2
            body.append(upright
                ? SVGText.text(label, x: left + offset + 4, y: top - 6, anchor: "start", size: labelSize, fill: "#444444", rotate: true, fitting: labelWidth)
                : SVGText.text(label, x: left + offset, y: top - 6, anchor: "middle", size: labelSize, fill: "#444444"))
            body.append(SVGText.text(label, x: left - 8, y: top + offset + 4, anchor: "end", size: labelSize, fill: "#444444", fitting: labelWidth))
        }
        for (row, counts) in map.counts.enumerated() {
            for (column, count) in counts.enumerated() {
                let share = Double(count) / largest
                let shade = { (full: Double) in Int((255 - (255 - full) * share).rounded()) }
                let fill = "rgb(\(shade(8)),\(shade(69)),\(shade(148)))"
                let x = left + Double(column) * cell, y = top + Double(row) * cell
                body.append(##"<rect x="\##(SVGText.number(x))" y="\##(SVGText.number(y))" width="\##(SVGText.number(cell))" height="\##(SVGText.number(cell))" fill="\##(fill)" stroke="#ffffff"/>"##)
                body.append(SVGText.text(String(count), x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle", size: 11, fill: share > 0.5 ? "#ffffff" : "#222222"))
            }
        }
        return SVGText.document(width: width, height: height, title: map.title, body: body)
    }
}
