// `plot` as a lesson uses it: what the lines, the axis and the caption say of the models drawn.

import XCTest
@testable import NNBook

final class PlotCommandTests: XCTestCase {
    private func chart(_ lines: String) throws -> (chart: LineChart, caption: String) {
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as data target=y
            model a
              dense 1 weights=zeros bias=zeros
            model b like a
            model c like a
            compile a loss=mse optimizer=sgd rate=0.1
            compile b loss=mean_absolute_error optimizer=sgd rate=0.1
            compile c loss=mse optimizer=sgd rate=0.1
            \(lines)
            ```
            """, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        guard case .figure(let figure) = result.cells[0].outputs.last, case .lines(let chart) = figure.kind else {
            XCTFail("no chart")
            throw CancellationError()
        }
        return (chart, figure.caption)
    }

    /// An mse and an mae are numbers of different kinds: each line names its model's loss, the
    /// axis names both, and the caption says to compare the lines' course, not their heights.
    func testModelsWithDifferentLossesNameTheirLossOnEachLine() throws {
        let (chart, caption) = try chart("train a on data epochs=2 descent=batch\ntrain b on data epochs=2 descent=batch\nplot a b")
        XCTAssertEqual(chart.series.map(\.name), ["a: mse", "b: mae"])
        XCTAssertEqual(chart.yLabel, "loss: mse, mae")
        XCTAssertEqual(caption, "loss per epoch: a: mse, b: mae (the models minimise different losses, mse and mae: compare how each line falls, not the lines' heights)")
    }

    /// A teacher's labels keep the loss after them, and validated lines keep their part.
    func testLabelsAndValidatedLinesKeepTheLossName() throws {
        let (chart, _) = try chart("train a on data epochs=2 descent=batch validation=data\ntrain b on data epochs=2 descent=batch\nplot a b metric=loss labels=[squared, absolute]")
        XCTAssertEqual(chart.series.map(\.name), ["squared: mse (training)", "squared: mse (validation)", "absolute: mae"])
    }

    /// Models of one loss, and any metric other than the loss, are drawn as before.
    func testModelsOfOneLossAndOtherMetricsAreNotAnnotated() throws {
        let (chart, caption) = try chart("train a on data epochs=2 descent=batch\ntrain c on data epochs=2 descent=batch\nplot a c")
        XCTAssertEqual(chart.series.map(\.name), ["a", "c"])
        XCTAssertEqual(chart.yLabel, "loss")
        XCTAssertEqual(caption, "loss per epoch: a, c")
    }
}
