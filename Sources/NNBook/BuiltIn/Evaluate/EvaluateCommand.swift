// `evaluate neuron on insurance.test`: Keras' model.evaluate.

import NNCore

/// The loss and metrics of a compiled model on a data set or split, without learning.
struct EvaluateCommand: CellCommand {
    let schema = CommandSchema(
        verb: "evaluate",
        summary: "the loss and metrics of a trained model on a data set, as Keras' model.evaluate",
        arguments: [
            ArgumentSchema("model", .uses(.model), summary: "the model"),
            ArgumentSchema("data", .uses(.dataset), summary: "the data set or split to measure on", keyword: "on"),
        ],
        examples: ["evaluate neuron on insurance.test"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let model = invocation.string("model") ?? ""
        return context.knows("compiled:\(model)") ? [] : [Diagnostic(
            "the model '\(model)' must be compiled before it is evaluated", at: invocation.range(of: "model"),
            hint: "add `compile \(model) loss=… optimizer=…` before this line")]
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let entry = try state.model(invocation.string("model") ?? "", at: invocation.range(of: "model"))
        let data = try state.dataset(invocation.string("data") ?? "", at: invocation.range(of: "data"))
        guard let trainer = entry.trainer, entry.model.isBuilt else {
            throw RunError("the model has not been trained yet", hint: "train it before evaluating it", at: invocation.range(of: "model"))
        }
        let results: [String: Double]
        do { results = try trainer.evaluate(features: data.features, targets: data.targets) } catch {
            throw RunError(error, at: invocation.range(of: "data"))
        }
        let names = ["loss"] + trainer.metrics.map(\.name)
        let rows = names.compactMap { name in results[name].map { [name, state.format($0)] } }
        return [.table(Table(headers: ["metric", "value"], rows: rows)), .text("\(data.count) samples")]
            + names.compactMap { name in results[name].map { .metric(name: name, value: $0) } }
    }
}
