// The guard every cross-entropy needs: log(0) is −∞, so probabilities are kept away from 0 and 1.

/// Keras clips probabilities to [ε, 1 − ε] with ε = 1e-7 before taking logarithms. The course's
/// hand-written log loss uses ε = 1e-15 (in Double: in Float32, 1 − 1e-15 rounds to 1 and the
/// clipping would not guard anything).
public enum CrossEntropyClipping {
    public static let kerasEpsilon = 1e-7

    /// `p` clipped to [ε, 1 − ε], with 1 − ε rounded in `T` as Keras rounds it in Float32.
    @inlinable
    public static func clip<T: LossScalar>(_ p: T, epsilon: T) -> T {
        min(max(p, epsilon), 1 - epsilon)
    }

    /// Whether clipping changed `p`: the clipped formula is flat there, so its gradient is 0.
    @inlinable
    public static func isClipped<T: LossScalar>(_ p: T, epsilon: T) -> Bool {
        p < epsilon || p > 1 - epsilon
    }

    /// log Σ e^(zᵢ), computed after subtracting the largest score so nothing overflows.
    @inlinable
    public static func logSumExp<T: LossScalar>(_ z: UnsafeBufferPointer<T>) -> T {
        guard let top = z.max() else { return 0 }
        var total: T = 0
        for value in z { total += T.exponential(value - top) }
        return top + T.logarithm(total)
    }
}
