// Running checked notebooks: outputs in order, shared state, and a runtime error that stops
// the run at its command.

import XCTest
@testable import NNBook

final class InterpreterTests: XCTestCase {
    private func run(_ text: String, folder: URL) throws -> RunResult {
        try NotebookFixtures.run(text, folder: folder)
    }

    func testCellsShareStateAndProduceOutputsInOrder() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let result = try run("""
            ```nnbook
            load csv "data.csv" as data target=y
            model m
              dense 1 activation=sigmoid weights=ones bias=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            ```

            ```nnbook label=fit
            train m on data descent=batch epochs=3
            ```
            """, folder: folder)
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertEqual(result.cells[0].outputs.first, .text("data: 5 samples; features: x1, x2; target: y"))
        XCTAssertEqual(Set(result.metrics["fit"]?.keys.map { $0 } ?? []), ["train/m/data/loss", "train/m/data/accuracy"])
    }

    func testARuntimeErrorStopsTheRunAtItsCommand() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let result = try run("""
            ```nnbook
            load csv "data.csv" as data target=y
            model m
              dense 1
            compile m loss=mse optimizer=sgd rate=1e6
            train m on data descent=batch epochs=50
            ```

            ```nnbook
            summary m
            ```
            """, folder: folder)
        XCTAssertEqual(result.status, .failed)
        let failure = try XCTUnwrap(result.failure)
        XCTAssertEqual(failure.cell.number, 1)
        XCTAssertEqual(failure.diagnostic.range, SourceRange(line: 6, column: 1, length: 5))
        XCTAssertTrue(failure.diagnostic.message.hasPrefix("the loss became NaN or infinite at epoch"), failure.diagnostic.message)
        XCTAssertFalse(result.cells[1].ran)
    }

    func testBadDataFileIsReportedByTheCheckWithItsRowAndColumn() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        try "a,y\n1,0\nx,1\n".write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(
            NotebookFixtures.diagnostics("```nnbook\nload csv \"bad.csv\" as d target=y\n```\n", folder: folder),
            ["2:10: bad.csv:3:1: \"x\" in column \"a\" is not a number | the rows above hold numbers in column \"a\": write this value as a number too"])
    }

    func testPredictTakesInputsInOriginalUnits() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let result = try run("""
            ```nnbook
            load csv "data.csv" as data target=y
            scale data x1 divide=10
            model m
              dense 1 activation=sigmoid weights=ones bias=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=1e-9
            train m on data descent=batch
            predict m x1=5 x2=0
            ```
            """, folder: folder)
        XCTAssertEqual(result.status, .succeeded)
        let outputs = result.cells[0].outputs
        XCTAssertTrue(outputs.contains(.text("input: x1=5 (scaled: 0.5000), x2=0")))
        // sigmoid(1·0.5 + 1·0 + 0) = 0.6225
        XCTAssertTrue(outputs.contains(.table(Table(headers: ["sample", "P(1)", "class"], rows: [["1", "0.6225", "1"]]))))
    }

    func testLossLessonMatchesTheCourse() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let result = try run("""
            ```nnbook label=mae
            loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]
            ```
            """, folder: folder)
        XCTAssertEqual(result.metrics["mae"]?["loss/mean_absolute_error_total"] ?? .nan, 2.5, accuracy: 1e-6)
        XCTAssertEqual(result.metrics["mae"]?["loss/mean_absolute_error"] ?? .nan, 0.5, accuracy: 1e-6)
    }

    func testRegistryRefusesTwoPluginsDeclaringOneCommand() {
        XCTAssertThrowsError(try PluginRegistry(plugins: [DataPlugin(), DataPlugin()])) { error in
            XCTAssertEqual((error as? RegistryError)?.description, "the command 'load' is declared by both the data and the data plugin")
        }
    }

    func testEveryBuiltInCommandHasASummaryAndAnExample() {
        let registry = BuiltInPlugins.registry()
        for verb in registry.verbs {
            let schema = registry.command(verb)!.schema
            XCTAssertFalse(schema.summary.isEmpty, verb)
            XCTAssertFalse(schema.examples.isEmpty, verb)
        }
    }
}
