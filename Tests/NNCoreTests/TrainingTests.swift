// Training: the descent modes, determinism, divergence and shape errors.

import Foundation
import XCTest
@testable import NNCore

final class TrainingTests: XCTestCase {
    private let x = try! Tensor(rows: [[0.22, 1], [0.25, 0], [0.47, 1], [0.52, 0], [0.46, 1], [0.56, 1], [0.55, 0]])
    private let y = try! Tensor(rows: [[0], [0], [1], [0], [1], [1], [0]])

    private func neuron(optimizer: any Optimizer = StochasticGradientDescent(learningRate: 0.5), seed: UInt64 = 1) throws -> (Sequential, Trainer) {
        var generator = SeededGenerator(seed: seed)
        let model = Sequential(name: "n", layers: [Dense(units: 1, activation: Sigmoid(), weights: .glorotUniform)])
        try model.build(inputShape: [2], generator: &generator)
        return (model, Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: optimizer, metrics: [.accuracy]))
    }

    private func weights(_ model: Sequential) -> [Float] { model.parameters.flatMap(\.value.scalars) }

    /// Unshuffled, the very same sums; shuffled, the same up to the order of the additions.
    func testMiniBatchOfAllSamplesEqualsBatchDescent() throws {
        let (a, trainerA) = try neuron()
        let (b, trainerB) = try neuron()
        let (c, trainerC) = try neuron()
        var g1 = SeededGenerator(seed: 9), g2 = SeededGenerator(seed: 9), g3 = SeededGenerator(seed: 9)
        _ = try trainerA.fit(features: x, targets: y, epochs: 20, descent: .batch, generator: &g1)
        _ = try trainerB.fit(features: x, targets: y, epochs: 20, descent: .miniBatch(size: 7, shuffle: false), generator: &g2)
        _ = try trainerC.fit(features: x, targets: y, epochs: 20, descent: .miniBatch(size: 7), generator: &g3)
        XCTAssertEqual(weights(a), weights(b))
        for (batch, shuffled) in zip(weights(a), weights(c)) { XCTAssertEqual(batch, shuffled, accuracy: 1e-5) }
    }

    func testMiniBatchOfOneWithoutShufflingEqualsSingleSampleUpdates() throws {
        let (a, trainerA) = try neuron()
        let (b, trainerB) = try neuron()
        var generator = SeededGenerator(seed: 9)
        _ = try trainerA.fit(features: x, targets: y, epochs: 3, descent: .miniBatch(size: 1, shuffle: false), generator: &generator)
        for _ in 0..<3 {
            for row in 0..<x.rows {
                _ = try trainerB.fit(features: x.gathering(rows: [row]), targets: y.gathering(rows: [row]), epochs: 1, descent: .batch, generator: &generator)
            }
        }
        XCTAssertEqual(weights(a), weights(b))
    }

    /// A layer without weights that passes samples through and records how backward was called.
    private final class BackwardRecorder: Layer {
        var requests: [Bool] = []
        var typeName: String { "BackwardRecorder" }
        func plan(inputShape: [Int]) throws(ShapeError) -> (outputShape: [Int], parameters: Int) { (inputShape, 0) }
        func build(inputShape: [Int], generator: inout SeededGenerator) throws(ShapeError) -> [Int] { inputShape }
        func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor { input }
        func backward(_ outputGradient: Tensor, needInputGradient: Bool) -> Tensor? {
            requests.append(needInputGradient)
            return needInputGradient ? outputGradient : nil
        }
        func clone() -> any Layer { BackwardRecorder() }
    }

    /// Nothing before the first dense layer learns: the layers there (flatten) are not run
    /// backward and the first dense layer skips its input gradient; a layer between two dense
    /// layers is asked for its input gradient on every step.
    func testBackwardStopsAtTheFirstLayerWithWeights() throws {
        let before = BackwardRecorder(), between = BackwardRecorder()
        var generator = SeededGenerator(seed: 3)
        let model = Sequential(name: "m", layers: [before, Dense(units: 3, activation: ReLU()), between, Dense(units: 1, activation: Sigmoid())])
        try model.build(inputShape: [2], generator: &generator)
        let trainer = Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: StochasticGradientDescent(learningRate: 0.1))
        _ = try trainer.fit(features: x, targets: y, epochs: 1, descent: .miniBatch(size: 2, shuffle: false), generator: &generator)
        XCTAssertEqual(before.requests, [])
        XCTAssertEqual(between.requests, [true, true, true, true])
    }

    func testStepsPerEpochFollowTheCourse() {
        XCTAssertEqual(DescentMode.miniBatch(size: 32).stepsPerEpoch(samples: 60000), 1875)
        XCTAssertEqual(DescentMode.miniBatch(size: 32).stepsPerEpoch(samples: 60001), 1876)
        XCTAssertEqual(DescentMode.batch.stepsPerEpoch(samples: 60000), 1)
        XCTAssertEqual(DescentMode.stochastic.stepsPerEpoch(samples: 20), 20)
        XCTAssertEqual(DescentMode.miniBatch(size: 32).describe(samples: 60000),
                       "mini-batch descent: 1875 steps of 32 samples per epoch (60000 samples ÷ batch 32)")
    }

    func testOneStepAndOneSampleAreSingular() {
        XCTAssertEqual(DescentMode.miniBatch(size: 32).describe(samples: 1), "mini-batch descent: 1 step of the only sample per epoch (fewer than batch 32)")
        XCTAssertEqual(DescentMode.miniBatch(size: 32).describe(samples: 22), "mini-batch descent: 1 step of all 22 samples per epoch (fewer than batch 32)")
        XCTAssertEqual(DescentMode.miniBatch(size: 22).describe(samples: 22), "mini-batch descent: 1 step of 22 samples per epoch (22 samples ÷ batch 22)")
        XCTAssertEqual(DescentMode.miniBatch(size: 1).describe(samples: 3), "mini-batch descent: 3 steps of 1 sample per epoch (3 samples ÷ batch 1)")
        XCTAssertEqual(DescentMode.stochastic.describe(samples: 1), "stochastic descent: 1 step of 1 randomly picked sample per epoch")
        XCTAssertEqual(DescentMode.batch.describe(samples: 1), "batch descent: 1 step of the only sample per epoch")
    }

    func testLastMiniBatchHoldsTheRemainder() {
        var generator = SeededGenerator(seed: 1)
        let batches = DescentMode.miniBatch(size: 3).batches(samples: 7, generator: &generator)
        XCTAssertEqual(batches.map(\.count), [3, 3, 1])
        XCTAssertEqual(Set(batches.joined()), Set(0..<7))
    }

    func testStochasticDescentPicksOneSamplePerStep() {
        var generator = SeededGenerator(seed: 1)
        let batches = DescentMode.stochastic.batches(samples: 7, generator: &generator)
        XCTAssertEqual(batches.count, 7)
        XCTAssertTrue(batches.allSatisfy { $0.count == 1 && (0..<7).contains($0[0]) })
    }

    func testSameSeedGivesIdenticalWeightsAndDifferentSeedsDiffer() throws {
        func train(_ seed: UInt64) throws -> [Float] {
            var generator = SeededGenerator(seed: seed)
            let model = Sequential(name: "m", layers: [Dense(units: 4, activation: ReLU()), Dropout(rate: 0.25), Dense(units: 1, activation: Sigmoid())])
            try model.build(inputShape: [2], generator: &generator)
            let trainer = Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: Adam(learningRate: 0.01))
            _ = try trainer.fit(features: x, targets: y, epochs: 5, descent: .miniBatch(size: 3), generator: &generator)
            return weights(model)
        }
        XCTAssertEqual(try train(42), try train(42))
        XCTAssertNotEqual(try train(42), try train(43))
    }

    func testLossFallsOnTheInsuranceExample() throws {
        let (_, trainer) = try neuron()
        var generator = SeededGenerator(seed: 1)
        let history = try trainer.fit(features: x, targets: y, epochs: 200, descent: .batch, generator: &generator)
        XCTAssertLessThan(history.epochs.last!.loss, history.epochs.first!.loss)
        XCTAssertEqual(history.series("loss").count, 200)
        XCTAssertNotNil(history.epochs.last?.metrics["accuracy"])
    }

    func testDivergingLossStopsWithTheEpochAndAHint() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "r", layers: [Dense(units: 1)])
        try model.build(inputShape: [1], generator: &generator)
        let trainer = Trainer(model: model, loss: MeanSquaredError(), optimizer: StochasticGradientDescent(learningRate: 1e3))
        let bigX = try Tensor(rows: [[100], [200], [300]]), bigY = try Tensor(rows: [[1], [2], [3]])
        XCTAssertThrowsError(try trainer.fit(features: bigX, targets: bigY, epochs: 100, descent: .batch, generator: &generator)) { error in
            guard case .diverged(let epoch, _, _) = error as? TrainingError else { return XCTFail("\(error)") }
            XCTAssertGreaterThan(epoch, 1)
            XCTAssertEqual((error as? TrainingError)?.hint, "the steps are too large for this data: try a smaller learning rate, e.g. rate=100.0")
        }
        // Adam's default: a tenth of 0.001 as written, not of its Float32 (0.000100000005).
        XCTAssertEqual(TrainingError.diverged(epoch: 1, step: 1, rate: 0.001).hint, "the steps are too large for this data: try a smaller learning rate, e.g. rate=0.0001")
    }

    func testTargetsThatDoNotFitTheOutputAreRefusedBeforeTraining() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "d", layers: [Dense(units: 3, activation: Softmax())])
        try model.build(inputShape: [2], generator: &generator)
        let trainer = Trainer(model: model, loss: CategoricalCrossEntropy(), optimizer: Adam())
        XCTAssertThrowsError(try trainer.validate(features: x, targets: y)) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "the model gives 3 outputs per sample, but the targets have 1 column")
            XCTAssertEqual((error as? ShapeError)?.hint, "for labels given as class numbers use sparse_categorical_crossentropy")
        }
        let sparse = Trainer(model: model, loss: SparseCategoricalCrossEntropy(), optimizer: Adam())
        XCTAssertThrowsError(try sparse.validate(features: x, targets: try Tensor(rows: [[0], [1], [2], [3], [0], [1], [2]]))) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "sample 4 has the label 3.0, but the model's 3 outputs stand for the classes 0 to 2")
        }
    }

    /// A softmax over one unit outputs 1 whatever its score: the loss reported is that of those
    /// outputs, constant, not the loss of a sigmoid of the score, which would fall as it trains
    /// while every prediction stays 1.
    func testASoftmaxOverOneUnitReportsTheLossOfItsOutputs() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "s", layers: [Dense(units: 1, activation: Softmax())])
        try model.build(inputShape: [2], generator: &generator)
        let loss = BinaryCrossEntropy()
        let trainer = Trainer(model: model, loss: loss, optimizer: StochasticGradientDescent(learningRate: 0.5))
        XCTAssertFalse(trainer.usesLogits)
        let outputs = model.predict(x)
        XCTAssertEqual(outputs.scalars, [Float](repeating: 1, count: 7))
        let expected = Double(loss.meanLoss(truth: y.scalars, predicted: outputs.scalars, truthWidth: 1, predictedWidth: 1))
        XCTAssertEqual(try XCTUnwrap(try trainer.evaluate(features: x, targets: y)["loss"]), expected, accuracy: 1e-4)
        let history = try trainer.fit(features: x, targets: y, epochs: 5, descent: .batch, generator: &generator)
        XCTAssertEqual(history.series("loss").first!, expected, accuracy: 1e-4)
        XCTAssertEqual(history.series("loss").last!, expected, accuracy: 1e-4)
    }

    /// `from_logits=true`: the model outputs scores, and accuracy counts the class of their
    /// sigmoid, as Keras' BinaryAccuracy counts probabilities. By hand: scores 0, 0.3, 0.3, 0.6
    /// are the probabilities 0.5, 0.5744, 0.5744, 0.6457, so classes 0, 1, 1, 1 and all four
    /// right; the scores cut at 0.5 would make it two of four.
    func testALogitModelsAccuracyCountsTheClassesOfItsScoresSigmoid() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "m", layers: [Dense(units: 1, weights: .constant(0.3), bias: .zeros)])
        try model.build(inputShape: [2], generator: &generator)
        let trainer = Trainer(model: model, loss: BinaryCrossEntropy(fromLogits: true), optimizer: StochasticGradientDescent(learningRate: 0.1), metrics: [.accuracy])
        let inputs = try Tensor(shape: [4, 2], scalars: [0, 0, 0, 1, 1, 0, 1, 1])
        let labels = try Tensor(shape: [4, 1], scalars: [0, 1, 1, 1])
        let probabilities = trainer.probabilities(of: model.predict(inputs)).scalars
        for (got, score) in zip(probabilities, [0, 0.3, 0.3, 0.6]) { XCTAssertEqual(Double(got), 1 / (1 + exp(-score)), accuracy: 1e-6) }
        XCTAssertEqual(try trainer.evaluate(features: inputs, targets: labels)["accuracy"], 1)
        // Without from_logits the outputs are probabilities already, and are left as they are.
        let plain = Trainer(model: model, loss: BinaryCrossEntropy(), optimizer: StochasticGradientDescent(learningRate: 0.1))
        XCTAssertEqual(plain.probabilities(of: model.predict(inputs)), model.predict(inputs))
    }

    func testImagesNeedFlattenBeforeDense() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "d", layers: [Dense(units: 10)])
        XCTAssertThrowsError(try model.build(inputShape: [28, 28], generator: &generator)) { error in
            XCTAssertEqual((error as? ShapeError)?.hint, "add `flatten` before the first `dense` layer")
        }
    }

    func testSummaryCountsParametersAsKeras() throws {
        var generator = SeededGenerator(seed: 1)
        let model = Sequential(name: "mnist", layers: [Flatten(), Dense(units: 100, activation: ReLU()), Dense(units: 10, activation: Sigmoid())])
        try model.build(inputShape: [28, 28], generator: &generator)
        let summary = ModelSummary(model)
        XCTAssertEqual(summary.rows.map(\.layer), ["flatten (Flatten)", "dense (Dense)", "dense_1 (Dense)"])
        XCTAssertEqual(summary.rows.map(\.outputShape), ["(None, 784)", "(None, 100)", "(None, 10)"])
        XCTAssertEqual(summary.rows.map(\.parameters), [0, 78500, 1010])
        XCTAssertEqual(summary.totalParameters, 79510)
    }

    func testEvaluateReportsLossAndAccuracy() throws {
        let (_, trainer) = try neuron()
        let results = try trainer.evaluate(features: x, targets: y)
        XCTAssertNotNil(results["loss"])
        XCTAssertNotNil(results["accuracy"])
    }

    /// Keras' `fit` continues: 3 epochs then 2 more, with the optimizer's moments carried over
    /// and the shuffles drawn from the same generator, are the very same 5 epochs.
    func testTrainingInTwoCallsEqualsOneCallBitForBit() throws {
        let (a, trainerA) = try neuron(optimizer: Adam(learningRate: 0.05))
        let (b, trainerB) = try neuron(optimizer: Adam(learningRate: 0.05))
        var g1 = SeededGenerator(seed: 4), g2 = SeededGenerator(seed: 4)
        let whole = try trainerA.fit(features: x, targets: y, epochs: 5, descent: .miniBatch(size: 3), generator: &g1)
        let first = try trainerB.fit(features: x, targets: y, epochs: 3, descent: .miniBatch(size: 3), generator: &g2)
        let second = try trainerB.fit(features: x, targets: y, epochs: 2, descent: .miniBatch(size: 3), generator: &g2, initialEpoch: first.lastEpoch)
        XCTAssertEqual(weights(a), weights(b))
        XCTAssertEqual(second.epochs.map(\.epoch), [4, 5])
        XCTAssertEqual(first.appending(second), whole)
    }

    func testValidationAddsValMetricsMeasuredWithoutLearning() throws {
        let (model, trainer) = try neuron()
        var generator = SeededGenerator(seed: 2)
        let held = (features: x.gathering(rows: [0, 1]), targets: y.gathering(rows: [0, 1]))
        var weightsAfterEpoch: [Float] = []
        let history = try trainer.fit(
            features: x, targets: y, epochs: 2, descent: .batch, generator: &generator, validation: held,
            onEpoch: { _ in weightsAfterEpoch = self.weights(model) })
        XCTAssertEqual(history.metricNames, ["accuracy", "loss", "val_accuracy", "val_loss"])
        let expected = try trainer.evaluate(features: held.features, targets: held.targets)
        XCTAssertEqual(weightsAfterEpoch, weights(model))
        XCTAssertEqual(history.epochs.last?.metrics["val_loss"], expected["loss"])
        XCTAssertEqual(history.epochs.last?.metrics["val_accuracy"], expected["accuracy"])
    }

    func testValidationThatDoesNotFitIsRefusedBeforeAnyStep() throws {
        let (model, trainer) = try neuron()
        let before = weights(model)
        var generator = SeededGenerator(seed: 2)
        XCTAssertThrowsError(try trainer.fit(
            features: x, targets: y, epochs: 1, descent: .batch, generator: &generator,
            validation: (try Tensor(rows: [[1, 2, 3]]), try Tensor(rows: [[1]]))))
        XCTAssertEqual(weights(model), before)
    }
}
