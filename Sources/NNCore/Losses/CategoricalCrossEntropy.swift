// Categorical cross-entropy: the loss for one-of-many classes with one-hot targets.

/// From probabilities, normalised first (q = ŷ / Σŷ, as Keras does when they do not sum to 1)
/// and clipped (p = clip(q, ε, 1 − ε)):
///   cce = −Σ yᵢ·log(pᵢ);
///   with dᵢ = −yᵢ/pᵢ (0 where clipped) and s = Σŷ:  ∂/∂ŷⱼ = (dⱼ − Σᵢ dᵢ·qᵢ) / s.
/// From logits z (ŷ = softmax(z)):
///   cce = Σ yᵢ·(log Σₖ e^(zₖ) − zᵢ);  ∂/∂zⱼ = softmax(z)ⱼ·Σyᵢ − yⱼ.
public struct CategoricalCrossEntropy: LogitsLoss {
    public let epsilon: Double
    public let fromLogits: Bool

    public init(epsilon: Double = CrossEntropyClipping.kerasEpsilon, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    public var probabilityActivation: any Activation { Softmax() }

    public var name: String { "categorical_crossentropy" }

    public func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T {
        if fromLogits { return sampleLoss(truth: truth, logits: predicted, gradient: nil) }
        let e = T(epsilon)
        let sum = predicted.reduce(0, +)
        var total: T = 0
        for i in predicted.indices where truth[i] != 0 {
            total -= truth[i] * T.logarithm(CrossEntropyClipping.clip(predicted[i] / sum, epsilon: e))
        }
        return total
    }

    public func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        if fromLogits {
            _ = sampleLoss(truth: truth, logits: predicted, gradient: gradient)
            return
        }
        ProbabilityCrossEntropy.gradient(
            truth: { truth[$0] }, predicted: predicted, epsilon: Float(epsilon), into: gradient)
    }

    public func sampleLoss<T: LossScalar>(
        truth: UnsafeBufferPointer<T>, logits: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>?
    ) -> T {
        let lse = CrossEntropyClipping.logSumExp(logits)
        var total: T = 0, truthSum: T = 0
        for i in logits.indices {
            total += truth[i] * (lse - logits[i])
            truthSum += truth[i]
        }
        if let gradient {
            for j in logits.indices { gradient[j] = T.exponential(logits[j] - lse) * truthSum - truth[j] }
        }
        return total
    }
}
