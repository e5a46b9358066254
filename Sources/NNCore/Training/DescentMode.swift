// The three ways of choosing samples for each gradient step that the course compares.

/// How many samples each update of the weights looks at, and what one epoch is.
///
/// In every mode an epoch shows the model as many samples as the training set holds (N), so
/// that the modes can be compared epoch for epoch:
/// - `batch`: one update per epoch, from the gradient over all N samples.
/// - `stochastic`: N updates per epoch, each from one sample picked at random (with
///   replacement, as the course's `random.randint` loop picks them). The course's loop of
///   10,000 single-sample "epochs" on N samples is 10,000 / N epochs here.
/// - `miniBatch(size:)`: the samples are shuffled afresh each epoch (seeded) and cut into
///   ⌈N / size⌉ batches; the last batch holds the remainder, as Keras' `fit` does. With
///   `shuffle: false` the batches follow the data's order.
public enum DescentMode: Equatable, Sendable {
    case batch
    case stochastic
    case miniBatch(size: Int, shuffle: Bool = true)

    /// The course's names: `batch`, `stochastic`, `mini-batch`.
    public var name: String {
        switch self {
        case .batch: "batch"
        case .stochastic: "stochastic"
        case .miniBatch: "mini-batch"
        }
    }

    /// Updates in one epoch over `samples` training samples.
    public func stepsPerEpoch(samples: Int) -> Int {
        switch self {
        case .batch: return samples > 0 ? 1 : 0
        case .stochastic: return samples
        case .miniBatch(let size, _): return samples / size + (samples % size == 0 ? 0 : 1)
        }
    }

    /// The most samples one step looks at: the memory a step's buffers need is counted by it.
    public func samplesPerStep(samples: Int) -> Int {
        switch self {
        case .batch: samples
        case .stochastic: 1
        case .miniBatch(let size, _): min(size, samples)
        }
    }

    /// The sample indices of each step of one epoch, drawn from `generator`.
    public func batches(samples: Int, generator: inout SeededGenerator) -> [[Int]] {
        switch self {
        case .batch:
            return samples > 0 ? [Array(0..<samples)] : []
        case .stochastic:
            return (0..<samples).map { _ in [generator.index(below: samples)] }
        case .miniBatch(let size, let shuffle):
            let order = shuffle ? generator.permutation(samples) : Array(0..<samples)
            return stride(from: 0, to: samples, by: size).map { Array(order[$0..<($0 + min(size, samples - $0))]) }
        }
    }

    /// "mini-batch descent: 1875 steps of 32 samples per epoch" for a learner.
    public func describe(samples: Int) -> String {
        switch self {
        case .batch:
            return "batch descent: 1 step of \(DescentMode.all(samples)) per epoch"
        case .stochastic:
            return "stochastic descent: \(DescentMode.count(samples, "step")) of 1 randomly picked sample per epoch"
        case .miniBatch(let size, _) where samples > 0 && samples < size:
            // The one step holds every sample there is, not a batch's worth.
            return "mini-batch descent: 1 step of \(DescentMode.all(samples)) per epoch (fewer than batch \(size))"
        case .miniBatch(let size, _):
            let steps = stepsPerEpoch(samples: samples)
            return "mini-batch descent: \(DescentMode.count(steps, "step")) of \(DescentMode.count(size, "sample")) per epoch (\(DescentMode.count(samples, "sample")) ÷ batch \(size))"
        }
    }

    /// `the only sample`, `all 22 samples`.
    private static func all(_ samples: Int) -> String { samples == 1 ? "the only sample" : "all \(samples) samples" }

    /// `1 step`, `2 steps`.
    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
