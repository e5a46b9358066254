// A model compiled with `from_logits=true` outputs scores (logits), as Keras leaves them: every
// probability, class and accuracy a page shows comes from their sigmoid or softmax, so that the
// same weights give the same answers whether the sigmoid is a layer or left to the loss.

import Foundation
import XCTest
@testable import NNBook

final class LogitsModelTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func tables(_ result: RunResult) -> [Table] {
        result.cells.flatMap(\.outputs).compactMap { if case .table(let table) = $0 { table } else { nil } }
    }

    private func metrics(_ result: RunResult) -> [String: Double] {
        Dictionary(result.cells.flatMap(\.outputs).compactMap { if case .metric(let name, let value, _) = $0 { (name, value) } else { nil } }) { _, last in last }
    }

    /// The outside tester's case: one neuron with both weights 0.3, trained with a learning rate
    /// too small to move them. Its scores are 0, 0.3, 0.3 and 0.6; by hand σ(0) = 0.5,
    /// σ(0.3) = 0.5744 and σ(0.6) = 0.6457, so the last three are "on" (a score above 0) and all
    /// four are right. Before, the scores were printed as P(on) and cut at 0.5: accuracy 0.5.
    func testABinaryLogitModelShowsAndCountsTheSigmoidOfItsScores() throws {
        let layer = { (activation: String, logits: String) in """
            ```csv name=gates2
            x1,x2,y
            0,0,0
            0,1,1
            1,0,1
            1,1,1
            ```

            ```nnbook
            load inline gates2 as g target=y classes=[off, on]
            model m
              dense 1\(activation) weights=0.3 bias=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=1e-30\(logits) metrics=[accuracy]
            train m on g epochs=1
            predict m on g rows=4
            evaluate m on g
            confusion m on g
            expect m prediction between 0.57 and 0.58 x1=1 x2=0
            ```
            """
        }
        let logits = try NotebookFixtures.run(layer("", " from_logits=true"), folder: folder)
        let sigmoid = try NotebookFixtures.run(layer(" activation=sigmoid", ""), folder: folder)
        XCTAssertEqual(logits.status, .succeeded, "\(String(describing: logits.failure?.diagnostic))")
        let predicted = Table(headers: ["sample", "P(on)", "class", "true class"], rows: [
            ["1", "0.5000", "off", "off"], ["2", "0.5744", "on", "on"], ["3", "0.5744", "on", "on"], ["4", "0.6457", "on", "on"],
        ])
        XCTAssertTrue(tables(logits).contains(predicted), "\(tables(logits))")
        XCTAssertTrue(tables(logits).contains(Table(headers: ["true \\ predicted", "off", "on"], rows: [["off", "1", "0"], ["on", "0", "3"]])))
        XCTAssertEqual(metrics(logits).filter { $0.key.hasSuffix("accuracy") }.values.sorted(), [1, 1, 1])
        XCTAssertTrue(logits.cells[0].outputs.contains(.text(
            "m outputs scores (logits), as compiled with from_logits=true: the probabilities shown are their sigmoid, and a class is the most probable one")))
        // The same weights with the sigmoid as a layer: the same tables and figures.
        XCTAssertEqual(tables(logits), tables(sigmoid))
        XCTAssertEqual(metrics(logits), metrics(sigmoid))
    }

    /// Three scores per sample: the probabilities are their softmax. The same seed gives both
    /// models the same weights, and a learning rate of 1e-30 keeps them: the model whose
    /// softmax is a layer shows the same probabilities, classes and matrix.
    func testACategoricalLogitModelShowsTheSoftmaxOfItsScores() throws {
        let notebook = { (activation: String, logits: String) in """
            ---
            seed: 7
            ---
            ```csv name=points
            a,b,k
            1,0,0
            0,1,2
            0.5,0.5,1
            ```

            ```nnbook
            load inline points as p target=k
            model m
              dense 3\(activation)
            compile m loss=sparse_categorical_crossentropy optimizer=sgd rate=1e-30\(logits) metrics=[accuracy]
            train m on p epochs=1
            predict m on p rows=3
            confusion m on p
            ```
            """
        }
        let logits = try NotebookFixtures.run(notebook("", " from_logits=true"), folder: folder)
        let softmax = try NotebookFixtures.run(notebook(" activation=softmax", ""), folder: folder)
        XCTAssertEqual(logits.status, .succeeded, "\(String(describing: logits.failure?.diagnostic))")
        let predicted = try XCTUnwrap(tables(logits).first { $0.headers.contains("probability") })
        for row in predicted.rows {
            let probabilities: [Double] = row.suffix(3).compactMap { Double($0) }
            XCTAssertEqual(probabilities.reduce(0, +), 1, accuracy: 0.0002, "probabilities add up to 1: \(row)")
        }
        XCTAssertEqual(tables(logits), tables(softmax))
        XCTAssertEqual(metrics(logits), metrics(softmax))
        XCTAssertTrue(logits.cells[0].outputs.contains(.text(
            "m outputs scores (logits), as compiled with from_logits=true: the probabilities shown are their softmax, and a class is the most probable one")))
    }

    /// What `predict` reports of a classifier is a probability: a bound none keeps is the
    /// line's mistake, found before anything runs.
    func testAnExpectedPredictionNoProbabilityKeepsIsACheckError() {
        let text = { (bound: String) in """
            ```nnbook
            load csv "data.csv" as data target=y
            model m
              dense 1
            compile m loss=binary_crossentropy from_logits=true
            train m on data
            expect m prediction \(bound) x1=1 x2=0
            ```
            """
        }
        XCTAssertEqual(NotebookFixtures.diagnostics(text("> 1"), folder: folder), [
            "7:23: the prediction of 'm' is a probability, from 0 to 1, which is never > 1 | 'm' is a classifier (binary_crossentropy): its prediction is the probability of class 1, the sigmoid of its score, as compiled with from_logits=true; state a bound from 0 to 1",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(text("between -3 and -1"), folder: folder), [
            "7:29: the prediction of 'm' is a probability, from 0 to 1, which is never between -3 and -1 | 'm' is a classifier (binary_crossentropy): its prediction is the probability of class 1, the sigmoid of its score, as compiled with from_logits=true; state a bound from 0 to 1",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(text("between 0 and 1"), folder: folder), [])
        XCTAssertEqual(NotebookFixtures.diagnostics(text("≈ 1.05 within 0.1"), folder: folder), [])
    }
}
