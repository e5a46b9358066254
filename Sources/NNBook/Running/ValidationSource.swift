// Which samples each `train` of a model was validated on: a validation curve that goes on
// across `train` commands may change data part-way, and the page must say where.

/// The validation data of one `train` command's epochs, as the page names it (or, in a model's
/// `lossSources`, the loss they minimised: a change is found the same way).
public struct ValidationSource: Equatable, Sendable {
    public let epochs: ClosedRange<Int>
    /// `field`, `the last 30% of birds`; nil for a training that was not validated.
    public let data: String?
    /// The line that defined the data set named in `data`: `field` loaded again between two
    /// trainings is other data under the same name.
    public let definedAt: Int?

    public init(epochs: ClosedRange<Int>, data: String?, definedAt: Int?) {
        self.epochs = epochs
        self.data = data
        self.definedAt = definedAt
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
        typealias Stretch = (epochs: ClosedRange<Int>, data: String, definedAt: Int?)
        var stretches: [Stretch] = []
        for source in sources {
            guard let data = source.data else { continue }
            if let last = stretches.last, last.data == data, last.definedAt == source.definedAt {
                stretches[stretches.count - 1].epochs = last.epochs.lowerBound...source.epochs.upperBound
            } else {
                stretches.append((source.epochs, data, source.definedAt))
            }
        }
        return zip(stretches, stretches.dropFirst()).map { before, after in
            // One name defined again (`field` loaded twice): each side says which definition.
            let named = { (stretch: Stretch) in
                before.data == after.data ? stretch.data + (stretch.definedAt.map { " as defined at line \($0)" } ?? "") : stretch.data
            }
            return Change(epoch: after.epochs.lowerBound, from: named(before), fromEpochs: before.epochs, to: named(after))
        }
    }

    /// `field` or `the last 30% of birds` (Keras' validation_split: the last share of the
    /// training samples, before shuffling).
    static func name(of data: DatasetName?, heldOut share: Double?, of training: DatasetName) -> String? {
        if let data { return "\(data)" }
        // Rounded past Double's noise: 0.3 is 30%, not 30.000000000000004%.
        return share.map { "the last \(NumberText.plain(($0 * 100 * 1e6).rounded() / 1e6))% of \(training)" }
    }
}
