// Which samples each `train` of a model was validated on: a validation curve that goes on
// across `train` commands may change data part-way, and the page must say where.

/// The validation data of one `train` command's epochs, as the page names it.
public struct ValidationSource: Equatable, Sendable {
    public let epochs: ClosedRange<Int>
    /// `field`, `the last 30% of birds`; nil for a training that was not validated.
    public let data: String?

    public init(epochs: ClosedRange<Int>, data: String?) {
        self.epochs = epochs
        self.data = data
    }

    /// Where the validation data changes: the first epoch measured on other data than the last
    /// validated epochs before it (a training without validation between two is a gap, not a
    /// change). Keras keeps each `fit`'s history apart; nnbook joins them, so it marks the seams.
    public struct Change: Equatable, Sendable {
        /// The first epoch on the new data.
        public let epoch: Int
        /// The data validated on before, and the epochs it was (with any unvalidated between).
        public let from: String
        public let fromEpochs: ClosedRange<Int>
        public let to: String
    }

    /// Every change in `sources`, in the order of their epochs.
    public static func changes(in sources: [ValidationSource]) -> [Change] {
        // Stretches validated on one data set, across the `train` commands that used it.
        var stretches: [(epochs: ClosedRange<Int>, data: String)] = []
        for source in sources {
            guard let data = source.data else { continue }
            if let last = stretches.last, last.data == data {
                stretches[stretches.count - 1].epochs = last.epochs.lowerBound...source.epochs.upperBound
            } else {
                stretches.append((source.epochs, data))
            }
        }
        return zip(stretches, stretches.dropFirst()).map { Change(epoch: $1.epochs.lowerBound, from: $0.data, fromEpochs: $0.epochs, to: $1.data) }
    }

    /// `field` or `the last 30% of birds` (Keras' validation_split: the last share of the
    /// training samples, before shuffling).
    static func name(of data: DatasetName?, heldOut share: Double?, of training: DatasetName) -> String? {
        if let data { return "\(data)" }
        // Rounded past Double's noise: 0.3 is 30%, not 30.000000000000004%.
        return share.map { "the last \(NumberText.plain(($0 * 100 * 1e6).rounded() / 1e6))% of \(training)" }
    }
}
