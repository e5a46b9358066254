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
            "10:20: the targets of tested include kiwi, a class the model did not learn: it knows apple, banana, lemon | leave the samples of kiwi out of tested, or train on data that has them",
        ])
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
}
