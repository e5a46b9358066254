// What the checker knows of a model's training before anything runs: the metrics it will have
// recorded and how many epochs, so that a plot of a metric or an epoch that will not exist is
// found at once.

/// A model's training as the commands before a line have set it up.
public struct TrainingFacts: Sendable, Equatable {
    /// What `compile` asked for: `loss` and the metrics.
    public var compiledMetrics: [String] = []
    /// What the `train` commands so far will have recorded: the compiled metrics, and their
    /// `val_` counterparts when a training was validated.
    public var recordedMetrics: Set<String> = []
    /// The epochs trained so far, across every `train` of the model.
    public var epochs = 0

    public init() {}
}
