// `landscape`: the surface at its grid points against the loss computed directly, the paths
// against the weights training recorded per epoch, and the mistakes a learner can make.

import Foundation
import XCTest
@testable import NNBook

final class LandscapeCommandTests: XCTestCase {
    private var folder: URL!
    private let samples: [(x: Double, y: Double)] = [(0.1, 0.35), (0.4, 0.5), (0.5, 0.62), (0.8, 0.7), (0.9, 0.95)]

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        let csv = "x,y\n" + samples.map { "\($0.x),\($0.y)" }.joined(separator: "\n") + "\n"
        try csv.write(to: folder.appendingPathComponent("line.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A line y = w1·x + bias fitted by batch and stochastic descent: two weights, so nothing is
    /// held and the surface is MSE(w1, bias) exactly.
    private let notebook = """
        ---
        seed: 5
        ---
        ```nnbook label=train
        load csv "line.csv" as line target=y
        model batch_fit
          dense 1 weights=ones bias=zeros
        compile batch_fit loss=mse optimizer=sgd rate=0.3
        train batch_fit on line descent=batch epochs=6 every=1
        model stochastic_fit
          dense 1 weights=ones bias=zeros
        compile stochastic_fit loss=mse optimizer=sgd rate=0.3
        train stochastic_fit on line descent=stochastic epochs=6 every=1
        ```

        ```nnbook label=landscape
        landscape batch_fit stochastic_fit on line
        ```

        """

    private func contour(_ result: RunResult) throws -> ContourMap {
        let outputs = try XCTUnwrap(result.cells.first { $0.cell.label == "landscape" }?.outputs)
        for case .figure(let figure) in outputs { if case .contour(let map) = figure.kind { return map } }
        throw XCTSkip("no contour map in \(outputs)")
    }

    func testTheSurfaceIsTheLossComputedDirectly() throws {
        let map = try contour(try NotebookFixtures.run(notebook, folder: folder))
        XCTAssertEqual(map.xs.count, LandscapeCommand.gridSize)
        XCTAssertEqual(map.ys.count, LandscapeCommand.gridSize)
        XCTAssertEqual(map.xLabel, "w1")
        XCTAssertEqual(map.yLabel, "bias")
        for (row, column) in [(0, 0), (7, 33), (20, 20), (40, 3), (40, 40)] {
            let w = Double(Float(map.xs[column])), b = Double(Float(map.ys[row]))
            let direct = samples.map { pow(w * $0.x + b - $0.y, 2) }.reduce(0, +) / Double(samples.count)
            XCTAssertEqual(map.values[row][column], direct, accuracy: 1e-5 * max(1, direct), "at (\(row), \(column))")
        }
    }

    /// One point before training and one after each epoch, equal to the weights the training
    /// table shows for that epoch.
    func testThePathsAreTheWeightsRecordedPerEpoch() throws {
        let result = try NotebookFixtures.run(notebook, folder: folder)
        let map = try contour(result)
        XCTAssertEqual(map.paths.map(\.name), ["batch_fit", "stochastic_fit"])
        let tables = result.cells[0].outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }
        XCTAssertEqual(tables.count, 2)
        for (path, table) in zip(map.paths, tables) {
            XCTAssertEqual(table.headers, ["epoch", "w1 (x)", "bias", "loss"])
            XCTAssertEqual(path.points.count, 7)
            XCTAssertEqual(path.points[0], .init(x: 1, y: 0))
            let drawn = path.points.dropFirst().map { [String(format: "%.4f", $0.x), String(format: "%.4f", $0.y)] }
            XCTAssertEqual(drawn, table.rows.map { Array($0[1...2]) })
        }
        let box = (map.xs.first!, map.xs.last!, map.ys.first!, map.ys.last!)
        XCTAssertTrue(map.paths.flatMap(\.points).allSatisfy { $0.x > box.0 && $0.x < box.1 && $0.y > box.2 && $0.y < box.3 }, "every path lies inside the grid")
    }

    /// Another data set is read in the model's terms, as `evaluate` reads it: a second load of
    /// the training file, unscaled or scaled by its own `scale` lines, gives the surface of the
    /// training data, and the page says which columns it scaled.
    func testAnotherLoadOfTheTrainingFileGivesTheSameSurface() throws {
        let text = """
            ```nnbook label=landscape
            load csv "line.csv" as line target=y
            scale line x method=standardize
            scale line y method=min-max
            model fit
              dense 1
            compile fit loss=mse optimizer=sgd rate=0.3
            train fit on line descent=batch epochs=6
            landscape fit on line
            load csv "line.csv" as again target=y
            landscape fit on again
            load csv "line.csv" as rescaled target=y
            scale rescaled x method=standardize
            scale rescaled y method=min-max
            landscape fit on rescaled
            ```

            """
        let outputs = try NotebookFixtures.run(text, folder: folder).cells[0].outputs
        let maps = outputs.compactMap { output -> ContourMap? in
            if case .figure(let figure) = output, case .contour(let map) = figure.kind { map } else { nil }
        }
        XCTAssertEqual(maps.count, 3)
        XCTAssertEqual(maps[1], maps[0], "the unscaled second load")
        XCTAssertEqual(maps[2], maps[0], "the second load scaled as the training data")
        let said = outputs.compactMap { output -> String? in if case .text(let text) = output, text.contains("grid") { text } else { nil } }
        XCTAssertEqual(said.count, 3)
        XCTAssertFalse(said[0].contains("scaled as"), said[0])
        XCTAssertTrue(said[1].hasSuffix("; again's x, y scaled as 'fit' learned them, as predict does"), said[1])
        XCTAssertFalse(said[2].contains("scaled as"), said[2])
    }

    /// The check knows each model's weights from its layers and its data: a weight it lacks is
    /// a mistake found before anything trains.
    func testAWeightTheModelLacksIsACheckErrorListingTheWeightsItHas() {
        XCTAssertEqual(NotebookFixtures.diagnostics(notebook.replacingOccurrences(of: "on line\n```", with: "on line y=w2\n```"), folder: folder), [
            "17:44: 'batch_fit' has no weight named 'w2' | its weights are: w1, bias",
        ])
    }

    /// 300,001 weights on five samples: 1681 losses would take too long. The check knows the
    /// weights from the layers and the samples from the file, so it refuses the landscape, with
    /// a way out, before anything trains.
    /// A hidden layer's weights are named with an arrow, `layer 1 w[1→2]`; `->` is taken for it,
    /// in the check and the run, and the picture's axis shows the arrow.
    func testAnArrowWrittenAsASCIINamesAHiddenLayersWeight() throws {
        let hidden = """
            ```nnbook
            load csv "line.csv" as line target=y
            model net
              dense 2 activation=relu
              dense 1
            compile net loss=mse optimizer=sgd
            train net on line epochs=2
            landscape net on line x="layer 1 w[1->2]" y="layer 2 bias[1]"
            ```

            """
        XCTAssertEqual(NotebookFixtures.diagnostics(hidden, folder: folder), [])
        let wrong = NotebookFixtures.diagnostics(hidden.replacingOccurrences(of: "w[1->2]", with: "w[1->9]"), folder: folder)
        XCTAssertEqual(wrong.count, 1)
        XCTAssertTrue(wrong[0].hasPrefix("8:23: 'net' has no weight named 'layer 1 w[1->9]' | its weights are: layer 1 w[1→1], "), wrong[0])
        XCTAssertTrue(wrong[0].hasSuffix("; a name with spaces goes in quotes, and -> may stand for →: x=\"layer 1 w[1->1]\""), wrong[0])
        XCTAssertEqual(try contour(try NotebookFixtures.run(hidden.replacingOccurrences(of: "```nnbook\n", with: "```nnbook label=landscape\n"), folder: folder)).xLabel, "layer 1 w[1→2]")
    }

    /// One numbering everywhere: a layer is counted by its place among all the model's layers,
    /// `dropout` and `flatten` too, in `weights` (small and large), `explain` and `landscape`
    /// alike, so the name `weights` prints is the one `landscape` takes.
    func testWeightsAndLandscapeCountEveryLayer() throws {
        let dropped = """
            ```nnbook label=landscape
            load csv "line.csv" as line target=y
            model net
              dense 2 activation=relu
              dropout 0.1
              dense 1
            compile net loss=mse optimizer=sgd
            train net on line epochs=2
            weights net
            landscape net on line x="layer 3 w[2->1]" y="layer 3 bias[1]"
            ```

            """
        XCTAssertEqual(NotebookFixtures.diagnostics(dropped, folder: folder), [])
        let result = try NotebookFixtures.run(dropped, folder: folder)
        XCTAssertEqual(try contour(result).xLabel, "layer 3 w[2→1]")
        let tables = try XCTUnwrap(result.cells.first?.outputs).compactMap { output -> Table? in if case .table(let table) = output { table } else { nil } }
        let weights = try XCTUnwrap(tables.last { $0.headers == ["weight", "value"] })
        XCTAssertEqual(weights.rows.map { $0[0] }, [
            "layer 1 w[1→1]", "layer 1 w[1→2]", "layer 1 bias[1]", "layer 1 bias[2]", "layer 3 w[1→1]", "layer 3 w[2→1]", "layer 3 bias[1]",
        ])
        let wrong = NotebookFixtures.diagnostics(dropped.replacingOccurrences(of: "layer 3 w[2->1]", with: "layer 2 w[2->1]"), folder: folder)
        XCTAssertEqual(wrong.count, 1)
        XCTAssertTrue(wrong[0].contains("'net' has no weight named 'layer 2 w[2->1]' | its weights are: layer 1 w[1→1], "), wrong[0])
    }

    /// Two models whose layers differ cannot share one surface: the check says so at the second,
    /// rather than the run failing on a weight name the notebook never wrote.
    func testModelsWithDifferentLayersInOneLandscapeAreACheckError() {
        let text = notebook.replacingOccurrences(of: "model stochastic_fit\n  dense 1 weights=ones bias=zeros", with: "model stochastic_fit\n  dense 2 activation=relu\n  dense 1")
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), [
            "18:11: 'stochastic_fit' has no weights named 'w1' and 'bias', the axes of the surface of 'batch_fit': a landscape draws one surface over the weights of its first model, and the models' layers differ | draw each model in a landscape line of its own, e.g. landscape stochastic_fit on line",
        ])
    }

    /// The surface is the first model's loss: a model trained on another loss went down another
    /// surface, and drawing its path on this one said nothing of it. The same loss under its
    /// long name is one surface.
    func testModelsCompiledWithDifferentLossesInOneLandscapeAreACheckError() throws {
        let otherLoss = notebook.replacingOccurrences(of: "compile stochastic_fit loss=mse optimizer=sgd", with: "compile stochastic_fit loss=mae optimizer=adam")
        XCTAssertEqual(NotebookFixtures.diagnostics(otherLoss, folder: folder), [
            "17:11: 'stochastic_fit' minimised mae and 'batch_fit' mse: a landscape draws one loss, its first model's, and the path of 'stochastic_fit' went down another surface | draw each model in a landscape line of its own, e.g. landscape stochastic_fit on line; `plot batch_fit stochastic_fit` compares how each loss fell",
        ])
        let sameLoss = notebook.replacingOccurrences(of: "compile stochastic_fit loss=mse optimizer=sgd", with: "compile stochastic_fit loss=mean_squared_error optimizer=adam")
        XCTAssertEqual(NotebookFixtures.diagnostics(sameLoss, folder: folder), [])
        XCTAssertEqual(try contour(try NotebookFixtures.run(sameLoss, folder: folder)).paths.count, 2)
    }

    func testALandscapeThatWouldTakeTooLongIsACheckErrorWithAWayOut() {
        XCTAssertEqual(NotebookFixtures.diagnostics("""
            ```nnbook label=landscape
            load csv "line.csv" as line target=y
            model wide
              dense 100000
              dense 1
            compile wide loss=mse optimizer=sgd
            train wide on line epochs=1
            landscape wide on line
            ```
            """, folder: folder), [
            "8:19: the landscape of wide on 5 samples would take too long: 41 × 41 losses, each over every sample | measure it on fewer samples, e.g. `take line 3 as few` and `landscape … on few`",
        ])
    }

    func testAModelThatWasNotTrainedIsACheckError() {
        XCTAssertEqual(NotebookFixtures.diagnostics("""
            ```nnbook
            load csv "line.csv" as line target=y
            model m
              dense 1
            compile m loss=mse optimizer=sgd
            landscape m on line
            ```
            """, folder: folder), [
            "6:11: the model 'm' has not been trained before this line, so it has no path to draw | add `train m on …` before this line",
        ])
    }
}
