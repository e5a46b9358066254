// Predicted against actual: one dot per sample on square axes of one shared range, and the
// dashed diagonal y = x that a perfect model's dots would sit on.

import NNBook

/// Draws a `ScatterPlot`.
enum ScatterSVG {
    /// The legend's name for the dashed diagonal.
    static let diagonalName = "predicted = actual"

    static func render(_ plot: ScatterPlot) -> String {
        let top = 40.0, side = 400.0, bottom = 52.0
        // Both axes share one range, so that the diagonal runs corner to corner at 45°.
        let values = plot.series.flatMap(\.points).flatMap { [$0.x, $0.y] }.filter(\.isFinite)
        let ticks = AxisTicks.ticks(low: values.min() ?? 0, high: values.max() ?? 1)
        let step = ticks.values.count > 1 ? ticks.values[1] - ticks.values[0] : 1
        let left = AxisTicks.leftMargin(ticks.values.map { AxisTicks.label($0, step: step) })
        let names = plot.series.map(\.name) + [diagonalName]
        let width = left + side + Legend.columnWidth(names, nameOffset: 40, minimum: 170)
        let height = max(top + side + bottom, top + 20 * Double(names.count) + 16)
        let span = ticks.high - ticks.low
        let x = { (value: Double) in left + (value - ticks.low) / span * side }
        let y = { (value: Double) in top + side - (value - ticks.low) / span * side }

        var body: [String] = [SVGText.heading(plot.title, centre: left + side / 2, pictureWidth: width)]
        for value in ticks.values {
            let label = AxisTicks.label(value, step: step)
            body.append(##"<line x1="\##(SVGText.number(left))" y1="\##(SVGText.number(y(value)))" x2="\##(SVGText.number(left + side))" y2="\##(SVGText.number(y(value)))" stroke="#e5e5e5"/>"##)
            body.append(##"<line x1="\##(SVGText.number(x(value)))" y1="\##(SVGText.number(top))" x2="\##(SVGText.number(x(value)))" y2="\##(SVGText.number(top + side))" stroke="#e5e5e5"/>"##)
            body.append(SVGText.text(label, x: left - 8, y: y(value) + 4, anchor: "end", fill: "#444444"))
            body.append(SVGText.text(label, x: x(value), y: top + side + 18, anchor: "middle", fill: "#444444"))
        }
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(side))" height="\##(SVGText.number(side))" fill="none" stroke="#444444"/>"##)
        body.append(##"<line x1="\##(SVGText.number(left))" y1="\##(SVGText.number(top + side))" x2="\##(SVGText.number(left + side))" y2="\##(SVGText.number(top))" stroke="#888888" stroke-width="1.5" stroke-dasharray="6 4"/>"##)
        body.append(SVGText.text(plot.xLabel, x: left + side / 2, y: top + side + 40, anchor: "middle", fitting: 2 * left + side - 8))
        body.append(SVGText.text(plot.yLabel, x: 16, y: top + side / 2, anchor: "middle", rotate: true, fitting: side + 2 * top - 8))
        for (index, series) in plot.series.enumerated() {
            let colour = LineChartSVG.palette[index % LineChartSVG.palette.count]
            // One group per series: each dot is then only its position, and many dots stay small.
            body.append(##"<g fill="\##(colour)" fill-opacity="0.6">"##)
            for point in series.points where point.x.isFinite && point.y.isFinite {
                body.append(##"<circle cx="\##(SVGText.number(x(point.x)))" cy="\##(SVGText.number(y(point.y)))" r="3"/>"##)
            }
            body.append("</g>")
            let legendY = top + 10 + Double(index) * 20
            body.append(##"<circle cx="\##(SVGText.number(left + side + 24))" cy="\##(SVGText.number(legendY))" r="4" fill="\##(colour)"/>"##)
            body.append(Legend.name(series.name, x: left + side + 40, y: legendY + 4))
        }
        // The legend says what the diagonal means, below the series.
        let diagonalY = top + 10 + Double(plot.series.count) * 20
        body.append(##"<line x1="\##(SVGText.number(left + side + 14))" y1="\##(SVGText.number(diagonalY))" x2="\##(SVGText.number(left + side + 34))" y2="\##(SVGText.number(diagonalY))" stroke="#888888" stroke-width="1.5" stroke-dasharray="6 4"/>"##)
        body.append(SVGText.text(diagonalName, x: left + side + 40, y: diagonalY + 4))
        return SVGText.document(width: width, height: height, title: plot.title, body: body)
    }
}
