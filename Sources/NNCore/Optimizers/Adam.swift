// Adam: momentum and RMSprop together, with their early-step bias corrected.

/// adam (Keras 3), at step t:
///   m ← m + (g − m)·(1 − β₁);  v ← v + (g² − v)·(1 − β₂);
///   α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ);  w ← w − α·m / (√v + ε).
/// Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7.
public final class Adam: Optimizer {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    private var firstMoments = OptimizerSlots()
    private var secondMoments = OptimizerSlots()
    public private(set) var iterations = 0
    private var beta1Power: Float = 1
    private var beta2Power: Float = 1

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var name: String { "adam" }
    public var rule: String {
        "m ← β₁·m + (1 − β₁)·∂L/∂w; v ← β₂·v + (1 − β₂)·(∂L/∂w)²; w ← w − rate·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε), "
            + "with β₁ = \(beta1), β₂ = \(beta2), ε = \(epsilon), t = \(iterations + 1)"
    }

    public func clone() -> any Optimizer {
        let copy = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        copy.firstMoments = firstMoments
        copy.secondMoments = secondMoments
        copy.iterations = iterations
        copy.beta1Power = beta1Power
        copy.beta2Power = beta2Power
        return copy
    }

    public func step(_ parameters: [Parameter]) {
        firstMoments.prepare(for: parameters)
        secondMoments.prepare(for: parameters)
        iterations += 1
        // β₁ᵗ and β₂ᵗ by repeated multiplication rather than libm's powf, which is not the same
        // on every machine.
        beta1Power *= beta1
        beta2Power *= beta2
        let alpha = learningRate * (1 - beta2Power).squareRoot() / (1 - beta1Power)
        let rule = Kernels.Update.adam(alpha: alpha, keep1: 1 - beta1, keep2: 1 - beta2, epsilon: epsilon)
        for (index, parameter) in parameters.enumerated() {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            Kernels.update(rule, weights: w, gradient: g, state: m, v)
                        }
                    }
                }
            }
        }
    }
}
