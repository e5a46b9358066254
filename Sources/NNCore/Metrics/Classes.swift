// Turning rows of numbers into class labels, the way Keras' accuracy metrics do.

/// Class labels from targets and from predictions.
///
/// One output unit means a yes/no question: the class is 1 when the value is above 0.5 (Keras'
/// `binary_accuracy` threshold). Several units mean one class each: the class is the unit with
/// the largest value (`argmax`). A target with one column holds the class number itself
/// (sparse labels, or 0/1 for binary).
public enum Classes {
    public static let binaryThreshold: Float = 0.5

    public static func of(predictions: Tensor) -> [Int] {
        predictions.columns == 1
            ? predictions.scalars.map { $0 > binaryThreshold ? 1 : 0 }
            : argmax(predictions)
    }

    public static func of(truth: Tensor) -> [Int] {
        truth.columns == 1 ? truth.scalars.map { Int($0.rounded()) } : argmax(truth)
    }

    /// The index of each row's largest value; the first one on ties, as NumPy's argmax.
    public static func argmax(_ tensor: Tensor) -> [Int] {
        let width = tensor.columns
        return (0..<tensor.rows).map { row in
            var best = 0
            for j in 1..<max(width, 1) where tensor[row, j] > tensor[row, best] { best = j }
            return best
        }
    }
}
