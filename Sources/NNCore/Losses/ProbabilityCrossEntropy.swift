// The gradient shared by both categorical cross-entropies when they start from probabilities.

/// ∂/∂ŷⱼ of −Σ yᵢ·log(clip(ŷᵢ / s)) with s = Σŷ: with dᵢ = −yᵢ/pᵢ (0 where clipped) and
/// qᵢ = ŷᵢ / s, the normalisation contributes ∂qᵢ/∂ŷⱼ = (δᵢⱼ − qᵢ) / s, so
/// ∂/∂ŷⱼ = (dⱼ − Σᵢ dᵢ·qᵢ) / s.
enum ProbabilityCrossEntropy {
    static func gradient(
        truth: (Int) -> Float, predicted: UnsafeBufferPointer<Float>, epsilon: Float,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        let sum = predicted.reduce(0, +)
        var weighted: Float = 0
        for i in predicted.indices {
            let q = predicted[i] / sum
            let y = truth(i)
            gradient[i] = (y == 0 || CrossEntropyClipping.isClipped(q, epsilon: epsilon)) ? 0 : -y / q
            weighted += gradient[i] * q
        }
        for j in predicted.indices { gradient[j] = (gradient[j] - weighted) / sum }
    }
}
