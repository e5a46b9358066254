// What every loss function provides: the error of one sample, and its gradient.

/// A loss: how far a model's predictions are from the truth.
///
/// Each loss states its formula for one sample (`sampleLoss`, generic so that the course's
/// hand calculation in Double and Keras' Float32 are the same code) and the derivative with
/// respect to each prediction (`sampleGradient`). The loss of a batch is the mean of the
/// samples' losses, Keras' `sum_over_batch_size` reduction.
public protocol Loss: Sendable {
    /// The Keras name, e.g. `"binary_crossentropy"`.
    var name: String { get }

    /// The loss of one sample: `truth` is the sample's target row (for sparse categorical
    /// cross-entropy, one class index), `predicted` the model's output row.
    func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T

    /// ∂(sample loss)/∂predictedᵢ for every output of the sample.
    func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>)

    /// The mean loss of a batch, with ∂(mean loss)/∂prediction written into `gradient`. (A
    /// requirement, so that each loss gets its own compiled copy of the shared implementation
    /// below instead of a generic one: training calls it on every step.)
    func lossAndGradient(truth: Tensor, predicted: Tensor, gradient: inout Tensor) -> Float
}

/// A cross-entropy that Keras computes from the scores before the final sigmoid or softmax
/// (the logits) whenever they are at hand: `log(1 + e^(−z))` never rounds to `log(0)`, and the
/// gradient with respect to the scores is simply `prediction − truth`. nnbook does the same, so
/// that its numbers agree with Keras' training rather than with the clipped textbook formula.
///
/// Keras' TensorFlow backend takes the logits of *either* activation for *any* cross-entropy:
/// the course's `dense 10 activation=sigmoid` with `sparse_categorical_crossentropy` is trained
/// as a softmax cross-entropy of the scores before the sigmoid. nnbook follows it there too.
public protocol LogitsLoss: Loss {
    /// Whether the predictions given to the loss are already logits (`from_logits=true`).
    var fromLogits: Bool { get }

    /// The loss of one sample computed from its logits, with ∂loss/∂logitᵢ written to `gradient`
    /// when one is given.
    func sampleLoss<T: LossScalar>(
        truth: UnsafeBufferPointer<T>, logits: UnsafeBufferPointer<T>,
        gradient: UnsafeMutableBufferPointer<T>?) -> T

    /// The mean loss of a batch computed from logits, with ∂(mean loss)/∂logit in `gradient`.
    func lossAndGradient(truth: Tensor, logits: Tensor, gradient: inout Tensor) -> Float

    /// The activation that turns logits into the probabilities this loss compares with the
    /// targets: the sigmoid for binary cross-entropy, the softmax for the categorical ones.
    var probabilityActivation: any Activation { get }
}

extension Loss {
    /// The mean loss over a batch of rows, in the scalar type of the arrays.
    public func meanLoss<T: LossScalar>(truth: [T], predicted: [T], truthWidth: Int, predictedWidth: Int) -> T {
        let rows = predicted.count / max(predictedWidth, 1)
        guard rows > 0 else { return 0 }
        var total: T = 0
        truth.withUnsafeBufferPointer { t in
            predicted.withUnsafeBufferPointer { p in
                for row in 0..<rows {
                    total += sampleLoss(
                        truth: UnsafeBufferPointer(rebasing: t[(row * truthWidth)..<((row + 1) * truthWidth)]),
                        predicted: UnsafeBufferPointer(rebasing: p[(row * predictedWidth)..<((row + 1) * predictedWidth)]))
                }
            }
        }
        return total / T(rows)
    }

    /// The mean loss of a batch, with ∂(mean loss)/∂prediction written into `gradient`.
    public func lossAndGradient(truth: Tensor, predicted: Tensor, gradient: inout Tensor) -> Float {
        BatchLoss.mean(truth: truth, outputs: predicted, gradient: &gradient) { truthRow, predictedRow, gradientRow in
            sampleGradient(truth: truthRow, predicted: predictedRow, into: gradientRow)
            return sampleLoss(truth: truthRow, predicted: predictedRow)
        }
    }
}

extension LogitsLoss {
    /// The mean loss of a batch computed from logits, with ∂(mean loss)/∂logit in `gradient`.
    public func lossAndGradient(truth: Tensor, logits: Tensor, gradient: inout Tensor) -> Float {
        BatchLoss.mean(truth: truth, outputs: logits, gradient: &gradient) { truthRow, logitsRow, gradientRow in
            sampleLoss(truth: truthRow, logits: logitsRow, gradient: gradientRow)
        }
    }
}

/// The loop both batch losses share: one call per sample with its rows, then the mean, with
/// every gradient divided by the batch size (the mean's derivative).
enum BatchLoss {
    @inline(__always)
    static func mean(
        truth: Tensor, outputs: Tensor, gradient: inout Tensor,
        sample: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Float
    ) -> Float {
        let rows = outputs.rows, width = outputs.columns, truthWidth = truth.columns
        gradient.ensureShape(outputs.shape)
        guard rows > 0 else { return 0 }
        var total: Float = 0
        let scale = 1 / Float(rows)
        truth.scalars.withUnsafeBufferPointer { t in
            outputs.scalars.withUnsafeBufferPointer { o in
                gradient.scalars.withUnsafeMutableBufferPointer { g in
                    for row in 0..<rows {
                        let gradientRow = UnsafeMutableBufferPointer(rebasing: g[(row * width)..<((row + 1) * width)])
                        total += sample(
                            UnsafeBufferPointer(rebasing: t[(row * truthWidth)..<((row + 1) * truthWidth)]),
                            UnsafeBufferPointer(rebasing: o[(row * width)..<((row + 1) * width)]),
                            gradientRow)
                        for j in 0..<width { gradientRow[j] *= scale }
                    }
                }
            }
        }
        return total * scale
    }
}

/// The losses by their Keras names and the course's short names.
public enum Losses {
    public static let names = [
        "mean_absolute_error", "mae", "mean_squared_error", "mse", "binary_crossentropy",
        "categorical_crossentropy", "sparse_categorical_crossentropy",
    ]

    /// The course's short name of a loss where it has one (`mse`, `mae`), its Keras name otherwise.
    public static func shortName(_ name: String) -> String {
        switch name {
        case "mean_absolute_error": "mae"
        case "mean_squared_error": "mse"
        default: name
        }
    }

    /// What Keras, scikit-learn and PyTorch also call a loss (Keras' `bce`, scikit-learn's
    /// `log_loss`, PyTorch's `CrossEntropyLoss`, which takes class numbers).
    public static let otherSpellings: [(name: String, spellings: [String])] = [
        ("binary_crossentropy", ["bce", "log_loss", "BCELoss"]),
        ("categorical_crossentropy", ["cce"]),
        ("sparse_categorical_crossentropy", ["CrossEntropyLoss", "cross_entropy", "nll_loss"]),
        ("mse", ["MSELoss"]), ("mae", ["L1Loss"]),
    ]

    /// The loss called `name`; `epsilon` replaces the cross-entropies' clipping bound.
    public static func named(_ name: String, epsilon: Double? = nil, fromLogits: Bool = false) -> (any Loss)? {
        let epsilon = epsilon ?? CrossEntropyClipping.kerasEpsilon
        switch name {
        case "mean_absolute_error", "mae": return MeanAbsoluteError()
        case "mean_squared_error", "mse": return MeanSquaredError()
        case "binary_crossentropy": return BinaryCrossEntropy(epsilon: epsilon, fromLogits: fromLogits)
        case "categorical_crossentropy": return CategoricalCrossEntropy(epsilon: epsilon, fromLogits: fromLogits)
        case "sparse_categorical_crossentropy":
            return SparseCategoricalCrossEntropy(epsilon: epsilon, fromLogits: fromLogits)
        default: return nil
        }
    }
}
