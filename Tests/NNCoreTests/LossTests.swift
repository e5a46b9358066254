// The five losses: the course's reference values, and Keras' definitions worked by hand.

import XCTest
@testable import NNCore

final class LossTests: XCTestCase {
    private let yTrue = [0.30, 0.7, 1, 0, 0.5]
    private let yPred = [1.0, 1, 0, 0, 1]

    /// Each element as its own sample, as the course's lesson computes them.
    private func perSample<T: LossScalar>(_ loss: any Loss, _ truth: [T], _ predicted: [T]) -> [T] {
        truth.indices.map { i in
            [truth[i]].withUnsafeBufferPointer { t in
                [predicted[i]].withUnsafeBufferPointer { p in loss.sampleLoss(truth: t, predicted: p) }
            }
        }
    }

    private func sample<T: LossScalar>(_ loss: any Loss, _ truth: [T], _ predicted: [T]) -> T {
        truth.withUnsafeBufferPointer { t in predicted.withUnsafeBufferPointer { p in loss.sampleLoss(truth: t, predicted: p) } }
    }

    func testCourseMeanAbsoluteError() {
        let errors = perSample(MeanAbsoluteError(), yTrue, yPred)
        XCTAssertEqual(errors.reduce(0, +), 2.5, accuracy: 1e-12)
        XCTAssertEqual(errors.reduce(0, +) / 5, 0.5, accuracy: 1e-12)
    }

    func testCourseMeanSquaredError() {
        let errors = perSample(MeanSquaredError(), yTrue, yPred)
        XCTAssertEqual(errors.reduce(0, +), 1.83, accuracy: 1e-12)
        XCTAssertEqual(errors.reduce(0, +) / 5, 0.366, accuracy: 1e-12)
    }

    /// The course's hand-written log loss clips at 1e-15 in float64 (NumPy): 17.2696…
    func testCourseLogLossWithEpsilon1e15InDouble() {
        let loss = BinaryCrossEntropy(epsilon: 1e-15)
        let mean = perSample(loss, yTrue, yPred).reduce(0, +) / 5
        XCTAssertEqual(mean, 17.2696280766844, accuracy: 1e-9)
    }

    /// Keras' binary_crossentropy on the same vectors works in float32 with ε = 1e-7:
    /// 1 − 1e-7 rounds to 0.99999988, so log(1 − p) is log(1.1920929e-7) = −15.942385 and
    /// log(p) at p = 1e-7 is −16.118095. The terms are 0.7·15.942385, 0.3·15.942385,
    /// 16.118095, ≈0 and 0.5·15.942385, whose mean is 8.006334.
    func testKerasBinaryCrossEntropyOnTheCourseVectorsInFloat32() {
        let errors = perSample(BinaryCrossEntropy(), yTrue.map { Float($0) }, yPred.map { Float($0) })
        XCTAssertEqual(errors.reduce(0, +) / 5, 8.006334, accuracy: 1e-5)
    }

    /// mae([1,2,3], [2,2,5]) = (1 + 0 + 2)/3 = 1; mae([0],[0]) = 0; mae([-1, 1], [1, -1]) = 2.
    func testMeanAbsoluteErrorByHand() {
        XCTAssertEqual(sample(MeanAbsoluteError(), [1.0, 2, 3], [2, 2, 5]), 1, accuracy: 1e-12)
        XCTAssertEqual(sample(MeanAbsoluteError(), [0.0], [0]), 0)
        XCTAssertEqual(sample(MeanAbsoluteError(), [-1.0, 1], [1, -1]), 2, accuracy: 1e-12)
    }

    /// mse([1,2,3], [2,2,5]) = (1 + 0 + 4)/3 = 5/3; mse([0.5],[0]) = 0.25; mse([-1, 1], [1, -1]) = 4.
    func testMeanSquaredErrorByHand() {
        XCTAssertEqual(sample(MeanSquaredError(), [1.0, 2, 3], [2, 2, 5]), 5.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(sample(MeanSquaredError(), [0.5], [0]), 0.25, accuracy: 1e-12)
        XCTAssertEqual(sample(MeanSquaredError(), [-1.0, 1], [1, -1]), 4, accuracy: 1e-12)
    }

    /// bce([1],[0.5]) = −log 0.5 = 0.693147; bce([0,1],[0.1,0.8]) = (−log 0.9 − log 0.8)/2 =
    /// 0.164252; bce([1],[0]) clips 0 to 1e-7: −log 1e-7 = 16.118096; from logits, z = 0 is
    /// p = 0.5: log 2.
    func testBinaryCrossEntropyByHand() {
        XCTAssertEqual(sample(BinaryCrossEntropy(), [1.0], [0.5]), 0.6931472, accuracy: 1e-7)
        XCTAssertEqual(sample(BinaryCrossEntropy(), [0.0, 1], [0.1, 0.8]), 0.1642520, accuracy: 1e-7)
        XCTAssertEqual(sample(BinaryCrossEntropy(), [1.0], [0]), 16.118096, accuracy: 1e-6)
        XCTAssertEqual(sample(BinaryCrossEntropy(fromLogits: true), [1.0], [0]), 0.6931472, accuracy: 1e-7)
    }

    /// cce([0,1,0],[0.05,0.95,0]) = −log 0.95 = 0.051293; with [1,1,2] (sum 4) Keras first
    /// normalises to [.25,.25,.5]: −log 0.5 = 0.693147; cce([1,0],[0,1]) clips 0 to 1e-7:
    /// 16.118096.
    func testCategoricalCrossEntropyByHand() {
        XCTAssertEqual(sample(CategoricalCrossEntropy(), [0.0, 1, 0], [0.05, 0.95, 0]), 0.0512933, accuracy: 1e-7)
        XCTAssertEqual(sample(CategoricalCrossEntropy(), [0.0, 0, 1], [1, 1, 2]), 0.6931472, accuracy: 1e-7)
        XCTAssertEqual(sample(CategoricalCrossEntropy(), [1.0, 0], [0, 1]), 16.118096, accuracy: 1e-6)
        XCTAssertEqual(sample(CategoricalCrossEntropy(fromLogits: true), [1.0, 0], [0, 0]), 0.6931472, accuracy: 1e-7)
    }

    /// The same three cases with the class given as a number: classes 1, 2 and 0.
    func testSparseCategoricalCrossEntropyByHand() {
        XCTAssertEqual(sample(SparseCategoricalCrossEntropy(), [1.0], [0.05, 0.95, 0]), 0.0512933, accuracy: 1e-7)
        XCTAssertEqual(sample(SparseCategoricalCrossEntropy(), [2.0], [1, 1, 2]), 0.6931472, accuracy: 1e-7)
        XCTAssertEqual(sample(SparseCategoricalCrossEntropy(), [0.0], [0, 1]), 16.118096, accuracy: 1e-6)
        XCTAssertEqual(sample(SparseCategoricalCrossEntropy(fromLogits: true), [0.0], [0, 0]), 0.6931472, accuracy: 1e-7)
    }

    func testLossNamesIncludeTheShortForms() {
        XCTAssertTrue(Losses.named("mae") is MeanAbsoluteError)
        XCTAssertTrue(Losses.named("mse") is MeanSquaredError)
        XCTAssertNil(Losses.named("hinge"))
    }

    /// Every loss's gradient against a central difference of its own formula in Double.
    func testGradientsMatchFiniteDifferences() {
        let cases: [(any Loss, [Double], [Double])] = [
            (MeanAbsoluteError(), [0.3, 0.9], [0.5, 0.2]),
            (MeanSquaredError(), [0.3, 0.9], [0.5, 0.2]),
            (BinaryCrossEntropy(), [0.3, 1], [0.5, 0.2]),
            (BinaryCrossEntropy(fromLogits: true), [0.3, 1], [-0.5, 2]),
            (CategoricalCrossEntropy(), [0, 1, 0], [0.2, 0.5, 0.3]),
            (CategoricalCrossEntropy(), [0, 1, 0], [0.4, 1.5, 0.3]),
            (CategoricalCrossEntropy(fromLogits: true), [0, 1, 0], [0.4, 1.5, -0.3]),
            (SparseCategoricalCrossEntropy(), [2], [0.2, 0.5, 0.3]),
            (SparseCategoricalCrossEntropy(fromLogits: true), [2], [0.2, -0.5, 0.3]),
        ]
        for (loss, truth, predicted) in cases {
            var gradient = [Float](repeating: 0, count: predicted.count)
            let t = truth.map { Float($0) }, p = predicted.map { Float($0) }
            t.withUnsafeBufferPointer { tb in
                p.withUnsafeBufferPointer { pb in
                    gradient.withUnsafeMutableBufferPointer { loss.sampleGradient(truth: tb, predicted: pb, into: $0) }
                }
            }
            for j in predicted.indices {
                let h = 1e-7
                var plus = predicted, minus = predicted
                plus[j] += h
                minus[j] -= h
                let numeric = (sample(loss, truth, plus) - sample(loss, truth, minus)) / (2 * h)
                XCTAssertEqual(Double(gradient[j]), numeric, accuracy: 1e-4 * max(1, abs(numeric)), "\(loss.name) output \(j)")
            }
        }
    }
}
