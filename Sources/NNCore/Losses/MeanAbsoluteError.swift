// Mean absolute error: the average distance between truth and prediction.

/// mae = (1/n) Σ |yᵢ − ŷᵢ|;  ∂/∂ŷᵢ = sign(ŷᵢ − yᵢ) / n (0 where they are equal, as TensorFlow).
public struct MeanAbsoluteError: Loss {
    public init() {}
    public var name: String { "mean_absolute_error" }

    public func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T {
        var total: T = 0
        for i in predicted.indices { total += abs(truth[i] - predicted[i]) }
        return total / T(predicted.count)
    }

    public func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        let n = Float(predicted.count)
        for i in predicted.indices {
            let difference = predicted[i] - truth[i]
            gradient[i] = difference > 0 ? 1 / n : (difference < 0 ? -1 / n : 0)
        }
    }
}
