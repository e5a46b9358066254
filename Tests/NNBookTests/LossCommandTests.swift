// The `loss` command on several samples: Keras' categorical and sparse cross-entropy worked by
// hand from their definitions, and every badly shaped input refused before anything runs.

import Foundation
import XCTest
@testable import NNBook

final class LossCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The metrics of a one-line `loss` cell labelled `l`, by what they measure (the run
    /// records them as `loss/mean_squared_error`).
    private func metrics(_ command: String) throws -> [String: Double] {
        let recorded = try XCTUnwrap(try NotebookFixtures.run("```nnbook label=l\n\(command)\n```\n", folder: folder).metrics["l"])
        XCTAssertTrue(recorded.keys.allSatisfy { $0.hasPrefix("loss/") }, "\(recorded.keys)")
        return Dictionary(uniqueKeysWithValues: recorded.map { (MetricColumn(cell: "l", metric: $0.key).measure, $0.value) })
    }

    private func diagnostics(_ command: String) -> [String] {
        NotebookFixtures.diagnostics("```nnbook\n\(command)\n```\n", folder: folder)
    }

    /// Keras' categorical_crossentropy(y_true, y_pred): each row divided by its sum, clipped to
    /// [1e-7, 1 − 1e-7], −Σ y·log p; the reduction is the mean over samples. Worked by hand
    /// in Double from that definition, for comparison with nnbook's Float32.
    private func kerasCategorical(_ truth: [[Double]], _ predicted: [[Double]]) -> Double {
        let losses = zip(truth, predicted).map { y, row -> Double in
            let sum = row.reduce(0, +)
            return -zip(y, row).map { $0 * log(min(max($1 / sum, 1e-7), 1 - 1e-7)) }.reduce(0, +)
        }
        return losses.reduce(0, +) / Double(losses.count)
    }

    func testCategoricalCrossEntropyOverSeveralSamplesIsKerasMean() throws {
        let truth: [[Double]] = [[0, 1, 0], [0, 0, 1], [1, 0, 0]]
        let predicted: [[Double]] = [[0.05, 0.95, 0], [1, 1, 2], [0, 0.6, 0.4]]
        let values = try metrics("loss categorical_crossentropy y_true=[[0, 1, 0], [0, 0, 1], [1, 0, 0]] y_pred=[[0.05, 0.95, 0], [1, 1, 2], [0, 0.6, 0.4]]")
        // −log 0.95 = 0.051293, −log 0.5 = 0.693147, −log 1e-7 = 16.118096: mean 5.620845.
        XCTAssertEqual(kerasCategorical(truth, predicted), 5.620845, accuracy: 1e-6)
        XCTAssertEqual(values["categorical_crossentropy"] ?? .nan, kerasCategorical(truth, predicted), accuracy: 1e-5)
        XCTAssertEqual(values["categorical_crossentropy_total"] ?? .nan, 3 * kerasCategorical(truth, predicted), accuracy: 3e-5)
    }

    func testSparseCategoricalCrossEntropyEqualsTheOneHotFormSampleForSample() throws {
        let rows = "[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]]"
        let sparse = try metrics("loss sparse_categorical_crossentropy y_true=[0, 1, 2] y_pred=\(rows)")
        let oneHot = try metrics("loss categorical_crossentropy y_true=[[1, 0, 0], [0, 1, 0], [0, 0, 1]] y_pred=\(rows)")
        let expected = kerasCategorical([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]])
        XCTAssertEqual(expected, (-log(0.7) - log(0.8) - log(0.5)) / 3, accuracy: 1e-12)
        XCTAssertEqual(sparse["sparse_categorical_crossentropy"] ?? .nan, expected, accuracy: 1e-6)
        XCTAssertEqual(sparse["sparse_categorical_crossentropy"], oneHot["categorical_crossentropy"])
    }

    /// From logits Keras takes log-softmax: loss = log Σ e^z − z_c. For [2, 1, 0] and class 0,
    /// log(e² + e + 1) − 2 = 0.407606; for [0.5, 0.5, 3] and class 2, log(2e^0.5 + e³) − 3 = 0.152038.
    func testSparseCrossEntropyFromLogitsIsLogSoftmax() throws {
        let values = try metrics("loss sparse_categorical_crossentropy y_true=[0, 2] y_pred=[[2, 1, 0], [0.5, 0.5, 3]] from_logits=true")
        let first = log(exp(2.0) + exp(1.0) + 1) - 2, second = log(2 * exp(0.5) + exp(3.0)) - 3
        XCTAssertEqual(first, 0.407606, accuracy: 1e-6)
        XCTAssertEqual(values["sparse_categorical_crossentropy"] ?? .nan, (first + second) / 2, accuracy: 1e-6)
    }

    /// A flat list is one row of class probabilities for the categorical losses, as Keras reads
    /// a 1-D vector, and one value per sample for the others.
    func testAFlatListIsOneSampleForCategoricalAndOneValuePerSampleOtherwise() throws {
        XCTAssertEqual(try metrics("loss categorical_crossentropy y_true=[0, 1, 0] y_pred=[0.05, 0.95, 0]")["categorical_crossentropy"] ?? .nan, -log(0.95), accuracy: 1e-6)
        XCTAssertEqual(try metrics("loss sparse_categorical_crossentropy y_true=1 y_pred=[0.05, 0.95, 0]")["sparse_categorical_crossentropy"] ?? .nan, -log(0.95), accuracy: 1e-6)
        XCTAssertEqual(try metrics("loss mae y_true=[0, 1] y_pred=[1, 1]")["mean_absolute_error_total"] ?? .nan, 1, accuracy: 1e-7)
        XCTAssertEqual(try metrics("loss mse y_true=[[0, 1], [1, 1]] y_pred=[[1, 1], [1, 1]]")["mean_squared_error_total"] ?? .nan, 0.5, accuracy: 1e-7)
    }

    func testRowsOfDifferentLengthsAreRefused() {
        XCTAssertEqual(diagnostics("loss categorical_crossentropy y_true=[[1, 0], [0, 1]] y_pred=[[0.5, 0.5], [0.1, 0.8, 0.1]]"), [
            "2:55: the rows of y_pred have different lengths: row 1 has 2 values, row 2 has 3 | give every sample the same number of values",
        ])
    }

    func testAClassNumberBeyondTheRowIsRefused() {
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[0, 3] y_pred=[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]"), [
            "2:38: class 3 is beyond the row: y_pred gives 3 classes, numbered 0 to 2 | give each row of y_pred one probability per class",
        ])
    }

    func testAOneHotRowForTheSparseLossIsRefused() {
        let hint = "sparse_categorical_crossentropy takes the class number of each sample (y_true=[1] for [0, 1, 0]); for one-hot rows use categorical_crossentropy"
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[[0, 1, 0]] y_pred=[[0.1, 0.8, 0.1]]"), [
            "2:38: sparse_categorical_crossentropy takes class numbers, not one-hot rows | \(hint)",
        ])
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[0, 1, 0] y_pred=[0.1, 0.8, 0.1]"), [
            "2:38: y_true looks like a one-hot row, but sparse_categorical_crossentropy takes class numbers | \(hint)",
        ])
    }

    func testAFractionalClassNumberIsRefused() {
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[0.5] y_pred=[0.1, 0.8, 0.1]"), [
            "2:38: 0.5 is not a class number | classes are numbered 0, 1, 2, …",
        ])
    }

    func testSampleCountsMustAgree() {
        XCTAssertEqual(diagnostics("loss categorical_crossentropy y_true=[[1, 0], [0, 1]] y_pred=[[0.5, 0.5]]"), [
            "2:55: y_true has 2 samples but y_pred has 1 | give one row of predictions for each sample",
        ])
        XCTAssertEqual(diagnostics("loss categorical_crossentropy y_true=[[1, 0, 0]] y_pred=[[0.5, 0.5]]"), [
            "2:50: each sample has 3 true values but 2 predictions | give a one-hot row with one place per class",
        ])
    }

    func testAFlatYPredForTheSparseLossIsOneSample() {
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[1, 1] y_pred=[0.6, 0.4]"), [
            "2:52: y_pred is one row of 2 class probabilities (a single sample), but y_true has 2 class numbers | give one row of probabilities per sample, e.g. y_pred=[[0.7, 0.3], [0.4, 0.6]]; if y_true is a one-hot row, use categorical_crossentropy",
        ])
    }

    func testPredictedProbabilitiesOutsideZeroToOneAreRefused() {
        let hint = "a sigmoid or softmax gives probabilities; for raw scores add from_logits=true"
        XCTAssertEqual(diagnostics("loss binary_crossentropy y_true=[1, 0] y_pred=[-0.5, 0.2]"), [
            "2:40: y_pred holds -0.5, but binary_crossentropy takes predicted probabilities from 0 to 1 | \(hint)",
        ])
        XCTAssertEqual(diagnostics("loss categorical_crossentropy y_true=[[1, 0]] y_pred=[[0.5, -1.5]]"), [
            "2:47: y_pred holds -1.5, but categorical_crossentropy takes predicted probabilities, which are 0 or more | \(hint)",
        ])
        XCTAssertEqual(diagnostics("loss sparse_categorical_crossentropy y_true=[0] y_pred=[[-0.5, 1.5]]"), [
            "2:49: y_pred holds -0.5, but sparse_categorical_crossentropy takes predicted probabilities, which are 0 or more | \(hint)",
        ])
        XCTAssertEqual(diagnostics("loss binary_crossentropy y_true=[1] y_pred=[-2] from_logits=true"), [])
        XCTAssertEqual(diagnostics("loss mse y_true=[1] y_pred=[-2]"), [])
    }

    func testEpsilonOutsideItsRangeSaysWhatItIs() {
        XCTAssertEqual(diagnostics("loss binary_crossentropy y_true=[1] y_pred=[0.5] epsilon=-1"), [
            "2:50: epsilon is -1, but it must be above 0 and below 0.5 | cross-entropy clips each probability to [epsilon, 1 − epsilon] before its log; Keras uses 1e-7, the course's log loss 1e-15",
        ])
    }

    func testAValueTooLargeIsOneErrorNotAlsoAMissingOption() {
        XCTAssertEqual(diagnostics("loss mae y_true=[1] y_pred=[1e400]").count, 1)
    }
}
