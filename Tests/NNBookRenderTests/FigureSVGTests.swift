// Figures drawn as SVG, compared with golden files: the same figure gives the same bytes.

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class FigureSVGTests: XCTestCase {
    private func assertGolden(_ svg: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).svg")
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" {
            try svg.write(to: golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(svg, try String(contentsOf: golden, encoding: .utf8), file: file, line: line)
    }

    func testLineChartWithTwoSeriesAndALegend() throws {
        let chart = LineChart(title: "loss per epoch", xLabel: "epoch", yLabel: "loss", series: [
            .init(name: "batch", points: [.init(x: 1, y: 0.9), .init(x: 2, y: 0.6), .init(x: 3, y: 0.45)]),
            .init(name: "stochastic", points: [.init(x: 1, y: 0.7), .init(x: 2, y: 0.4), .init(x: 3, y: 0.42)]),
        ])
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        try assertGolden(svg, "line-chart")
        XCTAssertTrue(svg.contains("<polyline"))
        XCTAssertTrue(svg.contains(">stochastic</text>"))
    }

    /// `labels=[…]` a teacher writes are read whole: the legend column grows to the longest
    /// name, and a name past the cap ends in an ellipsis with its whole text as the tooltip.
    func testTheLegendGrowsToItsLongestNameAndShortensAnAbsurdOne() throws {
        let points: [LineChart.Point] = [.init(x: 1, y: 0.9), .init(x: 2, y: 0.5)]
        let absurd = String(repeating: "a very long name ", count: 6) + "end"
        let chart = LineChart(title: "loss per epoch", xLabel: "epoch", yLabel: "loss", series: [
            .init(name: "learning rate 0.001 (slow)", points: points),
            .init(name: absurd, points: points.map { .init(x: $0.x, y: $0.y / 2) }),
        ])
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        try assertGolden(svg, "legend-long-labels")
        let width = try XCTUnwrap(Double(svg.components(separatedBy: #"width=""#)[1].prefix { $0 != "\"" }))
        let legendX = 64.0 + 426 + 40
        XCTAssertGreaterThanOrEqual(width, legendX + TextWidth.estimate("learning rate 0.001 (slow)", size: 12), "the whole label fits")
        XCTAssertLessThanOrEqual(width, legendX + Legend.maximumNameWidth + Legend.rightMargin, "the picture stays within a page")
        XCTAssertTrue(svg.contains(">learning rate 0.001 (slow)</text>"))
        XCTAssertTrue(svg.contains("<title>\(absurd)</title>a very long name"), "the whole name is the tooltip")
        let shown = try XCTUnwrap(svg.components(separatedBy: "<title>\(absurd)</title>").last?.components(separatedBy: "</text>").first)
        XCTAssertTrue(shown.hasSuffix("…"), shown)
        XCTAssertLessThanOrEqual(TextWidth.estimate(shown, size: 12), Legend.maximumNameWidth)
    }

    /// A sweep's failed runs are crosses the line does not join: at the value one recorded
    /// before it stopped, on the x axis for one that recorded none; the legend says what a
    /// cross is, even beside a single line.
    func testFailedRunsOfASweepAreCrossesWithALegendEntry() throws {
        let chart = LineChart(title: "test/accuracy against rate", xLabel: "rate", yLabel: "test/accuracy", series: [
            .init(name: "test/accuracy", points: [.init(x: 0.1, y: 0.7), .init(x: 0.5, y: 0.9)], failures: [.init(x: 1, y: 0.45), .init(x: 5, y: nil)]),
        ])
        let svg = FigureSVG.render(Figure(name: "accuracy", caption: "accuracy", kind: .lines(chart)))
        try assertGolden(svg, "sweep-failed-runs")
        let crosses = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<path d=") }
        XCTAssertEqual(crosses.count, 3, "two failed runs and the legend's cross")
        XCTAssertTrue(svg.contains(">failed run</text>"))
        let line = try XCTUnwrap(svg.components(separatedBy: "\n").first { $0.hasPrefix("<polyline") })
        XCTAssertEqual(line.components(separatedBy: ",").count - 1, 2, "the line joins only the two runs that succeeded")
        XCTAssertEqual(crosses.filter { $0.contains(",304L") }.count, 1, "only the run without a value is on the x axis (y 308): \(crosses)")
    }

    /// Wide tick labels (a log axis up to a million) widen the left margin, so that none runs
    /// into the rotated axis title at x = 16.
    func testWideTickLabelsClearTheAxisTitle() throws {
        let chart = LineChart(title: "loss per epoch", xLabel: "epoch", yLabel: "loss (price_k's units squared, log scale)", series: [
            .init(name: "pricer", points: [.init(x: 1, y: 900_000), .init(x: 2, y: 3000), .init(x: 3, y: 40)]),
        ], axes: LineChart.Axes(logScale: true, wholeNumberX: true))
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        try assertGolden(svg, "log-chart-wide-ticks")
        let tick = try XCTUnwrap(svg.components(separatedBy: "\n").first { $0.hasSuffix(">1000000</text>") })
        let end = try XCTUnwrap(Double(tick.components(separatedBy: #"x=""#)[1].prefix { $0 != "\"" }))
        XCTAssertGreaterThanOrEqual(end - TextWidth.estimate("1000000", size: 12), 24, "the label starts clear of the title: \(tick)")
    }

    /// Where the validation data changed, an upright dashed rule stands between the two epochs,
    /// across the whole plot, and the legend names the new data with the same dashes.
    func testARuleMarksAChangeOfValidationData() throws {
        let chart = LineChart(title: "loss per epoch", xLabel: "epoch", yLabel: "loss", series: [
            .init(name: "m (training)", points: (1...6).map { .init(x: Double($0), y: 1 / Double($0)) }),
            .init(name: "m (validation)", points: [.init(x: 1, y: 1.1), .init(x: 2, y: 0.7), .init(x: 3, y: .nan), .init(x: 5, y: 0.9), .init(x: 6, y: 0.8)], dashed: true),
        ], axes: LineChart.Axes(wholeNumberX: true), rules: [.init(x: 4.5, name: "validated on the last 30% of birds")])
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        try assertGolden(svg, "validation-change-rule")
        let rules = svg.components(separatedBy: "\n").filter { $0.contains(#"stroke-dasharray="3 3""#) }
        XCTAssertEqual(rules.count, 2, "the rule and its legend key")
        XCTAssertTrue(rules[0].contains(#"y1="40""#) && rules[0].contains(#"y2="308""#), "across the plot: \(rules[0])")
        XCTAssertTrue(svg.contains(">validated on the last 30% of birds</text>"))
    }

    /// A point that is not a number breaks the line in two (matplotlib's gap), rather than
    /// joining the values either side of it.
    func testAPointThatIsNotANumberBreaksTheLine() {
        let chart = LineChart(title: "val_loss per epoch", xLabel: "epoch", yLabel: "val_loss", series: [
            .init(name: "m", points: [.init(x: 1, y: 0.9), .init(x: 2, y: 0.7), .init(x: 3, y: .nan), .init(x: 5, y: 0.5), .init(x: 6, y: 0.4), .init(x: 7, y: .nan), .init(x: 8, y: 0.3)]),
        ])
        let svg = FigureSVG.render(Figure(name: "l", caption: "l", kind: .lines(chart)))
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 1, "the lone last point is a dot")
    }

    /// Captions longer than an image (Fashion-MNIST's names, or a teacher's sentence for one)
    /// widen the cells, with fewer images a row, so that no caption runs into its neighbour or
    /// off the picture; an absurd one ends in an ellipsis.
    func testLongImageCaptionsNeverOverlap() throws {
        let names = ["top", "trousers for very long legs indeed", "pullover", "dress", "ankle boot of the kind worn in winter by people who walk a lot", "coat"]
        let tiles = names.enumerated().map { index, name in
            ImageGrid.Tile(width: 2, height: 2, pixels: [0, 1, 0.5, 0.2], captionLines: ["#\(index): label \(name)", "predicted coat"])
        }
        let svg = FigureSVG.render(Figure(name: "i", caption: "i", kind: .images(ImageGrid(tiles: tiles))))
        try assertGolden(svg, "image-grid-long-captions")
        let width = try XCTUnwrap(Double(svg.components(separatedBy: #"width=""#)[1].prefix { $0 != "\"" }))
        XCTAssertLessThanOrEqual(width, ImageGridSVG.pageWidth)
        let captions = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<text") }
        // Captions on one line of text: each one's estimated extent ends before the next begins.
        var rows: [String: [(low: Double, high: Double)]] = [:]
        for caption in captions {
            let x = try XCTUnwrap(Double(caption.components(separatedBy: #" x=""#)[1].prefix { $0 != "\"" }))
            let y = String(caption.components(separatedBy: #" y=""#)[1].prefix { $0 != "\"" })
            let text = String(caption.components(separatedBy: ">").dropFirst().joined(separator: ">").dropLast("</text>".count))
            let shown = text.contains("</title>") ? String(text.components(separatedBy: "</title>")[1]) : text
            let half = TextWidth.estimate(shown, size: 15) / 2
            XCTAssertGreaterThanOrEqual(x - half, 0, caption)
            XCTAssertLessThanOrEqual(x + half, width, caption)
            rows[y, default: []].append((x - half, x + half))
        }
        for extents in rows.values {
            for (a, b) in zip(extents, extents.dropFirst()) { XCTAssertLessThan(a.high, b.low, "\(extents)") }
        }
        XCTAssertTrue(svg.contains("<title>#4: label ankle boot of the kind worn in winter by people who walk a lot</title>"))
    }

    /// A class named by a sentence is shortened in the confusion matrix's margins, its whole
    /// name the tooltip, so the matrix stays on the page.
    func testConfusionHeatmapShortensAnAbsurdClassName() {
        let long = "ankle boot of the kind worn in winter by people who walk a lot"
        let map = Heatmap(title: "confusion matrix", rowLabel: "true class", columnLabel: "predicted class", labels: ["coat", long], counts: [[3, 1], [0, 4]])
        let svg = FigureSVG.render(Figure(name: "c", caption: "c", kind: .heatmap(map)))
        let width = Double(svg.components(separatedBy: #"width=""#)[1].prefix { $0 != "\"" }) ?? 0
        XCTAssertLessThanOrEqual(width, 84 + HeatmapSVG.maximumLabelWidth + 2 * 36 + 24)
        XCTAssertEqual(svg.components(separatedBy: "<title>\(long)</title>").count - 1, 2, "row and column label")
    }

    /// A single sample, samples all alike, and values that are not numbers draw a picture with
    /// finite coordinates and readable ticks, never a crash or "nan" in the SVG.
    func testScatterAndRegionsWithExtremeValues() {
        let cases: [[LineChart.Point]] = [
            [.init(x: 3, y: 3)], [.init(x: 2, y: 2), .init(x: 2, y: 2)], [.init(x: .nan, y: 1), .init(x: 1, y: .infinity), .init(x: 2, y: 2.5)], [],
            [.init(x: -3e38, y: 3e38), .init(x: 3e38, y: -3e38)],
        ]
        for points in cases {
            let plot = ScatterPlot(title: "s", xLabel: "actual y", yLabel: "predicted y", series: [.init(name: "d", points: points)])
            let svg = FigureSVG.render(Figure(name: "s", caption: "s", kind: .scatter(plot)))
            XCTAssertFalse(svg.lowercased().contains("nan") || svg.contains("inf"), "\(points): \(svg)")
            XCTAssertTrue(svg.contains("<text"), "\(points)")
        }
        let regions = DecisionRegions(
            title: "decision regions of m", xLabel: "x", yLabel: "y", classNames: ["off", "on"], xRange: -1...1, yRange: 4...6, size: 2,
            classes: [0, 0, 1, 1], samples: [.init(x: 0, y: 5, classNumber: 0)])
        let svg = FigureSVG.render(Figure(name: "b", caption: "b", kind: .regions(regions)))
        XCTAssertFalse(svg.lowercased().contains("nan") || svg.contains("inf"), svg)
    }

    /// The estimate follows Helvetica's widths: an i is narrower than an m, and a word of
    /// capitals wider than the same in small letters; wide scripts take a full square.
    func testTextWidthFollowsTheFontsCharacterWidths() {
        XCTAssertLessThan(TextWidth.estimate("iiii", size: 12), TextWidth.estimate("mmmm", size: 12))
        XCTAssertLessThan(TextWidth.estimate("coat", size: 12), TextWidth.estimate("COAT", size: 12))
        XCTAssertEqual(TextWidth.estimate("猫", size: 10), 11, accuracy: 1e-9, "a square, with the margin for a wider font")
        XCTAssertEqual(TextWidth.fitted("short", size: 12, width: 100), "short")
        XCTAssertEqual(TextWidth.fitted("a b c d e f g h", size: 12, width: 45), "a b c…", "cut after a whole character, no space before the ellipsis")
    }

    /// An axis label's units, in parentheses at its end, are kept whole and the words before
    /// them cut (the units of a sweep's picture were what its axis lost); units too wide for the
    /// room alone are cut as any text is.
    func testAFittedLabelKeepsItsUnits() {
        let label = "train/evaluate#3/net/homes.test/loss (price's units squared)"
        let units = " (price's units squared)"
        let fitted = TextWidth.fitted(label, size: 12, width: 300)
        XCTAssertTrue(fitted.hasPrefix("train/evaluate#3/") && fitted.hasSuffix("…" + units), fitted)
        XCTAssertLessThanOrEqual(TextWidth.estimate(fitted, size: 12), 300)
        XCTAssertEqual(TextWidth.fitted("loss (a (nested) unit)", size: 12, width: TextWidth.estimate("l… (a (nested) unit)", size: 12) + 0.01), "l… (a (nested) unit)")
        let narrow = TextWidth.fitted(label, size: 12, width: 60)
        XCTAssertTrue(narrow.hasPrefix("train/") && narrow.hasSuffix("…") && !narrow.contains("("), narrow)
    }

    /// Any range gives a bounded number of ticks: turned round, empty, not finite or immense.
    func testAxisTicksAreFewWhateverTheRange() {
        for (low, high) in [(2.0, 1.0), (1.0, 1.0), (-.infinity, 0), (.nan, 1), (0, 1e300), (1e20, 1e20 + 1e-12), (-1e30, 1e30)] {
            let ticks = AxisTicks.ticks(low: low, high: high)
            XCTAssertTrue((1...AxisTicks.maximumCount).contains(ticks.values.count), "\(low)…\(high): \(ticks.values.count) ticks")
            XCTAssertLessThan(ticks.low, ticks.high, "\(low)…\(high)")
        }
    }

    /// A curve from 0 to 1e-40 is ticked within its range, and huge or tiny ticks read in
    /// scientific notation, not as 31-digit integers or 41 decimals.
    func testTinyAndHugeRangesAreTickedReadably() {
        let tiny = AxisTicks.ticks(low: 0, high: 1e-40)
        XCTAssertEqual(tiny.high, 1e-40, accuracy: 1e-52)
        XCTAssertTrue((3...11).contains(tiny.values.count), "\(tiny.values)")
        let label = AxisTicks.label(tiny.values[1], step: tiny.values[1] - tiny.values[0])
        XCTAssertTrue(label.hasSuffix("e-41") && label.count <= 6, label)
        let symmetric = AxisTicks.ticks(low: -1e-45, high: 1e-45)
        let tinyStep = symmetric.values[1] - symmetric.values[0]
        XCTAssertEqual(symmetric.values.map { AxisTicks.label($0, step: tinyStep) }, ["-1e-45", "-5e-46", "0", "5e-46", "1e-45"], "0 is not 46 zeros")
        let huge = AxisTicks.ticks(low: -1e30, high: 1e30)
        let step = huge.values[1] - huge.values[0]
        XCTAssertEqual(huge.values.map { AxisTicks.label($0, step: step) }, ["-1e30", "-5e29", "0", "5e29", "1e30"])
        XCTAssertEqual(AxisTicks.label(1_000_000, step: 1_000_000), "1000000", "seven digits stay plain")
        XCTAssertEqual(AxisTicks.label(0.25, step: 0.05), "0.25")
    }

    /// ymin= above every value, or ymax= below, leaves an empty axis that begins at the limit.
    func testALimitBeyondEveryValueDrawsAnEmptyAxis() {
        let points: [LineChart.Point] = [.init(x: 1, y: 0.6), .init(x: 2, y: 0.8)]
        for axes in [LineChart.Axes(yMinimum: 2), LineChart.Axes(yMaximum: -1), LineChart.Axes(logScale: true, yMinimum: 1e40)] {
            let chart = LineChart(title: "accuracy per epoch", xLabel: "epoch", yLabel: "accuracy", series: [.init(name: "m", points: points)], axes: axes)
            let svg = FigureSVG.render(Figure(name: "accuracy", caption: "accuracy", kind: .lines(chart)))
            XCTAssertFalse(svg.contains("nan") || svg.contains("NaN") || svg.contains("inf"), "\(axes): \(svg)")
        }
    }

    /// Keras' tutorials draw validation dashed, in its training curve's colour.
    func testValidationCurveIsDashedInItsTrainingColour() throws {
        let chart = LineChart(title: "accuracy per epoch", xLabel: "epoch", yLabel: "accuracy", series: [
            .init(name: "big (training)", points: [.init(x: 1, y: 0.6), .init(x: 2, y: 0.8), .init(x: 3, y: 0.95)]),
            .init(name: "big (validation)", points: [.init(x: 1, y: 0.58), .init(x: 2, y: 0.7), .init(x: 3, y: 0.69)], dashed: true),
            .init(name: "small (training)", points: [.init(x: 1, y: 0.5), .init(x: 2, y: 0.7), .init(x: 3, y: 0.8)]),
        ])
        let svg = FigureSVG.render(Figure(name: "accuracy", caption: "accuracy", kind: .lines(chart)))
        try assertGolden(svg, "validation-chart")
        let lines = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<polyline") }
        XCTAssertEqual(lines.map { $0.contains("stroke-dasharray") }, [false, true, false])
        XCTAssertEqual(lines.map { $0.contains(LineChartSVG.palette[0]) }, [true, true, false])
    }

    /// A diverging rate flattens the others on a linear axis; a log axis with powers of ten,
    /// a top limit that cuts the line at the edge, and whole-number epochs on a short run.
    func testLogScaleWithALimitAndWholeNumberEpochs() throws {
        let chart = LineChart(title: "loss per epoch", xLabel: "epoch", yLabel: "loss (log scale)", series: [
            .init(name: "0.01", points: [.init(x: 1, y: 0.9), .init(x: 2, y: 0.5), .init(x: 3, y: 0.2)]),
            .init(name: "10", points: [.init(x: 1, y: 3), .init(x: 2, y: 400), .init(x: 3, y: 90000)]),
        ], axes: LineChart.Axes(logScale: true, yMaximum: 1000, wholeNumberX: true))
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        try assertGolden(svg, "log-chart")
        for label in [">0.1</text>", ">1</text>", ">10</text>", ">1000</text>", ">2</text>"] { XCTAssertTrue(svg.contains(label), label) }
        XCTAssertFalse(svg.contains(">1.5</text>"), "epochs have no halves")
        XCTAssertTrue(svg.contains("clip-path="))
    }

    func testConfusionHeatmap() throws {
        let map = Heatmap(title: "confusion matrix", rowLabel: "true class", columnLabel: "predicted class", labels: ["0", "1"], counts: [[8, 2], [1, 9]])
        try assertGolden(FigureSVG.render(Figure(name: "c", caption: "c", kind: .heatmap(map))), "heatmap")
    }

    /// Fashion-MNIST's names are wider than a cell: the margins grow and column labels stand upright.
    func testConfusionHeatmapWithClassNames() throws {
        let map = Heatmap(title: "confusion matrix", rowLabel: "true class", columnLabel: "predicted class", labels: ["T-shirt/top", "Trouser", "Ankle boot"], counts: [[8, 2, 0], [1, 9, 0], [0, 1, 9]])
        let svg = FigureSVG.render(Figure(name: "c", caption: "c", kind: .heatmap(map)))
        try assertGolden(svg, "heatmap-names")
        XCTAssertTrue(svg.contains(#"transform="rotate(-90"#))
    }

    /// XOR's picture: each predicted class a pale tint, runs of one class one rectangle, the
    /// samples on top in their true class's colour.
    func testDecisionRegionsWithSamplesOnTop() throws {
        let regions = DecisionRegions(
            title: "decision regions of hidden", xLabel: "x1", yLabel: "x2", classNames: ["off", "on"], xRange: -0.1...1.1, yRange: -0.1...1.1,
            size: 3, classes: [0, 1, 1, 1, 1, 1, 1, 1, 0],
            samples: [.init(x: 0, y: 0, classNumber: 0), .init(x: 1, y: 0, classNumber: 1)])
        let svg = FigureSVG.render(Figure(name: "boundary", caption: "b", kind: .regions(regions)))
        try assertGolden(svg, "decision-regions")
        XCTAssertEqual(svg.components(separatedBy: "<rect x=").count - 1, 5 + 1 + 2, "5 runs of cells, the frame, 2 legend keys")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 2)
    }

    /// Each image is one element (a PNG nnbook writes itself), so no seams show between its
    /// pixels; six images make two rows of five; a wrong prediction's line is red.
    func testImageGridDrawsEachImageAsOneElementInRowsOfFive() throws {
        let tiles = (0..<6).map { index in
            ImageGrid.Tile(
                width: 3, height: 2, pixels: [0, 0.5, 1, 1, 0.5, Float(index) / 10], captionLines: ["#\(index): label Coat", "predicted \(index == 1 ? "Shirt" : "Coat")"],
                mistaken: index == 1)
        }
        let svg = FigureSVG.render(Figure(name: "i", caption: "i", kind: .images(ImageGrid(tiles: tiles))))
        try assertGolden(svg, "image-grid")
        XCTAssertEqual(svg.components(separatedBy: "<image ").count - 1, 6)
        XCTAssertEqual(svg.components(separatedBy: "<rect").count - 1, 1, "only the card: no rectangle per pixel")
        XCTAssertEqual(svg.components(separatedBy: "#c62828").count - 1, 1, "one mistake in red")
        XCTAssertTrue(svg.contains(#"font-size="15">#0: label Coat</text>"#))
        let images = svg.components(separatedBy: "\n").filter { $0.hasPrefix("<image ") }
        XCTAssertEqual(Set(images.map { $0.components(separatedBy: " y=")[1].prefix(6) }).count, 2, "two rows")
    }

    /// The PNG's checksums against published values, and its bytes for a 2 × 1 image: the
    /// signature, a greyscale header, one stored deflate block and the end.
    func testGreyscalePNGIsWrittenByTheBook() {
        XCTAssertEqual(GreyscalePNG.crc32(Array("IEND".utf8)), 0xAE42_6082)
        XCTAssertEqual(GreyscalePNG.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
        let png = GreyscalePNG.encode(width: 2, height: 1, levels: [0, 255])
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<29]), Array("IHDR".utf8) + [0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0])
        // IDAT: zlib header, a final stored block of 3 bytes (filter 0, then the two levels).
        XCTAssertEqual(Array(png[37..<51]), Array("IDAT".utf8) + [0x78, 0x01, 1, 3, 0, 0xFC, 0xFF, 0, 0, 255])
        XCTAssertEqual(Array(png.suffix(12)), [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    /// A regression's predictions against the truth: the axes share one range, so the dashed
    /// diagonal runs corner to corner; the legend names the target and the diagonal.
    func testScatterOfPredictedAgainstActualWithTheDiagonal() throws {
        let plot = ScatterPlot(title: "mini: predicted against actual price", xLabel: "actual price", yLabel: "predicted price", series: [
            .init(name: "price", points: [.init(x: 200, y: 210), .init(x: 300, y: 280), .init(x: 550, y: 500)]),
        ])
        let svg = FigureSVG.render(Figure(name: "scatter", caption: "s", kind: .scatter(plot)))
        try assertGolden(svg, "scatter")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3 + 1, "three samples and the legend's dot")
        XCTAssertTrue(svg.contains(##"<line x1="64" y1="440" x2="464" y2="40" stroke="#888888" stroke-width="1.5" stroke-dasharray="6 4"/>"##), "the diagonal")
        XCTAssertTrue(svg.contains(">actual price</text>") && svg.contains(">predicted price</text>"))
    }

    /// A bowl, loss = x² + 2y², on a 5 × 5 grid, with one path down its side.
    func testContourMapWithAPathAndAColourScale() throws {
        let xs = [-2.0, -1, 0, 1, 2], ys = [-1.0, -0.5, 0, 0.5, 1]
        let map = ContourMap(
            title: "loss over w1 and w2", xLabel: "w1", yLabel: "w2", valueLabel: "loss", xs: xs, ys: ys,
            values: ys.map { y in xs.map { x in x * x + 2 * y * y } },
            paths: [.init(name: "batch", points: [.init(x: -2, y: 1), .init(x: -1, y: 0.5), .init(x: -0.2, y: 0.1)])])
        let svg = FigureSVG.render(Figure(name: "landscape", caption: "landscape", kind: .contour(map)))
        try assertGolden(svg, "contour")
        XCTAssertTrue(svg.contains(">batch</text>"))
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count, 2, "one path")
    }

    /// A weight's ticks in fine steps (-10.875, -10.870, …) widen a landscape's left margin, so
    /// that none runs into the rotated axis title at x = 16, as a line chart's do.
    func testWideWeightTicksClearTheLandscapesAxisTitle() throws {
        let xs = [0.0, 1], ys = [-10.88, -10.865]
        let map = ContourMap(
            title: "loss over w1 and w2", xLabel: "w1", yLabel: "w2", valueLabel: "loss", xs: xs, ys: ys,
            values: ys.map { y in xs.map { x in x + y } }, paths: [])
        let svg = FigureSVG.render(Figure(name: "landscape", caption: "landscape", kind: .contour(map)))
        let tick = try XCTUnwrap(svg.components(separatedBy: "\n").first { $0.hasSuffix(">-10.875</text>") }, svg)
        let end = try XCTUnwrap(Double(tick.components(separatedBy: #"x=""#)[1].prefix { $0 != "\"" }))
        XCTAssertGreaterThanOrEqual(end - TextWidth.estimate("-10.875", size: 12), 24, "the label starts clear of the title: \(tick)")
    }

    /// On the plane v = x, the line v = 0.5 crosses both triangles of each square it meets,
    /// at x = 0.5 exactly.
    func testIsolinesCrossWhereTheSurfaceMeetsTheLevel() {
        let map = ContourMap(
            title: "", xLabel: "", yLabel: "", valueLabel: "", xs: [0, 1, 2], ys: [0, 1, 2],
            values: [[0, 1, 2], [0, 1, 2], [0, 1, 2]], paths: [])
        let segments = ContourSVG.isoline(map, level: 0.5)
        XCTAssertEqual(segments.count, 4)
        XCTAssertTrue(segments.allSatisfy { $0.a.x == 0.5 && $0.b.x == 0.5 })
    }

    func testTicksAreRoundNumbers() {
        let ticks = AxisTicks.ticks(low: 0.31, high: 0.97)
        XCTAssertEqual(ticks.values.map { AxisTicks.label($0, step: 0.2) }, ["0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(ticks.low, 0.2, accuracy: 1e-12)
        XCTAssertEqual(AxisTicks.ticks(low: 1, high: 1000).values, [0, 200, 400, 600, 800, 1000])
        let flat = AxisTicks.ticks(low: 5, high: 5)
        XCTAssertTrue(flat.low < 5 && flat.high > 5, "a flat series still gets a range around it")
        let small = AxisTicks.ticks(low: 0.0074, high: 0.0074)
        XCTAssertTrue(small.low == 0 && small.high > 0.0074, "one small loss is not drawn among negative ones: \(small)")
        XCTAssertTrue(AxisTicks.ticks(low: -0.2, high: -0.2).high == 0)
        XCTAssertEqual([-1e-17, -0.0, -0.04].map { AxisTicks.label($0, step: 0.2) }, ["0.0", "0.0", "0.0"])
        XCTAssertEqual(AxisTicks.label(-0.4, step: 0.2), "-0.4")
    }

    func testCoordinatesAreWrittenWithAtMostTwoDecimals() {
        XCTAssertEqual([0, 1, 1.5, 1.05, -0.004, -2.345, 123.456, 0.1].map(SVGText.number), ["0", "1", "1.5", "1.05", "0", "-2.35", "123.46", "0.1"])
    }

    func testTextIsEscaped() {
        XCTAssertEqual(HTMLText.escape("a < b & \"c\" 'd'"), "a &lt; b &amp; &quot;c&quot; &#39;d&#39;")
    }
}
