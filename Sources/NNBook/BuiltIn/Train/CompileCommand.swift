// `compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]`

import NNCore

/// Keras' `model.compile`: the loss to minimise, the optimizer that minimises it, the metrics
/// to report.
struct CompileCommand: CellCommand {
    let schema = CommandSchema(
        verb: "compile",
        summary: "choose the loss, the optimizer and the metrics of a model, as Keras' model.compile",
        arguments: [ArgumentSchema("model", .uses(.model), summary: "the model")],
        options: [
            OptionSchema("loss", .choice(Losses.names), summary: "the loss to minimise", isRequired: true),
            OptionSchema("optimizer", .choice(Optimizers.names), summary: "the update rule (Keras' default: rmsprop)", default: .string("rmsprop")),
            OptionSchema("rate", .number, summary: "the learning rate (default: Keras' for the optimizer)"),
            OptionSchema("metrics", .list(.choice(Metric.names)), summary: "what to report beside the loss", default: .list([])),
            OptionSchema("epsilon", .number, summary: "cross-entropy's clipping bound (Keras: 1e-7)"),
            OptionSchema("from_logits", .boolean, summary: "the model outputs scores, not probabilities", default: .boolean(false)),
        ],
        examples: ["compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let rate = invocation.number("rate"), rate <= 0 {
            diagnostics.append(Diagnostic("the learning rate must be above 0", at: invocation.range(of: "rate")))
        }
        if let epsilon = invocation.number("epsilon"), !(epsilon > 0 && epsilon < 0.5) {
            diagnostics.append(Diagnostic("epsilon must lie between 0 and 0.5", at: invocation.range(of: "epsilon")))
        }
        let model = invocation.string("model") ?? ""
        context.note("compiled:\(model)")
        context.training[model, default: TrainingFacts()].compiledMetrics = ["loss"] + (invocation.strings("metrics") ?? [])
        return diagnostics
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let entry = try state.model(invocation.string("model") ?? "", at: invocation.range(of: "model"))
        let lossName = invocation.string("loss") ?? ""
        let optimizerName = invocation.string("optimizer") ?? "rmsprop"
        guard let loss = Losses.named(lossName, epsilon: invocation.number("epsilon"), fromLogits: invocation.boolean("from_logits") ?? false),
            let optimizer = Optimizers.named(optimizerName, rate: invocation.number("rate"))
        else { throw RunError("unknown loss or optimizer", at: invocation.range) }
        let metrics = (invocation.strings("metrics") ?? []).compactMap(Metric.named)
        entry.trainer = Trainer(model: entry.model, loss: loss, optimizer: optimizer, metrics: metrics)
        let rate = NumberText.data(optimizer.learningRate)
        return [.text("loss: \(loss.name); optimizer: \(optimizer.name) (learning rate \(rate))" + (metrics.isEmpty ? "" : "; metrics: " + metrics.map(\.name).joined(separator: ", ")))]
    }
}
