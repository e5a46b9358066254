// A second data set given to a trained model is read in the model's terms: its word classes
// numbered by the training data's words, its columns scaled as the training data's were.

import Foundation
import XCTest
@testable import NNBook

final class ModelTermsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        let rows = (0..<30).map { index -> (fruit: String, line: String) in
            let fruit = ["apple", "banana", "lemon"][index % 3]
            let colour = ["red", "yellow", "yellow"][index % 3]
            return (fruit, "\(colour),\(120 + (index % 3) * 20 + index % 5),\(fruit)")
        }
        let write = { (name: String, lines: [String]) in
            try ("colour,weight,fruit\n" + lines.joined(separator: "\n") + "\n").write(to: self.folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("fruit.csv", rows.map(\.line))
        // The same rows without bananas: lemon is its second word, where fruit.csv has banana.
        try write("nobanana.csv", rows.filter { $0.fruit != "banana" }.map(\.line))
        try write("kiwi.csv", rows.filter { $0.fruit != "banana" }.map(\.line) + ["yellow,90,kiwi"])
        // Colours that tell the fruit (apples red or green, bananas yellow, lemons pale), weights
        // that do not: a colour coded by the wrong word is a wrong prediction.
        let coloured = (0..<36).map { index -> (colour: String, line: String) in
            let fruit = ["apple", "banana", "lemon"][index % 3]
            let colour = ["apple": index % 2 == 0 ? "green" : "red", "banana": "yellow", "lemon": "pale"][fruit]!
            return (colour, "\(colour),\(100 + index * 7 % 40),\(fruit)")
        }
        try write("colours.csv", coloured.map(\.line))
        try write("nogreen.csv", coloured.filter { $0.colour != "green" }.map(\.line))
        try write("purple.csv", coloured.map(\.line) + ["purple,120,apple"])
    }

    private let fruitModel = """
        load csv "fruit.csv" as fruit target=fruit codes=[fruit] one_hot=[colour]
        scale fruit weight method=standardize
        model fruity
          dense 4 activation=relu
          dense 3 activation=softmax
        compile fruity loss=sparse_categorical_crossentropy optimizer=adam rate=0.05 metrics=[accuracy]
        train fruity on fruit epochs=5 descent=batch

        """

    private func tables(_ result: RunResult) -> [Table] {
        result.cells.flatMap(\.outputs).compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    private func metrics(_ result: RunResult) -> [String] {
        result.cells.flatMap(\.outputs).compactMap { if case .metric(let name, let value, _) = $0 { "\(name.split(separator: "/").last ?? "") \(value)" } else { nil } }
    }

    /// A test file without bananas: its lemons are the model's lemons (code 2), not its
    /// bananas (code 1, lemon's number in the file on its own). The accuracy on it is the
    /// confusion matrix's apples and lemons, whatever the model learned in 5 epochs.
    func testASecondFileIsCodedByTheTrainingWords() throws {
        for load in ["load csv \"nobanana.csv\" as nob target=fruit codes=[fruit] one_hot=[colour]",
                     "load csv \"nobanana.csv\" as nob target=fruit codes=[fruit] one_hot=[colour] classes=[apple, banana, lemon]"] {
            let result = try NotebookFixtures.run("```nnbook\n" + load + "\nscale nob weight method=standardize\n" + fruitModel + "confusion fruity on fruit\nevaluate fruity on nob\nconfusion fruity on nob\n```\n", folder: folder)
            XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
            let matrices = tables(result).filter { $0.headers.first == "true \\ predicted" }
            XCTAssertEqual(matrices.count, 2)
            let whole = matrices[0].rows.map { $0.dropFirst().compactMap { Int($0) } }
            let right = Double(whole[0][0] + whole[2][2]), all = Double(whole[0].reduce(0, +) + whole[2].reduce(0, +))
            let accuracy = try XCTUnwrap(result.cells.flatMap(\.outputs).compactMap { if case .metric(let name, let value, _) = $0, name.hasSuffix("/nob/accuracy") { value } else { nil } }.first)
            XCTAssertEqual(accuracy, right / all, accuracy: 1e-6, load)
            XCTAssertEqual(matrices[1].headers, ["true \\ predicted", "apple", "banana", "lemon"])
            XCTAssertEqual(matrices[1].rows.map(\.first), ["apple", "banana", "lemon"])
            XCTAssertEqual(matrices[1].rows[1].dropFirst(), ["0", "0", "0"], "no true bananas in nob")
            XCTAssertEqual(matrices[1].rows[2].dropFirst(), matrices[0].rows[2].dropFirst(), "nob's lemons are fruit's lemons")
        }
    }

    func testClassesOfAWordColumnMustNameEveryWord() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"nobanana.csv\" as nob target=fruit codes=[fruit] one_hot=[colour] classes=[banana, apple]\n```\n", folder: folder), [
            "2:76: classes= leaves out lemon, a class of the target column | name every class the column holds (apple, lemon), in the order the model should number them; names of classes the file lacks may be added",
        ])
    }

    func testAClassTheModelNeverLearnedIsACheckError() {
        let load = "load csv \"kiwi.csv\" as tested target=fruit codes=[fruit] one_hot=[colour]\n"
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\n" + load + fruitModel + "evaluate fruity on tested\n```\n", folder: folder), [
            "10:20: the targets of tested include kiwi (at kiwi.csv:22:11), a class the model did not learn: it knows apple, banana, lemon | leave the samples of kiwi out of tested, or train on data that has them",
        ])
    }

    private func accuracy(on data: String, in result: RunResult) -> Double? {
        result.cells.flatMap(\.outputs).compactMap { if case .metric(let name, let value, _) = $0, name.hasPrefix("evaluate/"), name.hasSuffix("/\(data)/accuracy") { value } else { nil } }.first
    }

    /// One-hot word targets (`one_hot=[fruit]`) of a file without bananas have the model's
    /// three columns, the bananas' all zeros, as Keras' `to_categorical(num_classes=3)` gives
    /// them: evaluate, confusion, predict, expect, validation and a second train read them.
    func testAOneHotTargetLackingAClassIsReadInTheModelsClasses() throws {
        let notebook = """
            ```nnbook
            load csv "fruit.csv" as fruit target=fruit one_hot=[fruit, colour]
            load csv "nobanana.csv" as nob target=fruit one_hot=[fruit, colour]
            scale fruit weight method=standardize
            model fruity
              dense 4 activation=relu
              dense 3 activation=softmax
            compile fruity loss=categorical_crossentropy optimizer=adam rate=0.05 metrics=[accuracy]
            train fruity on fruit epochs=5 descent=batch
            confusion fruity on fruit
            evaluate fruity on nob
            confusion fruity on nob
            predict fruity on nob rows=2
            expect fruity accuracy >= 0 on nob
            train fruity on fruit epochs=1 descent=batch validation=nob
            train fruity on nob epochs=1 descent=batch
            evaluate fruity on fruit
            ```

            """
        let result = try NotebookFixtures.run(notebook, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let matrices = tables(result).filter { $0.headers.first == "true \\ predicted" }
        XCTAssertEqual(matrices.count, 2)
        let whole = matrices[0].rows.map { $0.dropFirst().compactMap { Int($0) } }
        let right = Double(whole[0][0] + whole[2][2]), all = Double(whole[0].reduce(0, +) + whole[2].reduce(0, +))
        XCTAssertEqual(try XCTUnwrap(accuracy(on: "nob", in: result)), right / all, accuracy: 1e-6, "nob's apples and lemons as fruit's")
        XCTAssertEqual(matrices[1].rows.map(\.first), ["apple", "banana", "lemon"])
        XCTAssertEqual(matrices[1].rows[1].dropFirst(), ["0", "0", "0"], "no true bananas in nob")
        XCTAssertEqual(matrices[1].rows[2].dropFirst(), matrices[0].rows[2].dropFirst(), "nob's lemons are fruit's lemons")
        let predicted = try XCTUnwrap(tables(result).first { $0.headers.first == "sample" })
        XCTAssertEqual(predicted.headers.filter { $0.hasPrefix("P(") }, ["P(apple)", "P(banana)", "P(lemon)"])
        XCTAssertTrue(metrics(result).contains { $0.hasPrefix("val_accuracy ") }, "validated on nob")
    }

    /// The rows of the `index`th `predict … on` table, without their row numbers: the class,
    /// its probability, the true class and every class's probability.
    private func predictions(_ result: RunResult, table index: Int) -> [[String]] {
        tables(result).filter { $0.headers.first == "sample" }[index].rows.map { Array($0.dropFirst()) }
    }

    /// A file without green apples, its colour column coded by its own words, would read pale
    /// as green and red as pale: read by the model's words, each of its rows is predicted as
    /// the same row of the whole file is, and its accuracy is the whole file's without them.
    func testAWordAFeatureColumnLacksIsReadAsTheModelsWord() throws {
        for (encoding, loss) in [("codes=[fruit, colour]", "sparse_categorical_crossentropy"), ("codes=[fruit] one_hot=[colour]", "sparse_categorical_crossentropy"),
                                 ("one_hot=[fruit, colour]", "categorical_crossentropy")] {
            let notebook = """
                ```nnbook
                load csv "colours.csv" as fruit target=fruit \(encoding)
                load csv "nogreen.csv" as nog target=fruit \(encoding)
                model fruity
                  dense 8 activation=relu
                  dense 3 activation=softmax
                compile fruity loss=\(loss) optimizer=adam rate=0.05 metrics=[accuracy]
                train fruity on fruit epochs=100 descent=batch every=100
                predict fruity on fruit rows=36
                predict fruity on nog rows=30
                evaluate fruity on nog
                train fruity on nog epochs=1 descent=batch validation=fruit
                ```

                """
            let result = try NotebookFixtures.run(notebook, folder: folder)
            XCTAssertEqual(result.status, .succeeded, "\(encoding): \(String(describing: result.failure?.diagnostic))")
            let green = Set(stride(from: 0, to: 36, by: 6))
            let whole = predictions(result, table: 0).enumerated().filter { !green.contains($0.offset) }.map(\.element)
            XCTAssertEqual(predictions(result, table: 1), whole, encoding)
            let right = whole.filter { $0[0] == $0[2] }.count
            XCTAssertEqual(try XCTUnwrap(accuracy(on: "nog", in: result)), Double(right) / 30, accuracy: 1e-6, encoding)
            XCTAssertTrue(result.cells[0].outputs.contains(.text("30 samples; nog's colour coded by the words 'fruity' learned")), encoding)
        }
    }

    /// The training images standardized pixel by pixel, the same images loaded again and left
    /// unscaled: evaluated, and their predictions drawn, as the scaled ones are.
    func testASecondImageSetIsScaledPixelByPixelAsTheTrainingImages() throws {
        // Pixel 1 tells the classes apart; the others are noise of their own ranges.
        let pixels = (0..<40).flatMap { index -> [UInt8] in
            let label = index % 2
            return [UInt8(index % 50 + 150 * label), UInt8(100 + index % 20), UInt8(index % 10), UInt8(200 + index % 55)]
        }
        let labels = (0..<40).map { UInt8($0 % 2) }
        for name in ["train", "again"] {
            try NotebookFixtures.idx([40, 2, 2], pixels).write(to: folder.appendingPathComponent("\(name)-x.idx"))
            try NotebookFixtures.idx([40], labels).write(to: folder.appendingPathComponent("\(name)-y.idx"))
        }
        let notebook = """
            ```nnbook
            load idx "train-x.idx" as train target="train-y.idx"
            load idx "again-x.idx" as again target="again-y.idx"
            scale train divide=255
            scale train method=standardize
            model m
              flatten
              dense 2 activation=softmax
            compile m loss=sparse_categorical_crossentropy optimizer=adam rate=0.05 metrics=[accuracy]
            train m on train epochs=10 descent=batch
            evaluate m on train
            evaluate m on again
            images train count=10 model=m
            images again count=10 model=m
            ```

            """
        let result = try NotebookFixtures.run(notebook, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let measured = metrics(result)
        XCTAssertEqual(Array(measured.suffix(4).prefix(2)), Array(measured.suffix(2)), "again evaluated as train")
        XCTAssertTrue(result.cells[0].outputs.contains(.text("40 samples; again's features scaled as 'm' learned them, as predict does")))
        let captions = result.cells[0].outputs.compactMap { if case .figure(let figure) = $0, figure.name.hasPrefix("images") { figure.caption } else { nil } }
        XCTAssertEqual(captions.count, 2)
        XCTAssertEqual(captions[0], captions[1], "again's predictions drawn as train's")
    }

    /// `predict colour=yellow weight=160` is the row `yellow,160` of a file: its weight and its
    /// colour's code or one-hot columns scaled as the training data's were, by a scaling of
    /// every column (`divide=`) or of each by its own statistics.
    func testPredictScalesNamedInputsAsARowOfAFileIsScaled() throws {
        try "colour,weight,fruit\nyellow,160,lemon\n".write(to: folder.appendingPathComponent("one.csv"), atomically: true, encoding: .utf8)
        let scales = ["scale fruit divide=100", "scale fruit method=standardize", "scale fruit method=min-max"]
        for (scale, words) in scales.flatMap({ scale in ["codes=[fruit] one_hot=[colour]", "codes=[fruit, colour]"].map { (scale, $0) } }) {
            let notebook = """
                ```nnbook
                load csv "fruit.csv" as fruit target=fruit \(words)
                load csv "one.csv" as one target=fruit \(words)
                \(scale)
                model fruity
                  dense 3 activation=softmax
                compile fruity loss=sparse_categorical_crossentropy optimizer=adam rate=0.1 metrics=[accuracy]
                train fruity on fruit epochs=10 descent=batch
                predict fruity colour=yellow weight=160
                predict fruity on one
                ```

                """
            let result = try NotebookFixtures.run(notebook, folder: folder)
            XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
            let rows = tables(result).filter { $0.headers.first == "sample" }.map { $0.rows[0].filter { $0.hasPrefix("0.") } }
            XCTAssertEqual(rows.count, 2)
            XCTAssertEqual(rows.first, rows.last, "\(scale) \(words)")
            let input = result.cells[0].outputs.compactMap { if case .text(let text) = $0, text.hasPrefix("input:") { text } else { nil } }.first
            XCTAssertEqual(input?.hasPrefix("input: colour=yellow (scaled: "), !words.contains("one_hot"), "a scaled code is shown scaled: \(input ?? "")")
        }
    }

    /// `classes=` may name a class the file lacks (kiwi, class 3): the file's labels go up to
    /// 2, so a model of three outputs trains on them, in the check as in the run.
    func testAClassNamedThatTheFileLacksIsNoLabelOfIt() throws {
        let notebook = """
            ```nnbook
            load csv "fruit.csv" as f target=fruit codes=[fruit] one_hot=[colour] classes=[lemon, banana, apple, kiwi]
            model m
              dense 3 activation=softmax
            compile m loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]
            train m on f epochs=1
            confusion m on f
            ```

            """
        let result = try NotebookFixtures.run(notebook, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        XCTAssertEqual(tables(result).first { $0.headers.first == "true \\ predicted" }?.headers, ["true \\ predicted", "lemon", "banana", "apple"])
    }

    /// `classes=` orders one-hot word targets as it orders class numbers, adding a column of
    /// zeros for a class the file lacks: the check and the run agree on three outputs.
    func testClassesOrderOneHotWordTargets() throws {
        let notebook = """
            ```nnbook
            load csv "nobanana.csv" as nob target=fruit one_hot=[fruit, colour] classes=[lemon, banana, apple]
            model fruity
              dense 3 activation=softmax
            compile fruity loss=categorical_crossentropy optimizer=adam metrics=[accuracy]
            train fruity on nob epochs=1
            confusion fruity on nob
            ```

            """
        let result = try NotebookFixtures.run(notebook, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        XCTAssertEqual(result.cells[0].outputs.first, .text("nob: 20 samples; features: colour=red, colour=yellow, weight; target: fruit=lemon, fruit=banana, fruit=apple"))
        let matrix = try XCTUnwrap(tables(result).first { $0.headers.first == "true \\ predicted" })
        XCTAssertEqual(matrix.headers, ["true \\ predicted", "lemon", "banana", "apple"])
        XCTAssertEqual(matrix.rows[1].dropFirst(), ["0", "0", "0"])
    }

    /// A regression on one-hot colours drawn against a file that lacks one colour.
    func testScatterReadsAFileLackingAWordInTheModelsColumns() throws {
        let notebook = """
            ```nnbook
            load csv "colours.csv" as fruit target=weight one_hot=[colour, fruit]
            load csv "nogreen.csv" as nog target=weight one_hot=[colour, fruit]
            model heavy
              dense 1
            compile heavy loss=mse optimizer=adam
            train heavy on fruit epochs=1
            scatter heavy on nog
            ```

            """
        let result = try NotebookFixtures.run(notebook, folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        XCTAssertEqual(result.cells[0].outputs.last, .text("nog's colour coded by the words 'heavy' learned"), "under the picture, as evaluate says it")
    }

    /// `scatter` and `boundary` on a second file draw it as the model reads it, and say so
    /// under the picture in `evaluate`'s words; on the training data they say nothing.
    func testScatterAndBoundaryOnAnUnscaledSecondFileSayItWasScaled() throws {
        // Colours as codes, not one-hot: two inputs, weight and colour, for `boundary`.
        let twoInputs = { (text: String) in text.replacingOccurrences(of: "codes=[fruit] one_hot=[colour]", with: "codes=[fruit, colour]") }
        let again = "load csv \"fruit.csv\" as again target=fruit codes=[fruit] one_hot=[colour]\n"
        let heavy = "model heavy\n  dense 1\ncompile heavy loss=mse optimizer=adam\ntrain heavy on fruit epochs=1\n"
        let result = try NotebookFixtures.run(
            "```nnbook\n" + twoInputs(again + fruitModel) + "boundary fruity on fruit\nboundary fruity on again\n"
                + heavy + "scatter heavy on fruit\nscatter heavy on again\n```\n",
            folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let said = result.cells[0].outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }
        XCTAssertEqual(said.filter { $0.contains("scaled as") }, [
            "again's weight scaled as 'fruity' learned them, as predict does",
            "again's weight scaled as 'heavy' learned them, as predict does",
        ])
    }

    /// A colour the model never saw has no input: the check names the word, its column, its
    /// row in the file and the words the model knows. A file too large for the check to read
    /// meets the same error when it runs.
    func testAWordTheModelNeverSawIsAnErrorNamingItsRow() throws {
        let model = """
            load csv "colours.csv" as fruit target=fruit codes=[fruit] one_hot=[colour]
            model fruity
              dense 3 activation=softmax
            compile fruity loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]
            train fruity on fruit epochs=1

            """
        let expected = "has the word purple in its column colour (at %@), which 'fruity' never saw: it learned colour from the words green, pale, red, yellow"
            + " | the model has no input for purple: leave its rows out of tested, or train 'fruity' on data that has it"
        for command in ["evaluate fruity on tested", "predict fruity on tested", "confusion fruity on tested", "train fruity on fruit validation=tested"] {
            let load = "load csv \"purple.csv\" as tested target=fruit codes=[fruit] one_hot=[colour]\n"
            // Validation data is placed on its option.
            let column = command.distance(from: command.startIndex, to: command.range(of: command.hasPrefix("train") ? "validation" : "tested")!.lowerBound) + 1
            XCTAssertEqual(
                NotebookFixtures.diagnostics("```nnbook\n" + load + model + command + "\n```\n", folder: folder),
                ["8:\(column): tested " + expected.replacingOccurrences(of: "%@", with: "purple.csv:38:1")], command)
        }
        // Past the size the check reads (1 MiB), the purple row last.
        let rows = (0..<70_000).map { "\(["red", "yellow", "pale"][$0 % 3]),\(100 + $0 % 40),\(["apple", "banana", "lemon"][$0 % 3])" }
        try ("colour,weight,fruit\n" + rows.joined(separator: "\n") + "\npurple,120,apple\n").write(to: folder.appendingPathComponent("large.csv"), atomically: true, encoding: .utf8)
        let load = "load csv \"large.csv\" as tested target=fruit codes=[fruit] one_hot=[colour]\n"
        let result = try NotebookFixtures.run("```nnbook\n" + load + model + "evaluate fruity on tested\n```\n", folder: folder)
        XCTAssertEqual(result.status, .failed)
        let problem = try XCTUnwrap(result.failure?.diagnostic)
        XCTAssertEqual(
            "\(problem.range.map { "\($0.line):\($0.column)" } ?? "-"): \(problem.message) | \(problem.hint ?? "")",
            "8:20: tested " + expected.replacingOccurrences(of: "%@", with: "large.csv:70002:1"))
    }

    /// The same file loaded twice, the second copy left unscaled: evaluated and validated as
    /// the scaled one, as `predict` scales its inputs.
    func testAnUnscaledSecondFileIsScaledAsTheTrainingData() throws {
        let again = "load csv \"fruit.csv\" as again target=fruit codes=[fruit] one_hot=[colour]\n"
        let result = try NotebookFixtures.run(
            "```nnbook\n" + again + fruitModel.replacingOccurrences(of: "descent=batch", with: "descent=batch validation=again") + "evaluate fruity on fruit\nevaluate fruity on again\n```\n",
            folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let measured = metrics(result)
        // The last epoch's loss and accuracy, its val_loss and val_accuracy (on again), then
        // both evaluates.
        XCTAssertEqual(measured.count, 8)
        XCTAssertEqual(Array(measured[4..<6]), Array(measured[6..<8]))
        XCTAssertEqual(Array(measured[2..<4]), measured[4..<6].map { "val_" + $0 }, "validated on again as evaluated on fruit")
        XCTAssertTrue(result.cells[0].outputs.contains(.text("30 samples; again's weight scaled as 'fruity' learned them, as predict does")))
    }

    /// `confusion` and `predict … on` count and show the same samples as `evaluate`, and say,
    /// as it does, that the second file was scaled as the training data was.
    func testConfusionAndPredictOnAnUnscaledSecondFileSayItWasScaled() throws {
        let again = "load csv \"fruit.csv\" as again target=fruit codes=[fruit] one_hot=[colour]\n"
        let result = try NotebookFixtures.run(
            "```nnbook\n" + again + fruitModel + "confusion fruity on fruit\nconfusion fruity on again\npredict fruity on fruit rows=3\npredict fruity on again rows=3\n```\n",
            folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        let said = "again's weight scaled as 'fruity' learned them, as predict does"
        XCTAssertEqual(result.cells[0].outputs.filter { $0 == .text(said) }.count, 2, "under the confusion matrix and the predictions on again")
        let shown = tables(result)
        let matrices = shown.filter { $0.headers.first == "true \\ predicted" }, predictions = shown.filter { $0.headers.first == "sample" }
        XCTAssertEqual(matrices.count, 2)
        XCTAssertEqual(matrices[0], matrices[1])
        XCTAssertEqual(predictions.count, 2)
        XCTAssertEqual(predictions[0], predictions[1])
    }
}
