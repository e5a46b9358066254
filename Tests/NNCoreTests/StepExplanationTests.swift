// One step taken aside: its gradients against finite differences, its new weights bit for bit
// those of the next `fit`, and nothing changed by taking it.

import XCTest
@testable import NNCore

final class StepExplanationTests: XCTestCase {
    private let x = try! Tensor(rows: [[0.22, 0], [0.25, 0], [0.47, 1], [0.52, 0], [0.46, 1], [0.56, 1], [0.55, 0]])
    private let y = try! Tensor(rows: [[0], [0], [1], [0], [1], [1], [1]])

    private func model(_ layers: [any Layer], seed: UInt64 = 5) throws -> Sequential {
        var generator = SeededGenerator(seed: seed)
        let model = Sequential(name: "m", layers: layers)
        try model.build(inputShape: [2], generator: &generator)
        return model
    }

    private func weights(_ model: Sequential) -> [[Float]] { model.parameters.map(\.value.scalars) }

    /// ∂L/∂w of the step against (L(w + h) − L(w − h)) / 2h on the step's samples, for the
    /// course's neuron (sigmoid and log loss, from the logits) and a hidden layer with MSE.
    func testGradientsMatchFiniteDifferences() throws {
        let cases: [(Sequential, any Loss)] = [
            (try model([Dense(units: 1, activation: Sigmoid())]), BinaryCrossEntropy()),
            (try model([Dense(units: 3, activation: Tanh()), Dense(units: 1)]), MeanSquaredError()),
        ]
        for (model, loss) in cases {
            let trainer = Trainer(model: model, loss: loss, optimizer: StochasticGradientDescent(learningRate: 0.5))
            let step = try trainer.explainNextStep(features: x, targets: y, descent: .batch, generator: SeededGenerator(seed: 1))
            XCTAssertEqual(step.samples, Array(0..<7))
            for (parameter, explained) in zip(model.parameters, step.parameters) {
                for index in parameter.value.scalars.indices {
                    let original = parameter.value.scalars[index], h: Float = 1e-2
                    parameter.value.scalars[index] = original + h
                    let plus = try trainer.evaluate(features: x, targets: y)["loss"]!
                    parameter.value.scalars[index] = original - h
                    let minus = try trainer.evaluate(features: x, targets: y)["loss"]!
                    parameter.value.scalars[index] = original
                    let numeric = (plus - minus) / Double(2 * h)
                    XCTAssertEqual(Double(explained.gradient[index]), numeric, accuracy: 1e-3 + 1e-2 * abs(numeric), "\(explained.name)[\(index)]")
                }
            }
        }
    }

    /// The course's step: w ← w − rate · ∂L/∂w, and with batch descent one step is one epoch.
    func testNewWeightsAreBitEqualToOneEpochOfBatchTraining() throws {
        let model = try model([Dense(units: 1, activation: Sigmoid(), weights: .ones, bias: .zeros)])
        let trainer = Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: StochasticGradientDescent(learningRate: 0.5))
        let step = try trainer.explainNextStep(features: x, targets: y, descent: .batch, generator: SeededGenerator(seed: 9))
        for parameter in step.parameters {
            for index in parameter.before.indices {
                XCTAssertEqual(parameter.after[index], parameter.before[index] - 0.5 * parameter.gradient[index])
            }
        }
        var generator = SeededGenerator(seed: 9)
        _ = try trainer.fit(features: x, targets: y, epochs: 1, descent: .batch, generator: &generator)
        XCTAssertEqual(weights(model), step.parameters.map(\.after))
    }

    /// With Adam part-way through training, a dropout layer and shuffled mini-batches, the
    /// explained step is the first step of the next `fit` (same batch, same dropout draws, the
    /// optimizer's state carried on), and explaining it changes no weight and no state.
    func testTheStepIsTheNextFitsFirstAndChangesNothing() throws {
        func trained() throws -> (Sequential, Trainer) {
            let model = try model([Dense(units: 4, activation: ReLU()), Dropout(rate: 0.25), Dense(units: 1, activation: Sigmoid())])
            let trainer = Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: Adam(learningRate: 0.01))
            var generator = SeededGenerator(seed: 2)
            _ = try trainer.fit(features: x, targets: y, epochs: 3, descent: .miniBatch(size: 3), generator: &generator)
            return (model, trainer)
        }
        let (explained, explaining) = try trained(), (plain, plainTrainer) = try trained()
        let before = weights(explained)
        let step = try explaining.explainNextStep(features: x, targets: y, descent: .miniBatch(size: 3), generator: SeededGenerator(seed: 4))
        XCTAssertEqual(step.samples.count, 3)
        XCTAssertEqual(weights(explained), before)

        var firstStep: [[Float]] = []
        var generator = SeededGenerator(seed: 4)
        _ = try explaining.fit(features: x, targets: y, epochs: 1, descent: .miniBatch(size: 3), generator: &generator, onStep: { progress in
            if progress.step == 1 { firstStep = self.weights(explained) }
        })
        XCTAssertEqual(firstStep, step.parameters.map(\.after))
        var plainGenerator = SeededGenerator(seed: 4)
        _ = try plainTrainer.fit(features: x, targets: y, epochs: 1, descent: .miniBatch(size: 3), generator: &plainGenerator)
        XCTAssertEqual(weights(explained), weights(plain), "an explained step must leave the next training as it would have been")
    }

    func testALossThatOverflowsIsADivergingStep() throws {
        let model = try model([Dense(units: 1, weights: .constant(1e30), bias: .zeros)])
        let trainer = Trainer(model: model, loss: MeanSquaredError(), optimizer: StochasticGradientDescent(learningRate: 0.1))
        let step = try trainer.explainNextStep(features: x, targets: y, descent: .batch, generator: SeededGenerator(seed: 1))
        XCTAssertFalse(step.loss.isFinite)
        XCTAssertTrue(step.diverges)
    }
}
