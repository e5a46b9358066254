// Adam: momentum and RMSprop together, with their early-step bias corrected.

import Foundation

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

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var name: String { "adam" }

    public func step(_ parameters: [Parameter]) {
        firstMoments.prepare(for: parameters)
        secondMoments.prepare(for: parameters)
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        let b1 = beta1, b2 = beta2, epsilon = epsilon
        for (index, parameter) in parameters.enumerated() {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            for i in w.indices {
                                m[i] += (g[i] - m[i]) * (1 - b1)
                                v[i] += (g[i] * g[i] - v[i]) * (1 - b2)
                                w[i] -= alpha * m[i] / (v[i].squareRoot() + epsilon)
                            }
                        }
                    }
                }
            }
        }
    }
}
