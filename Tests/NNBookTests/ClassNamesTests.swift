// Class names everywhere: a word target names its classes, `load … classes=[…]` names any data
// set's, Fashion-MNIST's are built in; predict takes words for word columns.

import Foundation
import XCTest
@testable import NNBook

final class ClassNamesTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        let rows = (0..<30).map { index -> String in
            let fruit = ["apple", "banana", "lemon"][index % 3]
            let colour = ["red", "yellow", "yellow"][index % 3]
            return "\(colour),\(120 + (index % 3) * 20 + index % 5),\(fruit)"
        }
        try ("colour,weight,fruit\n" + rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("fruit.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private let fruitModel = """
        load csv "fruit.csv" as fruit target=fruit codes=[fruit] one_hot=[colour]
        scale fruit weight method=standardize
        model fruity
          dense 3 activation=softmax
        compile fruity loss=sparse_categorical_crossentropy optimizer=adam rate=0.1 metrics=[accuracy]
        train fruity on fruit epochs=20 descent=batch

        """

    private func tables(_ result: RunResult) -> [Table] {
        result.cells.flatMap(\.outputs).compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    func testAWordTargetNamesTheClassesOfPredictAndConfusion() throws {
        let result = try NotebookFixtures.run("```nnbook\n" + fruitModel + "predict fruity colour=red weight=125\nconfusion fruity on fruit\n```\n", folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        // (125 − mean 142) / population std 16.391, by hand
        XCTAssertEqual(result.cells[0].outputs.compactMap { if case .text(let text) = $0, text.hasPrefix("input") { text } else { nil } }, ["input: colour=red, weight=125 (scaled: -1.0372)"])
        let prediction = try XCTUnwrap(tables(result).first { $0.headers.first == "sample" })
        XCTAssertEqual(prediction.headers, ["sample", "class", "probability", "P(apple)", "P(banana)", "P(lemon)"])
        XCTAssertEqual(prediction.rows[0][1], "apple")
        let confusion = try XCTUnwrap(tables(result).first { $0.headers.first == "true \\ predicted" })
        XCTAssertEqual(confusion.headers, ["true \\ predicted", "apple", "banana", "lemon"])
        XCTAssertEqual(tables(result).last?.rows.map(\.first), ["apple", "banana", "lemon"])
    }

    /// `show` names a row's class as pandas shows a column of words: apple, not 0.
    /// A share of nothing is undefined: a class the data lacks and the model never predicts
    /// gets "—" for precision, recall and F1, with a note saying why, not 0.0000 (which reads
    /// as the model missing every one of them).
    func testAClassNeitherPresentNorPredictedHasUndefinedFiguresNotZeros() throws {
        try "colour,weight,fruit\nred,120,apple\nred,121,apple\nred,122,apple\n".write(to: folder.appendingPathComponent("apples.csv"), atomically: true, encoding: .utf8)
        let result = try NotebookFixtures.run(
            "```nnbook\n" + fruitModel + "load csv \"apples.csv\" as apples target=fruit codes=[fruit] one_hot=[colour]\nconfusion fruity on apples\n```\n", folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        XCTAssertEqual(tables(result).last?.rows, [
            ["apple", "1.0000", "1.0000", "1.0000", "3"], ["banana", "—", "—", "—", "0"], ["lemon", "—", "—", "—", "0"],
        ])
        let notes = result.cells.flatMap(\.outputs).compactMap { if case .text(let text) = $0 { text } else { nil } }
        XCTAssertTrue(notes.contains(
            "— is undefined, a share of nothing (0 ÷ 0), where scikit-learn prints 0 with a warning: apples has no sample of banana (recall) "
                + "and no sample was predicted as banana (precision); apples has no sample of lemon (recall) and no sample was predicted as lemon (precision)."), "\(notes)")
    }

    func testShowNamesTheClassOfEachRow() throws {
        let result = try NotebookFixtures.run("```nnbook\nload csv \"fruit.csv\" as fruit target=fruit codes=[fruit] one_hot=[colour]\nshow fruit rows=3\n```\n", folder: folder)
        XCTAssertEqual(tables(result).first?.rows.map(\.last), ["apple", "banana", "lemon"])
    }

    /// The caret is on the value that is wrong, not on the column's name.
    func testAWordTheColumnNeverHadIsACheckErrorListingItsWords() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\n" + fruitModel + "predict fruity colour=purple weight=heavy\n```\n", folder: folder), [
            "8:23: the column 'colour' never had the word 'purple' | its words are red, yellow",
            "8:37: 'weight' is a column of numbers: expected a number, not heavy | give the number alone, without units, in the units of the data 'fruity' learned from (predict scales it as that data was)",
        ])
    }

    /// A column's name with more at its end (`weight_in_grams`), too far from it for a typo, is
    /// still the column meant.
    func testAnInputNamedWithMoreThanItsColumnAsksForTheColumn() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\n" + fruitModel + "predict fruity colour=red weight_in_grams=150\n```\n", folder: folder), [
            "8:27: the model 'fruity' was not trained on a feature called 'weight_in_grams' | did you mean 'weight'? its features are colour, weight",
        ])
    }

    func testClassesNameAnyDataSetAndMustCountTheClasses() throws {
        let named = try NotebookFixtures.run("```nnbook\nload csv \"data.csv\" as data target=y classes=[no, yes]\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on data\npredict m on data rows=2\n```\n", folder: folder)
        XCTAssertEqual(tables(named).last?.rows.map(\.last), ["no", "yes"])
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"data.csv\" as data target=y classes=[no, yes, maybe]\n```\n", folder: folder), [
            "2:38: classes= names 3 classes, but data has 2 | give one name per class, in the order of the class numbers 0 to 1",
        ])
    }

    /// Two classes of one name, or one without a name, could not be told apart in a confusion
    /// matrix or a prediction.
    func testAClassNamedTwiceOrNotAtAllIsACheckError() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"data.csv\" as data target=y classes=[no, no]\n```\n", folder: folder), [
            "2:38: classes= names classes 0 and 1 both 'no' | give each class a name of its own, in the order of the class numbers 0, 1, 2, …; a name with spaces goes in quotes",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"fruit.csv\" as fruit target=fruit codes=[fruit] one_hot=[colour] classes=[apple, banana, lemon, apple]\n```\n", folder: folder), [
            "2:75: classes= names classes 0 and 3 both 'apple' | give each class a name of its own, in the order of the class numbers 0, 1, 2, …; a name with spaces goes in quotes",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"data.csv\" as data target=y classes=[\"\", yes]\n```\n", folder: folder), [
            "2:38: classes= leaves class 0 without a name | give each class a name of its own, in the order of the class numbers 0, 1, 2, …; a name with spaces goes in quotes",
        ])
    }

    func testFashionMNISTClassNamesOfTheWrongLengthAreACheckError() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"), "dataset-fashion-mnist is not installed")
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload fashion-mnist as clothes classes=[a, b]\n```\n", folder: folder), [
            "2:31: classes= names 2 classes, but clothes has 10 | give one name per class, in the order of the class numbers 0 to 9",
        ])
    }

    func testFashionMNISTKnowsItsTenClassNames() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist"), "dataset-fashion-mnist is not installed")
        let result = try NotebookFixtures.run("```nnbook\nload fashion-mnist as clothes rows=3 shuffle=false\nimages clothes.test count=2\n```\n", folder: folder)
        XCTAssertEqual(result.cells[0].outputs.last, .text("#0: label Ankle boot; #1: label Pullover"))
    }
}
