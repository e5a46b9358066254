// Optimizers: single steps checked against values computed by hand from Keras' update rules.

import XCTest
@testable import NNCore

final class OptimizerTests: XCTestCase {
    private func parameter(value: Float, gradient: Float) throws -> Parameter {
        let parameter = Parameter(name: "w", value: try Tensor(shape: [1], scalars: [value]))
        parameter.gradient = try Tensor(shape: [1], scalars: [gradient])
        return parameter
    }

    /// w = 1, g = 0.5, η = 0.1: w ← 1 − 0.05 = 0.95.
    func testStochasticGradientDescentStep() throws {
        let w = try parameter(value: 1, gradient: 0.5)
        StochasticGradientDescent(learningRate: 0.1).step([w])
        XCTAssertEqual(w.value.scalars[0], 0.95, accuracy: 1e-7)
    }

    /// η = 0.1, μ = 0.9, g = 0.5 twice: v = −0.05, w = 0.95; then v = 0.9·(−0.05) − 0.05 =
    /// −0.095, w = 0.855.
    func testMomentumTwoSteps() throws {
        let w = try parameter(value: 1, gradient: 0.5)
        let optimizer = Momentum(learningRate: 0.1, momentum: 0.9)
        optimizer.step([w])
        XCTAssertEqual(w.value.scalars[0], 0.95, accuracy: 1e-7)
        optimizer.step([w])
        XCTAssertEqual(w.value.scalars[0], 0.855, accuracy: 1e-6)
    }

    /// η = 0.001, ρ = 0.9, g = 0.5: a = 0.1 · 0.25 = 0.025; w ← 1 − 0.001 · 0.5 / √(0.025 + 1e-7)
    /// = 1 − 0.0031622713 = 0.9968377.
    func testRMSpropStep() throws {
        let w = try parameter(value: 1, gradient: 0.5)
        RMSprop().step([w])
        XCTAssertEqual(w.value.scalars[0], 0.9968377, accuracy: 1e-6)
    }

    /// Step 1 with g = 0.5: m = 0.05, v = 0.00025, α = 0.001·√0.001/0.1 = 3.1622777e-4;
    /// w ← 1 − α·0.05/(√0.00025 + 1e-7) = 1 − 9.9999368e-4 = 0.99900001.
    /// Step 2 with g = −0.5: m = 0.9·0.05 − 0.05 = −0.005, v = 0.999·0.00025 + 0.00025 =
    /// 4.9975e-4, α = 0.001·√(1 − 0.999²)/(1 − 0.81) = 2.3524e-4;
    /// w ← w + 2.3524e-4·0.005/(0.0223551 + 1e-7) = 0.99900001 + 5.2615e-5 = 0.99905263.
    func testAdamTwoSteps() throws {
        let w = try parameter(value: 1, gradient: 0.5)
        let adam = Adam()
        adam.step([w])
        XCTAssertEqual(w.value.scalars[0], 0.99900001, accuracy: 2e-7)
        w.gradient.scalars[0] = -0.5
        adam.step([w])
        XCTAssertEqual(w.value.scalars[0], 0.99905263, accuracy: 2e-7)
    }

    /// The eight-at-a-time path and the remainder both follow the rule: 19 weights, two steps.
    func testAdamOnManyWeightsMatchesTheRuleWrittenOut() throws {
        let values = (0..<19).map { Float($0) / 10 - 0.9 }, gradients = (0..<19).map { Float(($0 * 7) % 5) / 4 - 0.5 }
        let parameter = Parameter(name: "w", value: try Tensor(shape: [19], scalars: values))
        parameter.gradient = try Tensor(shape: [19], scalars: gradients)
        let adam = Adam(learningRate: 0.01)
        adam.step([parameter])
        adam.step([parameter])
        for i in 0..<19 {
            var w = Double(values[i]), m = 0.0, v = 0.0
            for t in 1...2 {
                let g = Double(gradients[i])
                m += (g - m) * 0.1
                v += (g * g - v) * 0.001
                let alpha = 0.01 * (1 - pow(0.999, Double(t))).squareRoot() / (1 - pow(0.9, Double(t)))
                w -= alpha * m / (v.squareRoot() + 1e-7)
            }
            XCTAssertEqual(Double(parameter.value.scalars[i]), w, accuracy: 1e-6, "weight \(i)")
        }
    }

    func testKerasDefaultRates() {
        XCTAssertEqual(Optimizers.named("adam")?.learningRate, 0.001)
        XCTAssertEqual(Optimizers.named("sgd")?.learningRate, 0.01)
        XCTAssertEqual(Optimizers.named("rmsprop")?.learningRate, 0.001)
        XCTAssertEqual(Optimizers.named("adam", rate: 0.5)?.learningRate, 0.5)
    }
}
