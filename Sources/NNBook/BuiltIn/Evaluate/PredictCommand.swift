// `predict neuron age=58 affordability=1`: a trained model's answer for new inputs, in the
// units the learner thinks in.

import NNCore
import NNData

/// Predictions for inputs given by name (scaled as the training data was) or for the first
/// rows of a data set.
struct PredictCommand: CellCommand {
    let schema = CommandSchema(
        verb: "predict",
        summary: "predict with a trained model: for inputs given by name in original units, or for the first rows of a data set",
        arguments: [
            ArgumentSchema("model", .uses(.model), summary: "the model"),
            ArgumentSchema("data", .uses(.dataset), summary: "the data set whose first rows to predict", keyword: "on", isOptional: true),
        ],
        options: [OptionSchema("rows", .integer, summary: "how many rows of the data set", default: .integer(5))],
        openOptions: .number,
        examples: ["predict neuron age=58 affordability=1", "predict digits on mnist.test rows=3"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let hasData = invocation.values["data"] != nil
        if hasData == !invocation.extraOptions.isEmpty {
            return [Diagnostic(
                hasData ? "give either a data set or input values, not both" : "predict needs input values or a data set",
                at: invocation.range, hint: "e.g. predict model age=58 affordability=1, or predict model on data.test")]
        }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let entry = try state.model(invocation.string("model") ?? "", at: invocation.range(of: "model"))
        guard entry.model.isBuilt, let trainedOn = entry.trainedOn else {
            throw RunError("the model has not been trained yet", hint: "train it before predicting with it", at: invocation.range(of: "model"))
        }
        if let reference = invocation.string("data") {
            let data = try state.dataset(reference, at: invocation.range(of: "data"))
            let count = min(invocation.integer("rows") ?? 5, data.count)
            let sample = data.subset(Array(0..<count))
            return try table(for: entry, inputs: sample.features, truth: sample.targets, trainedOn: trainedOn, state: state, range: invocation.range(of: "data"))
        }
        let given = Dictionary(invocation.extraOptions.map { ($0.name, $0.value.number ?? 0) }, uniquingKeysWith: { a, _ in a })
        for name in given.keys where !trainedOn.featureNames.contains(name) {
            throw RunError(
                "the model was not trained on a feature called '\(name)'", hint: "its features are \(trainedOn.featureNames.joined(separator: ", "))",
                at: invocation.range(of: name))
        }
        let missing = trainedOn.featureNames.filter { given[$0] == nil }
        guard missing.isEmpty else {
            throw RunError(
                "predict needs a value for \(missing.joined(separator: ", "))", hint: "its features are \(trainedOn.featureNames.joined(separator: ", "))",
                at: invocation.range)
        }
        let scaled = trainedOn.featureNames.map { name -> Float in
            let value = given[name] ?? 0
            return Float(trainedOn.scalings[name]?.apply(value) ?? value)
        }
        let inputs = try! Tensor(shape: [1, scaled.count], scalars: scaled)
        let inputText = trainedOn.featureNames.enumerated().map { index, name in
            let original = NumberText.plain(given[name] ?? 0)
            return trainedOn.scalings[name] == nil ? "\(name)=\(original)" : "\(name)=\(original) (scaled: \(state.format(scaled[index])))"
        }
        return [.text("input: " + inputText.joined(separator: ", "))]
            + (try table(for: entry, inputs: inputs, truth: nil, trainedOn: trainedOn, state: state, range: invocation.range))
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
