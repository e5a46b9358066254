// `explain` in a notebook: the step written out, its new weights those the next `train` ends
// its first epoch on, a summary per layer for large models, and a diverging step said so.

import Foundation
import XCTest
@testable import NNBook

final class ExplainCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func tables(_ result: RunResult, cell label: String) -> [Table] {
        result.cells.first { $0.cell.label == label }?.outputs.compactMap { if case .table(let table) = $0 { table } else { nil } } ?? []
    }

    private func texts(_ result: RunResult, cell label: String) -> [String] {
        result.cells.first { $0.cell.label == label }?.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } } ?? []
    }

    /// The course's neuron on the fixture's five samples; bit-equality with training is
    /// `StepExplanationTests`' business, the page's four decimals are this one's.
    private let neuron = """
        ---
        seed: 3
        ---
        ```nnbook label=data
        load csv "data.csv" as data target=y
        model m
          dense 1 activation=sigmoid weights=ones bias=zeros
        compile m loss=binary_crossentropy optimizer=sgd rate=0.5
        ```

        """

    /// The same neuron with its sigmoid left to the loss (`from_logits=true`): the step is the
    /// same, and ŷ is the probability the loss compares with y, σ(z), not the score z.
    func testAModelOfScoresShowsTheProbabilityItsLossCompares() throws {
        let logits = neuron
            .replacingOccurrences(of: "dense 1 activation=sigmoid", with: "dense 1")
            .replacingOccurrences(of: "rate=0.5", with: "rate=0.5 from_logits=true")
        let text = "```nnbook label=explain\nexplain m on data descent=batch\n```\n"
        let scores = try NotebookFixtures.run(logits + text, folder: folder)
        let sigmoid = try NotebookFixtures.run(neuron + text, folder: folder)
        let explained = tables(scores, cell: "explain")
        XCTAssertEqual(explained.first?.headers, ["sample", "x1", "x2", "z = w·x + b", "ŷ = sigmoid(z)", "y", "loss"])
        // The first sample: z = 1.1, σ(1.1) = 0.7503 by hand.
        XCTAssertEqual(explained.first?.rows[0][4], "0.7503")
        XCTAssertEqual(explained, tables(sigmoid, cell: "explain"))
        XCTAssertTrue(texts(scores, cell: "explain").contains(
            "m outputs scores (logits), as compiled with from_logits=true: the probabilities shown are their sigmoid, and a class is the most probable one"))
    }

    func testNewValuesAreThoseTheFirstEpochOfTrainingEndsOn() throws {
        let result = try NotebookFixtures.run(neuron + """
            ```nnbook label=explain
            explain m on data descent=batch
            ```

            ```nnbook label=train
            train m on data descent=batch epochs=1
            ```
            """, folder: folder)
        let explained = tables(result, cell: "explain")
        XCTAssertEqual(explained.count, 2)
        XCTAssertEqual(explained[0].headers, ["sample", "x1", "x2", "z = w·x + b", "ŷ = sigmoid(z)", "y", "loss"])
        XCTAssertEqual(explained[0].rows.map(\.first), ["1", "2", "3", "4", "5"])
        // The first sample: z = 0.1 + 1 = 1.1, sigmoid(1.1) = 0.75026011, y = 0: loss −log(1 − 0.75026011).
        XCTAssertEqual(explained[0].rows[0][3], "1.1000")
        XCTAssertEqual(Double(explained[0].rows[0][6])!, -log(1 - 1 / (1 + exp(-1.1))), accuracy: 1e-4)
        let weights = explained[1]
        XCTAssertEqual(weights.headers, ["weight", "value", "∂L/∂w", "update", "new value"])
        XCTAssertEqual(weights.rows.map(\.first), ["w1 (x1)", "w2 (x2)", "bias"])
        let trained = try XCTUnwrap(tables(result, cell: "train").first)
        XCTAssertEqual(trained.headers, ["epoch", "w1 (x1)", "w2 (x2)", "bias", "loss"])
        XCTAssertEqual(weights.rows.map(\.last), Array(trained.rows[0][1...3]))
        XCTAssertEqual(texts(result, cell: "explain").last, "L = the mean of the 5 samples' losses = \(trained.rows[0][4])")
        let w1 = weights.rows[0]
        let gradient = w1[2].hasPrefix("-") ? "(\(w1[2]))" : w1[2]
        XCTAssertEqual(w1[3], "w1 ← \(w1[1]) − 0.5 × \(gradient) = \(w1[4])")
    }

    /// Explaining a step trains nothing: a notebook with `explain` before `train` gives the
    /// same training as one without.
    func testExplainingChangesNothing() throws {
        let training = "```nnbook label=train\ntrain m on data descent=stochastic epochs=3\nweights m\n```\n"
        let with = try NotebookFixtures.run(neuron + "```nnbook label=explain\nexplain m on data descent=stochastic\n```\n\n" + training, folder: folder)
        let without = try NotebookFixtures.run(neuron + training, folder: folder)
        XCTAssertEqual(tables(with, cell: "train"), tables(without, cell: "train"))
        XCTAssertEqual(tables(with, cell: "explain").first?.rows.count, 1)
    }

    func testALargeModelIsSummarisedPerLayer() throws {
        let result = try NotebookFixtures.run("""
            ```nnbook label=explain
            load csv "data.csv" as data target=y
            model wide
              dense 32 activation=relu
              dense 1 activation=sigmoid
            compile wide loss=binary_crossentropy optimizer=adam
            explain wide on data batch=2
            ```
            """, folder: folder)
        let summary = try XCTUnwrap(tables(result, cell: "explain").last)
        XCTAssertEqual(summary.headers, ["array", "shape", "gradient norm", "largest update"])
        XCTAssertEqual(summary.rows.map { Array($0[0...1]) }, [
            ["layer 1 kernel", "(2, 32)"], ["layer 1 bias", "(32,)"], ["layer 2 kernel", "(32, 1)"], ["layer 2 bias", "(1,)"],
        ])
        XCTAssertEqual(tables(result, cell: "explain").first?.rows.count, 2)
    }

    func testADivergingStepSaysSoWithItsNumbers() throws {
        let result = try NotebookFixtures.run("""
            ```nnbook label=explain
            load csv "data.csv" as data target=y
            model huge
              dense 1 weights=1e30
            compile huge loss=mse optimizer=sgd rate=0.1
            explain huge on data descent=batch
            ```
            """, folder: folder)
        let last = try XCTUnwrap(texts(result, cell: "explain").last)
        XCTAssertTrue(last.hasPrefix("This step diverges: the loss is inf"), last)
        XCTAssertTrue(last.contains("at learning rate 0.1"), last)
    }

    /// Data that does not fit the model is found by the check, with the message `train` gives.
    func testDataThatDoesNotFitIsACheckErrorAsForTrain() {
        func problems(_ verb: String) -> [String] {
            NotebookFixtures.diagnostics("""
                ```nnbook
                load csv "data.csv" as data target=y
                model m
                  dense 3 activation=softmax
                compile m loss=categorical_crossentropy optimizer=sgd
                \(verb) m on data
                ```
                """, folder: folder).map { $0.drop { $0 != " " }.description }
        }
        XCTAssertEqual(problems("explain").count, 1)
        XCTAssertEqual(problems("explain"), problems("train"))
    }

    func testExplainingAModelThatIsNotCompiledIsACheckError() {
        XCTAssertEqual(NotebookFixtures.diagnostics("""
            ```nnbook
            load csv "data.csv" as data target=y
            model m
              dense 1
            explain m on data
            ```
            """, folder: folder), [
            "5:9: the model 'm' must be compiled before its step can be explained | add `compile m loss=… optimizer=…` before this line: the step uses its loss and optimizer",
        ])
    }
}
