// `evaluate neuron on insurance.test`: Keras' model.evaluate.

import NNCore
import NNData

/// The loss and metrics of a compiled model on a data set or split, without learning.
struct EvaluateCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "evaluate",
        summary: "the loss and metrics of a trained model on a data set, as Keras' model.evaluate",
        examples: ["evaluate neuron on insurance.test"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split to measure on") var data: DatasetName
    @Option(help: TargetUnits.Choice.help) var units: TargetUnits.Choice?
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        EvaluateCommand.check(model, on: data, in: context)
    }

    /// What evaluating `model` on `data` needs (shared with `expect`): a compiled, built model
    /// that the data's inputs and targets fit.
    static func check(_ model: ModelName, on data: DatasetName, in context: CheckContext) -> [Diagnostic] {
        guard let facts = context.models[model.name] else { return [] }
        guard facts.compilation != nil else {
            return [Diagnostic(
                "the model '\(model)' must be compiled before it is evaluated", at: model.range,
                hint: "add `compile \(model) loss=… optimizer=…` before this line")]
        }
        let unbuilt = FitChecks.built(facts, named: model, for: "be evaluated")
        guard unbuilt.isEmpty, let samples = context.facts(of: data) else { return unbuilt }
        return FitChecks.fit(of: samples, named: data, to: facts, named: model)
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let (results, names, count, units, terms) = try EvaluateCommand.evaluate(model, on: data, in: state, units: self.units, purpose: "evaluating it")
        let rows = names.compactMap { name in results[name].map { [name, state.format($0)] } }
        let label = state.label(of: data)
        let said = "\(count) samples" + (label == data.description ? "" : " of \(label) (\(data) alone is its training split)")
            + (units.map { "; " + $0.statement(for: names) } ?? "")
            + RunState.saidOfTerms(scaled: terms.scaled, coded: terms.coded, of: data, model: model).map { "; " + $0 }.joined()
        return [.table(Table(headers: ["metric", "value"], rows: rows)), .text(said)]
            + names.compactMap { name in results[name].map { .metric(name: name, value: $0, units: units?.units(of: name)) } }
    }

    /// The loss and metrics of a trained model on a data set (shared with `expect`): the values
    /// by name, in the units `units=` asks for when the target was scaled; the names in Keras'
    /// order (loss first); how many samples were measured; and the units, when there were any
    /// to choose; and the columns of `data` scaled as the model's training data were, and those
    /// of its word columns coded by the training data's words.
    static func evaluate(
        _ model: ModelName, on data: DatasetName, in state: RunState, units choice: TargetUnits.Choice?, purpose: String
    ) throws(RunError) -> (results: [String: Double], names: [String], count: Int, units: TargetUnits?, terms: (scaled: [String], coded: [String])) {
        let entry = try state.model(model)
        let given = try state.dataset(data)
        guard let trainer = entry.trainer, entry.model.isBuilt else {
            throw RunError("the model has not been trained yet", hint: "train it before \(purpose)", at: model.range)
        }
        let (samples, scaled, coded) = try RunState.inModelTerms(given, named: data, learnedFrom: entry.trainedOn, model: model)
        do {
            let results = try trainer.evaluate(features: samples.features, targets: samples.targets)
            let units = TargetUnits(of: samples, loss: trainer.loss, choice: choice)
            return (units?.reported(results) ?? results, ["loss"] + trainer.metrics.map(\.name), samples.count, units, (scaled, coded))
        } catch {
            throw RunError(error, at: data.range, samples: samples)
        }
    }
}
