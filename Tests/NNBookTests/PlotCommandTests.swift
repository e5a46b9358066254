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

    /// Epochs that recorded no validation (a `train` without it between two with it) are a gap
    /// in the dashed line, not a straight line claiming values never measured.
    func testEpochsWithoutValidationBreakTheValidationLine() throws {
        let (chart, _) = try chart("""
            train a on data epochs=2 descent=batch validation=data
            train a on data epochs=2 descent=batch
            train a on data epochs=2 descent=batch validation=data
            plot a
            """)
        XCTAssertEqual(chart.series.map(\.name), ["a (training)", "a (validation)"])
        XCTAssertEqual(chart.series[0].points.map(\.x), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(chart.series[1].points.map(\.x), [1, 2, 3, 5, 6])
        XCTAssertEqual(chart.series[1].points.map(\.y.isNaN), [false, false, true, false, false], "epoch 3 is the gap")
    }

    /// A validation curve that goes on over other data (validation= then validation_split=, a
    /// gap between) is marked where it changes: a rule between the epochs, named in the legend,
    /// the caption saying from what to what; the train line that changes it says so under its
    /// table. The same data again, or a training without validation, is no change.
    func testAChangeOfValidationDataIsMarkedWhereItHappens() throws {
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as data target=y
            model a
              dense 1 weights=zeros bias=zeros
            compile a loss=mse optimizer=sgd rate=0.1
            train a on data epochs=2 descent=batch validation=data
            train a on data epochs=1 descent=batch validation=data
            train a on data epochs=2 descent=batch
            train a on data epochs=2 descent=batch validation_split=0.3
            plot a
            plot a metric=val_loss from=6
            plot a metric=val_loss
            ```
            """, folder: try NotebookFixtures.folder(removedAfter: self))
        let (said, charts) = validationChanges(result)
        XCTAssertEqual(said, [
            "The validation data changed at epoch 6: from here val_loss is measured on the last 30% of data, in epochs 1 to 3 on data. A jump in the validation curves there may come from the data, not from the model.",
        ])
        XCTAssertEqual(charts.count, 3)
        XCTAssertEqual(charts[0].0.rules, [LineChart.Rule(x: 5.5, name: "validated on the last 30% of data")])
        XCTAssertEqual(charts[0].1, "loss per epoch: a (training), a (validation) (the validation data changed: at epoch 6, from data to the last 30% of data, where the grey dashed line stands)")
        XCTAssertEqual(charts[1].0.rules, [], "from=6 draws only the new data")
        XCTAssertEqual(charts[2].0.rules, [LineChart.Rule(x: 5.5, name: "validated on the last 30% of data")])
    }

    /// What a run said of its validation data changing, under its train tables, and the line
    /// charts it drew with their captions.
    private func validationChanges(_ result: RunResult, saying opening: String = "The validation data changed") -> (said: [String], charts: [(LineChart, String)]) {
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        let outputs = result.cells.flatMap(\.outputs)
        let said = outputs.compactMap { if case .text(let text) = $0, text.hasPrefix(opening) { text } else { nil } }
        let charts = outputs.compactMap { output -> (LineChart, String)? in
            if case .figure(let figure) = output, case .lines(let chart) = figure.kind { (chart, figure.caption) } else { nil }
        }
        return (said, charts)
    }

    /// The validation data set loaded again under its name between two trainings is other
    /// data: marked as a change, each side named with the line that loaded it. Two trainings
    /// validated on one definition are no change.
    func testAValidationSetLoadedAgainUnderItsNameIsAChange() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        try "x1,x2,y\n0.2,1,0\n0.6,0,1\n".write(to: folder.appendingPathComponent("more.csv"), atomically: true, encoding: .utf8)
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as data target=y
            load csv "data.csv" as field target=y
            model a
              dense 1 weights=zeros bias=zeros
            compile a loss=mse optimizer=sgd rate=0.1
            train a on data epochs=2 descent=batch validation=field
            train a on data epochs=1 descent=batch validation=field
            load csv "more.csv" as field target=y
            train a on data epochs=2 descent=batch validation=field
            plot a
            ```
            """, folder: folder)
        let (said, charts) = validationChanges(result)
        XCTAssertEqual(said, [
            "The validation data changed at epoch 4: from here val_loss is measured on field as defined at line 9, in epochs 1 to 3 on field as defined at line 3. A jump in the validation curves there may come from the data, not from the model.",
        ])
        XCTAssertEqual(charts.first?.0.rules, [LineChart.Rule(x: 3.5, name: "validated on field as defined at line 9")])
        XCTAssertEqual(charts.first?.1, "loss per epoch: a (training), a (validation) (the validation data changed: at epoch 4, from field as defined at line 3 to field as defined at line 9, where the grey dashed line stands)")
    }

    /// A `compile` with another loss between two trainings: the loss curve goes on measuring
    /// something else, so it is marked as a change of validation data is (a rule named in the
    /// legend, the caption, the axis naming both losses, a sentence under the train's table);
    /// a re-compile with the same loss is no change.
    func testARecompileWithAnotherLossIsMarkedWhereItHappens() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as points target=y
            model a
              dense 1
            compile a loss=mse optimizer=sgd rate=0.05
            train a on points epochs=2 descent=batch
            compile a loss=mse optimizer=adam rate=0.05
            train a on points epochs=1 descent=batch
            compile a loss=mae optimizer=sgd rate=0.05
            train a on points epochs=2 descent=batch
            plot a
            plot a metric=loss from=4
            ```
            """, folder: folder)
        let (said, charts) = validationChanges(result, saying: "The loss changed")
        XCTAssertEqual(said, [
            "The loss changed at epoch 4: from here it is mae, in epochs 1 to 3 it was mse. A jump in the loss curve there comes from the new measure, not from the model.",
        ])
        XCTAssertEqual(charts.count, 2)
        XCTAssertEqual(charts[0].0.rules, [LineChart.Rule(x: 3.5, name: "compiled with mae")])
        XCTAssertEqual(charts[0].0.yLabel, "loss: mse, mae")
        XCTAssertEqual(charts[0].1, "loss per epoch: a (the loss changed: at epoch 4, from mse to mae, where the grey dashed line stands: the values before and after measure different losses)")
        XCTAssertEqual(charts[1].0.rules, [], "from=4 draws only the new loss")
        XCTAssertEqual(charts[1].0.yLabel, "loss")
    }

    private func figures(_ text: String) throws -> [Figure] {
        let result = try NotebookFixtures.run(text, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        return result.cells.flatMap(\.outputs).compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
    }

    /// A boundary over min-max scaled inputs is drawn in the columns' own units (grams, not
    /// shares of the range), as predict takes them; the samples sit at their own values.
    func testBoundaryAxesAreInTheColumnsOwnUnits() throws {
        let figures = try figures("""
            ```csv name=fruit
            sweetness,weight_g,kind
            2,10,0
            4,50,0
            9,150,1
            11,210,1
            ```

            ```nnbook
            load inline fruit as fruit target=kind
            scale fruit method=min-max
            model f
              dense 1 activation=sigmoid
            compile f loss=binary_crossentropy
            train f on fruit epochs=1
            boundary f on fruit
            ```
            """)
        guard case .regions(let regions) = try XCTUnwrap(figures.last).kind else { return XCTFail("no regions") }
        XCTAssertEqual([regions.xLabel, regions.yLabel], ["sweetness", "weight_g"])
        XCTAssertEqual(regions.xRange.lowerBound, 2 - 0.9, accuracy: 1e-4, "a tenth of the range beyond the samples, in sweetness")
        XCTAssertEqual(regions.yRange.upperBound, 210 + 20, accuracy: 1e-3)
        for (sample, grams) in zip(regions.samples, [10.0, 50, 150, 210]) { XCTAssertEqual(sample.y, grams, accuracy: 1e-3) }
    }

    /// Two targets in different units are two pictures, each in its own units, so that the
    /// rent does not shrink to a dot beside the price.
    func testScatterOfTwoTargetsDrawsAPictureForEach() throws {
        let figures = try figures("""
            ```csv name=homes
            area,price_k,rent_k
            1,100,0.5
            2,500,1.5
            3,900,2.5
            ```

            ```nnbook
            load inline homes as homes target=[price_k, rent_k]
            model m input=[1]
              dense 2 weights=zeros bias=zeros
            compile m loss=mse optimizer=sgd
            scatter m on homes
            ```
            """)
        XCTAssertEqual(figures.map(\.name), ["scatter-price_k", "scatter-rent_k"])
        guard case .scatter(let rent) = figures[1].kind else { return XCTFail("no scatter") }
        XCTAssertEqual(rent.xLabel, "actual rent_k")
        XCTAssertEqual(rent.series.map(\.name), ["homes"])
        XCTAssertEqual(rent.series[0].points.map(\.x), [0.5, 1.5, 2.5])
    }

    /// from= beyond the shorter of two histories names the model that falls short and the one
    /// that reaches it, rather than speak of "the history" as if there were one.
    func testFromBeyondTheShorterHistoryNamesTheModels() throws {
        let diagnostics = NotebookFixtures.diagnostics("""
            ```nnbook
            load csv "data.csv" as data target=y
            model a
              dense 1 weights=zeros bias=zeros
            model b like a
            compile a loss=mse optimizer=sgd
            compile b loss=mse optimizer=sgd
            train a on data epochs=2
            train b on data epochs=5
            plot a b from=4
            ```
            """, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(diagnostics, ["10:10: from=4 lies outside the history of 'a', which holds epochs 1 to 2 by this line ('b' holds 1 to 5) | choose epochs from 1 to 2, which every model drawn has, or plot 'b' without 'a'"])
    }
}
