// A regression on a scaled target reports its loss and errors in the target's own units by
// default (units=original) and as the model learned them with units=scaled, each checked against
// a hand computation; `precision=` changes one command's decimal places and no other's.

import Foundation
import NNCore
import XCTest
@testable import NNBook

final class TargetUnitsTests: XCTestCase {
    private var folder: URL!

    /// y ≈ 3x + 5, with the target scaled min-max into [0, 1]: one scaled unit is 23.3 − 8.5.
    private let prices: [(x: Double, y: Double)] = [(1, 8.5), (2, 10.9), (3, 14.2), (4, 17.1), (5, 19.8), (6, 23.3)]

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        try ("x,y\n" + prices.map { "\(Int($0.x)),\($0.y)" }.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func notebook(_ last: String) -> String {
        """
        ```nnbook
        load csv "prices.csv" as prices target=y
        scale prices y method=min-max
        model m
          dense 1 weights=ones bias=zeros
        compile m loss=mse optimizer=sgd rate=0.05 metrics=[mae]
        train m on prices descent=batch epochs=20
        ```

        ```nnbook label=check
        \(last)
        ```
        """
    }

    /// Runs `text` and returns the result with the trained model's weight and bias.
    private func run(_ text: String) throws -> (result: RunResult, w: Double, b: Double) {
        guard case .success(let plan) = NotebookPreparation.plan(text: text, path: "t.nnbook", folder: folder, overrides: [], registry: BuiltInPlugins.registry()) else {
            XCTFail("the notebook did not check: \(NotebookFixtures.diagnostics(text, folder: folder))")
            throw CocoaError(.featureUnsupported)
        }
        let state = RunState(folder: folder, seed: 1)
        let result = Interpreter().run(plan, state: state)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let weights = try XCTUnwrap(state.models["m"]?.model.flatWeights)
        return (result, Double(weights[0]), Double(weights[1]))
    }

    private func texts(_ result: RunResult, cell: Int) -> [String] {
        result.cells[cell].outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    func testEvaluateReportsInTheTargetsOwnUnitsByDefaultAndScaledOnRequest() throws {
        let original = try run(notebook("evaluate m on prices"))
        let scaled = try run(notebook("evaluate m on prices units=scaled"))
        // By hand, in Double: the model predicts scaled prices; (23.3 − 8.5) · p + 8.5 is a price.
        let low = 8.5, high = 23.3
        let errors = prices.map { sample -> (scaled: Double, original: Double) in
            let predicted = original.w * sample.x + original.b
            return (predicted - (sample.y - low) / (high - low), (low + predicted * (high - low)) - sample.y)
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        let metrics = try XCTUnwrap(original.result.metrics["check"]), scaledMetrics = try XCTUnwrap(scaled.result.metrics["check"])
        XCTAssertEqual(metrics["evaluate/m/prices/loss"] ?? .nan, mean(errors.map { $0.original * $0.original }), accuracy: 1e-3)
        XCTAssertEqual(metrics["evaluate/m/prices/mae"] ?? .nan, mean(errors.map { abs($0.original) }), accuracy: 1e-4)
        XCTAssertEqual(scaledMetrics["evaluate/m/prices/loss"] ?? .nan, mean(errors.map { $0.scaled * $0.scaled }), accuracy: 1e-6)
        XCTAssertEqual(scaledMetrics["evaluate/m/prices/mae"] ?? .nan, mean(errors.map { abs($0.scaled) }), accuracy: 1e-6)
        XCTAssertGreaterThan(metrics["evaluate/m/prices/loss"] ?? 0, 100 * (scaledMetrics["evaluate/m/prices/loss"] ?? 0), "the units really differ")
        XCTAssertEqual(texts(original.result, cell: 1), [
            "6 samples; loss in y's units squared; mae in y's units (the target's own units, as `predict` answers; units=scaled gives them as the model learned them)",
        ])
        XCTAssertEqual(texts(scaled.result, cell: 1), [
            "6 samples; loss in scaled units squared; mae in scaled units (scaled y = (y − 8.5) / (23.3 − 8.5); units=original gives them in y's own units)",
        ])
    }

    func testTrainingTableProgressAndMetricsFollowTheUnitsButTheModelLearnsTheSame() throws {
        let unit = 23.3 - 8.5
        let original = try run(notebook("train m on prices descent=batch epochs=2"))
        let scaled = try run(notebook("train m on prices descent=batch epochs=2 units=scaled"))
        XCTAssertEqual(original.w, scaled.w, "units change what is printed, not what is learned")
        let a = try XCTUnwrap(original.result.metrics["check"]), b = try XCTUnwrap(scaled.result.metrics["check"])
        XCTAssertEqual((a["train/m/prices/loss"] ?? .nan) / (b["train/m/prices/loss"] ?? .nan), unit * unit, accuracy: 1e-3)
        XCTAssertEqual((a["train/m/prices/mae"] ?? .nan) / (b["train/m/prices/mae"] ?? .nan), unit, accuracy: 1e-4)
        let table = try XCTUnwrap(original.result.cells[1].outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }.last)
        XCTAssertEqual(table.rows.last?.last, NumberText.fixed(a["train/m/prices/mae"] ?? .nan, places: 4))
        XCTAssertTrue(texts(original.result, cell: 1).contains { $0.hasPrefix("loss in y's units squared; mae in y's units") })

        final class Watcher: TrainingObserver {
            var losses: [Double] = []
            func trainingWillStart(model: String, description: String, epochs: ClosedRange<Int>, steps: Int) {}
            func stepDidFinish(_ progress: StepProgress) { losses.append(progress.metrics["loss"] ?? .nan) }
            func epochDidFinish(_ record: EpochRecord, of epochs: Int) { losses.append(record.metrics["loss"] ?? .nan) }
        }
        var watched: [[Double]] = []
        for units in ["original", "scaled"] {
            let watcher = Watcher()
            guard case .success(let plan) = NotebookPreparation.plan(
                text: notebook("train m on prices descent=batch epochs=1 units=\(units)"), path: "t.nnbook", folder: folder, overrides: [],
                registry: BuiltInPlugins.registry())
            else { return XCTFail("the notebook did not check") }
            let result = Interpreter().run(plan, state: RunState(folder: folder, seed: 1, observer: watcher))
            XCTAssertEqual(watcher.losses.last ?? .nan, result.metrics["check"]?["train/m/prices/loss"] ?? 0, accuracy: 1e-12, "the progress bar shows what the table shows")
            watched.append(watcher.losses)
        }
        XCTAssertEqual(watched[0].count, watched[1].count)
        // The last epoch's step and epoch: the first cell's training reports in y's units in both runs.
        for (inOriginal, inScaled) in zip(watched[0].suffix(2), watched[1].suffix(2)) {
            XCTAssertEqual(inOriginal / inScaled, unit * unit, accuracy: 1e-3)
        }
    }

    func testUnitsOnATargetThatWasNotScaledChangeNothing() throws {
        let text = """
            ```nnbook label=fit
            load csv "data.csv" as data target=y
            model m
              dense 1 activation=sigmoid weights=ones bias=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            train m on data descent=batch epochs=2 units=original
            evaluate m on data units=scaled
            evaluate m on data units=original
            ```
            """
        let result = try NotebookFixtures.run(text, folder: folder)
        let metrics = try XCTUnwrap(result.metrics["fit"])
        XCTAssertEqual(metrics["evaluate/m/data/loss"], metrics["evaluate#2/m/data/loss"])
        let said = result.cells[0].outputs.compactMap { output -> String? in
            guard case .text(let text) = output, text.contains("units") else { return nil }
            return text
        }
        XCTAssertEqual(said, [], "nothing to undo, nothing to say")
    }

    func testPrecisionOnOneCommandLeavesTheOthersAtTheNotebooks() throws {
        let result = try run(notebook("evaluate m on prices precision=1\nevaluate m on prices\nweights m precision=6"))
        let tables = result.result.cells[1].outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }
        XCTAssertEqual(tables.count, 3)
        let places = tables.map { table in table.rows.first.map { ($0.last ?? "").split(separator: ".").last?.count ?? 0 } ?? -1 }
        XCTAssertEqual(places, [1, 4, 6])
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("evaluate m on prices precision=13"), folder: folder), [
            "11:22: precision must be a whole number of decimal places from 0 to 12, not 13 | precision=2 prints 0.09; leave it out for the notebook's precision",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("evaluate m on prices units=orginal"), folder: folder).first?.contains("did you mean 'original'"), true)
    }

    /// `plot` and `landscape` draw a scaled target's loss and errors in its own units by
    /// default, as the table reports them, and say so on the axis; `units=scaled` draws the
    /// history as the model learned it.
    func testPlotAndLandscapeDrawInTheTargetsOwnUnitsByDefaultAndSayWhichOnTheAxis() throws {
        let unit = 23.3 - 8.5
        func chart(_ line: String) throws -> LineChart {
            let figure = try XCTUnwrap(try run(notebook(line)).result.cells[1].outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }.first)
            guard case .lines(let chart) = figure.kind else { throw CocoaError(.featureUnsupported) }
            return chart
        }
        let original = try chart("plot m metric=mae"), scaled = try chart("plot m metric=mae units=scaled")
        XCTAssertEqual(original.yLabel, "mae (y's units)")
        XCTAssertEqual(scaled.yLabel, "mae (scaled units)")
        let ratios = zip(original.series[0].points, scaled.series[0].points).map { $0.y / $1.y }
        XCTAssertEqual(ratios.count, 20)
        for ratio in ratios { XCTAssertEqual(ratio, unit, accuracy: 1e-5) }
        XCTAssertEqual(try chart("plot m metric=loss scale=log").yLabel, "loss (y's units squared, log scale)")

        func map(_ line: String) throws -> ContourMap {
            let figure = try XCTUnwrap(try run(notebook(line)).result.cells[1].outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }.first)
            guard case .contour(let map) = figure.kind else { throw CocoaError(.featureUnsupported) }
            return map
        }
        let surface = try map("landscape m on prices"), learned = try map("landscape m on prices units=scaled")
        XCTAssertEqual(surface.valueLabel, "mean_squared_error (y's units squared)")
        XCTAssertEqual(learned.valueLabel, "mean_squared_error (scaled units squared)")
        XCTAssertEqual(surface.values[3][5] / learned.values[3][5], unit * unit, accuracy: 1e-3)
    }

    /// A prediction is always in the target's own units, so `units=` is refused at the check
    /// on `predict` and on `expect … prediction` alike, with one message.
    func testUnitsOnAPredictionAreRefusedByTheCheckInPredictAndExpectAlike() throws {
        let refused = "units= does not apply to a prediction: a prediction is always in the target's own units | units= chooses the units of a loss or error (train, evaluate, expect … on DATA); drop it here"
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("predict m x=3 units=scaled"), folder: folder), ["11:15: " + refused])
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("expect m prediction ≈ 14 within 1 x=3 units=scaled"), folder: folder), ["11:39: " + refused])
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("expect m prediction ≈ 14 within 1 x=3 units=original"), folder: folder), ["11:39: " + refused])
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook("expect m mae < 1 on prices units=scaled"), folder: folder), [])
    }

    /// Two target columns, one scaled: a loss averages their errors in one figure, which no
    /// scaling undoes, so the figures stay as learned (the same with units=original) and the
    /// page says that they are in mixed units, and why units=original cannot apply.
    func testSeveralTargetsWithOneScaledAreReportedAsLearnedAndSaySo() throws {
        try ("x,p,q\n" + (0..<6).map { "\($0),\(100 + 3 * $0),\(Double($0) / 100)" }.joined(separator: "\n") + "\n")
            .write(to: folder.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
        let text = """
            ```nnbook
            load csv "two.csv" as d target=[p, q]
            scale d p method=min-max
            model m
              dense 2 weights=ones bias=zeros
            compile m loss=mse optimizer=sgd rate=0.05 metrics=[mae]
            train m on d descent=batch epochs=3
            evaluate m on d units=original
            evaluate m on d units=scaled
            ```
            """
        let result = try NotebookFixtures.run(text, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let metrics = try XCTUnwrap(result.metrics.values.first)
        XCTAssertEqual(metrics["evaluate/m/d/loss"], metrics["evaluate#2/m/d/loss"])
        let said = texts(result, cell: 0).filter { $0.hasPrefix("6 samples") }
        XCTAssertEqual(said.count, 2)
        XCTAssertTrue(said[0].hasPrefix("6 samples; loss in mixed units (p scaled) squared; mae in mixed units (p scaled) (each averages the errors of the target columns p, q as the model learned them, where scaled p = (p − 100) / (115 − 100); units=original cannot apply: "), said[0])
        XCTAssertFalse(said[1].contains("units=original cannot apply"), said[1])
    }
}
