// Training and evaluation: Keras' compile, fit and evaluate for a Sequential model.

/// A model compiled with a loss, an optimizer and metrics (Keras' `model.compile`), which can
/// `fit` and `evaluate`.
///
/// When the loss is a cross-entropy and the last layer ends in a sigmoid or softmax, the loss is
/// computed from that layer's scores before activation, as Keras' TensorFlow backend does (see
/// `LogitsLoss`); the gradient of the pair is then simply `prediction − truth`. A softmax over
/// one unit is the exception: it outputs 1 whatever its score, so a loss of the score would be
/// that of another model than the one that predicts; its loss is that of its outputs.
public final class Trainer {
    public let model: Sequential
    public let loss: any Loss
    public let optimizer: any Optimizer
    public let metrics: [Metric]
    private let logitsLayer: Dense?
    /// The loss as computed from `logitsLayer`'s scores, when it is: cast once, not every step.
    private let logitsLoss: (any LogitsLoss)?

    /// Whether the loss is computed from the last layer's scores before its activation.
    public var usesLogits: Bool { logitsLayer != nil }
    private var lossGradient = Tensor(shape: [0, 0])
    private var batchFeatures = Tensor(shape: [0, 0])
    private var batchTargets = Tensor(shape: [0, 0])

    public init(model: Sequential, loss: any Loss, optimizer: any Optimizer, metrics: [Metric] = []) {
        self.model = model
        self.loss = loss
        self.optimizer = optimizer
        self.metrics = metrics
        if let logitsLoss = loss as? any LogitsLoss, !logitsLoss.fromLogits,
            let last = model.layers.last as? Dense, ["sigmoid", "softmax"].contains(last.activation.name),
            !(last.activation is Softmax && last.units == 1)
        {
            last.lossUsesLogits = true
            logitsLayer = last
            self.logitsLoss = logitsLoss
        } else {
            (model.layers.last as? Dense)?.lossUsesLogits = false
            logitsLayer = nil
            logitsLoss = nil
        }
        lossGradient = Tensor(shape: [0] + (model.outputShape ?? [0]))
    }

    /// The same compilation for `model` (a clone of this trainer's model), with the optimizer's
    /// state carried over, so that training goes on exactly as it would have here.
    public func clone(for model: Sequential) -> Trainer {
        Trainer(model: model, loss: loss, optimizer: optimizer.clone(), metrics: metrics)
    }

    /// The model's outputs as probabilities, as a prediction is read: with `from_logits=true`
    /// the last layer gives scores, which the loss reads through a sigmoid (each output of a
    /// binary cross-entropy) or a softmax (the categorical ones). Accuracy, the classes and
    /// `predict` read them the same way, so a score of 0.3 is a probability of 0.57, class 1.
    public func probabilities(of outputs: Tensor) -> Tensor {
        guard let loss = loss as? any LogitsLoss, loss.fromLogits else { return outputs }
        var values = outputs
        loss.probabilityActivation.forward(&values)
        return values
    }

    /// The model's predictions for `features`, as probabilities when its loss takes scores.
    public func predict(_ features: Tensor) -> Tensor { probabilities(of: model.predict(features)) }

    /// Checks that targets fit the model's output before any step runs.
    public func validate(features: Tensor, targets: Tensor) throws(ShapeError) {
        guard let inputShape = model.inputShape, let outputShape = model.outputShape else {
            throw ShapeError("the model has not been built")
        }
        guard features.sampleShape == inputShape else {
            throw ShapeError(
                "the model expects samples of shape \(Tensor.describe(inputShape)), but the data has samples of shape \(Tensor.describe(features.sampleShape))",
                hint: inputShape.count == 1 && features.sampleShape.count > 1
                    ? "the samples are \(features.sampleShape.map(String.init).joined(separator: "×")); add `flatten` before `dense`" : nil)
        }
        guard targets.rows == features.rows else {
            throw ShapeError("there are \(features.rows) samples but \(targets.rows) targets")
        }
        let outputs = outputShape.reduce(1, *)
        if loss is SparseCategoricalCrossEntropy {
            guard targets.columns == 1 else {
                throw ShapeError(
                    "sparse_categorical_crossentropy expects one class number per sample, but the targets have \(targets.columns) columns",
                    hint: "for one-hot targets use categorical_crossentropy")
            }
            if let bad = targets.scalars.firstIndex(where: { $0.classNumber.map { $0 >= outputs } ?? true }) {
                throw ShapeError(
                    sample: bad, "has the label \(targets.scalars[bad]), but the model's \(outputs) outputs stand for the classes 0 to \(outputs - 1)",
                    hint: "the last dense layer needs one unit per class")
            }
        } else if targets.columns != outputs {
            throw ShapeError(
                "the model gives \(outputs) output\(outputs == 1 ? "" : "s") per sample, but the targets have \(targets.columns) column\(targets.columns == 1 ? "" : "s")",
                hint: loss is CategoricalCrossEntropy && targets.columns == 1
                    ? "for labels given as class numbers use sparse_categorical_crossentropy" : nil)
        }
        // Cross-entropy takes probabilities as targets: a label of 5 or -1 would make the loss
        // negative and the training meaningless, not fail.
        if loss is BinaryCrossEntropy || loss is CategoricalCrossEntropy, let bad = targets.scalars.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ShapeError(
                sample: bad / max(targets.columns, 1), "has the target \(targets.scalars[bad]), but \(loss.name) takes targets from 0 to 1",
                hint: loss is BinaryCrossEntropy ? "binary labels are 0 or 1; for several classes use sparse_categorical_crossentropy" : "one-hot rows hold 0s and a single 1: one_hot DATASET makes them")
        }
    }

    /// Trains for `epochs` epochs and returns their history.
    ///
    /// As Keras' `fit`, a second call continues from the current weights and optimizer state;
    /// `initialEpoch` numbers its epochs on (`initial_epoch`: 5 makes the next epochs 6, 7, …).
    /// With `validation`, each epoch ends with an evaluation on those samples, recorded as
    /// `val_loss` and `val_<metric>` (dropout off, nothing learned), as Keras' `validation_data`.
    ///
    /// `onStep` is called after every update (progress bars) with the epoch's running averages,
    /// `onEpoch` after every epoch, and `shouldStop` before every step (interruption).
    public func fit(
        features: Tensor, targets: Tensor, epochs: Int, descent: DescentMode,
        generator: inout SeededGenerator,
        validation: (features: Tensor, targets: Tensor)? = nil,
        initialEpoch: Int = 0,
        shouldStop: () -> Bool = { false },
        onStep: ((StepProgress) -> Void)? = nil,
        onEpoch: (EpochRecord) -> Void = { _ in }
    ) throws(TrainingError) -> TrainingHistory {
        do {
            try validate(features: features, targets: targets)
            if let validation { try validate(features: validation.features, targets: validation.targets) }
        } catch {
            throw .shape(error)
        }
        var history = TrainingHistory()
        let parameters = model.parameters
        // The epoch's sums by position (the loss, then each metric), named once the epoch is
        // done: a step of a small model takes microseconds, and keyed sums were a good part of it.
        let names = ["loss"] + metrics.map(\.name)
        let named = { (totals: [Double], seen: Int) -> [String: Double] in
            seen == 0 ? [:] : Dictionary(zip(names, totals.map { $0 / Double(seen) })) { first, _ in first }
        }
        for epoch in initialEpoch + 1...initialEpoch + max(epochs, 1) where epochs > 0 {
            var totals = [Double](repeating: 0, count: names.count)
            var seen = 0
            let batches = descent.batches(samples: features.rows, generator: &generator)
            for (index, batch) in batches.enumerated() {
                if shouldStop() { throw .interrupted(completedEpochs: epoch - 1 - initialEpoch) }
                let (batchLoss, output) = forwardStep(rows: batch, features: features, targets: targets, generator: &generator)
                // The next batch's samples are scattered over the whole data set: asking for them
                // now lets memory fetch them while this step computes.
                if index + 1 < batches.count { features.prefetch(rows: batches[index + 1][...]) }
                guard batchLoss.isFinite else {
                    if epoch == 1, index == 0 { throw .infiniteFromTheStart }
                    throw .diverged(epoch: epoch, step: index + 1, rate: optimizer.learningRate)
                }
                totals[0] += Double(batchLoss) * Double(batch.count)
                if !metrics.isEmpty {
                    let predicted = probabilities(of: output)
                    for (position, metric) in metrics.enumerated() {
                        totals[position + 1] += metric.value(truth: batchTargets, predicted: predicted) * Double(batch.count)
                    }
                }
                seen += batch.count
                backwardStep(optimizer: optimizer, parameters: parameters)
                if let onStep {
                    onStep(StepProgress(step: index + 1, steps: batches.count, metrics: named(totals, seen)))
                }
            }
            var averages = named(totals, seen)
            if let validation {
                // Already validated above, so this cannot fail.
                for (name, value) in try! evaluate(features: validation.features, targets: validation.targets) {
                    averages[TrainingHistory.validationName(name)] = value
                }
            }
            let record = EpochRecord(epoch: epoch, metrics: averages)
            history.append(record)
            onEpoch(record)
        }
        return history
    }

    /// The first update the next `fit` with `descent` would make, taken aside: the same batch
    /// (drawn from a copy of `generator`), the same forward and backward pass, the optimizer's
    /// rule applied by a copy of it; then the weights are put back. Nothing the next `fit`
    /// depends on changes, so its first step gives exactly the `after` values reported here.
    public func explainNextStep(
        features: Tensor, targets: Tensor, descent: DescentMode, generator: SeededGenerator
    ) throws(ShapeError) -> StepExplanation {
        try validate(features: features, targets: targets)
        var generator = generator
        let rows = descent.batches(samples: features.rows, generator: &generator).first ?? []
        let parameters = model.parameters
        let before = parameters.map(\.value.scalars)
        let (loss, predictions) = forwardStep(rows: rows, features: features, targets: targets, generator: &generator)
        let onlyLayer = model.layers.count == 1 ? model.layers[0] as? Dense : nil
        let weightedSums = onlyLayer.flatMap { layer in layer.lossUsesLogits ? layer.logits : (layer.activation is Linear ? predictions : nil) }
        let sampleLosses = sampleLosses(truth: batchTargets, output: predictions)
        backwardStep(optimizer: optimizer.clone(), parameters: parameters)
        var steps: [StepExplanation.ParameterStep] = []
        var index = 0
        for (layer, owner) in model.layers.enumerated() {
            for parameter in owner.parameters {
                steps.append(StepExplanation.ParameterStep(
                    layer: layer, name: parameter.name, shape: parameter.value.shape, before: before[index],
                    gradient: parameter.gradient.scalars, after: parameter.value.scalars))
                parameter.value.scalars = before[index]
                index += 1
            }
        }
        return StepExplanation(
            samples: rows, predictions: predictions, weightedSums: weightedSums, sampleLosses: sampleLosses, loss: loss,
            parameters: steps)
    }

    /// Loss and metrics over a whole data set, in batches, with nothing learned (Keras'
    /// `evaluate`). Dropout is off.
    public func evaluate(features: Tensor, targets: Tensor, batchSize: Int = 1024) throws(ShapeError) -> [String: Double] {
        try validate(features: features, targets: targets)
        var generator = SeededGenerator(seed: 0)
        var totals: [String: Double] = [:]
        var start = 0
        while start < features.rows {
            let rows = Array(start..<min(start + batchSize, features.rows))
            let y = targets.gathering(rows: rows)
            let output = model.forward(features.gathering(rows: rows), training: false, generator: &generator)
            totals["loss", default: 0] += Double(lossAndGradient(truth: y, output: output)) * Double(rows.count)
            let predicted = probabilities(of: output)
            for metric in metrics {
                totals[metric.name, default: 0] += metric.value(truth: y, predicted: predicted) * Double(rows.count)
            }
            start += batchSize
        }
        return totals.mapValues { $0 / Double(max(features.rows, 1)) }
    }

    /// The first half of a training step: the batch's rows gathered, the model run on them,
    /// and their mean loss, with its gradient kept for `backwardStep`.
    private func forwardStep(rows: [Int], features: Tensor, targets: Tensor, generator: inout SeededGenerator) -> (loss: Float, output: Tensor) {
        features.gather(rows: rows[...], into: &batchFeatures)
        targets.gather(rows: rows[...], into: &batchTargets)
        let output = model.forward(batchFeatures, training: true, generator: &generator)
        return (lossAndGradient(truth: batchTargets, output: output), output)
    }

    /// The second half: every weight's gradient, then one update by `optimizer`.
    private func backwardStep(optimizer: any Optimizer, parameters: [Parameter]) {
        backward()
        optimizer.step(parameters)
    }

    /// Each sample's loss in a batch, computed as the batch's mean is (from the scores before
    /// the last activation when training uses them).
    private func sampleLosses(truth: Tensor, output: Tensor) -> [Float] {
        let scores = logitsLayer?.logits ?? output
        let width = scores.columns, truthWidth = truth.columns
        return truth.scalars.withUnsafeBufferPointer { t in
            scores.scalars.withUnsafeBufferPointer { s in
                (0..<scores.rows).map { row in
                    let truthRow = UnsafeBufferPointer(rebasing: t[(row * truthWidth)..<((row + 1) * truthWidth)])
                    let scoreRow = UnsafeBufferPointer(rebasing: s[(row * width)..<((row + 1) * width)])
                    if let logitsLoss { return logitsLoss.sampleLoss(truth: truthRow, logits: scoreRow, gradient: nil) }
                    return loss.sampleLoss(truth: truthRow, predicted: scoreRow)
                }
            }
        }
    }

    /// The mean loss over every sample at once, exactly as `evaluate` with a batch of them all
    /// reports it (its product by the count and division by it give the same Double back), but
    /// without copying the samples or computing the metrics: a loss surface asks for it at
    /// thousands of points.
    func meanLoss(features: Tensor, targets: Tensor) -> Double {
        guard features.rows > 0 else { return .nan }
        var generator = SeededGenerator(seed: 0)
        let output = model.forward(features, training: false, generator: &generator)
        return Double(lossAndGradient(truth: targets, output: output))
    }

    private func lossAndGradient(truth: Tensor, output: Tensor) -> Float {
        if let logitsLayer, let logitsLoss {
            return logitsLoss.lossAndGradient(truth: truth, logits: logitsLayer.logits, gradient: &lossGradient)
        }
        return loss.lossAndGradient(truth: truth, predicted: output, gradient: &lossGradient)
    }

    /// Runs backward from the last layer down to the first layer that has weights: nothing
    /// before that one learns, so it skips its input gradient (the largest product of a step,
    /// δ·Wᵀ for the first dense layer), and the layers before it (flatten) do nothing at all.
    private func backward() {
        let firstLearning = model.layers.firstIndex { !$0.parameters.isEmpty } ?? model.layers.count
        var gradient: Tensor? = lossGradient
        for index in (firstLearning..<model.layers.count).reversed() {
            guard let current = gradient else { break }
            gradient = nil
            gradient = model.layers[index].backward(current, needInputGradient: index > firstLearning)
        }
    }
}
