// What cells share while a notebook runs: data sets, models, the seeded generator, settings.

import Foundation
import NNCore
import NNData

/// The state every command of a run reads and changes, in cell order.
public final class RunState {
    /// The folder relative paths are read from: the notebook's own.
    public let folder: URL
    /// Decimal places for computed numbers in the page: the notebook's, or while a command with
    /// `precision=` runs, that command's.
    public private(set) var precision: Int
    /// The one source of randomness: the notebook's seed.
    public var generator: SeededGenerator
    public let seed: UInt64
    public var datasets: [String: NotebookDataset] = [:]
    public var models: [String: ModelEntry] = [:]
    /// The notebook's inline tables, by name, and its path for errors in them.
    public var tables: [String: InlineTable] = [:]
    public var notebookPath = ""
    /// Told about training progress, for the terminal; nil when nobody watches.
    public let observer: (any TrainingObserver)?
    /// Asked between training steps whether the run was interrupted.
    public let shouldStop: @Sendable () -> Bool
    /// The most memory a model or a data set being read may need.
    public let memory: MemoryLimit
    /// The files and inline tables read so far, in order, each fingerprinted before the read.
    public private(set) var inputs: [RunInput] = []
    /// Whether a failed `expect` stops the run; `nnbook run --no-expect` only marks it ✗.
    public let enforcesExpectations: Bool
    /// The expectations missed so far while they were not enforced, each at its line: the page
    /// says at its top that they were missed, as it says where a failed run stopped.
    public private(set) var missedExpectations: [Diagnostic] = []

    public init(
        folder: URL, seed: UInt64, precision: Int = FrontMatter.defaultPrecision,
        observer: (any TrainingObserver)? = nil, shouldStop: @escaping @Sendable () -> Bool = { false },
        memory: MemoryLimit = .standard, enforcesExpectations: Bool = true
    ) {
        self.memory = memory
        self.enforcesExpectations = enforcesExpectations
        self.folder = folder
        self.precision = precision
        self.generator = SeededGenerator(seed: seed)
        self.seed = seed
        self.observer = observer
        self.shouldStop = shouldStop
    }

    /// The data files read so far, by absolute path.
    public var inputFiles: [String] {
        inputs.compactMap { input in
            if case .file(let path) = input.source { path } else { nil }
        }
    }

    /// Notes an expectation missed while `enforcesExpectations` is off.
    public func recordMissedExpectation(_ miss: Diagnostic) { missedExpectations.append(miss) }

    /// Notes that a command is about to read `url`.
    public func recordInput(_ url: URL) { inputs.append(.file(url)) }

    /// Notes that a command reads the inline table `name`.
    public func recordTable(_ name: String) {
        if let table = tables[name] { inputs.append(RunInput(source: .inlineTable(name), fingerprint: table.text)) }
    }

    /// The state as it is now, kept apart from the run: the data sets (their arrays shared until
    /// either side changes them), the models cloned with their weights and optimizer state, and
    /// the generator.
    public func snapshot() -> StateSnapshot {
        StateSnapshot(datasets: datasets, models: models.mapValues { $0.clone() }, generator: generator)
    }

    /// Continues from `snapshot`, which stays as it was for later runs, as if the cells before
    /// had read `inputs`.
    public func restore(_ snapshot: StateSnapshot, inputs: [RunInput]) {
        self.inputs = inputs
        datasets = snapshot.datasets
        models = snapshot.models.mapValues { $0.clone() }
        generator = snapshot.generator
    }

    /// Runs `body` (a command) with `places` decimal places, then goes back to the notebook's.
    func printing<T>(places: Int, _ body: () throws(RunError) -> T) throws(RunError) -> T {
        let notebook = precision
        precision = places
        defer { precision = notebook }
        return try body()
    }

    /// A computed number as the page shows it.
    public func format(_ value: Double) -> String { NumberText.fixed(value, places: precision) }

    public func format(_ value: Float) -> String { format(Double(value)) }

    /// The data set or split that `reference` names: `insurance`, `insurance.train`,
    /// `insurance.test`. Once a data set is split (or when it came split), its name alone
    /// means its training split, for every command as for `train`: "evaluate on the data I
    /// trained on" never mixes the test samples in.
    public func dataset(_ reference: DatasetName) throws(RunError) -> Dataset {
        guard let entry = datasets[reference.name] else {
            throw RunError("no data set named '\(reference.name)' exists at this point", at: reference.range)
        }
        guard let samples = entry.samples(in: reference.split) else {
            throw RunError("this data set has not been split", hint: "add a `split` command before", at: reference.range)
        }
        return samples
    }

    /// `reference` as a command's output names it: a data set that is split stands for its
    /// training split, and is then named `NAME.train`, so that no count passes for the whole.
    public func label(of reference: DatasetName) -> String {
        reference.split == nil && datasets[reference.name]?.trainSplit != nil ? "\(reference.name).train" : reference.description
    }

    /// Changes a named data set in place. It leaves the dictionary while it changes (and always
    /// returns to it), so that its arrays have one owner and are not copied.
    public func updateDataset<T>(_ reference: DatasetName, _ change: (inout NotebookDataset) throws(RunError) -> T) throws(RunError) -> T {
        guard var entry = datasets.removeValue(forKey: reference.name) else {
            throw RunError("no data set named '\(reference.name)' exists at this point", at: reference.range)
        }
        defer { datasets[reference.name] = entry }
        return try change(&entry)
    }

    /// What `train` learns from: a named split, or a data set's training split when it has one.
    public func trainingData(_ reference: DatasetName) throws(RunError) -> Dataset {
        if reference.split == nil, let entry = datasets[reference.name] { return entry.trainingSamples }
        return try dataset(reference)
    }

    /// Gives `name` to a data set, made by the command at `command`. A name stands for one data
    /// set or one model at a time, as a Python variable does: a model of that name is gone
    /// (the check refuses a later line that still uses it, at this one).
    public func define(_ name: String, as entry: NotebookDataset, at command: SourceRange) {
        models[name] = nil
        var entry = entry
        entry.definedAt = command.line
        datasets[name] = entry
    }

    /// Gives `name` to a model; a data set of that name is gone, as above.
    public func define(_ name: String, as entry: ModelEntry) {
        datasets[name] = nil
        models[name] = entry
    }

    public func model(_ name: ModelName) throws(RunError) -> ModelEntry {
        guard let entry = models[name.name] else { throw RunError("no model named '\(name)' exists at this point", at: name.range) }
        return entry
    }

    /// The model and the samples of `data`, for commands that draw or count its predictions:
    /// the samples as `RunState.measured` gives them, and the note to put under the command's
    /// outputs when that read another data set's columns in the model's terms (`termsNote`).
    public func model(_ name: ModelName, predictingOn data: DatasetName) throws(RunError) -> (entry: ModelEntry, samples: Dataset, terms: [Output]) {
        let entry = try model(name)
        let read = try RunState.measured(try dataset(data), named: data, by: entry, model: name)
        return (entry, read.samples, RunState.termsNote(scaled: read.scaled, coded: read.coded, of: data, model: name))
    }

    /// `samples` as a trained model reads them, for a command that measures, draws or predicts
    /// it on them (the check's `FitChecks.fit`, for data it could not read): in its terms
    /// (`inModelTerms`), and of the shape and targets that evaluating it would take, so that no
    /// command draws or counts data another refuses. Returns the columns it scaled and coded,
    /// as `inModelTerms` does.
    static func measured(
        _ samples: Dataset, named reference: DatasetName, by entry: ModelEntry, model name: ModelName
    ) throws(RunError) -> (samples: Dataset, scaled: [String], coded: [String]) {
        guard entry.model.isBuilt else {
            throw RunError("the model has not been trained yet", hint: "add `train \(name) on …` before this line", at: name.range)
        }
        let read = try inModelTerms(samples, named: reference, learnedFrom: entry.trainedOn, model: name)
        do {
            if let trainer = entry.trainer { try trainer.validate(features: read.samples.features, targets: read.samples.targets) }
        } catch {
            throw RunError(error, at: reference.range, samples: read.samples)
        }
        return read
    }

    /// What a command that measured a model on `reference` says of reading it in the model's
    /// terms (`houses's district coded by the words 'm' learned`, `…'s area scaled as 'm'
    /// learned them`), so that a number that differs from one on the data as given is
    /// explained on the page; none when nothing changed.
    static func saidOfTerms(scaled: [String], coded: [String], of reference: DatasetName, model: ModelName) -> [String] {
        (coded.isEmpty ? [] : ["\(reference)'s \(coded.excerptList()) coded by the words '\(model)' learned"])
            + (scaled.isEmpty ? [] : ["\(reference)'s " + scaled.map { $0 == Dataset.allFeatures ? "features" : $0 }.excerptList()
                + " scaled as '\(model)' learned them, as predict does"])
    }

    /// The same, as a note of its own under a command's table or picture (`confusion`,
    /// `predict … on`, `scatter`, `boundary`).
    private static func termsNote(scaled: [String], coded: [String], of reference: DatasetName, model: ModelName) -> [Output] {
        let said = saidOfTerms(scaled: scaled, coded: coded, of: reference, model: model)
        return said.isEmpty ? [] : [.text(said.joined(separator: "; "))]
    }

    /// The true class of every sample, for a command that sets it beside a classifier's: a
    /// target that is no class (0.5, −1) is refused rather than counted as a class it is not.
    static func trueClasses(of samples: Dataset, named reference: DatasetName, model name: ModelName) throws(RunError) -> [Int] {
        let targets = samples.targets
        if targets.columns == 1, let row = (0..<targets.rows).first(where: { targets[$0, 0].classNumber == nil }) {
            throw RunError(
                "sample \(row + 1) of \(reference) has the target \(NumberText.data(samples.targets[row, 0])), not a class label: it has no true class to set beside the class '\(name)' predicts",
                hint: FitChecks.classLabelsHint(model: name, data: reference), at: reference.range)
        }
        return Classes.of(truth: targets)
    }

    /// `samples` as a model that learned from `learned` reads them, for a command that trains,
    /// measures or draws it on them: columns named as it learned them, classes numbered as it
    /// learned them (a second file's words coded by the training data's, not by its own), and,
    /// with `scaled`, every column the training data scaled scaled the same way, as `predict`
    /// scales its inputs. Returns the columns it scaled and the word columns it coded by the
    /// learned words, for the page to say so.
    static func inModelTerms(
        _ samples: Dataset, named reference: DatasetName, learnedFrom learned: Dataset?, model: ModelName, scaled: Bool = true
    ) throws(RunError) -> (samples: Dataset, scaled: [String], coded: [String]) {
        guard let learned else { return (samples, [], []) }
        var samples = samples
        if let unknown = samples.unknownWord(learnedFrom: learned) { throw RunError(ModelTerms.unknownWord(unknown, of: reference, model: model)) }
        let coded = samples.codeWords(as: learned)
        if let problem = FitChecks.renamedColumns(learned.featureNames, samples.featureNames, of: reference, model: model) { throw RunError(problem) }
        if let names = learned.classNames {
            if let unknown = samples.unknownClass(among: names) { throw RunError(ModelTerms.unknownClass(unknown, of: reference)) }
            do throws(DataError) { try samples.numberClasses(by: names) } catch {
                throw RunError(error, at: reference.range)
            }
        }
        let changed = scaled ? samples.scaleColumns(as: learned) : []
        return (samples, changed, coded)
    }
}

/// A named data set with its splits, once `split` has made them.
public struct NotebookDataset: Sendable, Equatable {
    public var all: Dataset
    public var trainSplit: Dataset?
    public var testSplit: Dataset?
    /// True for data that comes split (MNIST's 60,000 training and 10,000 test images): the
    /// data set's own name then means its training split.
    public private(set) var cameSplit = false
    /// How a seeded shuffle chose these samples from more (`rows=40 at line 5 kept 40 of the
    /// 282 samples`), for an error that a smaller choice explains: a class left with 1 sample.
    public var chosen: String?
    /// The line of the command that gave the data set its name: a name loaded again is other
    /// data under the same name, which a model validated on it must tell apart.
    public internal(set) var definedAt: Int?

    public init(all: Dataset, chosen: String? = nil) {
        self.all = all
        self.chosen = chosen
    }

    public init(train: Dataset, test: Dataset) {
        all = train
        trainSplit = train
        testSplit = test
        cameSplit = true
    }

    /// The samples to learn from: the training split, or everything when there is none.
    public var trainingSamples: Dataset { trainSplit ?? all }

    /// The samples `NAME.train`, `NAME.test` or `NAME` (its training samples) stand for; nil
    /// for a split of data that is not split.
    public func samples(in split: DatasetSplit?) -> Dataset? {
        switch split {
        case .train: trainSplit
        case .test: testSplit
        case nil: trainingSamples
        }
    }

    /// Applies a change to the whole set and to each split alike.
    public mutating func updateEverySplit<Failure: Error>(_ change: (inout Dataset) throws(Failure) -> Void) throws(Failure) {
        // Data that came split shares its training split's storage with `all`: let go of it
        // first, or changing the split would copy every image.
        if cameSplit { all = NotebookDataset.placeholder }
        if trainSplit != nil { try change(&trainSplit!) }
        if testSplit != nil { try change(&testSplit!) }
        if cameSplit, let trainSplit { all = trainSplit } else { try change(&all) }
    }

    private static let placeholder = Dataset(featureNames: [], targetNames: [], features: Tensor(shape: [0, 0]), targets: Tensor(shape: [0, 0]))
}

/// A model with what the notebook has done to it.
public final class ModelEntry {
    public let model: Sequential
    /// Set by `compile`.
    public var trainer: Trainer?
    /// Every epoch the model has trained, across its `train` commands.
    public var history: TrainingHistory?
    /// What each `train` command's epochs were validated on, in order: where a validation
    /// curve changes data.
    public var validationSources: [ValidationSource] = []
    /// The loss each `train` command's epochs minimised, in order, kept as the validation data
    /// are (its `data` is the loss's name): a `compile` with another loss between two trainings
    /// changes what the loss curve measures, and the page marks where.
    public var lossSources: [ValidationSource] = []
    /// Every weight (flat, in the order of the model's parameters) before its first epoch and
    /// after each epoch since, across every `train`, thinned to a budget: the path `landscape`
    /// draws.
    public var weightPath = WeightPath()
    /// The columns and scalings of the data it was trained on: `predict` takes inputs by
    /// these names, in original units.
    public var trainedOn: Dataset?
    /// The layer lines the model was declared with: `model b like a` builds fresh layers from
    /// them, with new weights, as Keras' `clone_model` does.
    var layerLines: [any LayerLine] = []

    public init(model: Sequential) { self.model = model }

    /// What the model predicts for `features`, as every command shows and counts it: a
    /// classifier's probabilities (its scores' sigmoid or softmax when it was compiled with
    /// `from_logits=true`), a regression's numbers.
    public func predict(_ features: Tensor) -> Tensor { trainer?.predict(features) ?? model.predict(features) }

    /// For a model compiled with `from_logits=true`, the page's sentence that its outputs are
    /// scores and the probabilities shown their sigmoid or softmax: Keras' `predict` would
    /// give the scores themselves.
    var scoresNote: String? {
        guard let loss = trainer?.loss as? any LogitsLoss, loss.fromLogits else { return nil }
        return "\(model.name) outputs scores (logits), as compiled with from_logits=true: the probabilities shown are their \(loss.probabilityActivation.name), and a class is the most probable one"
    }

    /// A separate entry whose model and trainer go on independently of this one.
    func clone() -> ModelEntry {
        let copy = ModelEntry(model: model.clone())
        copy.trainer = trainer?.clone(for: copy.model)
        copy.history = history
        copy.validationSources = validationSources
        copy.lossSources = lossSources
        copy.weightPath = weightPath
        copy.trainedOn = trainedOn
        copy.layerLines = layerLines
        return copy
    }
}

/// Receives training progress (the terminal's progress bar).
public protocol TrainingObserver: AnyObject {
    /// `epochs` are the numbers of the epochs about to run: `1...5`, or `6...10` when a
    /// training continues.
    func trainingWillStart(model: String, description: String, epochs: ClosedRange<Int>, steps: Int)
    func stepDidFinish(_ progress: StepProgress)
    func epochDidFinish(_ record: EpochRecord, of epochs: Int)
}
