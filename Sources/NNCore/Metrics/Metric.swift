// Numbers reported beside the loss: how often the model is right, how far off it is.

/// A metric computed on each batch during training and on whole splits in `evaluate`.
public enum Metric: Equatable, Sendable {
    /// The share of samples whose predicted class is the true class.
    case accuracy
    /// The mean absolute error, for regression.
    case meanAbsoluteError

    public static let names = ["accuracy", "mae"]

    public static func named(_ name: String) -> Metric? {
        switch name {
        case "accuracy", "acc": .accuracy
        case "mae", "mean_absolute_error": .meanAbsoluteError
        default: nil
        }
    }

    /// The name Keras prints, e.g. `accuracy`.
    public var name: String {
        switch self {
        case .accuracy: "accuracy"
        case .meanAbsoluteError: "mae"
        }
    }

    /// The metric's mean over a batch.
    public func value(truth: Tensor, predicted: Tensor) -> Double {
        guard predicted.rows > 0 else { return 0 }
        switch self {
        case .accuracy:
            var correct = 0
            for row in 0..<predicted.rows where Classes.truth(truth, row: row) == Classes.prediction(predicted, row: row) { correct += 1 }
            return Double(correct) / Double(predicted.rows)
        case .meanAbsoluteError:
            return Double(MeanAbsoluteError().meanLoss(
                truth: truth.scalars, predicted: predicted.scalars,
                truthWidth: truth.columns, predictedWidth: predicted.columns))
        }
    }
}
