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
        (0..<predictions.rows).map { prediction(predictions, row: $0) }
    }

    public static func of(truth: Tensor) -> [Int] {
        (0..<truth.rows).map { self.truth(truth, row: $0) }
    }

    /// The predicted class of one row.
    public static func prediction(_ predictions: Tensor, row: Int) -> Int {
        predictions.columns == 1 ? (predictions[row, 0] > binaryThreshold ? 1 : 0) : argmax(predictions, row: row)
    }

    /// The true class of one row; -1, a class no prediction has, for a value that is no class
    /// number (a regression target measured by accuracy, NaN, 1e30).
    public static func truth(_ truth: Tensor, row: Int) -> Int {
        truth.columns == 1 ? (truth[row, 0].rounded().classNumber ?? -1) : argmax(truth, row: row)
    }

    /// The index of the row's largest value; the first one on ties, as NumPy's argmax.
    public static func argmax(_ tensor: Tensor, row: Int) -> Int {
        tensor.scalars.withUnsafeBufferPointer { values in
            let width = tensor.columns, start = row * width
            var best = 0
            for j in 1..<max(width, 1) where values[start + j] > values[start + best] { best = j }
            return best
        }
    }
}

extension BinaryFloatingPoint {
    /// The class number this value holds: a whole number from 0 to 2^24 (the range in which
    /// Float32 counts exactly); nil for anything else, so that 1e30 or NaN never reach `Int(_:)`.
    public var classNumber: Int? {
        isFinite && self >= 0 && self <= 16_777_216 && self == rounded() ? Int(self) : nil
    }
}
