// Every metric of every command is kept: two `evaluate`s in one cell, two models, the same
// command twice, each under its own key in the run's metrics.

import XCTest
@testable import NNBook

final class MetricScopeTests: XCTestCase {
    func testSeveralEvaluatesInOneCellEachKeepTheirMetrics() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as data target=y
            split data test=0.4
            model a
              dense 1 activation=sigmoid weights=ones bias=zeros
            model b
              dense 1 activation=sigmoid weights=zeros bias=zeros
            compile a loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            compile b loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            train b on data descent=batch epochs=1
            ```

            ```nnbook label=test
            train a on data descent=batch epochs=2
            evaluate a on data.train
            evaluate a on data.test
            evaluate b on data.test
            train a on data descent=batch epochs=2
            evaluate a on data.test
            ```
            """, folder: folder)
        XCTAssertEqual(result.status, .succeeded)
        let metrics = try XCTUnwrap(result.metrics["test"])
        XCTAssertEqual(metrics.keys.sorted(), [
            "evaluate#2/a/data.test/accuracy", "evaluate#2/a/data.test/loss",
            "evaluate/a/data.test/accuracy", "evaluate/a/data.test/loss",
            "evaluate/a/data.train/accuracy", "evaluate/a/data.train/loss",
            "evaluate/b/data.test/accuracy", "evaluate/b/data.test/loss",
            "train#2/a/data/accuracy", "train#2/a/data/loss", "train/a/data/accuracy", "train/a/data/loss",
        ])
        // Each value is the one its own command printed, not the last one of its name.
        let printed = result.cells[1].outputs.compactMap { output -> String? in
            guard case .table(let table) = output, table.headers == ["metric", "value"] else { return nil }
            return table.rows.first { $0[0] == "loss" }?[1]
        }
        let keys = ["evaluate/a/data.train/loss", "evaluate/a/data.test/loss", "evaluate/b/data.test/loss", "evaluate#2/a/data.test/loss"]
        XCTAssertEqual(printed, keys.map { NumberText.fixed(metrics[$0] ?? .nan, places: 4) })
        XCTAssertEqual(Set(printed).count, 4, "four different losses: \(printed)")
    }

    func testAColumnKnowsItsCommandAndWhatItMeasures() {
        let column = MetricColumn(cell: "test", metric: "evaluate/net/images.test/accuracy")
        XCTAssertEqual(column.name, "test/evaluate/net/images.test/accuracy")
        XCTAssertEqual(column.command, "evaluate/net/images.test")
        XCTAssertEqual(column.measure, "accuracy")
        XCTAssertEqual(column.goal, .higher)
        XCTAssertTrue(column.matches("accuracy") && column.matches("images.test/accuracy") && column.matches(column.name))
        XCTAssertFalse(column.matches("curacy") || column.matches("val_accuracy"))
        // A data set named after a loss does not make accuracy a loss.
        XCTAssertEqual(MetricColumn(cell: "c", metric: "evaluate/m/loss_data/accuracy").goal, .higher)
        let old = MetricColumn(cell: "test", metric: "accuracy")
        XCTAssertNil(old.command)
        XCTAssertEqual(old.measure, "accuracy")
    }
}
