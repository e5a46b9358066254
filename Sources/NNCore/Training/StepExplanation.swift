// One training step looked at closely: the samples it used, their losses, and every weight
// before and after, with its gradient. The course's "one step by hand", with nnbook's numbers.

/// What the first update of the next `fit` does, taken aside so that nothing changes.
///
/// `Trainer.explainNextStep` runs the very code `fit` runs (same batch, same forward pass,
/// same loss, same backward pass, same optimizer rule on a copy of its state), records the
/// numbers, and puts the weights back. The new values it reports are therefore bit for bit
/// those the next `fit` produces after its first step.
public struct StepExplanation: Sendable {
    /// One array of weights (a layer's kernel or bias) around the step.
    public struct ParameterStep: Sendable {
        /// The layer it belongs to, counted from 0.
        public let layer: Int
        /// Keras' name: `kernel` or `bias`.
        public let name: String
        public let shape: [Int]
        public let before: [Float]
        /// ∂L/∂w, the mean over the step's samples (the loss is their mean).
        public let gradient: [Float]
        public let after: [Float]
    }

    /// The rows of the data the step learned from, in the order the step used them.
    public let samples: [Int]
    /// The model's output for each of them.
    public let predictions: Tensor
    /// The last layer's weighted sums before its activation, when that layer is the model's
    /// only one (the course's neuron): z = w·x + b.
    public let weightedSums: Tensor?
    /// Each sample's loss, and their mean: the loss the step descends.
    public let sampleLosses: [Float]
    public let loss: Float
    public let parameters: [ParameterStep]

    /// Whether the step blew up: a loss or a new weight that is NaN or infinite.
    public var diverges: Bool {
        !loss.isFinite || parameters.contains { $0.after.contains { !$0.isFinite } }
    }
}
