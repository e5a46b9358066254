// A filled contour map: bands of colour for a value over two variables, the lines between the
// bands, and paths walked across it, with a legend and a colour scale.

import Foundation
import NNBook

/// Draws a `ContourMap`.
///
/// The bands are the value's tenths by area (levels at the grid's deciles), so a surface that
/// is steep at its rim and flat at its floor still shows its floor; the colour scale beside
/// the picture gives each band's range. Between grid points the surface is taken as linear on
/// the two triangles of each square, so the bands' edges and the white lines between them (one
/// path per level) meet exactly.
enum ContourSVG {
    static let bands = 10
    /// Viridis at ten steps, lightened towards white so that the paths drawn on top stay clear.
    static let colours = [
        "#a796b4", "#a3a1c4", "#94b0c9", "#89bdc9", "#86c9c4", "#8fd4b8", "#a8dea5", "#c6e68f", "#e4ec83", "#f9f08a",
    ]

    static func render(_ map: ContourMap) -> String {
        let columns = map.xs.count, rows = map.ys.count
        let drawable = columns > 1 && rows > 1 && map.values.count == rows && map.values.allSatisfy { $0.count == columns }
        // The y ticks' labels come first: the widest widens the left margin, clear of the axis title.
        let yLow = drawable ? map.ys[0] : 0, yHigh = drawable ? map.ys[rows - 1] : 1
        let yTicks = AxisTicks.ticks(low: yLow, high: yHigh).values.filter { $0 >= yLow && $0 <= yHigh }
        let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
        let yLabels = yTicks.map { AxisTicks.label($0, step: yStep) }
        let left = AxisTicks.leftMargin(yLabels), top = 40.0, plotSize = 400.0, legendX = left + plotSize + 20
        let width = legendX + Legend.columnWidth(map.paths.map(\.name), nameOffset: 26, minimum: 156)
        // Below the paths' names come the start and end markers and the colour scale.
        let height = max(500, top + 20 * Double(map.paths.count) + 66 + Double(bands) * 16 + 16)
        guard drawable else { return SVGText.document(width: width, height: height, title: map.title, body: []) }
        let xLow = map.xs[0], xHigh = map.xs[columns - 1]
        let x = { (value: Double) in left + (value - xLow) / (xHigh - xLow) * plotSize }
        let y = { (value: Double) in top + plotSize - (value - yLow) / (yHigh - yLow) * plotSize }
        let levels = ContourSVG.levels(map.values.joined().filter(\.isFinite))

        var body: [String] = [SVGText.heading(map.title, centre: left + plotSize / 2, pictureWidth: width)]
        // The lowest band under everything, then each level's region above it, painted in order.
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(plotSize))" height="\##(SVGText.number(plotSize))" fill="\##(colours[0])"/>"##)
        for (index, level) in levels.enumerated() {
            let region = regionAbove(map, level: level, x: x, y: y)
            if !region.isEmpty { body.append(##"<path d="\##(region)" fill="\##(colours[index + 1])"/>"##) }
        }
        for level in levels {
            let segments = isoline(map, level: level).map { a, b in
                "M\(SVGText.number(x(a.x))),\(SVGText.number(y(a.y)))L\(SVGText.number(x(b.x))),\(SVGText.number(y(b.y)))"
            }
            if !segments.isEmpty {
                body.append(##"<path d="\##(segments.joined())" fill="none" stroke="#ffffff" stroke-opacity="0.8" stroke-width="0.8"/>"##)
            }
        }
        let xTicks = AxisTicks.ticks(low: xLow, high: xHigh).values.filter { $0 >= xLow && $0 <= xHigh }
        let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
        for value in xTicks {
            let position = SVGText.number(x(value))
            body.append(##"<line x1="\##(position)" y1="\##(SVGText.number(top + plotSize))" x2="\##(position)" y2="\##(SVGText.number(top + plotSize + 5))" stroke="#444444"/>"##)
            body.append(SVGText.text(AxisTicks.label(value, step: xStep), x: x(value), y: top + plotSize + 18, anchor: "middle", fill: "#444444"))
        }
        for (value, label) in zip(yTicks, yLabels) {
            let position = SVGText.number(y(value))
            body.append(##"<line x1="\##(SVGText.number(left - 5))" y1="\##(position)" x2="\##(SVGText.number(left))" y2="\##(position)" stroke="#444444"/>"##)
            body.append(SVGText.text(label, x: left - 8, y: y(value) + 4, anchor: "end", fill: "#444444"))
        }
        body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(top))" width="\##(SVGText.number(plotSize))" height="\##(SVGText.number(plotSize))" fill="none" stroke="#444444"/>"##)
        body.append(SVGText.text(map.xLabel, x: left + plotSize / 2, y: top + plotSize + 40, anchor: "middle"))
        body.append(SVGText.text(map.yLabel, x: 16, y: top + plotSize / 2, anchor: "middle", rotate: true))

        for (index, path) in map.paths.enumerated() {
            let colour = LineChartSVG.palette[index % LineChartSVG.palette.count]
            // Paths that run together (batch and mini-batch descent) stay visible: each is
            // drawn narrower than the one before it.
            let width = SVGText.number(2 + 1.5 * Double(map.paths.count - 1 - index))
            let visible = path.points.filter { $0.x.isFinite && $0.y.isFinite }
            if visible.count > 1 {
                let points = ContourSVG.thinned(visible.map { (x($0.x), y($0.y)) }).map { "\(SVGText.number($0.0)),\(SVGText.number($0.1))" }.joined(separator: " ")
                body.append(##"<polyline points="\##(points)" fill="none" stroke="\##(colour)" stroke-width="\##(width)" stroke-linejoin="round"/>"##)
            }
            if let first = visible.first, let last = visible.last {
                body.append(##"<circle cx="\##(SVGText.number(x(first.x)))" cy="\##(SVGText.number(y(first.y)))" r="4" fill="#ffffff" stroke="\##(colour)" stroke-width="2"/>"##)
                body.append(##"<circle cx="\##(SVGText.number(x(last.x)))" cy="\##(SVGText.number(y(last.y)))" r="4" fill="\##(colour)"/>"##)
            }
            let legendY = top + 10 + Double(index) * 20
            body.append(##"<line x1="\##(SVGText.number(legendX))" y1="\##(SVGText.number(legendY))" x2="\##(SVGText.number(legendX + 20))" y2="\##(SVGText.number(legendY))" stroke="\##(colour)" stroke-width="\##(width)"/>"##)
            body.append(Legend.name(path.name, x: legendX + 26, y: legendY + 4))
        }
        let markersY = top + 10 + Double(map.paths.count) * 20 + 6
        body.append(##"<circle cx="\##(SVGText.number(legendX + 10))" cy="\##(SVGText.number(markersY))" r="4" fill="#ffffff" stroke="#444444" stroke-width="2"/>"##)
        body.append(SVGText.text("start", x: legendX + 26, y: markersY + 4, fill: "#444444"))
        body.append(##"<circle cx="\##(SVGText.number(legendX + 10))" cy="\##(SVGText.number(markersY + 20))" r="4" fill="#444444"/>"##)
        body.append(SVGText.text("end", x: legendX + 26, y: markersY + 24, fill: "#444444"))

        let scaleTop = markersY + 50, boxHeight = 16.0
        body.append(SVGText.text(map.valueLabel, x: legendX, y: scaleTop - 8, weight: "bold"))
        let bounds = [map.values.joined().filter(\.isFinite).min() ?? 0] + levels + [map.values.joined().filter(\.isFinite).max() ?? 0]
        for index in 0..<bands {
            let boxY = scaleTop + Double(bands - 1 - index) * boxHeight
            body.append(##"<rect x="\##(SVGText.number(legendX))" y="\##(SVGText.number(boxY))" width="20" height="\##(SVGText.number(boxHeight))" fill="\##(colours[index])"/>"##)
            if index < bounds.count - 1 {
                body.append(SVGText.text("\(ContourSVG.label(bounds[index]))–\(ContourSVG.label(bounds[index + 1]))", x: legendX + 26, y: boxY + 12, size: 11, fill: "#444444"))
            }
        }
        return SVGText.document(width: width, height: height, title: map.title, body: body)
    }

    /// The points of a path in picture coordinates without those less than a pixel from the
    /// point drawn before them (the last is always kept): thousands of epochs of small steps
    /// draw the same line with far fewer bytes.
    static func thinned(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard var kept = points.first.map({ [$0] }) else { return [] }
        for (index, point) in points.enumerated().dropFirst() {
            let last = kept[kept.count - 1]
            let far = (point.0 - last.0) * (point.0 - last.0) + (point.1 - last.1) * (point.1 - last.1) >= 1
            if far || index == points.count - 1 { kept.append(point) }
        }
        return kept
    }

    /// Where the surface is at least `level`, as one SVG path: the grid's squares wholly above
    /// it (a run of them along a row as one rectangle) and, in squares the level crosses, the
    /// part of each of their two triangles above it. Pieces of one region share one path, so
    /// no seam shows between them; regions of higher levels are painted over lower ones.
    static func regionAbove(_ map: ContourMap, level: Double, x: (Double) -> Double, y: (Double) -> Double) -> String {
        var path = ""
        for row in 0..<(map.ys.count - 1) {
            var runStart: Int?
            let (bottom, top) = (SVGText.number(y(map.ys[row])), SVGText.number(y(map.ys[row + 1])))
            for column in 0...(map.xs.count - 1) {
                let square = column < map.xs.count - 1 ? corners(map, column: column, row: row) : nil
                // A square with a value that is not a number counts as above every level.
                if let square, !(square.0.v < level), !(square.1.v < level), !(square.2.v < level), !(square.3.v < level) {
                    if runStart == nil { runStart = column }
                    continue
                }
                if let start = runStart {
                    let (x0, x1) = (SVGText.number(x(map.xs[start])), SVGText.number(x(map.xs[column])))
                    path += "M\(x0),\(top)H\(x1)V\(bottom)H\(x0)Z"
                    runStart = nil
                }
                guard let square else { continue }
                // Most squares lie wholly below the level: their triangles are not built.
                for triangle in [(square.0, square.1, square.2), (square.0, square.2, square.3)]
                where triangle.0.v >= level || triangle.1.v >= level || triangle.2.v >= level {
                    let piece = clip([triangle.0, triangle.1, triangle.2], keepingAbove: level)
                    guard piece.count >= 3 else { continue }
                    path += "M"
                    for (index, vertex) in piece.enumerated() {
                        path += (index == 0 ? "" : "L") + SVGText.number(x(vertex.x)) + "," + SVGText.number(y(vertex.y))
                    }
                    path += "Z"
                }
            }
        }
        return path
    }

    typealias Vertex = (x: Double, y: Double, v: Double)

    /// The corners of the square whose lower left corner is grid point (column, row), each with
    /// its value, counterclockwise from there; its two triangles are (0, 1, 2) and (0, 2, 3),
    /// split along the same diagonal everywhere.
    static func corners(_ map: ContourMap, column: Int, row: Int) -> (Vertex, Vertex, Vertex, Vertex) {
        let (low, high) = (map.values[row], map.values[row + 1])
        return (
            (map.xs[column], map.ys[row], low[column]), (map.xs[column + 1], map.ys[row], low[column + 1]),
            (map.xs[column + 1], map.ys[row + 1], high[column + 1]), (map.xs[column], map.ys[row + 1], high[column])
        )
    }

    /// The part of a convex polygon where the linearly interpolated value is at least `level`
    /// (Sutherland–Hodgman against one half-plane).
    static func clip(_ polygon: [Vertex], keepingAbove level: Double) -> [Vertex] {
        var result: [Vertex] = []
        for (index, current) in polygon.enumerated() {
            let next = polygon[(index + 1) % polygon.count]
            if current.v >= level { result.append(current) }
            if (current.v >= level) != (next.v >= level) {
                let t = (level - current.v) / (next.v - current.v)
                result.append((current.x + t * (next.x - current.x), current.y + t * (next.y - current.y), level))
            }
        }
        return result
    }

    /// The nine values between ten bands of equal area: the grid's deciles.
    static func levels(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return [] }
        return (1..<bands).map { sorted[$0 * (sorted.count - 1) / bands] }
    }

    /// The segments where the surface crosses `level`: on each of the two triangles of every
    /// square, where the value is linear, the level is crossed along one straight segment
    /// between the two edges whose ends lie on either side of it.
    static func isoline(_ map: ContourMap, level: Double) -> [(a: LineChart.Point, b: LineChart.Point)] {
        var segments: [(a: LineChart.Point, b: LineChart.Point)] = []
        for row in 0..<(map.ys.count - 1) {
            for column in 0..<(map.xs.count - 1) {
                let square = corners(map, column: column, row: row)
                guard square.0.v.isFinite, square.1.v.isFinite, square.2.v.isFinite, square.3.v.isFinite else { continue }
                for (a, b, c) in [(square.0, square.1, square.2), (square.0, square.2, square.3)] {
                    // A level crosses none or two of a triangle's edges, found in this order.
                    let crossings = [crossing(a, b, level), crossing(b, c, level), crossing(c, a, level)].compactMap { $0 }
                    if crossings.count == 2 { segments.append((crossings[0], crossings[1])) }
                }
            }
        }
        return segments
    }

    /// Where the edge from `p` to `q` crosses `level`, if its ends lie on either side of it.
    private static func crossing(_ p: Vertex, _ q: Vertex, _ level: Double) -> LineChart.Point? {
        guard (p.v < level) != (q.v < level) else { return nil }
        let t = (level - p.v) / (q.v - p.v)
        return LineChart.Point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y))
    }

    /// A band's bound, short: three significant digits.
    static func label(_ value: Double) -> String {
        String(format: "%.3g", value)
    }
}
