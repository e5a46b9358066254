// `predict neuron age=58 affordability=1`: a trained model's answer for new inputs, in the
// units the learner thinks in.

import NNCore
import NNData

/// Predictions for inputs given by name (scaled as the training data was) or for the first
/// rows of a data set.
struct PredictCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "predict",
        summary: "predict with a trained model: for inputs given by name in original units, or for the first rows of a data set",
        examples: ["predict neuron age=58 affordability=1", "predict digits on mnist.test rows=3"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set whose first rows to predict") var data: DatasetName?
    @Option(help: "how many rows of the data set") var rows = 5
    /// The inputs by column name, in original units.
    @OpenOptions var inputs: [NamedValue<Double>]

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if (data != nil) == !inputs.isEmpty {
            return [Diagnostic(
                data != nil ? "give either a data set or input values, not both" : "predict needs input values or a data set",
                at: command, hint: "e.g. predict model age=58 affordability=1, or predict model on data.test")]
        }
        guard let facts = context.models[model.name] else { return [] }
        guard facts.isTrained else {
            return [Diagnostic(
                "the model '\(model)' has not been trained before this line, so it cannot predict", at: model.range,
                hint: "add `train \(model) on …` before this line")]
        }
        if let data {
            return context.facts(of: data).map { FitChecks.inputs(of: $0, named: data, into: facts, named: model).diagnostics } ?? []
        }
        guard let trainedOn = facts.trainedOn, let columns = trainedOn.columns else {
            if facts.trainedOn?.sampleShape.map({ $0.count > 1 }) == true {
                return [Diagnostic(
                    "'\(model)' was trained on samples without named columns, so it cannot take inputs by name", at: inputs[0].range,
                    hint: "predict from a data set instead: predict \(model) on DATA")]
            }
            return []
        }
        var diagnostics: [Diagnostic] = []
        for input in inputs where !columns.contains(input.name) {
            diagnostics.append(Diagnostic(
                "the model '\(model)' was not trained on a feature called '\(input.name)'", at: input.range,
                hint: (Suggestions.closest(to: input.name, in: columns).map { "did you mean '\($0)'? " } ?? "") + "its features are \(columns.joined(separator: ", "))"))
        }
        let missing = columns.filter { column in !inputs.contains { $0.name == column } }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(
                "predict needs a value for \(missing.joined(separator: ", "))", at: command,
                hint: "its features are \(columns.joined(separator: ", "))"))
        }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard entry.model.isBuilt, let trainedOn = entry.trainedOn else {
            throw RunError("the model has not been trained yet", hint: "train it before predicting with it", at: model.range)
        }
        if let data {
            let samples = try state.dataset(data)
            let sample = samples.subset(Array(0..<min(rows, samples.count)))
            return try table(for: entry, inputs: sample.features, truth: sample.targets, trainedOn: trainedOn, state: state, range: data.range)
        }
        let given = Dictionary(inputs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        for input in inputs where !trainedOn.featureNames.contains(input.name) {
            throw RunError(
                "the model was not trained on a feature called '\(input.name)'", hint: "its features are \(trainedOn.featureNames.joined(separator: ", "))",
                at: input.range)
        }
        let missing = trainedOn.featureNames.filter { given[$0] == nil }
        guard missing.isEmpty else {
            throw RunError(
                "predict needs a value for \(missing.joined(separator: ", "))", hint: "its features are \(trainedOn.featureNames.joined(separator: ", "))",
                at: command)
        }
        let scaled = trainedOn.featureNames.map { name -> Float in
            let value = given[name] ?? 0
            return Float(trainedOn.scalings[name]?.apply(value) ?? value)
        }
        let values = try! Tensor(shape: [1, scaled.count], scalars: scaled)
        let inputText = trainedOn.featureNames.enumerated().map { index, name in
            let original = NumberText.plain(given[name] ?? 0)
            return trainedOn.scalings[name] == nil ? "\(name)=\(original)" : "\(name)=\(original) (scaled: \(state.format(scaled[index])))"
        }
        return [.text("input: " + inputText.joined(separator: ", "))]
            + (try table(for: entry, inputs: values, truth: nil, trainedOn: trainedOn, state: state, range: command))
    }

    /// One row per sample: the prediction as a probability and class, or as a value in the
    /// target's original units.
    private func table(for entry: ModelEntry, inputs: Tensor, truth: Tensor?, trainedOn: Dataset, state: RunState, range: SourceRange) throws(RunError) -> [Output] {
        guard inputs.sampleShape == entry.model.inputShape else {
            throw RunError("the model expects samples of shape \(Tensor.describe(entry.model.inputShape ?? [])), not \(Tensor.describe(inputs.sampleShape))", at: range)
        }
        let predictions = entry.model.predict(inputs)
        let classes = Classes.of(predictions: predictions)
        let truthClasses = truth.map(Classes.of(truth:))
        let classifies = entry.trainer.map { $0.loss is any LogitsLoss } ?? false
        var headers = ["sample"]
        var rows: [[String]] = []
        if classifies && predictions.columns == 1 {
            headers += ["probability", "class"] + (truth == nil ? [] : ["true class"])
            for row in 0..<predictions.rows {
                rows.append([String(row + 1), state.format(predictions[row, 0]), String(classes[row])] + (truthClasses.map { [String($0[row])] } ?? []))
            }
        } else if classifies {
            headers += ["class", "probability"] + (truth == nil ? [] : ["true class"])
            for row in 0..<predictions.rows {
                rows.append([String(row + 1), String(classes[row]), state.format(predictions[row, classes[row]])] + (truthClasses.map { [String($0[row])] } ?? []))
            }
        } else {
            for name in trainedOn.targetNames.prefix(predictions.columns) {
                headers += ["predicted \(name)"] + (truth == nil ? [] : [name])
            }
            for row in 0..<predictions.rows {
                var cells = [String(row + 1)]
                for (column, name) in trainedOn.targetNames.enumerated() where column < predictions.columns {
                    let unscale = { (value: Float) in trainedOn.scalings[name]?.invert(Double(value)) ?? Double(value) }
                    cells.append(state.format(unscale(predictions[row, column])))
                    if let truth { cells.append(state.format(unscale(truth[row, column]))) }
                }
                rows.append(cells)
            }
        }
        return [.table(Table(headers: headers, rows: rows))]
    }
}
