// `predict neuron age=58 affordability=1` or `predict fruity colour=red weight=150`: a trained
// model's answer for new inputs, in the units and words the learner thinks in.

import NNCore
import NNData

/// Predictions for inputs given by name (scaled and encoded as the training data was) or for
/// the first rows of a data set; classes by name, with their probabilities.
struct PredictCommand: NotebookCommand, PrintsNumbers {
    /// Up to this many classes, every class's probability is shown; beyond, the most likely ones.
    static let shownClasses = 5

    static let configuration = CommandConfiguration(
        verb: "predict",
        summary: "predict with a trained model: for inputs given by name in original units (words for word columns), or for the first rows of a data set",
        examples: ["predict neuron age=58 affordability=1", "predict fruity colour=red weight=150", "predict digits on mnist.test rows=3"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set whose first rows to predict") var data: DatasetName?
    @Option(help: "how many rows of the data set", minimum: 1) var rows = 5
    /// The inputs by column name: numbers in original units, or words of a word column.
    @OpenOptions var inputs: [NamedValue<String>]
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if data != nil, !inputs.isEmpty, let facts = context.models[model.name], let columns = facts.trainedOn?.columns,
            case let names = Set(WordColumn.inputNames(of: columns, wordColumns: facts.trainedOn?.wordColumns ?? [:])),
            !inputs.contains(where: { names.contains($0.name) })
        {
            // `predict m on d rows=3 threshold=0.3`: beside a data set, a name that is no input
            // is an option predict does not have.
            return inputs.map { input in
                Diagnostic(
                    "'predict' has no option '\(input.name.excerpt())'", at: input.range,
                    hint: Suggestions.hint(for: input.name, in: Self.schema.options.map(\.name), kind: "options of 'predict'"))
            }
        }
        if (data != nil) == !inputs.isEmpty {
            return [Diagnostic(
                data != nil ? "give either a data set or input values, not both" : "predict needs input values or a data set",
                at: command, hint: "e.g. predict model age=58 affordability=1, or predict model on data.test")]
        }
        guard let facts = context.models[model.name] else { return [] }
        if let data {
            guard facts.isTrained else { return [NamedInputs.untrained(model)] }
            return FitChecks.predictions(of: model, on: data, in: context, for: "predict") { _ in nil }
        }
        return NamedInputs(inputs, for: "predict").check(for: model, facts: facts, at: command)
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard entry.model.isBuilt, let trainedOn = entry.trainedOn else {
            throw RunError("the model has not been trained yet", hint: "train it before predicting with it", at: model.range)
        }
        if let data {
            let (_, samples, terms) = try state.model(model, predictingOn: data)
            let sample = samples.subset(Array(0..<min(rows, samples.count)))
            // More rows than there are gives them all, and says so: the table is not cut short.
            let all: [Output] = rows > samples.count ? [.text("rows=\(rows) asks for more samples than \(data) has: these are all \(samples.count) of them")] : []
            return try table(for: entry, inputs: sample.features, truth: sample, names: samples, state: state, range: data.range) + all + terms
        }
        let (values, inputText) = try NamedInputs(inputs, for: "predict").encoded(for: trainedOn, model: model, state: state, at: command)
        return [.text("input: " + inputText.joined(separator: ", "))]
            + (try table(for: entry, inputs: values, truth: nil, names: trainedOn, state: state, range: command))
    }

    /// One row per sample: the class and its probability (with every class's probability, or
    /// the most likely ones), or a value in the target's original units.
    private func table(for entry: ModelEntry, inputs: Tensor, truth truthSamples: Dataset?, names: Dataset, state: RunState, range: SourceRange) throws(RunError) -> [Output] {
        guard inputs.sampleShape == entry.model.inputShape else {
            throw RunError("the model expects samples of shape \(Tensor.describe(entry.model.inputShape ?? [])), not \(Tensor.describe(inputs.sampleShape))", at: range)
        }
        let predictions = entry.predict(inputs)
        let classes = Classes.of(predictions: predictions)
        let classifies = entry.trainer.map { $0.loss is any LogitsLoss } ?? false
        let truth = truthSamples?.targets
        var truthClasses: [Int]?
        if classifies, let truthSamples, let data { truthClasses = try RunState.trueClasses(of: truthSamples, named: data, model: model) }
        let truthCell = { (row: Int) in truthClasses.map { [names.className($0[row])] } ?? [] }
        var headers = ["sample"]
        var rows: [[String]] = []
        if classifies && predictions.columns == 1 {
            // One sigmoid output is the probability of class 1, whichever class is predicted:
            // the header names that class, so that 0.02 beside "off" is not read as off's.
            headers += ["P(\(names.className(1)))", "class"] + (truth == nil ? [] : ["true class"])
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
        return [.table(Table(headers: headers, rows: rows))] + (entry.scoresNote.map { [.text($0)] } ?? [])
    }
}
