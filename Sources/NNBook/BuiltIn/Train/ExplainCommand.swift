// `explain neuron on insurance descent=batch`: one step of gradient descent written out the way
// the course writes it by hand, with the numbers the next `train` will produce.

import NNCore
import NNData

/// Shows the first update the next `train` of a compiled model would make, and changes nothing.
///
/// For each sample of the step (all of them for small data, the first few otherwise): its
/// inputs, the weighted sum, the activation, the prediction and the loss. Then for each weight:
/// its value, ∂L/∂w (the mean over the step's samples, as training computes it), the update
/// rule with its numbers filled in, and the new value. A model with more weights than
/// `WeightsCommand.listingLimit` gets one line per weight array instead (gradient norm,
/// largest update). The numbers are `Trainer.explainNextStep`'s: the very code of `fit`, run
/// aside, so `train … epochs=1` with batch descent ends on exactly these new values.
struct ExplainCommand: NotebookCommand, PrintsNumbers {
    /// Steps with at most this many samples show every one; larger ones show the first few.
    static let sampleListingLimit = 30
    static let samplesShownOfLargeSteps = 5
    /// More inputs than this are summarised in one column rather than one column each.
    static let inputColumnsLimit = 6

    static let configuration = CommandConfiguration(
        verb: "explain",
        summary: "write out one step of the model's optimizer as the course does by hand, without training the model",
        examples: ["explain neuron on insurance descent=batch", "explain digits on mnist batch=32"])

    @Argument(help: "the compiled model", changes: true) var model: ModelName
    @Argument(keyword: "on", help: "the data the step learns from (its training split, if it has one)") var data: DatasetName
    // The step `train` would take: the same three options, with the same defaults.
    @Option(help: "how many samples each update uses") var descent = TrainCommand.Descent.miniBatch
    @Option(help: "samples per update in mini-batch descent (Keras: 32)", minimum: 1) var batch = 32
    @Option(help: "shuffle the samples each epoch in mini-batch descent") var shuffle = true
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        // Building the model and shuffling draw from the generator, in draws the check does not make.
        context.generator = nil
        var diagnostics: [Diagnostic] = []
        if !_descent.isParameter {
            diagnostics += descent.unusedOptions(batch: $batch == command ? nil : $batch, shuffle: $shuffle == command ? nil : $shuffle)
        }
        guard var facts = context.models[model.name] else { return diagnostics }
        if facts.compilation == nil {
            diagnostics.append(Diagnostic(
                "the model '\(model)' must be compiled before its step can be explained", at: model.range,
                hint: "add `compile \(model) loss=… optimizer=…` before this line: the step uses its loss and optimizer"))
        }
        if let training = TrainCommand.trainingFacts(of: data, in: context) {
            // The step builds the model for these samples, as the first `train` would.
            var (misfits, inputShape) = FitChecks.inputs(of: training, named: data, into: facts, named: model)
            misfits += FitChecks.targets(of: training, named: data, for: facts, learnedFrom: facts.trainedOn)
            diagnostics += misfits
            facts.inputShape = inputShape
            facts.misfitReported = facts.misfitReported || !misfits.isEmpty
            context.models[model.name] = facts
        }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard let trainer = entry.trainer else { throw RunError("the model has not been compiled", at: model.range) }
        let data = try RunState.inModelTerms(try state.trainingData(data), named: self.data, learnedFrom: entry.trainedOn, model: model, scaled: false).samples
        try TrainCommand.build(entry, for: data, in: state, at: model.range)
        let descent = descent.mode(batch: batch, shuffle: shuffle)
        let step: StepExplanation
        do {
            step = try trainer.explainNextStep(features: data.features, targets: data.targets, descent: descent, generator: state.generator)
        } catch {
            throw RunError(error, at: self.data.range, samples: data)
        }
        let optimizer = trainer.optimizer
        let rate = NumberText.data(optimizer.learningRate)
        var outputs: [Output] = [
            .text("""
                one step on \(ExplainCommand.count(step.samples.count, "sample")): the first step of the next `train` (\(descent.describe(samples: data.count)))
                \(optimizer.name), learning rate \(rate): \(optimizer.rule)
                """),
            .table(samplesTable(step, data: data, model: entry.model, trainer: trainer, state: state)),
        ] + (entry.scoresNote.map { [.text($0)] } ?? []) + [
            .text((step.samples.count == 1 ? "L = the sample's loss = " : "L = the mean of the \(step.samples.count) samples' losses = ") + state.format(step.loss)),
        ]
        if entry.model.parameterCount <= WeightsCommand.listingLimit {
            outputs.append(.table(weightsTable(step, names: WeightsCommand.named(entry, features: data).map(\.name), optimizer: optimizer, state: state)))
        } else {
            outputs.append(.table(layersTable(step, state: state)))
        }
        if step.diverges {
            outputs.append(.text(divergence(step, rate: rate, state: state)))
        }
        outputs.append(.metric(name: "loss", value: Double(step.loss)))
        return outputs
    }

    /// One row per sample: inputs, weighted sum and activation (for a single layer), prediction,
    /// truth and loss. A model compiled with `from_logits=true` outputs scores, and the loss
    /// their sigmoid or softmax: ŷ is that probability, the one the loss compares with y.
    private func samplesTable(_ step: StepExplanation, data: Dataset, model: Sequential, trainer: Trainer, state: RunState) -> Table {
        let features = data.features.columns
        let inputHeaders = features <= ExplainCommand.inputColumnsLimit && data.featureNames.count == features ? data.featureNames : ["inputs"]
        let fromLogits = (trainer.loss as? any LogitsLoss).flatMap { $0.fromLogits ? $0.probabilityActivation.name : nil }
        let activation = fromLogits ?? (model.layers.last as? Dense)?.activation.name ?? "output"
        let predictions = trainer.probabilities(of: step.predictions)
        let single = step.weightedSums != nil && step.predictions.columns == 1
        let predictionHeaders = single ? ["z = w·x + b", activation == "linear" ? "ŷ = z" : "ŷ = \(activation)(z)"] : ["ŷ"]
        let headers = ["sample"] + inputHeaders + predictionHeaders + ["y", "loss"]
        let shown = step.samples.count <= ExplainCommand.sampleListingLimit ? step.samples.count : ExplainCommand.samplesShownOfLargeSteps
        var rows: [[String]] = (0..<shown).map { position in
            let sample = step.samples[position]
            let inputs = inputHeaders.count == features
                ? data.features.row(sample).map { NumberText.data($0) }
                : ["\(features) values"]
            let predicted: [String] = single
                ? [state.format(step.weightedSums![position, 0]), state.format(predictions[position, 0])]
                : [ExplainCommand.row(predictions.row(position), state: state)]
            let truth = data.targets.row(sample)
            let y = truth.count == 1 ? NumberText.data(truth[truth.startIndex]) : "[" + truth.map(NumberText.data).joined(separator: ", ") + "]"
            return [String(sample + 1)] + inputs + predicted + [y, state.format(step.sampleLosses[position])]
        }
        if shown < step.samples.count {
            rows.append(["…"] + [String](repeating: "", count: headers.count - 2) + ["\(step.samples.count - shown) more"])
        }
        return Table(headers: headers, rows: rows)
    }

    /// One row per weight: value, gradient, the update with its numbers, the new value.
    private func weightsTable(_ step: StepExplanation, names: [String], optimizer: any Optimizer, state: RunState) -> Table {
        let values = step.parameters.flatMap { parameter in parameter.before.indices.map { (parameter.before[$0], parameter.gradient[$0], parameter.after[$0]) } }
        let rows = zip(names, values).map { name, value -> [String] in
            let (before, gradient, after) = value
            let short = name.components(separatedBy: " (")[0]
            let update = optimizer is StochasticGradientDescent
                ? "\(short) ← \(state.format(before)) − \(NumberText.data(optimizer.learningRate)) × \(ExplainCommand.signed(gradient, state: state)) = \(state.format(after))"
                : "\(short) ← \(state.format(before)) − \(ExplainCommand.signed(before - after, state: state)) = \(state.format(after))"
            return [name, state.format(before), state.format(gradient), update, state.format(after)]
        }
        return Table(headers: ["weight", "value", "∂L/∂w", "update", "new value"], rows: rows)
    }

    /// One row per weight array, for models too large to list: how steep and how large the step is.
    private func layersTable(_ step: StepExplanation, state: RunState) -> Table {
        let rows = step.parameters.map { parameter -> [String] in
            let norm = parameter.gradient.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            let largest = zip(parameter.before, parameter.after).map { abs(Double($1) - Double($0)) }.max() ?? 0
            return ["layer \(parameter.layer + 1) \(parameter.name)", Tensor.describe(parameter.shape), state.format(norm), state.format(largest)]
        }
        return Table(headers: ["array", "shape", "gradient norm", "largest update"], rows: rows)
    }

    /// What blew up, with the numbers, and what to do about it.
    private func divergence(_ step: StepExplanation, rate: String, state: RunState) -> String {
        var parts: [String] = []
        if !step.loss.isFinite { parts.append("the loss is \(state.format(step.loss))") }
        let broken = step.parameters.reduce(0) { $0 + $1.after.filter { !$0.isFinite }.count }
        if broken > 0 { parts.append("\(ExplainCommand.count(broken, "weight")) become\(broken == 1 ? "s" : "") NaN or infinite") }
        let steepest = step.parameters.flatMap(\.gradient).map { abs(Double($0)) }.max() ?? 0
        return "This step diverges: " + parts.joined(separator: " and ")
            + " (the steepest gradient is \(state.format(steepest)) at learning rate \(rate)); a smaller rate= in `compile` takes smaller steps."
    }

    /// A negative number in brackets, so that `− 0.5 × (-0.1250)` reads as the course writes it.
    private static func signed(_ value: Float, state: RunState) -> String {
        value < 0 ? "(\(state.format(value)))" : state.format(value)
    }

    private static func row(_ values: ArraySlice<Float>, state: RunState) -> String {
        values.count == 1 ? state.format(values[values.startIndex]) : "[" + values.map { state.format($0) }.joined(separator: ", ") + "]"
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
