// Activation functions: the course's reference values, stability at extremes, derivatives.

import XCTest
@testable import NNCore

final class ActivationTests: XCTestCase {
    func testCourseReferenceValues() {
        XCTAssertEqual(Sigmoid().value(-0.5), 0.37754, accuracy: 5e-6)
        XCTAssertEqual(Tanh().value(2), 0.96403, accuracy: 5e-6)
        XCTAssertEqual(ReLU().value(-10), 0)
        XCTAssertEqual(LeakyReLU(slope: 0.1).value(-1), -0.1, accuracy: 1e-12)
        XCTAssertEqual(LeakyReLU().value(-1), -0.2, accuracy: 1e-12, "Keras' leaky_relu slope is 0.2")
    }

    /// elu(−1) = e⁻¹ − 1 and its slope there e⁻¹, computed by hand; positive inputs pass as
    /// they are, with slope 1.
    func testELUAgainstAHandComputation() throws {
        XCTAssertEqual(ELU().value(-1), 0.36787944 - 1, accuracy: 1e-8)
        XCTAssertEqual(ELU().value(2), 2)
        var values = try Tensor(rows: [[-1, 0, 2, -20]])
        ELU().forward(&values)
        XCTAssertEqual(values.scalars[0], -0.63212056, accuracy: 1e-7)
        XCTAssertEqual(values.scalars[1], 0)
        XCTAssertEqual(values.scalars[2], 2)
        XCTAssertEqual(values.scalars[3], -1, accuracy: 1e-7, "elu approaches −1 for very negative inputs")
        var gradient = try Tensor(rows: [[2, 2, 2, 2]])
        ELU().backward(output: values, gradient: &gradient)
        XCTAssertEqual(gradient.scalars[0], 2 * 0.36787944, accuracy: 1e-6)
        XCTAssertEqual(gradient.scalars[1], 2, "the slope at 0 is e⁰ = 1, the same from both sides")
        XCTAssertEqual(gradient.scalars[2], 2)
        XCTAssertEqual(gradient.scalars[3], 2 * 2.0611537e-9, accuracy: 1e-7)
        XCTAssertEqual(Activations.named("elu")?.name, "elu")
    }

    func testNoOverflowAtPlusMinusOneThousand() throws {
        for activation in Activations.names.compactMap({ Activations.named($0) }) {
            var values = try Tensor(rows: [[-1000, 1000]])
            activation.forward(&values)
            XCTAssertFalse(values.scalars.contains(where: \.isNaN), activation.name)
        }
        var tanh = try Tensor(rows: [[-1000, 1000]])
        Tanh().forward(&tanh)
        XCTAssertEqual(tanh.scalars, [-1, 1])
        var sigmoid = try Tensor(rows: [[-1000, 1000]])
        Sigmoid().forward(&sigmoid)
        XCTAssertEqual(sigmoid.scalars, [0, 1])
        var softmax = try Tensor(rows: [[1000, 1000, -1000]])
        Softmax().forward(&softmax)
        XCTAssertEqual(softmax.scalars, [0.5, 0.5, 0])
    }

    func testSoftmaxRowsSumToOne() throws {
        var values = try Tensor(rows: [[1, 2, 3], [0, 0, 0]])
        Softmax().forward(&values)
        XCTAssertEqual(values[0, 0] + values[0, 1] + values[0, 2], 1, accuracy: 1e-6)
        XCTAssertEqual(values[1, 0], 1.0 / 3, accuracy: 1e-6)
        XCTAssertEqual(Softmax.probabilities([1, 2, 3])[2], 0.66524096, accuracy: 1e-7)
    }

    /// Each activation's backward pass against a central difference of its own formula.
    func testDerivativesMatchFiniteDifferences() throws {
        let inputs: [Float] = [-1.7, -0.3, 0.4, 1.9]
        for name in ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu"] {
            let activation = try XCTUnwrap(Activations.named(name))
            var output = try Tensor(rows: [inputs])
            activation.forward(&output)
            var gradient = try Tensor(rows: [[1, 1, 1, 1]])
            activation.backward(output: output, gradient: &gradient)
            for (index, x) in inputs.enumerated() {
                let h = 1e-6
                let numeric = (activation.value(Double(x) + h) - activation.value(Double(x) - h)) / (2 * h)
                XCTAssertEqual(Double(gradient.scalars[index]), numeric, accuracy: 1e-5, "\(name) at \(x)")
            }
        }
    }

    func testSoftmaxBackwardIsTheJacobianProduct() throws {
        let z: [Double] = [0.2, -1.0, 0.5]
        let upstream: [Float] = [0.3, -0.7, 1.1]
        var output = try Tensor(rows: [z.map { Float($0) }])
        Softmax().forward(&output)
        var gradient = try Tensor(rows: [upstream])
        Softmax().backward(output: output, gradient: &gradient)
        for j in z.indices {
            let h = 1e-6
            var plus = z, minus = z
            plus[j] += h
            minus[j] -= h
            let f = { (v: [Double]) in zip(Softmax.probabilities(v), upstream).reduce(0.0) { $0 + $1.0 * Double($1.1) } }
            XCTAssertEqual(Double(gradient.scalars[j]), (f(plus) - f(minus)) / (2 * h), accuracy: 1e-5)
        }
    }
}
