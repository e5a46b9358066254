// The sweep page's runs table: which value of a column is marked the best.

import NNBook
@testable import NNBookRender
import XCTest

final class SweepPageRendererTests: XCTestCase {
    private func report(_ rows: [(status: RunStatus, accuracy: Double)]) throws -> SweepReport {
        let frontMatter = FrontMatter(parameters: [
            ParameterDeclaration(name: "rate", type: .number, defaultValue: .number(0.5), range: SourceRange(line: 3, column: 3)),
        ])
        let values = (1...rows.count).map(String.init).joined(separator: ",")
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

    /// With one succeeded run among failed ones nothing is the best, and the page does not say
    /// that bold values mark it.
    func testThePageSpeaksOfBoldValuesOnlyWhenItHasSome() throws {
        let renderer = SweepPageRenderer(assetsFolder: "t.sweep.assets")
        XCTAssertFalse(renderer.render(try report([(.failed, 0.9), (.succeeded, 0.7), (.failed, 0.5)])).markdown.contains("in bold"))
        XCTAssertTrue(renderer.render(try report([(.succeeded, 0.9), (.succeeded, 0.7)])).markdown.contains(
            "The best value of each column among the runs that succeeded is in bold"))
    }
}
