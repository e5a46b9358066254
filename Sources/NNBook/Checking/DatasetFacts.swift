// What the checker knows of a data set before anything runs: its columns or sample shape, its
// targets, its size and its splits, from file headers and the notebook alone. A fact that
// cannot be known cheaply is nil, and the checks that need it stay silent rather than guess.

import NNData

/// A data set as the commands before a line have made it.
public struct DatasetFacts: Sendable, Equatable {
    /// The feature columns by name, for tables (CSV files, inline tables); nil for arrays such
    /// as images, whose features have no names, and when unknown.
    public var columns: [String]?
    /// The shape of one input sample: `[2]` for two columns, `[28, 28]` for an image.
    public var sampleShape: [Int]?
    public var target: TargetFacts?
    /// How many samples the whole set holds (for data that comes split: its training split).
    public var samples: Int?
    public var splits: Splits = .none
    /// The columns scaled so far (`*` for every feature), in order, as `scale` describes them.
    public var scalings: [String] = []
    /// Whether the samples are arrays whose values have no names (images, IDX and `.npy`
    /// files): the only columns a line can name are the targets.
    public var unnamedFeatures = false
    /// The largest magnitude of each feature column's values, by name, when every value was
    /// read (a small table), or of all the values of arrays (`*`) when their type bounds them
    /// (IDX bytes), kept through `scale … divide=`: how far a divisor below 1 may push them
    /// before Float32 holds them no more.
    public var largestValues: [String: Double] = [:]
    /// The `scale … method=` lines that fitted their statistics while the data was whole; a
    /// later `split` makes some of those samples test samples (see `ScaleCommand`).
    public var fittedWhole: [SourceRange] = []
    /// The feature columns of words (`codes=`, `one_hot=`) with their words, for `predict`.
    public var wordColumns: [String: WordColumn] = [:]
    /// Where each word of a word column first appears in its file (a small table's, read
    /// whole), for the error about a word a model never learned.
    public var wordOrigins: [String: [String: WordOrigin]] = [:]
    /// What each class number stands for, when known: a target column's words (a small table
    /// read whole) or `classes=`. A model's later data must not hold classes it never learned.
    public var classNames: [String]?
    /// Why `split … stratify=true` will refuse these samples (a class of one sample), known
    /// when the check read them all (a small table) and knows which of them were kept.
    public var stratifyProblem: DataError?
    /// The class of each sample, in order, when the check read them all (a small table of
    /// class targets, or the small labels file of the training split of data that came split):
    /// what the first N of them, or a replayed seeded choice, hold is then known too.
    public var classLabels: [Int]?
    /// How a seeded shuffle chose these samples from more, in the run's words
    /// (``NotebookDataset/chosen``): what an error that the choice explains names.
    public var chosen: String?
    /// The samples themselves, as the run will hold them, when the check read them whole (a
    /// small table) and replayed, with the run's own code, every line since that chose or
    /// rescaled them (`rows=`, `take`, `split`, `scale`): what a fitted scaling makes of a
    /// value given to `predict` is then known before anything runs. Nil when the data is too
    /// large to read at check time or a line's draws could not be replayed. Only its features
    /// are sure to be the run's: its targets stay as the table gave them (`classes=` and
    /// `one_hot` change targets only, and nothing here reads them).
    public var read: NotebookDataset?

    /// The facts once `rows=` or `take` kept `count` samples, those of the indices `kept` of
    /// `source` when the check knows them (the first ones, or a seeded choice it replayed),
    /// `chosen` telling how a seeded shuffle chose them. The classes of the samples kept are
    /// known when every sample's was and the indices are; the samples themselves when the
    /// check read `source` too.
    mutating func keepSamples(_ count: Int, kept: [Int]?, of source: Dataset?, chosen: String?) {
        samples = samples.map { min($0, count) } ?? count
        self.chosen = chosen
        read = kept.flatMap { kept in source.map { NotebookDataset(all: $0.subset(kept), chosen: chosen) } }
        guard let kept, let labels = classLabels, kept.allSatisfy(labels.indices.contains) else {
            classLabels = nil
            stratifyProblem = nil
            return
        }
        let keptLabels = kept.map { labels[$0] }
        classLabels = keptLabels
        stratifyProblem = Dataset.stratifyProblem(ofClasses: keptLabels) { number in
            classNames.flatMap { $0.indices.contains(number) ? $0[number] : nil } ?? String(number)
        }
    }

    /// How a data set is divided into training and test samples.
    public enum Splits: Sendable, Equatable {
        case none
        /// `split` at `line` made `NAME.train` and `NAME.test`, of these sizes when known.
        case split(train: Int?, test: Int?, line: Int)
        /// The data came split (MNIST's 60,000 and 10,000 images).
        case cameSplit(train: Int?, test: Int?)

        /// Whether `NAME.train` and `NAME.test` may be used.
        var mayBeSplit: Bool { self != .none }
    }

    /// Every column a line may name (`scale insurance age`): the feature columns, then the
    /// targets; nil when the feature columns are not known.
    public var columnNames: [String]? {
        guard let features = columns ?? (unnamedFeatures ? [] : nil) else { return nil }
        return features + (target?.names ?? [])
    }

    /// The largest magnitude of the values of `column` (every feature when nil), when known.
    func largestValue(of column: String?) -> Double? {
        guard let column else {
            if unnamedFeatures { return largestValues[Dataset.allFeatures] }
            let features = (columns ?? []).map { largestValues[$0] }
            return columns == nil || features.contains(nil) ? nil : features.compactMap { $0 }.max() ?? 0
        }
        if target?.names?.contains(column) == true, case .range(let range) = target?.knownValues {
            return max(abs(range.lowerBound), abs(range.upperBound))
        }
        return largestValues[column]
    }

    public init(
        columns: [String]? = nil, sampleShape: [Int]? = nil, target: TargetFacts? = nil, samples: Int? = nil, splits: Splits = .none
    ) {
        self.columns = columns
        self.sampleShape = sampleShape
        self.target = target
        self.samples = samples
        self.splits = splits
    }

    /// How many samples `split` (nil: the whole set, or for a split data set its training
    /// split, which its name alone stands for) holds, when known.
    public func samples(in split: DatasetSplit?) -> Int? {
        switch (splits, split) {
        case (.split(let train, _, _), .train), (.cameSplit(let train, _), .train), (.split(let train, _, _), nil), (.cameSplit(let train, _), nil): train
        case (.split(_, let test, _), .test), (.cameSplit(_, let test), .test): test
        default: samples
        }
    }
}

/// An array file loaded without its labels file: the `load` line's file and where it is written.
public struct MissingLabels: Sendable, Equatable {
    public let range: SourceRange
    /// A labels file's name such as the learner would write it: `labels.npy` beside `x.npy`.
    public let example: String
}

/// What a data set's targets are: how many columns, and what their values mean.
public struct TargetFacts: Sendable, Equatable {
    /// Nil when unknown (`one_hot` of labels whose largest is not known).
    public var columns: Int?
    public var kind: TargetKind
    /// The target columns' names, for tables.
    public var names: [String]?
    /// What is known of the values themselves.
    public var values: TargetValues
    /// The line that made the targets what they are (a `scale` of class labels, `one_hot`),
    /// with what they were before it: a misfit that line alone made is its mistake.
    public var change: TargetChange?
    /// Whether the misfit `change` made has been reported: one mistake in a data set is one
    /// error, however many models then meet it.
    public var changeReported = false
    /// The file of an IDX or `.npy` `load` without `target=`, and where it is written: such data
    /// (images to look at) has no targets, and a line that trains on it says to add them there.
    public var missingLabels: MissingLabels?

    public init(columns: Int?, kind: TargetKind, names: [String]? = nil, values: TargetValues = .unknown) {
        self.columns = columns
        self.kind = kind
        self.names = names
        self.values = values
    }

    /// Where a `scale` made labels of classes (class numbers, as far as the check can tell)
    /// other numbers, if one did.
    var scaledClassLabels: SourceRange? {
        guard case .scaled(let range, let before)? = change, case .classNumbers = before.kind else { return nil }
        return range
    }

    /// The values as far as they are known, from `values` or, for class numbers, their kind.
    var knownValues: TargetValues {
        if case .unknown = values, case .classNumbers(let largest?) = kind { return .range(0...Double(largest)) }
        return values
    }
}

/// A line that changed what a data set's targets are, and the targets before it.
public indirect enum TargetChange: Sendable, Equatable {
    /// `scale` of a target column, at the column's name: class labels are other numbers now,
    /// and numbers to predict may pass for labels (prices fitted into 0 to 1).
    case scaled(at: SourceRange, before: TargetFacts)
    /// `one_hot`: the class numbers are one-hot rows now.
    case oneHot(at: SourceRange, before: TargetFacts)

    var range: SourceRange {
        switch self {
        case .scaled(let range, _), .oneHot(let range, _): range
        }
    }

    var before: TargetFacts {
        switch self {
        case .scaled(_, let before), .oneHot(_, let before): before
        }
    }
}

/// What the checker knows of the target values, which losses and output activations limit
/// (binary_crossentropy takes 0 to 1; a sigmoid gives no more than 1).
public enum TargetValues: Sendable, Equatable {
    /// The smallest and the largest: every value was read (a small table), and every `scale`
    /// since keeps them known.
    case range(ClosedRange<Double>)
    /// Standardized from values that differ: centred on 0, so some are below it.
    case centred
    case unknown

    /// The values after `scale … divide=`.
    func divided(by divisor: Double) -> TargetValues {
        guard case .range(let range) = self else { return self }
        let (low, high) = (range.lowerBound / divisor, range.upperBound / divisor)
        return .range(min(low, high)...max(low, high))
    }

    /// The values after `scale … method=standardize`: (x − mean) / deviation, all 0 when they
    /// were all the same.
    var standardized: TargetValues {
        switch self {
        case .range(let range): range.lowerBound == range.upperBound ? .range(0...0) : .centred
        case .centred: .centred
        case .unknown: .unknown
        }
    }

    /// How the values pass beyond `allowed`, in words ("go down to -1", "go up to 187"); nil
    /// when they stay within it or that is not known.
    func beyond(_ allowed: ClosedRange<Double>) -> String? {
        switch self {
        case .range(let range) where range.lowerBound < allowed.lowerBound: "go down to \(NumberText.data(Float(range.lowerBound)))"
        case .range(let range) where range.upperBound > allowed.upperBound: "go up to \(NumberText.data(Float(range.upperBound)))"
        case .centred where allowed.lowerBound >= 0: "are centred on 0, so some are below 0"
        default: nil
        }
    }
}

/// The kinds of targets a loss can be matched against.
public enum TargetKind: Sendable, Equatable {
    /// One whole number from 0 per sample, the largest known when the values were read (MNIST's
    /// labels 0–9). A regression target of whole numbers looks the same, so the checks that
    /// use this one only reject what cannot work.
    case classNumbers(largest: Int?)
    /// One 0/1 column per class, from `one_hot`.
    case oneHot(classes: Int)
    /// Any numbers.
    case numbers
    /// Not known before the data is read.
    case unknown

    /// The classes the targets need, when they are classes and that is known.
    var classes: Int? {
        switch self {
        case .classNumbers(let largest): largest.map { $0 + 1 }
        case .oneHot(let classes): classes
        case .numbers, .unknown: nil
        }
    }
}
