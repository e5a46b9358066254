// Backpropagation against finite differences: every layer × activation × loss pairing that a
// course model uses, with the reference loss computed in Double.

import XCTest
@testable import NNCore

final class GradientCheckTests: XCTestCase {
    /// A plain Double forward pass from the Float weights: the textbook formulas, independent
    /// of the training code being checked.
    private func referenceLoss(_ model: Sequential, _ trainer: Trainer, x: Tensor, y: Tensor) -> Double {
        var rows: [[Double]] = (0..<x.rows).map { r in (0..<x.columns).map { Double(x[r, $0]) } }
        var logits: [[Double]] = []
        for layer in model.layers {
            guard let dense = layer as? Dense, let kernel = dense.kernel, let bias = dense.bias else { continue }
            logits = []
            rows = rows.map { input in
                let z = (0..<dense.units).map { j in
                    var sum = Double(bias.value.scalars[j])
                    for i in input.indices { sum += input[i] * Double(kernel.value[i, j]) }
                    return sum
                }
                logits.append(z)
                return dense.activation is Softmax ? Softmax.probabilities(z) : z.map(dense.activation.value)
            }
        }
        let truth = (0..<y.rows).flatMap { r in (0..<y.columns).map { Double(y[r, $0]) } }
        if trainer.usesLogits, let loss = trainer.loss as? any LogitsLoss {
            var total = 0.0
            for (row, z) in logits.enumerated() {
                let t = Array(truth[(row * y.columns)..<((row + 1) * y.columns)])
                total += t.withUnsafeBufferPointer { tb in z.withUnsafeBufferPointer { zb in loss.sampleLoss(truth: tb, logits: zb, gradient: nil) } }
            }
            return total / Double(logits.count)
        }
        return trainer.loss.meanLoss(truth: truth, predicted: rows.flatMap { $0 }, truthWidth: y.columns, predictedWidth: rows[0].count)
    }

    private func check(hidden: String, output: String, units: Int, loss: any Loss, targets: [[Float]], file: StaticString = #filePath, line: UInt = #line) throws {
        var generator = SeededGenerator(seed: 3)
        let model = Sequential(name: "m", layers: [
            Dense(units: 4, activation: Activations.named(hidden, slope: 0.1)!),
            Dense(units: units, activation: Activations.named(output)!),
        ])
        try model.build(inputShape: [3], generator: &generator)
        let x = try Tensor(rows: [[0.5, -1.2, 0.3], [1.5, 0.2, -0.7], [-0.4, 0.9, 1.1]])
        let y = try Tensor(rows: targets)
        let trainer = Trainer(model: model, loss: loss, optimizer: StochasticGradientDescent(learningRate: 0))
        _ = try trainer.fit(features: x, targets: y, epochs: 1, descent: .batch, generator: &generator)
        for parameter in model.parameters {
            for index in parameter.value.scalars.indices {
                let analytic = Double(parameter.gradient.scalars[index])
                let original = parameter.value.scalars[index]
                let h: Float = 1e-3
                parameter.value.scalars[index] = original + h
                let plus = referenceLoss(model, trainer, x: x, y: y)
                parameter.value.scalars[index] = original - h
                let minus = referenceLoss(model, trainer, x: x, y: y)
                parameter.value.scalars[index] = original
                let step = Double(original + h) - Double(original - h)
                let numeric = (plus - minus) / step
                let relative = abs(analytic - numeric) / max(abs(analytic) + abs(numeric), 1e-3)
                XCTAssertLessThan(relative, 1e-3, "\(hidden)→\(output) with \(loss.name): \(parameter.name)[\(index)] analytic \(analytic) numeric \(numeric)", file: file, line: line)
            }
        }
    }

    private let binaryTargets: [[Float]] = [[1], [0], [1]]
    private let oneHot: [[Float]] = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
    private let labels: [[Float]] = [[1], [0], [2]]

    func testSigmoidOutputWithBinaryCrossEntropy() throws {
        for hidden in ["sigmoid", "tanh", "relu", "leaky_relu", "linear"] {
            try check(hidden: hidden, output: "sigmoid", units: 1, loss: BinaryCrossEntropy(), targets: binaryTargets)
        }
    }

    func testSoftmaxOutputWithCategoricalCrossEntropies() throws {
        for hidden in ["relu", "tanh", "sigmoid"] {
            try check(hidden: hidden, output: "softmax", units: 3, loss: CategoricalCrossEntropy(), targets: oneHot)
            try check(hidden: hidden, output: "softmax", units: 3, loss: SparseCategoricalCrossEntropy(), targets: labels)
        }
    }

    func testLinearOutputWithRegressionLosses() throws {
        for hidden in ["relu", "tanh", "leaky_relu"] {
            try check(hidden: hidden, output: "linear", units: 1, loss: MeanSquaredError(), targets: [[0.3], [-1.0], [2.0]])
            try check(hidden: hidden, output: "linear", units: 1, loss: MeanAbsoluteError(), targets: [[0.3], [-1.0], [2.0]])
        }
    }

    func testLogitsOutputsWithFromLogitsLosses() throws {
        try check(hidden: "relu", output: "linear", units: 1, loss: BinaryCrossEntropy(fromLogits: true), targets: binaryTargets)
        try check(hidden: "relu", output: "linear", units: 3, loss: CategoricalCrossEntropy(fromLogits: true), targets: oneHot)
        try check(hidden: "relu", output: "linear", units: 3, loss: SparseCategoricalCrossEntropy(fromLogits: true), targets: labels)
    }

    /// Keras' TensorFlow backend takes the scores before a sigmoid for a softmax cross-entropy
    /// too: the course's `dense 10 activation=sigmoid` with sparse_categorical_crossentropy.
    func testSigmoidOutputWithCategoricalCrossEntropiesUsesItsLogits() throws {
        try check(hidden: "relu", output: "sigmoid", units: 3, loss: SparseCategoricalCrossEntropy(), targets: labels)
        try check(hidden: "relu", output: "sigmoid", units: 3, loss: CategoricalCrossEntropy(), targets: oneHot)
    }

    func testProbabilityOutputsWithOtherLosses() throws {
        try check(hidden: "tanh", output: "sigmoid", units: 1, loss: MeanSquaredError(), targets: binaryTargets)
        try check(hidden: "tanh", output: "softmax", units: 3, loss: MeanSquaredError(), targets: oneHot)
        try check(hidden: "tanh", output: "tanh", units: 1, loss: MeanSquaredError(), targets: [[0.5], [-0.5], [0.1]])
    }

    func testFlattenPassesGradientsBackUnchanged() throws {
        var generator = SeededGenerator(seed: 1)
        let flatten = Flatten()
        XCTAssertEqual(try flatten.build(inputShape: [2, 2], generator: &generator), [4])
        let image = try Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
        let flat = flatten.forward(image, training: true, generator: &generator)
        XCTAssertEqual(flat.shape, [1, 4])
        let back = flatten.backward(try Tensor(shape: [1, 4], scalars: [5, 6, 7, 8]), needInputGradient: true)
        XCTAssertEqual(back?.shape, [1, 2, 2])
        XCTAssertEqual(back?.scalars, [5, 6, 7, 8])
    }

    func testDropoutKeepsTheExpectedSumAndRoutesGradientsThroughKeptValues() throws {
        var generator = SeededGenerator(seed: 5)
        let dropout = Dropout(rate: 0.5)
        let input = Tensor(shape: [100, 100], repeating: 1)
        let output = dropout.forward(input, training: true, generator: &generator)
        let mean = output.scalars.reduce(0, +) / Float(output.scalars.count)
        XCTAssertEqual(mean, 1, accuracy: 0.03)
        XCTAssertTrue(output.scalars.allSatisfy { $0 == 0 || $0 == 2 })
        let gradient = dropout.backward(Tensor(shape: [100, 100], repeating: 1), needInputGradient: true)
        XCTAssertEqual(gradient?.scalars, output.scalars)
        XCTAssertEqual(dropout.forward(input, training: false, generator: &generator), input)
    }
}
