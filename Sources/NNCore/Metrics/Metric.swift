// Numbers reported beside the loss: how often the model is right, how far off it is.

/// A metric computed on each batch during training and on whole splits in `evaluate`.
public enum Metric: Equatable, Sendable {
    /// The share of samples whose predicted class is the true class.
    case accuracy
    /// The mean absolute error, for regression.
    case meanAbsoluteError

    public static let names = ["accuracy", "mae"]

    /// What Keras also calls each metric: `acc` in Keras 1 and 2's history keys, the accuracy
    /// of each kind of target by its own name, `mean_absolute_error` in its `metrics=` strings:
    /// a learner who writes them is answered with nnbook's name ("did you mean 'accuracy'?").
    public static let kerasSpellings: [(name: String, spellings: [String])] = [
        ("accuracy", ["acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy"]), ("mae", ["mean_absolute_error"]),
    ]

    public static func named(_ name: String) -> Metric? {
        let name = kerasSpellings.first { $0.spellings.contains(name) }?.name ?? name
        switch name {
        case "accuracy": return .accuracy
        case "mae": return .meanAbsoluteError
        default: return nil
        }
    }

    /// `kerasSpellings`, also with the `val_` prefix Keras gives a validation metric.
    public static var kerasSpellingsWithValidation: [(name: String, spellings: [String])] {
        kerasSpellings + kerasSpellings.map { ("val_" + $0.name, $0.spellings.map { "val_" + $0 }) }
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
