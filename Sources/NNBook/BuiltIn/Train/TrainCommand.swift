// `train neuron on insurance descent=batch epochs=1000 every=100`: Keras' fit, with the
// course's three descent modes, validation data, and training that continues where it stopped.

import NNCore
import NNData

/// Trains a compiled model and shows the loss (and, for a small model, its weights) as it learns.
///
/// As Keras' `fit`, a second `train` of a model continues from its weights and optimizer state
/// and numbers its epochs on; the model's history is every epoch it has trained.
struct TrainCommand: NotebookCommand, PrintsNumbers {
    /// Models with at most this many weights show them in the training table, as the course
    /// prints w1, w2 and bias while it trains.
    static let weightColumnsLimit = 6

    static let configuration = CommandConfiguration(
        verb: "train",
        summary: "train a compiled model on a data set (its training split, if it has one), as Keras' model.fit",
        examples: [
            "train neuron on insurance descent=batch epochs=1000 every=100",
            "train digits on mnist epochs=5 batch=32",
            "train big on small epochs=20 validation=clothes.test",
            "train fruity on fruit epochs=50 validation_split=0.2",
        ],
        spellings: ["fit"],
        otherOptions: [
            "initial_epoch": "nnbook needs no initial_epoch: a second `train` of the same model continues where the one before stopped and numbers its epochs on (epochs=5 twice trains epochs 1 to 5, then 6 to 10)",
            "verbose": "train prints a row per epoch, every= shows every Nth; `nnbook run --quiet` prints nothing but errors",
            "callbacks": "nnbook has no callbacks: every= sets how often a row is shown, and `expect` states what the training must reach",
        ])

    /// How many samples each update uses: the course's three descent modes. (`explain` takes
    /// the same options, so that it explains the step `train` would take.)
    enum Descent: String, ChoiceValue, CaseIterable {
        case batch, stochastic
        case miniBatch = "mini-batch"

        /// The core's descent mode, with mini-batch descent's `batch=` and `shuffle=`.
        func mode(batch: Int, shuffle: Bool) -> DescentMode {
            switch self {
            case .batch: .batch
            case .stochastic: .stochastic
            case .miniBatch: .miniBatch(size: batch, shuffle: shuffle)
            }
        }

        /// `batch=` and `shuffle=` written (at their ranges) where this mode does not use them,
        /// which would be ignored in silence: batch descent steps with every sample, stochastic
        /// descent with one picked at random.
        func unusedOptions(batch: SourceRange?, shuffle: SourceRange?) -> [Diagnostic] {
            let step = switch self {
            case .batch: "each step uses all the training samples"
            case .stochastic: "each step uses one sample, picked at random"
            case .miniBatch: ""
            }
            guard self != .miniBatch else { return [] }
            return [("batch", batch), ("shuffle", shuffle)].compactMap { option, range in
                range.map { range in
                    Diagnostic(
                        "\(option)= has no effect with descent=\(rawValue): \(step)", at: range,
                        hint: "drop \(option)=, or use descent=mini-batch for steps of \(option == "batch" ? "that many samples" : "shuffled samples")")
                }
            }
        }
    }

    /// Creates the model's weights for `data`'s samples if it has none yet, drawing them from
    /// the notebook's generator as the first `train` would.
    static func build(_ entry: ModelEntry, for data: Dataset, in state: RunState, at range: SourceRange) throws(RunError) {
        guard !entry.model.isBuilt else { return }
        do { try entry.model.build(inputShape: data.features.sampleShape, generator: &state.generator, memory: state.memory) } catch {
            throw RunError(error, at: range)
        }
    }

    @Argument(help: "the model", changes: true) var model: ModelName
    @Argument(keyword: "on", help: "the data to learn from") var data: DatasetName
    @Option(help: "how many passes over the training samples", spellings: ["nb_epoch"], minimum: 1) var epochs = 1
    @Option(help: "how many samples each update uses") var descent = Descent.miniBatch
    @Option(help: "samples per update in mini-batch descent (Keras: 32)", spellings: ["batch_size"], minimum: 1,
        mistakes: ["all": Self.everySample, "full": Self.everySample, "len()": Self.everySample]) var batch = 32
    /// The hint for `batch=all` (or Python's `batch=len(data)`): a step of every sample is the
    /// course's batch descent.
    private static let everySample = "for steps with every training sample, write descent=batch (batch gradient descent); batch= counts the samples of one mini-batch"
    @Option(help: "shuffle the samples each epoch in mini-batch descent") var shuffle = true
    @Option(help: "show a row of the table every this many epochs", minimum: 1) var every: Int?
    @Option(help: "measure loss and metrics on this data set or split after each epoch (Keras' validation_data)", spellings: ["validation_data"]) var validation: DatasetName?
    @Option(help: "hold out this share of the training samples, the last ones before shuffling, for validation (Keras' validation_split)")
    var validationSplit: Double?
    /// The share held out for validation: none for a 0 a `$parameter` gives (a sweep over the
    /// share may start at Keras' default); a 0 written in the notebook is refused by the check.
    private var heldOutShare: Double? { validationSplit.flatMap { $0 == 0 ? nil : $0 } }
    @Option(help: TargetUnits.Choice.help) var units: TargetUnits.Choice?
    @Option(help: DecimalPlaces.help) var precision: Int?

    /// What the check knows of the samples `train` (and `explain`) learn from: the split named,
    /// or a data set's training split when it has one; its size is that part's.
    static func trainingFacts(of data: DatasetName, in context: CheckContext) -> DatasetFacts? {
        guard var training = context.facts(of: data) else { return nil }
        let part: DatasetSplit? = if case .split = training.splits, data.split == nil { .train } else { data.split }
        training.samples = training.samples(in: part)
        return training
    }

    /// Why the weights and the buffers of one step over `samples` training samples would not
    /// fit in `memory`, if they would not: the check asks with the sizes the headers give, the
    /// run with the data it holds.
    func stepMemoryProblem(of model: Sequential, inputShape: [Int], samples: Int, memory: MemoryLimit, at command: SourceRange) throws(ShapeError) -> Diagnostic? {
        let samplesPerStep = descent.mode(batch: batch, shuffle: shuffle).samplesPerStep(samples: samples)
        let path = WeightPath.bytesNeeded(weights: try model.plannedSizes(inputShape: inputShape).parameters, under: memory)
        let (needed, overflow) = try model.memoryNeeded(inputShape: inputShape, batch: samplesPerStep).addingReportingOverflow(path)
        let bytes = overflow ? Int.max : needed
        guard let refusal = memory.refusal(bytes, for: "training \(model.name) on steps of \(samplesPerStep) samples") else { return nil }
        return Diagnostic(refusal, at: command, hint: "train on smaller steps (descent=mini-batch batch=32), or " + MemoryLimit.hint(needing: bytes))
    }

    /// Why the history, every epoch's `metrics` (and as many validation values) up to epoch
    /// `lastEpoch`, would not fit in `memory`: the check counts the epochs of the lines before,
    /// the run those it trained.
    func historyMemoryProblem(lastEpoch: Int, metrics: Int, memory: MemoryLimit) -> Diagnostic? {
        guard let refusal = memory.refusal(TrainingHistory.bytesNeeded(epochs: lastEpoch, metrics: 2 * metrics), for: "remembering the loss of \(epochs) epochs") else { return nil }
        return Diagnostic(refusal, at: $epochs, hint: "train for fewer epochs")
    }

    /// The memory problems the run would meet: building the model for these samples (when this
    /// is its first training), then one step's buffers.
    private func memoryProblems(of facts: ModelFacts, built: Bool, training: DatasetFacts, in context: CheckContext, at command: SourceRange) -> [Diagnostic] {
        guard let shape = facts.inputShape, facts.layersAreKnown else { return [] }
        if !built, let problem = facts.memoryProblem(named: model.name, inputShape: shape, memory: context.memory, at: model.range) {
            return [problem]
        }
        guard let count = training.samples else { return [] }
        let samples = validationSplit.map { Dataset.trainingCount(samples: count, validationShare: $0) } ?? count
        let problem = try? stepMemoryProblem(of: facts.sequential(named: model.name), inputShape: shape, samples: samples, memory: context.memory, at: command)
        return (problem ?? nil).map { [$0] } ?? []
    }

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        // Building the model and shuffling draw from the generator, in draws the check does not make.
        context.generator = nil
        var diagnostics: [Diagnostic] = []
        guard var facts = context.models[model.name] else { return [] }
        if facts.compilation == nil {
            diagnostics.append(Diagnostic(
                "the model '\(model)' must be compiled before it is trained", at: model.range,
                hint: "add `compile \(model) loss=… optimizer=…` before this line"))
        }
        if !_descent.isParameter {
            diagnostics += descent.unusedOptions(batch: $batch == command ? nil : $batch, shuffle: $shuffle == command ? nil : $shuffle)
        }
        if validation != nil, heldOutShare != nil {
            diagnostics.append(Diagnostic(
                "give validation= or validation_split=, not both", at: $validationSplit,
                hint: "validation= names samples kept apart already; validation_split= holds out the last share of the training samples"))
        }
        if validationSplit == 0, !_validationSplit.isParameter {
            diagnostics.append(Diagnostic(
                "validation_split=0 has no effect: it holds out no samples", at: $validationSplit,
                hint: "leave validation_split out to train without validation data, or give a share such as 0.2 to validate on the last fifth of the training samples"))
        }
        if let share = validationSplit, !(share >= 0 && share < 1) {
            diagnostics.append(Diagnostic(
                "validation_split must be 0 or more and below 1, not \(NumberText.plain(share))", at: $validationSplit,
                hint: "validation_split=0.2 keeps the last fifth of the training samples for validation; leave it out to validate on none"))
        }
        if let share = heldOutShare, share > 0, share < 1, let count = TrainCommand.trainingFacts(of: data, in: context)?.samples,
           let problem = Dataset.holdOutProblem(samples: count, validationShare: share) {
            diagnostics.append(Diagnostic(problem.message, at: $validationSplit, hint: problem.hint))
        }
        if let given = TrainCommand.trainingFacts(of: data, in: context) {
            // Continued training reads its data in the terms the model learned, as the run does.
            let training = ModelTerms.facts(given, learnedFrom: facts.trainedOn)
            let built = facts.inputShape != nil
            var (misfits, inputShape) = FitChecks.inputs(of: given, named: data, into: facts, named: model)
            facts.inputShape = inputShape
            misfits += FitChecks.targets(of: given, named: data, for: facts, learnedFrom: facts.trainedOn)
            if misfits.isEmpty, let reference = validation, let checked = context.facts(of: reference) {
                // The model is shaped by the training data: validation data that differs is the
                // mistake, whatever layer or loss the check compared it with.
                var learning = facts
                learning.trainedOn = training
                // Data of other inputs is one mistake, whatever its targets.
                let inputProblems = FitChecks.inputs(of: checked, named: reference, into: learning, named: model).diagnostics
                let problems = inputProblems.isEmpty ? FitChecks.targets(of: checked, named: reference, for: facts, learnedFrom: training) : inputProblems
                misfits += problems.map { problem in
                    problem.range == reference.range ? problem : Diagnostic(
                        problem.message, at: reference.range,
                        hint: "validation data must be like the training data, \(data): the same inputs and the same kind of targets")
                }
            }
            diagnostics += misfits
            if misfits.isEmpty { diagnostics += memoryProblems(of: facts, built: built, training: training, in: context, at: command) }
            facts.trainedOn = training
            facts.misfitReported = facts.misfitReported || !misfits.isEmpty
        }
        let validated = validation != nil || heldOutShare != nil
        let first = min(facts.training.epochs, Int.max - 1) + 1
        let (total, overflow) = facts.training.epochs.addingReportingOverflow(epochs)
        facts.training.epochs = overflow ? Int.max : total
        if epochs >= 1, let compilation = facts.compilation,
            // Metrics that could not be read are at least the loss: a history too large for it alone is too large.
            let problem = historyMemoryProblem(lastEpoch: facts.training.epochs, metrics: compilation.metrics?.count ?? 1, memory: context.memory)
        {
            diagnostics.append(problem)
        }
        if facts.training.epochs >= first, let compilation = facts.compilation {
            facts.training.recordedUnknownMetrics = facts.training.recordedUnknownMetrics || compilation.metrics == nil
            for metric in compilation.metrics ?? ["loss"] {
                facts.training.record(metric, in: first...facts.training.epochs)
                if validated { facts.training.record(TrainingHistory.validationName(metric), in: first...facts.training.epochs) }
            }
        }
        context.models[model.name] = facts
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard let trainer = entry.trainer else { throw RunError("the model has not been compiled", at: model.range) }
        var data = try state.trainingData(data)
        var validation: Dataset?
        if let reference = self.validation {
            validation = try state.dataset(reference)
        } else if let share = heldOutShare {
            do { (data, validation) = try data.holdingOut(validationShare: share) } catch {
                throw RunError(error, at: $validationSplit)
            }
        }
        // Continued training reads its data's classes as the model learned them; validation
        // data is measured as `evaluate` measures it, scaled as the training data was.
        data = try RunState.inModelTerms(data, named: self.data, learnedFrom: entry.trainedOn, model: model, scaled: false).samples
        if let given = validation, let reference = self.validation {
            validation = try RunState.inModelTerms(given, named: reference, learnedFrom: entry.trainedOn ?? data, model: model).samples
        }
        try TrainCommand.build(entry, for: data, in: state, at: model.range)
        if let validation {
            do { try trainer.validate(features: validation.features, targets: validation.targets) } catch {
                throw RunError(
                    "the validation samples do not fit the model: " + error.message, hint: error.hint,
                    at: self.validation?.range ?? $validationSplit)
            }
        }
        let descent = descent.mode(batch: batch, shuffle: shuffle)
        let first = (entry.history?.lastEpoch ?? 0) + 1
        let (last, overflow) = first.addingReportingOverflow(epochs - 1)
        let memoryProblem: Diagnostic?
        do { memoryProblem = try stepMemoryProblem(of: entry.model, inputShape: data.features.sampleShape, samples: data.count, memory: state.memory, at: command) } catch {
            throw RunError(error, at: model.range)
        }
        if let memoryProblem { throw RunError(memoryProblem) }
        if let problem = historyMemoryProblem(lastEpoch: overflow ? Int.max : last, metrics: trainer.metrics.count + 1, memory: state.memory) {
            throw RunError(problem)
        }
        let every = every ?? max(1, epochs / 10)
        let showWeights = entry.model.parameterCount <= TrainCommand.weightColumnsLimit
        entry.trainedOn = data
        let trainedMetrics = ["loss"] + trainer.metrics.map(\.name)
        let metricNames = trainedMetrics + (validation == nil ? [] : trainedMetrics.map(TrainingHistory.validationName))
        let weightNames = showWeights ? WeightsCommand.named(entry).map(\.name) : []
        var rows: [[String]] = []
        let steps = descent.stepsPerEpoch(samples: data.count)
        let description = descent.describe(samples: data.count) + (validation.map { ", validated on \(ExplainCommand.count($0.count, "sample"))" } ?? "")
        // The model learns in the scaled units; the table, the progress bar and the run's
        // metrics report in the units asked for. The history (and so `plot`) keeps what it learned.
        let units = TargetUnits(of: data, loss: trainer.loss, choice: self.units)
        let report = { (metrics: [String: Double]) in units?.reported(metrics) ?? metrics }
        let observer = state.observer.map { units == nil ? $0 : ReportingObserver(observer: $0, report: report) }
        observer?.trainingWillStart(model: entry.model.name, description: description, epochs: first...last, steps: steps)
        // Training changes the weights, never how many there are.
        let weightCount = entry.model.parameterCount
        if entry.weightPath.isEmpty { entry.weightPath.append(weights: weightCount, under: state.memory) { entry.model.flatWeights } }
        let history: TrainingHistory
        do {
            history = try trainer.fit(
                features: data.features, targets: data.targets, epochs: epochs, descent: descent, generator: &state.generator,
                validation: validation.map { ($0.features, $0.targets) }, initialEpoch: first - 1,
                shouldStop: state.shouldStop,
                onStep: observer.map { observer in { progress in observer.stepDidFinish(progress) } },
                onEpoch: { record in
                    entry.weightPath.append(weights: weightCount, under: state.memory) { entry.model.flatWeights }
                    observer?.epochDidFinish(record, of: last)
                    let run = record.epoch - first + 1
                    guard run == 1 || run % every == 0 || run == epochs else { return }
                    let weights = showWeights ? WeightsCommand.named(entry).map { state.format($0.value) } : []
                    let metrics = report(record.metrics)
                    rows.append([String(record.epoch)] + weights + metricNames.map { state.format(metrics[$0] ?? .nan) })
                })
        } catch {
            // A loss that blew up on data far from 0 to 1 says so before the smaller rate.
            if case .diverged = error, let unscaled = UnscaledData(data, named: self.data.name, targets: !(trainer.loss is any LogitsLoss)) {
                throw RunError(error.message, hint: unscaled.reason + "; " + (error.hint ?? ""), at: command)
            }
            throw RunError(error, at: command, samples: data)
        }
        entry.history = (entry.history ?? TrainingHistory()).appending(history)
        if let lastRecord = history.epochs.last {
            let validatedOn = ValidationSource.name(of: self.validation, heldOut: validation == nil ? nil : heldOutShare, of: self.data)
            let definedAt = state.datasets[(self.validation ?? self.data).name]?.definedAt
            entry.validationSources.append(ValidationSource(epochs: first...lastRecord.epoch, data: validatedOn, definedAt: definedAt))
            entry.lossSources.append(ValidationSource(epochs: first...lastRecord.epoch, data: Losses.shortName(trainer.loss.name), definedAt: nil))
        }
        let span = first == 1 ? "\(epochs) epoch\(epochs == 1 ? "" : "s")" : "epochs \(first) to \(last), continuing from epoch \(first - 1)"
        var outputs: [Output] = [
            .text(description + ", " + span),
            .table(Table(headers: ["epoch"] + weightNames + metricNames, rows: rows)),
        ]
        if let units { outputs.append(.text(units.statement(for: metricNames))) }
        if let change = ValidationSource.changes(in: entry.validationSources).last, change.epoch == first {
            outputs.append(.text(TrainCommand.statement(of: change, metrics: metricNames.filter { $0.hasPrefix("val_") })))
        }
        if let change = ValidationSource.changes(in: entry.lossSources).last, change.epoch == first {
            outputs.append(.text(TrainCommand.statement(ofLossChange: change)))
        }
        if let lastRecord = history.epochs.last {
            let metrics = report(lastRecord.metrics)
            outputs += metricNames.compactMap { name in metrics[name].map { .metric(name: name, value: $0, units: units?.units(of: name)) } }
        }
        return outputs
    }

    /// The page's sentence where a model's validation curves go on over other data than the
    /// `train` before: their values from here are not comparable with the ones before.
    static func statement(of change: ValidationSource.Change, metrics: [String]) -> String {
        let names = metrics.count > 1 ? metrics.dropLast().joined(separator: ", ") + " and " + metrics[metrics.count - 1] : metrics.first ?? "validation"
        let before = change.fromEpochs
        let span = before.lowerBound == before.upperBound ? "epoch \(before.lowerBound)" : "epochs \(before.lowerBound) to \(before.upperBound)"
        return "The validation data changed at epoch \(change.epoch): from here \(names) \(metrics.count > 1 ? "are" : "is") measured on \(change.to), in \(span) on \(change.from). A jump in the validation curves there may come from the data, not from the model."
    }

    /// The page's sentence where a model's loss curve goes on under another loss than the
    /// `train` before (a `compile` between them): its values from here measure something else.
    static func statement(ofLossChange change: ValidationSource.Change) -> String {
        let before = change.fromEpochs
        let span = before.lowerBound == before.upperBound ? "epoch \(before.lowerBound)" : "epochs \(before.lowerBound) to \(before.upperBound)"
        return "The loss changed at epoch \(change.epoch): from here it is \(change.to), in \(span) it was \(change.from). A jump in the loss curve there comes from the new measure, not from the model."
    }

    /// Passes training progress on with its figures in the units the table reports.
    private final class ReportingObserver: TrainingObserver {
        let observer: any TrainingObserver
        let report: ([String: Double]) -> [String: Double]

        init(observer: any TrainingObserver, report: @escaping ([String: Double]) -> [String: Double]) {
            self.observer = observer
            self.report = report
        }

        func trainingWillStart(model: String, description: String, epochs: ClosedRange<Int>, steps: Int) {
            observer.trainingWillStart(model: model, description: description, epochs: epochs, steps: steps)
        }

        func stepDidFinish(_ progress: StepProgress) {
            observer.stepDidFinish(StepProgress(step: progress.step, steps: progress.steps, metrics: report(progress.metrics)))
        }

        func epochDidFinish(_ record: EpochRecord, of epochs: Int) {
            observer.epochDidFinish(EpochRecord(epoch: record.epoch, metrics: report(record.metrics)), of: epochs)
        }
    }
}
