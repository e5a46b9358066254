// The confusion matrix: for each true class, how often each class was predicted.

/// `counts[t][p]` is the number of samples of true class t predicted as p, as in
/// `tf.math.confusion_matrix(labels, predictions)`. Per-class precision, recall and F1 follow
/// from it as in scikit-learn's `classification_report`, except that a share of nothing (0 ÷ 0)
/// is nil, undefined, where scikit-learn prints 0 and warns (`zero_division`): a recall of 0
/// for a class no sample had would read as the model missing every one of them.
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

    /// Of the samples predicted as `label`, the share that were `label`; nil when none were
    /// predicted as `label`.
    public func precision(_ label: Int) -> Double? {
        let predicted = predictions(of: label)
        return predicted == 0 ? nil : Double(counts[label][label]) / Double(predicted)
    }

    /// Of the samples that were `label`, the share predicted as `label`; nil when no sample was
    /// `label`.
    public func recall(_ label: Int) -> Double? {
        let actual = support(label)
        return actual == 0 ? nil : Double(counts[label][label]) / Double(actual)
    }

    /// The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN): 0 when either is 0
    /// or undefined beside a miss; nil only when the class was neither there nor predicted.
    public func f1(_ label: Int) -> Double? {
        let total = support(label) + predictions(of: label)
        return total == 0 ? nil : 2 * Double(counts[label][label]) / Double(total)
    }

    /// How many samples were predicted as `label`.
    public func predictions(of label: Int) -> Int { counts.reduce(0) { $0 + $1[label] } }

    /// How many samples truly belong to `label`.
    public func support(_ label: Int) -> Int { counts[label].reduce(0, +) }

    public var accuracy: Double {
        let total = counts.joined().reduce(0, +)
        let correct = (0..<classes).reduce(0) { $0 + counts[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }
}
