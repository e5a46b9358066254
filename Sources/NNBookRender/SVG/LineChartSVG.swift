// A line chart: axes with round ticks, labels, one coloured line per series, and a legend.

import Foundation
import NNBook

/// Draws a `LineChart`.
enum LineChartSVG {
    /// Colours that stay distinct for colour-blind readers and on white.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    static func render(_ chart: LineChart) -> String {
        let failures = chart.series.flatMap(\.failures).filter(\.x.isFinite)
        // Failed runs and rules are explained by legend entries of their own, even beside a single line.
        let rules = chart.rules.filter(\.x.isFinite)
        let legendNames = chart.series.map(\.name) + (failures.isEmpty ? [] : [failureName]) + rules.map(\.name)
        let hasLegend = legendNames.count > 1
        let top = 40.0, bottom = 52.0, plotWidth = hasLegend ? 426.0 : 552.0
        let height = max(360, top + 20 * Double(legendNames.count) + 16), plotHeight = height - top - bottom
        let axes = chart.axes
        // On a log scale the axis holds log10 of the values, and values of 0 or less have no place.
        let scaled = { (value: Double) in axes.logScale ? log10(value) : value }
        let scaledX = { (value: Double) in axes.logX ? log10(value) : value }
        let drawable = { (point: LineChart.Point) in
            point.x.isFinite && point.y.isFinite && (!axes.logScale || point.y > 0) && (!axes.logX || point.x > 0)
        }
        // A failed run's value is marked where it lies; one without a value lies on the x axis.
        let failedAt = { (failure: LineChart.Failure) in failure.y.map { LineChart.Point(x: failure.x, y: $0) }.flatMap { drawable($0) ? $0 : nil } }
        let points = chart.series.flatMap(\.points).filter(drawable) + failures.compactMap(failedAt)
        let xs = points.map(\.x) + failures.map(\.x).filter { !axes.logX || $0 > 0 }
        // Categories stand at 1, 2, …, half a step in from each end of the axis.
        let categories = axes.xCategories ?? []
        let xTicks = !categories.isEmpty
            ? (values: categories.indices.map { Double($0 + 1) }, low: 0.5, high: Double(categories.count) + 0.5)
            : axes.logX
            ? decades(low: xs.map(scaledX).min() ?? 0, high: xs.map(scaledX).max() ?? 1)
            : AxisTicks.ticks(low: xs.min() ?? 0, high: xs.max() ?? 1, minimumStep: axes.wholeNumberX ? 1 : 0)
        let yTicks = yAxis(points.map { scaled($0.y) }, axes: axes, scaled: scaled)
        let yStep = yTicks.values.count > 1 ? yTicks.values[1] - yTicks.values[0] : 1
        let yLabels = yTicks.values.map { value in
            let shown = axes.logScale ? pow(10, value) : value
            return (shown, AxisTicks.label(shown, step: axes.logScale ? shown : yStep))
        }
        // The left margin grows with the widest tick label, clear of the axis title.
        let left = AxisTicks.leftMargin(yLabels.map(\.1))
        // The legend column grows to the longest name, and the picture downwards to the last entry.
        let right = hasLegend ? Legend.columnWidth(legendNames, nameOffset: 40, minimum: 150) : 24.0
        let width = left + plotWidth + right
        let x = { (value: Double) in left + (scaledX(value) - xTicks.low) / (xTicks.high - xTicks.low) * plotWidth }
        let y = { (value: Double) in top + plotHeight - (scaled(value) - yTicks.low) / (yTicks.high - yTicks.low) * plotHeight }

        var body: [String] = [SVGText.heading(chart.title, centre: left + plotWidth / 2, pictureWidth: width)]
        let xStep = xTicks.values.count > 1 ? xTicks.values[1] - xTicks.values[0] : 1
        for (shown, label) in yLabels {
            let position = SVGText.number(y(shown))
            body.append(##"<line x1="\##(SVGText.number(left))" y1="\##(position)" x2="\##(SVGText.number(left + plotWidth))" y2="\##(position)" stroke="#e5e5e5"/>"##)
            body.append(SVGText.text(label, x: left - 8, y: y(shown) + 4, anchor: "end", fill: "#444444"))
        }
        for value in xTicks.values {
            let shown = axes.logX ? pow(10, value) : value
            let position = SVGText.number(x(shown))
            body.append(##"<line x1="\##(position)" y1="\##(SVGText.number(top + plotHeight))" x2="\##(position)" y2="\##(SVGText.number(top + plotHeight + 5))" stroke="#444444"/>"##)
            // A category's name is shortened to its share of the axis, never into its neighbour's.
            let label = categories.isEmpty ? AxisTicks.label(shown, step: axes.logX ? shown : xStep) : categories[Int(value) - 1]
            let share = categories.isEmpty ? nil : plotWidth / Double(categories.count) - 8
            body.append(SVGText.text(label, x: x(shown), y: top + plotHeight + 18, anchor: "middle", fill: "#444444", fitting: share))
        }
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(plotWidth))" height="\##(SVGText.number(plotHeight))" fill="none" stroke="#444444"/>"##)
        body.append(SVGText.text(chart.xLabel, x: left + plotWidth / 2, y: height - 12, anchor: "middle", fitting: 2 * min(left + plotWidth / 2, right + plotWidth / 2) - 8))
        body.append(SVGText.text(chart.yLabel, x: 16, y: top + plotHeight / 2, anchor: "middle", rotate: true, fitting: 2 * min(top + plotHeight / 2, bottom + plotHeight / 2) - 8))

        // With limits, lines that leave the plot are cut at its edge. The id names the area's
        // size, so that charts of one size inlined in one HTML page may share it.
        let limited = axes.yMinimum != nil || axes.yMaximum != nil
        let clipID = "plot-area-\(Int(plotWidth))x\(Int(plotHeight))"
        if limited {
            body.append(##"<clipPath id="\##(clipID)"><rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(plotWidth))" height="\##(SVGText.number(plotHeight))"/></clipPath>"##)
        }
        let clip = limited ? #" clip-path="url(#\#(clipID))""# : ""
        for rule in rules {
            let position = SVGText.number(x(rule.x))
            body.append(##"<line x1="\##(position)" y1="\##(SVGText.number(top))" x2="\##(position)" y2="\##(SVGText.number(top + plotHeight))" stroke="\##(ruleColour)" stroke-width="1.5" stroke-dasharray="3 3"/>"##)
        }
        var colourIndex = -1
        for (index, series) in chart.series.enumerated() {
            // A dashed series after a solid one is its validation counterpart: the same colour.
            if !series.dashed || index == 0 || chart.series[index - 1].dashed { colourIndex += 1 }
            let colour = palette[colourIndex % palette.count]
            let dash = series.dashed ? #" stroke-dasharray="6 4""# : ""
            // A point that cannot be drawn (nan, or not measured in that epoch) breaks the line,
            // as in matplotlib: no line claims values where there were none.
            let pieces = series.points.split(whereSeparator: { !drawable($0) })
            for piece in pieces where piece.count > 1 {
                let path = piece.map { "\(SVGText.number(x($0.x))),\(SVGText.number(y($0.y)))" }.joined(separator: " ")
                body.append(##"<polyline points="\##(path)" fill="none" stroke="\##(colour)" stroke-width="2" stroke-linejoin="round"\##(dash)\##(clip)/>"##)
            }
            // A lone point (a piece of one) is a dot; a sweep marks every run's point.
            for piece in pieces where piece.count == 1 || axes.markers {
                for point in piece {
                    body.append(##"<circle cx="\##(SVGText.number(x(point.x)))" cy="\##(SVGText.number(y(point.y)))" r="3" fill="\##(colour)"\##(clip)/>"##)
                }
            }
            for failure in series.failures where failure.x.isFinite && (!axes.logX || failure.x > 0) {
                // A cross on the x axis is not cut in half by the limits' clip.
                let at = failedAt(failure)
                body.append(cross(x: x(failure.x), y: at.map { y($0.y) } ?? top + plotHeight, colour: colour, clip: at == nil ? "" : clip))
            }
            if hasLegend {
                let legendY = top + 10 + Double(index) * 20
                body.append(##"<line x1="\##(SVGText.number(left + plotWidth + 14))" y1="\##(SVGText.number(legendY))" x2="\##(SVGText.number(left + plotWidth + 34))" y2="\##(SVGText.number(legendY))" stroke="\##(colour)" stroke-width="2"\##(dash)/>"##)
                body.append(Legend.name(series.name, x: left + plotWidth + 40, y: legendY + 4))
            }
        }
        if !failures.isEmpty {
            let legendY = top + 10 + Double(chart.series.count) * 20
            body.append(cross(x: left + plotWidth + 24, y: legendY, colour: "#444444", clip: ""))
            body.append(Legend.name(failureName, x: left + plotWidth + 40, y: legendY + 4))
        }
        for (index, rule) in rules.enumerated() {
            let legendY = top + 10 + Double(chart.series.count + (failures.isEmpty ? 0 : 1) + index) * 20
            let position = SVGText.number(left + plotWidth + 24)
            body.append(##"<line x1="\##(position)" y1="\##(SVGText.number(legendY - 8))" x2="\##(position)" y2="\##(SVGText.number(legendY + 8))" stroke="\##(ruleColour)" stroke-width="1.5" stroke-dasharray="3 3"/>"##)
            body.append(Legend.name(rule.name, x: left + plotWidth + 40, y: legendY + 4))
        }
        return SVGText.document(width: width, height: height, title: chart.title, body: body)
    }

    /// Ticks at every power of ten from `low` to `high` (log10 of the values), the axis
    /// starting and ending on one.
    private static func decades(low: Double, high: Double) -> (values: [Double], low: Double, high: Double) {
        let first = floor(low), last = max(ceil(high), first + 1)
        return (Array(stride(from: first, through: last, by: 1)), first, last)
    }

    /// A rule's grey: apart from every line's colour, and lighter than the axes.
    private static let ruleColour = "#888888"

    /// The legend's name for the cross that marks a run that did not succeed.
    static let failureName = "failed run"

    /// A cross centred on (x, y): a failed run's mark, which no line joins.
    private static func cross(x: Double, y: Double, colour: String, clip: String) -> String {
        let (left, right, up, down) = (SVGText.number(x - 4), SVGText.number(x + 4), SVGText.number(y - 4), SVGText.number(y + 4))
        return ##"<path d="M\##(left),\##(up)L\##(right),\##(down)M\##(left),\##(down)L\##(right),\##(up)" stroke="\##(colour)" stroke-width="2"\##(clip)/>"##
    }

    /// The y axis's ticks over `values` (already on the axis's scale): round numbers, or on a
    /// log scale every power of ten; a limit the chart sets is the axis's end exactly. A limit
    /// beyond every value (ymin= above them all) gives an empty axis that starts at the limit,
    /// as long as the values span, rather than an axis that ends before it begins.
    private static func yAxis(_ values: [Double], axes: LineChart.Axes, scaled: (Double) -> Double) -> (values: [Double], low: Double, high: Double) {
        var low = axes.yMinimum.map(scaled) ?? values.min() ?? 0, high = axes.yMaximum.map(scaled) ?? values.max() ?? 1
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if !(low < high), axes.yMinimum != nil || axes.yMaximum != nil {
            let valuesSpan = (values.max() ?? 0) - (values.min() ?? 0)
            let span = valuesSpan > 0 && valuesSpan.isFinite ? valuesSpan : max(abs(axes.yMaximum == nil ? low : high) * 0.1, 1)
            if axes.yMaximum == nil { high = low + span } else if axes.yMinimum == nil { low = high - span } else { (low, high) = (min(low, high), max(low, high) + span) }
        }
        var ticks: (values: [Double], low: Double, high: Double)
        ticks = axes.logScale ? decades(low: low, high: high) : AxisTicks.ticks(low: low, high: high)
        if axes.yMinimum != nil { ticks.low = low }
        if axes.yMaximum != nil { ticks.high = high }
        ticks.values = ticks.values.filter { $0 >= ticks.low - 1e-9 && $0 <= ticks.high + 1e-9 }
        return ticks
    }
}
