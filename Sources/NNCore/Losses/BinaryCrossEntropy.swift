// Binary cross-entropy (log loss): the loss for yes/no outputs between 0 and 1.

/// From probabilities, with p = clip(ŷ, ε, 1 − ε):
///   bce = −(1/n) Σ [ yᵢ·log(pᵢ) + (1 − yᵢ)·log(1 − pᵢ) ];
///   ∂/∂ŷᵢ = (−yᵢ/pᵢ + (1 − yᵢ)/(1 − pᵢ)) / n, and 0 where clipping applied.
/// From logits z (ŷ = σ(z)), the same loss without any clipping:
///   bce = (1/n) Σ [ max(zᵢ, 0) − zᵢ·yᵢ + log(1 + e^(−|zᵢ|)) ];  ∂/∂zᵢ = (σ(zᵢ) − yᵢ) / n.
public struct BinaryCrossEntropy: LogitsLoss {
    public let epsilon: Double
    public let fromLogits: Bool

    public init(epsilon: Double = CrossEntropyClipping.kerasEpsilon, fromLogits: Bool = false) {
        self.epsilon = epsilon
        self.fromLogits = fromLogits
    }

    public var probabilityActivation: any Activation { Sigmoid() }

    public var name: String { "binary_crossentropy" }

    public func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T {
        if fromLogits { return sampleLoss(truth: truth, logits: predicted, gradient: nil) }
        let e = T(epsilon)
        var total: T = 0
        for i in predicted.indices {
            let p = CrossEntropyClipping.clip(predicted[i], epsilon: e)
            total -= truth[i] * T.logarithm(p) + (1 - truth[i]) * T.logarithm(1 - p)
        }
        return total / T(predicted.count)
    }

    public func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        if fromLogits {
            _ = sampleLoss(truth: truth, logits: predicted, gradient: gradient)
            return
        }
        let e = Float(epsilon), n = Float(predicted.count)
        for i in predicted.indices {
            let p = predicted[i]
            gradient[i] = CrossEntropyClipping.isClipped(p, epsilon: e) ? 0 : (-truth[i] / p + (1 - truth[i]) / (1 - p)) / n
        }
    }

    public func sampleLoss<T: LossScalar>(
        truth: UnsafeBufferPointer<T>, logits: UnsafeBufferPointer<T>, gradient: UnsafeMutableBufferPointer<T>?
    ) -> T {
        var total: T = 0
        let n = T(logits.count)
        for i in logits.indices {
            let z = logits[i]
            // e^−|z| is e^−z where z ≥ 0 and e^z where z < 0 (e^−0 = e^0 = 1): one exponential
            // serves the loss and both forms of the sigmoid, with the same bits as three would.
            let e = T.exponential(-abs(z))
            total += max(z, 0) - z * truth[i] + T.logarithm(1 + e)
            if let gradient {
                let sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                gradient[i] = (sigmoid - truth[i]) / n
            }
        }
        return total / n
    }
}
