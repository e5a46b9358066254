// `evaluate neuron on insurance.test`: Keras' model.evaluate.

import NNCore

/// The loss and metrics of a compiled model on a data set or split, without learning.
struct EvaluateCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "evaluate",
        summary: "the loss and metrics of a trained model on a data set, as Keras' model.evaluate",
        examples: ["evaluate neuron on insurance.test"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split to measure on") var data: DatasetName

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        guard let facts = context.models[model.name] else { return [] }
        guard facts.compilation != nil else {
            return [Diagnostic(
                "the model '\(model)' must be compiled before it is evaluated", at: model.range,
                hint: "add `compile \(model) loss=… optimizer=…` before this line")]
        }
        let unbuilt = FitChecks.built(facts, named: model, for: "be evaluated")
        guard unbuilt.isEmpty, let samples = context.facts(of: data) else { return unbuilt }
        return FitChecks.inputs(of: samples, named: data, into: facts, named: model).diagnostics + FitChecks.targets(of: samples, named: data, for: facts)
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        let samples = try state.dataset(data)
        guard let trainer = entry.trainer, entry.model.isBuilt else {
            throw RunError("the model has not been trained yet", hint: "train it before evaluating it", at: model.range)
        }
        let results: [String: Double]
        do { results = try trainer.evaluate(features: samples.features, targets: samples.targets) } catch {
            throw RunError(error, at: data.range)
        }
        let names = ["loss"] + trainer.metrics.map(\.name)
        let rows = names.compactMap { name in results[name].map { [name, state.format($0)] } }
        return [.table(Table(headers: ["metric", "value"], rows: rows)), .text("\(samples.count) samples")]
            + names.compactMap { name in results[name].map { .metric(name: name, value: $0) } }
    }
}
