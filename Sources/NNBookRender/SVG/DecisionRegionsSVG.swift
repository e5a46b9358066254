// Decision regions: a pale tint per predicted class over the plane, the samples on top in the
// full colour of their true class, so that misclassified samples stand out.

import NNBook

/// Draws `DecisionRegions`.
enum DecisionRegionsSVG {
    /// Each grid cell's side in pixels: whole pixels, so that cells meet without seams.
    static let cellSide = 6

    static func render(_ regions: DecisionRegions) -> String {
        let side = Double(cellSide * regions.size)
        let top = 40.0
        let xTicks = AxisTicks.ticks(low: regions.xRange.lowerBound, high: regions.xRange.upperBound)
        let yTicks = AxisTicks.ticks(low: regions.yRange.lowerBound, high: regions.yRange.upperBound)
        let xStep = xTicks.values.count > 1 ? xTicks.values[1] - xTicks.values[0] : 1
        let yStep = yTicks.values.count > 1 ? yTicks.values[1] - yTicks.values[0] : 1
        let yLabels = yTicks.values.filter(regions.yRange.contains).map { ($0, AxisTicks.label($0, step: yStep)) }
        let left = AxisTicks.leftMargin(yLabels.map(\.1))
        let width = left + side + Legend.columnWidth(regions.classNames, nameOffset: 40, minimum: 150)
        let height = max(top + side + 52, top + 20 * Double(regions.classNames.count) + 16)
        let x = { (value: Double) in left + (value - regions.xRange.lowerBound) / (regions.xRange.upperBound - regions.xRange.lowerBound) * side }
        let y = { (value: Double) in top + side - (value - regions.yRange.lowerBound) / (regions.yRange.upperBound - regions.yRange.lowerBound) * side }
        var body: [String] = [SVGText.heading(regions.title, centre: left + side / 2, pictureWidth: width)]
        // Runs of equal class along a row are one rectangle: fewer elements, and no seams.
        body.append(#"<g shape-rendering="crispEdges">"#)
        for row in 0..<regions.size {
            var column = 0
            while column < regions.size {
                let predicted = regions.classes[row * regions.size + column]
                var end = column + 1
                while end < regions.size, regions.classes[row * regions.size + end] == predicted { end += 1 }
                body.append(##"<rect x="\##(SVGText.number(left + Double(column * cellSide)))" y="\##(SVGText.number(top + Double(row * cellSide)))" width="\##(SVGText.number(Double((end - column) * cellSide)))" height="\##(SVGText.number(Double(cellSide)))" fill="\##(tint(predicted))"/>"##)
                column = end
            }
        }
        body.append("</g>")
        for value in xTicks.values where regions.xRange.contains(value) {
            body.append(SVGText.text(AxisTicks.label(value, step: xStep), x: x(value), y: top + side + 18, anchor: "middle", fill: "#444444"))
        }
        for (value, label) in yLabels {
            body.append(SVGText.text(label, x: left - 8, y: y(value) + 4, anchor: "end", fill: "#444444"))
        }
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(side))" height="\##(SVGText.number(side))" fill="none" stroke="#444444"/>"##)
        body.append(SVGText.text(regions.xLabel, x: left + side / 2, y: top + side + 40, anchor: "middle", fitting: 2 * left + side - 8))
        body.append(SVGText.text(regions.yLabel, x: 16, y: top + side / 2, anchor: "middle", rotate: true, fitting: side + 2 * top - 8))
        for sample in regions.samples {
            body.append(##"<circle cx="\##(SVGText.number(x(sample.x)))" cy="\##(SVGText.number(y(sample.y)))" r="5" fill="\##(colour(sample.classNumber))" stroke="#222222"/>"##)
        }
        for (index, name) in regions.classNames.enumerated() {
            let legendY = top + 10 + Double(index) * 20
            body.append(##"<rect x="\##(SVGText.number(left + side + 14))" y="\##(SVGText.number(legendY - 6))" width="20" height="12" fill="\##(tint(index))" stroke="\##(colour(index))"/>"##)
            body.append(Legend.name(name, x: left + side + 40, y: legendY + 4))
        }
        return SVGText.document(width: width, height: height, title: regions.title, body: body)
    }

    private static func colour(_ classNumber: Int) -> String {
        LineChartSVG.palette[classNumber % LineChartSVG.palette.count]
    }

    /// The class colour mixed with four parts of white: a background the samples stand out on.
    private static func tint(_ classNumber: Int) -> String {
        let hex = colour(classNumber).dropFirst()
        let channels = stride(from: 0, to: 6, by: 2).map { offset -> Int in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return Int(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        return "rgb(" + channels.map { String(($0 + 4 * 255) / 5) }.joined(separator: ",") + ")"
    }
}
