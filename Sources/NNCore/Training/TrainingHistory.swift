// What training remembers: the loss and metrics of every epoch, for tables, plots and the run record.

/// Keras' `History`: one value per epoch for the loss and each metric, and for their
/// validation counterparts (`val_loss`, `val_accuracy`) when training was validated.
public struct TrainingHistory: Equatable, Sendable {
    public private(set) var epochs: [EpochRecord] = []

    public init() {}

    public mutating func append(_ record: EpochRecord) { epochs.append(record) }

    /// This history followed by a later training's epochs: a model's whole history across
    /// `fit` calls.
    public func appending(_ later: TrainingHistory) -> TrainingHistory {
        var whole = self
        whole.epochs += later.epochs
        return whole
    }

    /// The number of the last epoch trained, 0 before any: where a continued training numbers on.
    public var lastEpoch: Int { epochs.last?.epoch ?? 0 }

    /// The values of one metric ("loss", "accuracy", …), epoch by epoch.
    public func series(_ name: String) -> [Double] {
        epochs.compactMap { $0.metrics[name] }
    }

    /// One metric as (epoch, value) pairs, for the epochs that recorded it: a continued
    /// training may have been validated when the first was not.
    public func points(_ name: String) -> [(epoch: Int, value: Double)] {
        epochs.compactMap { record in record.metrics[name].map { (record.epoch, $0) } }
    }

    /// Every metric some epoch recorded, sorted.
    public var metricNames: [String] { Set(epochs.flatMap(\.metrics.keys)).sorted() }

    /// About the memory a history of `epochs` epochs with `metrics` values each takes (an
    /// epoch's record and its dictionary, 64 bytes, and 48 bytes per value), or Int.max when
    /// that overflows: `epochs=1000000000` must be refused, not grow until the machine swaps.
    public static func bytesNeeded(epochs: Int, metrics: Int) -> Int {
        let perEpoch = 64 + 48 * max(metrics, 1)
        return MemoryLimit.product([epochs], size: perEpoch)
    }

    /// Keras' name for a metric measured on the validation samples: `val_loss`, `val_accuracy`.
    public static func validationName(_ metric: String) -> String { "val_" + metric }
}

/// The averages of one epoch: the mean of each step's value, weighted by the step's samples,
/// computed as Keras does, on each batch just before its update.
public struct EpochRecord: Equatable, Sendable {
    public let epoch: Int
    public let metrics: [String: Double]

    public init(epoch: Int, metrics: [String: Double]) {
        self.epoch = epoch
        self.metrics = metrics
    }

    public var loss: Double { metrics["loss"] ?? .nan }
}

/// Where an epoch stands after one step: for progress bars.
public struct StepProgress: Equatable, Sendable {
    public let step: Int
    public let steps: Int
    /// The running averages of the epoch so far, as Keras' progress bar shows them.
    public let metrics: [String: Double]

    public init(step: Int, steps: Int, metrics: [String: Double]) {
        self.step = step
        self.steps = steps
        self.metrics = metrics
    }
}
