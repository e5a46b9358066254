// Mean squared error: the average squared distance; large mistakes weigh more.

/// mse = (1/n) Σ (yᵢ − ŷᵢ)²;  ∂/∂ŷᵢ = 2(ŷᵢ − yᵢ) / n.
public struct MeanSquaredError: Loss {
    public init() {}
    public var name: String { "mean_squared_error" }

    public func sampleLoss<T: LossScalar>(truth: UnsafeBufferPointer<T>, predicted: UnsafeBufferPointer<T>) -> T {
        var total: T = 0
        for i in predicted.indices {
            let difference = truth[i] - predicted[i]
            total += difference * difference
        }
        return total / T(predicted.count)
    }

    public func sampleGradient(
        truth: UnsafeBufferPointer<Float>, predicted: UnsafeBufferPointer<Float>,
        into gradient: UnsafeMutableBufferPointer<Float>
    ) {
        let scale = 2 / Float(predicted.count)
        for i in predicted.indices { gradient[i] = scale * (predicted[i] - truth[i]) }
    }
}
