// Sparse categorical cross-entropy: categorical cross-entropy with the class given as a number.

/// The target is the class index c (e.g. the digit 7), not a one-hot row:
///   scce = −log(p_c) with p = clip(ŷ / Σŷ, ε, 1 − ε);
/// from logits: scce = log Σₖ e^(zₖ) − z_c;  ∂/∂zⱼ = softmax(z)ⱼ − [j = c].
/// It equals `categorical_crossentropy` on the one-hot row of c, without building that row.
public struct SparseCategoricalCrossEntropy: LogitsLoss {
    public let epsilon: Double
    public let fromLogits: Bool

    public init(epsilon: Double = CrossEntropyClipping.kerasEpsilon, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    public var probabilityActivation: any Activation { Softmax() }

    public var name: String { "sparse_categorical_crossentropy" }

    public func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T {
        if fromLogits { return sampleLoss(truth: truth, logits: predicted, gradient: nil) }
        let sum = predicted.reduce(0, +)
        return -T.logarithm(CrossEntropyClipping.clip(predicted[Int(truth[0])] / sum, epsilon: T(epsilon)))
    }

    public func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        if fromLogits {
            _ = sampleLoss(truth: truth, logits: predicted, gradient: gradient)
            return
        }
        let label = Int(truth[0])
        ProbabilityCrossEntropy.gradient(
            truth: { $0 == label ? 1 : 0 }, predicted: predicted, epsilon: Float(epsilon), into: gradient)
    }

    /// The batch through nnbook's kernel (`Kernels.sparseSoftmaxCrossEntropy`): the same
    /// operations as `sampleLoss(truth:logits:gradient:)` below for every row, in C, the
    /// exponentials of the whole batch a vector at a time.
    public func lossAndGradient(truth: Tensor, logits: Tensor, gradient: inout Tensor) -> Float {
        Kernels.sparseSoftmaxCrossEntropy(logits: logits, labels: truth, gradient: &gradient)
    }

    public func sampleLoss<T: LossScalar>(
        truth: UnsafeBufferPointer<T>, logits: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>?
    ) -> T {
        let label = Int(truth[0])
        let lse = CrossEntropyClipping.logSumExp(logits)
        if let gradient {
            for j in logits.indices { gradient[j] = T.exponential(logits[j] - lse) - (j == label ? 1 : 0) }
        }
        return lse - logits[label]
    }
}
