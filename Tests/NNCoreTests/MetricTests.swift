// Accuracy and the confusion matrix with its per-class figures.

import XCTest
@testable import NNCore

final class MetricTests: XCTestCase {
    func testBinaryAccuracyUsesTheThresholdOneHalf() throws {
        let truth = try Tensor(rows: [[1], [0], [1], [0]])
        let predicted = try Tensor(rows: [[0.9], [0.4], [0.5], [0.6]])
        XCTAssertEqual(Metric.accuracy.value(truth: truth, predicted: predicted), 0.5)
    }

    func testSparseAndOneHotAccuracyUseArgmax() throws {
        let predicted = try Tensor(rows: [[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]])
        XCTAssertEqual(Metric.accuracy.value(truth: try Tensor(rows: [[1], [2]]), predicted: predicted), 0.5)
        XCTAssertEqual(Metric.accuracy.value(truth: try Tensor(rows: [[0, 1, 0], [1, 0, 0]]), predicted: predicted), 1)
    }

    /// truth [0,0,1,1,1,2], predicted [0,1,1,1,0,2]: class 1 was predicted 3 times, right twice
    /// (precision 2/3) and is truly 3 samples, found twice (recall 2/3).
    func testConfusionMatrixAndPerClassFigures() throws {
        let matrix = ConfusionMatrix(truth: [0, 0, 1, 1, 1, 2], predicted: [0, 1, 1, 1, 0, 2])
        XCTAssertEqual(matrix.counts, [[1, 1, 0], [1, 2, 0], [0, 0, 1]])
        XCTAssertEqual(try XCTUnwrap(matrix.precision(1)), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(matrix.recall(1)), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(matrix.f1(1)), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(matrix.precision(0), 0.5)
        XCTAssertEqual(matrix.support(1), 3)
        XCTAssertEqual(matrix.accuracy, 4.0 / 6, accuracy: 1e-12)
    }

    /// A share of nothing is undefined, not 0: class 0 below has no sample and no prediction
    /// (precision, recall and F1 undefined); class 2 has samples but no prediction (precision
    /// undefined, recall and F1 0); class 1 was predicted where it was not (recall undefined
    /// would need no sample: here precision 0.5, recall 1).
    func testAShareOfNothingIsUndefinedNotZero() {
        let matrix = ConfusionMatrix(truth: [1, 2, 2, 1], predicted: [1, 1, 1, 1], classes: 3)
        XCTAssertNil(matrix.precision(0))
        XCTAssertNil(matrix.recall(0))
        XCTAssertNil(matrix.f1(0))
        XCTAssertNil(matrix.precision(2))
        XCTAssertEqual(matrix.recall(2), 0)
        XCTAssertEqual(matrix.f1(2), 0)
        XCTAssertEqual(matrix.precision(1), 0.5)
        XCTAssertEqual(matrix.recall(1), 1)
        XCTAssertEqual(try XCTUnwrap(matrix.f1(1)), 2.0 / 3, accuracy: 1e-12)
    }

    func testMeanAbsoluteErrorMetric() throws {
        XCTAssertEqual(Metric.meanAbsoluteError.value(truth: try Tensor(rows: [[1], [3]]), predicted: try Tensor(rows: [[2], [3]])), 0.5)
    }
}
