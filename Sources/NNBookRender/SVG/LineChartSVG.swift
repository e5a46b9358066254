// A line chart: axes with round ticks, labels, one coloured line per series, and a legend.

import Foundation
import NNBook

/// Draws a `LineChart`.
enum LineChartSVG {
    /// Colours that stay distinct for colour-blind readers and on white.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    static func render(_ chart: LineChart) -> String {
        let hasLegend = chart.series.count > 1
        let width = 640.0, height = 360.0
        let left = 64.0, right = hasLegend ? 150.0 : 24.0, top = 40.0, bottom = 52.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let points = chart.series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xTicks = AxisTicks.ticks(low: points.map(\.x).min() ?? 0, high: points.map(\.x).max() ?? 1)
        let yTicks = AxisTicks.ticks(low: points.map(\.y).min() ?? 0, high: points.map(\.y).max() ?? 1)
        let x = { (value: Double) in left + (value - xTicks.low) / (xTicks.high - xTicks.low) * plotWidth }
        let y = { (value: Double) in top + plotHeight - (value - yTicks.low) / (yTicks.high - yTicks.low) * plotHeight }

        var body: [String] = [SVGText.text(chart.title, x: left + plotWidth / 2, y: 24, anchor: "middle", size: 14, weight: "bold")]
        let xStep = xTicks.values.count > 1 ? xTicks.values[1] - xTicks.values[0] : 1
        let yStep = yTicks.values.count > 1 ? yTicks.values[1] - yTicks.values[0] : 1
        for value in yTicks.values {
            let position = SVGText.number(y(value))
            body.append(##"<line x1="\##(SVGText.number(left))" y1="\##(position)" x2="\##(SVGText.number(left + plotWidth))" y2="\##(position)" stroke="#e5e5e5"/>"##)
            body.append(SVGText.text(AxisTicks.label(value, step: yStep), x: left - 8, y: y(value) + 4, anchor: "end", fill: "#444444"))
        }
        for value in xTicks.values {
            let position = SVGText.number(x(value))
            body.append(##"<line x1="\##(position)" y1="\##(SVGText.number(top + plotHeight))" x2="\##(position)" y2="\##(SVGText.number(top + plotHeight + 5))" stroke="#444444"/>"##)
            body.append(SVGText.text(AxisTicks.label(value, step: xStep), x: x(value), y: top + plotHeight + 18, anchor: "middle", fill: "#444444"))
        }
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(plotWidth))" height="\##(SVGText.number(plotHeight))" fill="none" stroke="#444444"/>"##)
        body.append(SVGText.text(chart.xLabel, x: left + plotWidth / 2, y: height - 12, anchor: "middle"))
        body.append(SVGText.text(chart.yLabel, x: 16, y: top + plotHeight / 2, anchor: "middle", rotate: true))

        var colourIndex = -1
        for (index, series) in chart.series.enumerated() {
            // A dashed series after a solid one is its validation counterpart: the same colour.
            if !series.dashed || index == 0 || chart.series[index - 1].dashed { colourIndex += 1 }
            let colour = palette[colourIndex % palette.count]
            let dash = series.dashed ? #" stroke-dasharray="6 4""# : ""
            let visible = series.points.filter { $0.x.isFinite && $0.y.isFinite }
            if visible.count == 1, let only = visible.first {
                body.append(##"<circle cx="\##(SVGText.number(x(only.x)))" cy="\##(SVGText.number(y(only.y)))" r="3" fill="\##(colour)"/>"##)
            } else if !visible.isEmpty {
                let path = visible.map { "\(SVGText.number(x($0.x))),\(SVGText.number(y($0.y)))" }.joined(separator: " ")
                body.append(##"<polyline points="\##(path)" fill="none" stroke="\##(colour)" stroke-width="2" stroke-linejoin="round"\##(dash)/>"##)
            }
            if hasLegend {
                let legendY = top + 10 + Double(index) * 20
                body.append(##"<line x1="\##(SVGText.number(left + plotWidth + 14))" y1="\##(SVGText.number(legendY))" x2="\##(SVGText.number(left + plotWidth + 34))" y2="\##(SVGText.number(legendY))" stroke="\##(colour)" stroke-width="2"\##(dash)/>"##)
                body.append(SVGText.text(series.name, x: left + plotWidth + 40, y: legendY + 4))
            }
        }
        return SVGText.document(width: width, height: height, title: chart.title, body: body)
    }
}
