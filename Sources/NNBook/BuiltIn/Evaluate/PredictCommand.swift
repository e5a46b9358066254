// `predict neuron age=58 affordability=1` or `predict fruity colour=red weight=150`: a trained
// model's answer for new inputs, in the units and words the learner thinks in.

import NNCore
import NNData

/// Predictions for inputs given by name (scaled and encoded as the training data was) or for
/// the first rows of a data set; classes by name, with their probabilities.
struct PredictCommand: NotebookCommand {
    /// Up to this many classes, every class's probability is shown; beyond, the most likely ones.
    static let shownClasses = 5

    static let configuration = CommandConfiguration(
        verb: "predict",
        summary: "predict with a trained model: for inputs given by name in original units (words for word columns), or for the first rows of a data set",
        examples: ["predict neuron age=58 affordability=1", "predict fruity colour=red weight=150", "predict digits on mnist.test rows=3"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set whose first rows to predict") var data: DatasetName?
    @Option(help: "how many rows of the data set") var rows = 5
    /// The inputs by column name: numbers in original units, or words of a word column.
    @OpenOptions var inputs: [NamedValue<String>]

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
        return problems(columns: columns, wordColumns: trainedOn.wordColumns, at: command)
    }

    /// What is wrong with the named inputs for a model trained on `columns`: a name it was not
    /// trained on, a word its column never had, text for a column of numbers, a missing input.
    /// The checker reports them all; a run (of a table too large to read while checking) stops
    /// at the first.
    private func problems(columns: [String], wordColumns: [String: WordColumn], at command: SourceRange) -> [Diagnostic] {
        let names = WordColumn.inputNames(of: columns, wordColumns: wordColumns)
        var diagnostics: [Diagnostic] = []
        for input in inputs {
            if let column = wordColumns[input.name] {
                if !column.words.contains(input.value) {
                    diagnostics.append(Diagnostic(
                        "the column '\(input.name)' never had the word '\(input.value)'", at: input.range,
                        hint: (Suggestions.closest(to: input.value, in: column.words).map { "did you mean '\($0)'? " } ?? "") + "its words are \(column.words.joined(separator: ", "))"))
                }
            } else if !columns.contains(input.name) {
                diagnostics.append(Diagnostic(
                    "the model '\(model)' was not trained on a feature called '\(input.name)'", at: input.range,
                    hint: (Suggestions.closest(to: input.name, in: names).map { "did you mean '\($0)'? " } ?? "") + "its features are \(names.joined(separator: ", "))"))
            } else if !(Double(input.value)?.isFinite ?? false) {
                diagnostics.append(Diagnostic("'\(input.name)' is a column of numbers: expected a number, not \(input.value)", at: input.range))
            }
        }
        let missing = names.filter { name in !inputs.contains { $0.name == name } }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic("predict needs a value for \(missing.joined(separator: ", "))", at: command, hint: "its features are \(names.joined(separator: ", "))"))
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
            return try table(for: entry, inputs: sample.features, truth: sample.targets, names: samples, state: state, range: data.range)
        }
        let (values, inputText) = try encoded(trainedOn: trainedOn, state: state, at: command)
        return [.text("input: " + inputText.joined(separator: ", "))]
            + (try table(for: entry, inputs: values, truth: nil, names: trainedOn, state: state, range: command))
    }

    /// The named values as one sample of the training data's features: numbers scaled as the
    /// training data was, words encoded as their column was; and the inputs as the page shows them.
    private func encoded(trainedOn: Dataset, state: RunState, at command: SourceRange) throws(RunError) -> (Tensor, [String]) {
        if let problem = problems(columns: trainedOn.featureNames, wordColumns: trainedOn.wordColumns, at: command).first {
            throw RunError(problem.message, hint: problem.hint, at: problem.range)
        }
        var features: [String: Float] = [:]
        var shown: [String] = []
        for input in inputs {
            if let values = trainedOn.wordColumns[input.name]?.features(for: input.value, column: input.name) {
                features.merge(values) { _, new in new }
                shown.append("\(input.name)=\(input.value)")
                continue
            }
            let number = Double(input.value) ?? 0
            let scaling = trainedOn.scalings[input.name]
            let scaled = Float(scaling?.apply(number) ?? number)
            features[input.name] = scaled
            shown.append("\(input.name)=\(NumberText.plain(number))" + (scaling == nil ? "" : " (scaled: \(state.format(scaled)))"))
        }
        let scalars = trainedOn.featureNames.map { features[$0] ?? 0 }
        return (try! Tensor(shape: [1, scalars.count], scalars: scalars), shown)
    }

    /// One row per sample: the class and its probability (with every class's probability, or
    /// the most likely ones), or a value in the target's original units.
    private func table(for entry: ModelEntry, inputs: Tensor, truth: Tensor?, names: Dataset, state: RunState, range: SourceRange) throws(RunError) -> [Output] {
        guard inputs.sampleShape == entry.model.inputShape else {
            throw RunError("the model expects samples of shape \(Tensor.describe(entry.model.inputShape ?? [])), not \(Tensor.describe(inputs.sampleShape))", at: range)
        }
        let predictions = entry.model.predict(inputs)
        let classes = Classes.of(predictions: predictions)
        let truthClasses = truth.map(Classes.of(truth:))
        let classifies = entry.trainer.map { $0.loss is any LogitsLoss } ?? false
        let truthCell = { (row: Int) in truthClasses.map { [names.className($0[row])] } ?? [] }
        var headers = ["sample"]
        var rows: [[String]] = []
        if classifies && predictions.columns == 1 {
            headers += ["probability", "class"] + (truth == nil ? [] : ["true class"])
            for row in 0..<predictions.rows {
                rows.append([String(row + 1), state.format(predictions[row, 0]), names.className(classes[row])] + truthCell(row))
            }
        } else if classifies {
            let every = predictions.columns <= PredictCommand.shownClasses
            headers += ["class", "probability"] + (truth == nil ? [] : ["true class"])
                + (every ? (0..<predictions.columns).map { "P(\(names.className($0)))" } : ["most likely"])
            for row in 0..<predictions.rows {
                let probabilities = (0..<predictions.columns).map { predictions[row, $0] }
                let likely = every
                    ? probabilities.map { state.format($0) }
                    : [probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }.prefix(PredictCommand.shownClasses)
                        .map { "\(names.className($0)) \(state.format(probabilities[$0]))" }.joined(separator: ", ")]
                rows.append([String(row + 1), names.className(classes[row]), state.format(predictions[row, classes[row]])] + truthCell(row) + likely)
            }
        } else {
            let trainedOn = entry.trainedOn ?? names
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
