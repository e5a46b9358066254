// The confusion matrix: for each true class, how often each class was predicted.

/// `counts[t][p]` is the number of samples of true class t predicted as p, as in
/// `tf.math.confusion_matrix(labels, predictions)`. Per-class precision, recall and F1 follow
/// from it as in scikit-learn's `classification_report`.
public struct ConfusionMatrix: Equatable, Sendable {
    public let classes: Int
    public private(set) var counts: [[Int]]

    public init(truth: [Int], predicted: [Int], classes: Int? = nil) {
        let size = classes ?? ((truth + predicted).max().map { $0 + 1 } ?? 0)
        self.classes = size
        counts = Array(repeating: Array(repeating: 0, count: size), count: size)
        for (t, p) in zip(truth, predicted) where t < size && p < size && t >= 0 && p >= 0 {
            counts[t][p] += 1
        }
    }

    /// Of the samples predicted as `label`, the share that were `label` (0 when none were).
    public func precision(_ label: Int) -> Double {
        let predicted = counts.reduce(0) { $0 + $1[label] }
        return predicted == 0 ? 0 : Double(counts[label][label]) / Double(predicted)
    }

    /// Of the samples that were `label`, the share predicted as `label` (0 when none were).
    public func recall(_ label: Int) -> Double {
        let actual = counts[label].reduce(0, +)
        return actual == 0 ? 0 : Double(counts[label][label]) / Double(actual)
    }

    /// The harmonic mean of precision and recall.
    public func f1(_ label: Int) -> Double {
        let p = precision(label), r = recall(label)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// How many samples truly belong to `label`.
    public func support(_ label: Int) -> Int { counts[label].reduce(0, +) }

    public var accuracy: Double {
        let total = counts.joined().reduce(0, +)
        let correct = (0..<classes).reduce(0) { $0 + counts[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}
