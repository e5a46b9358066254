// The sweep page's runs table: which value of a column is marked the best.

import NNBook
@testable import NNBookRender
import Foundation
import XCTest

final class SweepPageRendererTests: XCTestCase {
    private func report(_ rows: [(status: RunStatus, accuracy: Double)], rates: [String]? = nil) throws -> SweepReport {
        let frontMatter = FrontMatter(parameters: [
            ParameterDeclaration(name: "rate", type: .number, defaultValue: .number(0.5), range: SourceRange(line: 3, column: 3)),
        ])
        let values = (rates ?? (1...rows.count).map(String.init)).joined(separator: ",")
        let grid = try SweepGrid.parse([("rate", values)], frontMatter: frontMatter).get()
        let column = MetricColumn(cell: "test", metric: "accuracy")
        return SweepReport(
            title: "t", notebook: "t.nnbook", id: grid.id, grid: grid, fixed: [], columns: [column],
            rows: zip(grid.combinations, rows).enumerated().map { index, pair in
                SweepReport.Row(combination: pair.0, status: pair.1.status, run: String(index + 1), metrics: [column.name: pair.1.accuracy], failure: nil)
            },
            precision: 2)
    }

    private func table(_ rows: [(status: RunStatus, accuracy: Double)]) throws -> [String] {
        try SweepPageRenderer(assetsFolder: "t.sweep.assets").table(report(rows)).text.split(separator: "\n").dropFirst(2).map { String($0.split(separator: "|").last!).trimmingCharacters(in: .whitespaces) }
    }

    func testAFailedRunIsNeverTheBest() throws {
        XCTAssertEqual(try table([(.failed, 0.9), (.succeeded, 0.7), (.succeeded, 0.5)]), ["0.90", "**0.70**", "0.50"])
    }

    func testValuesThatRoundAlikeAreComparedAtFullPrecision() throws {
        XCTAssertEqual(try table([(.succeeded, 0.701), (.succeeded, 0.704), (.succeeded, 0.5)]), ["0.70", "**0.70**", "0.50"])
    }

    /// A figure the precision would round to 0 shows its first two digits, as `nnbook log`
    /// shows it: a sweep exists to compare such numbers (stochastic descent's tiny loss).
    func testSmallValuesKeepTheirDigitsAsLogShowsThem() throws {
        XCTAssertEqual(try table([(.succeeded, 1.7e-8), (.succeeded, 1.4e-12), (.succeeded, 0)]), ["**0.000000017**", "0.0000000000014", "0.00"])
    }

    /// With one succeeded run among failed ones nothing is the best, and the page does not say
    /// that bold values mark it.
    func testThePageSpeaksOfBoldValuesOnlyWhenItHasSome() throws {
        let renderer = SweepPageRenderer(assetsFolder: "t.sweep.assets")
        let unmarked = renderer.render(try report([(.failed, 0.9), (.succeeded, 0.7), (.failed, 0.5)])).markdown
        XCTAssertFalse(unmarked.contains("in bold"))
        XCTAssertTrue(unmarked.contains("| 0.50 |\n\nA metric is headed by"), "a blank line ends the table, or the notes read as its rows: \(unmarked)")
        XCTAssertTrue(renderer.render(try report([(.succeeded, 0.9), (.succeeded, 0.7)])).markdown.contains(
            "The best value of each column among the runs that succeeded is in bold"))
    }

    /// A failed run's message may come from another clone's history: a control sequence in it
    /// is written as its escape, as plugin text is, and never reaches the page as a byte.
    func testAFetchedRunsMessageReachesThePageEscaped() throws {
        let plain = try report([(.failed, 0.9), (.succeeded, 0.7)])
        let rows = plain.rows.map { row in
            SweepReport.Row(combination: row.combination, status: row.status, run: row.run, metrics: row.metrics, failure: row.status == .failed ? "failed \u{1B}[31mred\u{07}" : nil)
        }
        let report = SweepReport(title: "t", notebook: "t.nnbook", id: plain.id, grid: plain.grid, fixed: [], columns: plain.columns, rows: rows, precision: 2)
        let markdown = SweepPageRenderer(assetsFolder: "t.sweep.assets").render(report).markdown
        XCTAssertFalse(markdown.contains("\u{1B}") || markdown.contains("\u{07}"), markdown)
        XCTAssertTrue(markdown.contains("(run 1): failed \\u{1b}[31mred\\u{7}"), markdown)
    }

    /// Learning rates from 0.0003 to 0.1 span more than two decades: on a linear axis three of
    /// the four runs would sit in its first tenth. The axis is logarithmic (ticks at powers of
    /// ten, said in its label) and each run is a marker on the line, as Keras' tutorials draw
    /// a rate sweep; values within a decade keep a linear axis, with markers.
    func testValuesSpanningDecadesAreDrawnOnALogAxisWithAMarkerPerRun() throws {
        let rows: [(status: RunStatus, accuracy: Double)] = [(.succeeded, 0.5), (.succeeded, 0.6), (.succeeded, 0.8), (.succeeded, 0.7)]
        let page = SweepPageRenderer(assetsFolder: "t.sweep.assets").render(try report(rows, rates: ["0.0003", "0.001", "0.01", "0.1"]))
        let svg = try XCTUnwrap(page.assets.first?.contents)
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 4, svg)
        for tick in [">0.001<", ">0.01<", ">0.1<", "rate (log scale)"] { XCTAssertTrue(svg.contains(tick), "\(tick): \(svg)") }
        let linear = try XCTUnwrap(SweepPageRenderer(assetsFolder: "t.sweep.assets").render(try report(rows, rates: ["0.1", "0.2", "0.4", "0.8"])).assets.first?.contents)
        XCTAssertEqual(linear.components(separatedBy: "<circle").count - 1, 4)
        XCTAssertFalse(linear.contains("log scale"))
    }

    /// A sweep over values that are no numbers (optimizer=[sgd, adam, rmsprop]) is drawn on a
    /// category axis: each name is the tick at its run, and the axis title is the parameter's
    /// name alone, not a key of numbers to names.
    func testChoicesAreTheTicksOfACategoryAxis() throws {
        let frontMatter = FrontMatter(parameters: [
            ParameterDeclaration(name: "optimizer", type: .choice(["sgd", "adam", "rmsprop"]), defaultValue: .string("sgd"), range: SourceRange(line: 3, column: 3)),
        ])
        let grid = try SweepGrid.parse([("optimizer", "sgd,adam,rmsprop")], frontMatter: frontMatter).get()
        let column = MetricColumn(cell: "test", metric: "accuracy")
        let report = SweepReport(
            title: "t", notebook: "t.nnbook", id: grid.id, grid: grid, fixed: [], columns: [column],
            rows: zip(grid.combinations, [0.6, 0.9, 0.85]).enumerated().map { index, pair in
                SweepReport.Row(combination: pair.0, status: .succeeded, run: String(index + 1), metrics: [column.name: pair.1], failure: nil)
            },
            precision: 2)
        guard case .lines(let chart) = try XCTUnwrap(SweepPageRenderer(assetsFolder: "t.sweep.assets").figures(report).first).figure.kind else {
            return XCTFail("no line chart")
        }
        XCTAssertEqual(chart.xLabel, "optimizer")
        XCTAssertEqual(chart.axes.xCategories, ["sgd", "adam", "rmsprop"])
        XCTAssertEqual(chart.series.first?.points.map(\.x), [1, 2, 3])
        let svg = FigureSVG.render(Figure(name: "accuracy", caption: "accuracy", kind: .lines(chart)))
        for tick in [">sgd</text>", ">adam</text>", ">rmsprop</text>", ">optimizer</text>"] { XCTAssertTrue(svg.contains(tick), "\(tick): \(svg)") }
        XCTAssertFalse(svg.contains(">1</text>") || svg.contains(">1.5</text>"), "no numbers on a category axis: \(svg)")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/sweep-categories.svg")
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" { try svg.write(to: golden, atomically: true, encoding: .utf8) }
        XCTAssertEqual(svg, try String(contentsOf: golden, encoding: .utf8))
    }

    /// Three `evaluate net on homes.test` in one cell: the picture's axis names its column as the
    /// runs table heads it, and its units whole (they were cut, 'price's units squar…', under
    /// the whole key); the title names the whole key.
    func testAPicturesAxisNamesItsColumnShortAndItsUnitsWhole() throws {
        let base = try report([(.succeeded, 0.9), (.succeeded, 0.7)])
        let columns = ["evaluate/net/homes.test/loss", "evaluate#2/net/homes.test/loss", "evaluate#3/net/homes.test/loss"].map { MetricColumn(cell: "train", metric: $0) }
        let units = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, "price's units squared") })
        let report = SweepReport(
            title: "t", notebook: "t.nnbook", id: base.id, grid: base.grid, fixed: [], columns: columns,
            rows: base.rows.map { row in
                SweepReport.Row(combination: row.combination, status: .succeeded, run: row.run, metrics: Dictionary(uniqueKeysWithValues: columns.map { ($0.name, 1.5) }), units: units, failure: nil)
            },
            precision: 2)
        guard case .lines(let chart) = try XCTUnwrap(SweepPageRenderer(assetsFolder: "t.sweep.assets").figures(report).last).figure.kind else {
            return XCTFail("no line chart")
        }
        XCTAssertEqual(chart.title, "train/evaluate#3/net/homes.test/loss against rate")
        XCTAssertEqual(chart.yLabel, "evaluate#3/net/homes.test/loss (price's units squared)")
        let svg = FigureSVG.render(Figure(name: "loss", caption: "loss", kind: .lines(chart)))
        XCTAssertTrue(svg.contains(" (price&#39;s units squared)</text>"), svg)
    }

    /// The line joins the runs that succeeded; a failed run is a mark of its own, at what it
    /// recorded before it stopped, and the page says what the mark means.
    func testAFailedRunIsAMarkTheLineDoesNotJoin() throws {
        let renderer = SweepPageRenderer(assetsFolder: "t.sweep.assets")
        let report = try report([(.succeeded, 0.9), (.failed, 0.7), (.succeeded, 0.5)])
        guard case .lines(let chart) = try XCTUnwrap(renderer.figures(report).first).figure.kind else { return XCTFail("no line chart") }
        XCTAssertEqual(chart.series.map(\.points), [[.init(x: 1, y: 0.9), .init(x: 3, y: 0.5)]])
        XCTAssertEqual(chart.series.map(\.failures), [[.init(x: 2, y: 0.7)]])
        XCTAssertTrue(renderer.render(report).markdown.hasSuffix("\n\nA cross marks a run that did not succeed, not joined to the line: at the value it recorded before it stopped, or on the x axis where it recorded none.\n"))
    }

    /// A metric that only one run reported (the others diverged or failed first) gets no
    /// picture of one point in made-up axes; the page says so.
    func testAMetricOfOneRunHasNoPictureAndThePageSaysSo() throws {
        let full = try report([(.succeeded, 0.9), (.failed, 0.7), (.failed, 0.5)])
        let one = SweepReport(
            title: full.title, notebook: full.notebook, id: full.id, grid: full.grid, fixed: [], columns: full.columns,
            rows: full.rows.enumerated().map { index, row in
                SweepReport.Row(combination: row.combination, status: row.status, run: row.run, metrics: index == 0 ? row.metrics : [:], failure: nil)
            },
            precision: 2)
        let page = SweepPageRenderer(assetsFolder: "t.sweep.assets").render(one)
        XCTAssertTrue(page.assets.isEmpty)
        XCTAssertTrue(page.markdown.hasSuffix("## Pictures\n\n1 metric reported by fewer than two runs has no picture.\n"), page.markdown)
    }
}
