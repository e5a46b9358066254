// `compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]`

import NNCore

/// Keras' `model.compile`: the loss to minimise, the optimizer that minimises it, the metrics
/// to report.
struct CompileCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "compile",
        summary: "choose the loss, the optimizer and the metrics of a model, as Keras' model.compile",
        examples: ["compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]"])

    @Argument(help: "the model", changes: true) var model: ModelName
    @Option(help: "the loss to minimise") var loss: LossName
    @Option(help: "the update rule (Keras' default: rmsprop)") var optimizer = OptimizerName(choice: "rmsprop")!
    @Option(help: "the learning rate (default: Keras' for the optimizer)", spellings: ["learning_rate", "lr"]) var rate: Double?
    @Option(help: "what to report beside the loss") var metrics: [MetricName] = []
    @Option(help: "cross-entropy's clipping bound (Keras: 1e-7)") var epsilon: Double?
    @Option(help: "the model outputs scores, not probabilities") var fromLogits = false

    /// A line whose loss, optimizer or metrics cannot be read still compiles its model, with
    /// those left unknown: the lines after it are checked, and nothing that depends on them.
    var checksLinesReadInPart: Bool { true }

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let rate = _rate.known ?? nil, epsilon = _epsilon.known ?? nil
        if let rate, rate <= 0 {
            // The value is named, so that a parameter's default that is the mistake is told at
            // its declaration, as its other mistakes are.
            diagnostics.append(Diagnostic("the learning rate must be above 0, not \(NumberText.plain(rate))", at: $rate, hint: "rates are small numbers such as 0.01 or 0.001"))
        } else if let rate, !Float(rate).isFinite {
            diagnostics.append(Diagnostic("the learning rate \(rate) is too large for a 32-bit number", at: $rate, hint: "rates are small numbers such as 0.01 or 0.001"))
        } else if let rate, let problem = Float32Limit.underflow(rate, written: NumberText.plain(rate), at: $rate, what: "the learning rate must be above 0; rates are small numbers such as 0.01 or 0.001") {
            diagnostics.append(problem)
        }
        if let problem = CompileCommand.epsilonProblem(epsilon, float32: true, at: $epsilon) { diagnostics.append(problem) }
        // The loss means what it says only with its from_logits=.
        let loss = _loss.known.flatMap { loss in
            _fromLogits.known.map { ModelFacts.CompiledLoss(name: loss.choice, range: $loss, fromLogits: $0) }
        }
        if let loss {
            diagnostics += CompileCommand.crossEntropyOptionProblems(
                of: loss.name, fromLogits: loss.fromLogits ? $fromLogits : nil, epsilon: epsilon == nil ? nil : $epsilon,
                instead: "compile with a cross-entropy such as binary_crossentropy for a classifier")
            if let last = context.models[model.name]?.lastDense, let problem = outputsProblem(last, of: loss) { diagnostics.append(problem) }
        }
        context.models[model.name]?.compilation = ModelFacts.Compilation(
            loss: loss, optimizer: _optimizer.known?.choice, metrics: _metrics.known.map { ["loss"] + $0.map(\.choice) }, metricsRange: $metrics)
        return diagnostics
    }

    /// A cross-entropy of a last layer whose outputs are not probabilities (the softmax or
    /// sigmoid forgotten): the run would clip them into (0, 1) and train on, to a loss that
    /// does not fall far and an accuracy near chance. With `from_logits=true` the loss applies
    /// the activation itself, as Keras' does, so the layer must then give scores: a sigmoid
    /// applied twice squeezes every prediction towards 0.5 (Keras warns of it).
    private func outputsProblem(_ last: Located<DenseLine>, of loss: ModelFacts.CompiledLoss) -> Diagnostic? {
        let activation = last.value.activation.choice
        let givesProbabilities = ["sigmoid", "softmax"].contains(activation)
        guard loss.name.hasSuffix("crossentropy"), loss.fromLogits == givesProbabilities else { return nil }
        if loss.fromLogits {
            return Diagnostic(
                "from_logits=true says the outputs are scores, but the last dense layer's activation=\(activation) makes them probabilities", at: $fromLogits,
                hint: "drop from_logits=true (the loss is then computed from the scores before the \(activation), as Keras does), or drop activation=\(activation)")
        }
        let wanted = loss.name == "binary_crossentropy" ? "sigmoid" : "softmax"
        let given = activation == "linear" ? "no activation, so its outputs are scores" : "activation=\(activation), whose outputs are not probabilities"
        return Diagnostic(
            "\(loss.name) takes probabilities, but the last dense layer has \(given)", at: last.value.$activation,
            hint: "give the last dense layer activation=\(wanted), or compile with from_logits=true to have the loss apply the \(wanted) to the scores")
    }

    /// An `epsilon=` that clips nothing (0 or below) or everything (0.5 or more), for `compile`
    /// and the `loss` lesson alike.
    /// `from_logits=` and `epsilon=` (given at these ranges) belong to a cross-entropy: with
    /// another loss they would change nothing (Keras' MeanSquaredError refuses from_logits).
    /// `instead` is the other way out, for `compile` or the hand-computed `loss`.
    static func crossEntropyOptionProblems(of loss: String, fromLogits: SourceRange?, epsilon: SourceRange?, instead: String) -> [Diagnostic] {
        guard !loss.hasSuffix("crossentropy") else { return [] }
        return [("from_logits", fromLogits), ("epsilon", epsilon)].compactMap { option, range in
            range.map { Diagnostic("\(option)= applies to cross-entropy losses, and loss=\(loss) has none", at: $0, hint: "drop \(option)=, or \(instead)") }
        }
    }

    /// An `epsilon=` that is not above 0 and below 0.5, or in `float32` rounds to 0.
    static func epsilonProblem(_ epsilon: Double?, float32: Bool, at range: SourceRange) -> Diagnostic? {
        let clips = "cross-entropy clips each probability to [epsilon, 1 − epsilon] before its log; Keras uses 1e-7, the course's log loss 1e-15"
        if float32, let epsilon, let problem = Float32Limit.underflow(epsilon, written: NumberText.plain(epsilon), at: range, what: "epsilon must be above 0; " + clips) {
            return problem
        }
        guard let epsilon, !(epsilon > 0 && epsilon < 0.5) else { return nil }
        return Diagnostic(
            "epsilon is \(NumberText.plain(epsilon)), but it must be above 0 and below 0.5", at: range,
            hint: clips)
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard let loss = Losses.named(loss.choice, epsilon: epsilon, fromLogits: fromLogits),
            let optimizer = Optimizers.named(optimizer.choice, rate: rate)
        else { throw RunError("unknown loss or optimizer", at: command) }
        let metrics = metrics.compactMap { Metric.named($0.choice) }
        entry.trainer = Trainer(model: entry.model, loss: loss, optimizer: optimizer, metrics: metrics)
        let rate = NumberText.data(optimizer.learningRate)
        return [.text("loss: \(loss.name); optimizer: \(optimizer.name) (learning rate \(rate))" + (metrics.isEmpty ? "" : "; metrics: " + metrics.map(\.name).joined(separator: ", ")))]
    }
}
