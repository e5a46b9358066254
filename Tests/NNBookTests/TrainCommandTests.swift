// `train` as a notebook uses it: validation columns, Keras' validation_split, and a second
// `train` that continues where the first stopped.

import XCTest
@testable import NNBook

final class TrainCommandTests: XCTestCase {
    private let prelude = """
        ```nnbook
        load csv "data.csv" as data target=y
        model m
          dense 1 activation=sigmoid weights=ones bias=zeros
        compile m loss=binary_crossentropy optimizer=adam rate=0.1 metrics=[accuracy]

        """

    private func tables(_ result: RunResult) -> [Table] {
        result.cells.flatMap(\.outputs).compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    /// Values so large that the first loss, before any update, is infinite: the learning rate
    /// is not blamed, the size of the numbers is, at the `train` line.
    func testALossInfiniteBeforeAnyUpdateBlamesTheNumbersNotTheRate() throws {
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "data.csv" as data target=y
            scale data x2 divide=1e-38
            model m
              dense 1 weights=ones bias=zeros
            compile m loss=mse optimizer=sgd
            train m on data descent=batch
            ```
            """, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.failure?.diagnostic.message, "the loss of the first step is NaN or infinite, before any weight was changed")
        XCTAssertEqual(result.failure?.diagnostic.hint, "the learning rate is not the cause: the inputs, the targets or the starting weights are so large that the outputs or the loss pass the largest 32-bit number (3.4e38); bring the data into a small range first (scale DATA COLUMN method=standardize, or divide= by the column's largest value)")
        XCTAssertEqual(result.failure?.diagnostic.range?.line, 7)
    }

    /// A loss that blows up on columns far from 0 to 1 that no `scale` touched (areas in the
    /// thousands, prices in the hundred thousands) names them and the `scale` lines first: a
    /// smaller rate alone only slows the blow-up down. Class labels are not told to be scaled,
    /// and data already scaled gets the rate alone.
    func testALossThatBlowsUpOnUnscaledColumnsSaysToScaleThem() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        try "area,rooms,price\n1100,2,180000\n2600,4,410000\n3900,5,640000\n".write(to: folder.appendingPathComponent("homes.csv"), atomically: true, encoding: .utf8)
        let lesson = { (scale: String) in
            "```nnbook\nload csv \"homes.csv\" as homes target=price\n\(scale)model m\n  dense 1\ncompile m loss=mse optimizer=sgd rate=0.01\ntrain m on homes epochs=20\n```\n"
        }
        let unscaled = try NotebookFixtures.run(lesson(""), folder: folder).failure?.diagnostic
        XCTAssertEqual(unscaled?.message, "the loss became NaN or infinite at epoch 4, step 1")
        XCTAssertEqual(unscaled?.hint, "homes.area goes up to 3900, homes.price goes up to 640000, unscaled: values so far from 0 to 1 make every step huge, whatever the rate; "
            + "bring them near 0 to 1 first (scale homes method=standardize, then scale homes price method=standardize); the steps are too large for this data: try a smaller learning rate, e.g. rate=0.001")
        let scaled = try NotebookFixtures.run(lesson("scale homes method=standardize\nscale homes price method=standardize\n").replacingOccurrences(of: "rate=0.01", with: "rate=100"), folder: folder).failure?.diagnostic
        XCTAssertEqual(scaled?.hint, "the steps are too large for this data: try a smaller learning rate, e.g. rate=10.0")
    }

    /// A model compiled with from_logits=true gives scores: its predictions, accuracy and
    /// classes read them through the sigmoid its loss applies (a score of 0.3 is 0.574, class 1),
    /// as the same model with a sigmoid gives them.
    func testAModelOfScoresPredictsProbabilitiesAndClassesAsItsLossReadsThem() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        try "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n".write(to: folder.appendingPathComponent("or.csv"), atomically: true, encoding: .utf8)
        let result = try NotebookFixtures.run("""
            ```nnbook
            load csv "or.csv" as g target=y
            model m
              dense 1 weights=0.3 bias=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=1e-30 from_logits=true metrics=[accuracy]
            train m on g epochs=1
            evaluate m on g
            predict m x1=1 x2=0
            model p
              dense 1 activation=sigmoid weights=0.3 bias=zeros
            compile p loss=binary_crossentropy optimizer=sgd rate=1e-30 metrics=[accuracy]
            train p on g epochs=1
            evaluate p on g
            predict p x1=1 x2=0
            ```
            """, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        let evaluated = tables(result).filter { $0.headers == ["metric", "value"] }
        XCTAssertEqual(evaluated.count, 2)
        XCTAssertEqual(evaluated[0].rows, evaluated[1].rows)
        XCTAssertEqual(evaluated[0].rows.last, ["accuracy", "1.0000"])
        let predicted = tables(result).filter { $0.headers != ["metric", "value"] && $0.headers.contains { $0.hasPrefix("P(") } }
        XCTAssertEqual(predicted.count, 2)
        XCTAssertEqual(predicted[0].rows, predicted[1].rows)
        let probability = try XCTUnwrap(predicted[0].headers.firstIndex { $0.hasPrefix("P(") })
        XCTAssertEqual(predicted[0].rows.first?[probability], "0.5744")
    }

    /// Keras' `clone_model`: the same layers, built for the same input, with weights drawn anew.
    func testAModelLikeAnotherHasItsLayersWithFreshWeights() throws {
        let result = try NotebookFixtures.run("""
            ```nnbook
            model a input=[2]
              dense 3 activation=relu
              dense 1 activation=sigmoid
            model b like a
            weights a
            weights b
            ```
            """, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        XCTAssertTrue(result.cells[0].outputs.contains(.text("b: a sequential model of 2 layers like a, with fresh weights, 13 parameters")))
        let weights = tables(result)
        XCTAssertEqual(weights.count, 2)
        XCTAssertEqual(weights[0].headers, weights[1].headers)
        XCTAssertEqual(weights[0].rows.count, weights[1].rows.count)
        XCTAssertNotEqual(weights[0].rows, weights[1].rows, "fresh weights, not a's")
    }

    func testValidationAddsValColumnsAndMetrics() throws {
        let result = try NotebookFixtures.run(prelude + "train m on data epochs=2 descent=batch validation=data\n```\n", folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertEqual(tables(result).last?.headers, ["epoch", "w1 (x1)", "w2 (x2)", "bias", "loss", "accuracy", "val_loss", "val_accuracy"])
        XCTAssertEqual(Set(result.cells[0].outputs.compactMap { if case .metric(let name, _, _) = $0 { name } else { nil } }), ["train/m/data/loss", "train/m/data/accuracy", "train/m/data/val_loss", "train/m/data/val_accuracy"])
    }

    func testValidationSplitTrainsOnTheFirstSamplesOnly() throws {
        let result = try NotebookFixtures.run(prelude + "train m on data epochs=1 descent=batch validation_split=0.4\n```\n", folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.cells[0].outputs.compactMap { if case .text(let text) = $0, text.hasPrefix("batch") { text } else { nil } },
                       ["batch descent: 1 step of all 3 samples per epoch, validated on 2 samples, 1 epoch"])
    }

    /// A parameter's 0, Keras' default `validation_split=0.0` (a sweep over the share may start
    /// there): every sample is trained on, none validated.
    func testAValidationSplitOfZeroFromAParameterTrainsOnEverySampleWithoutValidation() throws {
        let notebook = "---\nparams:\n  share: 0\n---\n" + prelude + "train m on data epochs=1 descent=batch validation_split=$share\n```\n"
        let result = try NotebookFixtures.run(notebook, folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertTrue(result.cells[0].outputs.contains(.text("batch descent: 1 step of all 5 samples per epoch, 1 epoch")))
        XCTAssertEqual(tables(result).last?.headers, ["epoch", "w1 (x1)", "w2 (x2)", "bias", "loss", "accuracy"])
    }

    func testASecondTrainNumbersItsEpochsOnAndPlotDrawsTheWholeHistory() throws {
        let result = try NotebookFixtures.run(
            prelude + "train m on data epochs=3 descent=batch\ntrain m on data epochs=2 descent=batch validation=data\nplot m metric=loss\n```\n",
            folder: try NotebookFixtures.folder(removedAfter: self))
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertEqual(tables(result).last?.rows.map(\.first), ["4", "5"])
        XCTAssertTrue(result.cells[0].outputs.contains(.text("batch descent: 1 step of all 5 samples per epoch, validated on 5 samples, epochs 4 to 5, continuing from epoch 3")))
        guard case .figure(let figure) = result.cells[0].outputs.last, case .lines(let chart) = figure.kind else { return XCTFail("no chart") }
        XCTAssertEqual(chart.series.map(\.name), ["m (training)", "m (validation)"])
        XCTAssertEqual(chart.series[0].points.map(\.x), [1, 2, 3, 4, 5])
        XCTAssertEqual(chart.series[1].points.map(\.x), [4, 5])
        XCTAssertEqual(chart.series.map(\.dashed), [false, true])
    }

    /// Keras' `fit` continued, through the notebook: 3 epochs then 2 on the same seed give the
    /// very weights, and the same epochs 4 and 5, as one `train` of 5 (mini-batches shuffled by
    /// the notebook's generator, Adam's moments carried over, validation drawing nothing).
    func testThreeEpochsThenTwoAreFiveEpochsBitForBit() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        let options = "descent=mini-batch batch=2 validation_split=0.4"
        let whole = try NotebookFixtures.run(prelude + "train m on data epochs=5 \(options)\nweights m precision=9\n```\n", folder: folder)
        let parts = try NotebookFixtures.run(
            prelude + "train m on data epochs=3 \(options)\ntrain m on data epochs=2 \(options)\nweights m precision=9\n```\n", folder: folder)
        let (one, two) = (tables(whole), tables(parts))
        XCTAssertEqual(two.count, 3)
        XCTAssertEqual(one.last, two.last, "the final weights")
        XCTAssertEqual(two[1].rows.map(\.first), ["4", "5"])
        XCTAssertEqual(Array(one[0].rows.suffix(2)), two[1].rows, "epochs 4 and 5, their weights, losses and validation")
    }

    func testPlotDrawsAChosenRangeOfEpochs() throws {
        let result = try NotebookFixtures.run(prelude + "train m on data epochs=6 descent=batch\nplot m from=2 to=4\n```\n", folder: try NotebookFixtures.folder(removedAfter: self))
        guard case .figure(let figure) = result.cells[0].outputs.last, case .lines(let chart) = figure.kind else { return XCTFail("no chart") }
        XCTAssertEqual(chart.series.map(\.name), ["m"])
        XCTAssertEqual(chart.series[0].points.map(\.x), [2, 3, 4])
    }

    func testValidationSamplesOfTheWrongShapeAreFoundByTheCheck() throws {
        let folder = try NotebookFixtures.folder(removedAfter: self)
        try "x1,y\n1,0\n2,1\n".write(to: folder.appendingPathComponent("narrow.csv"), atomically: true, encoding: .utf8)
        let diagnostics = NotebookFixtures.diagnostics(
            "```nnbook\nload csv \"narrow.csv\" as narrow target=y\n" + prelude.dropFirst(10) + "train m on data validation=narrow\n```\n", folder: folder)
        XCTAssertEqual(diagnostics, ["7:17: the model 'm' expects samples of shape (2,), but narrow has samples of shape (1,) | use data of the shape the model was built for"])
    }
}
