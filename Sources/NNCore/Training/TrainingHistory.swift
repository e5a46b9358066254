// What training remembers: the loss and metrics of every epoch, for tables, plots and the run record.

/// Keras' `History`: one value per epoch for the loss and each metric.
public struct TrainingHistory: Equatable, Sendable {
    public private(set) var epochs: [EpochRecord] = []

    public init() {}

    public mutating func append(_ record: EpochRecord) { epochs.append(record) }

    /// The values of one metric ("loss", "accuracy", …), epoch by epoch.
    public func series(_ name: String) -> [Double] {
        epochs.compactMap { $0.metrics[name] }
    }
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
