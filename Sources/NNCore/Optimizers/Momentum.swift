// Gradient descent with momentum: the step keeps part of its previous direction.

/// momentum (Keras' `SGD(momentum=0.9)`): v ← μ·v − η·∂L/∂w;  w ← w + v.
/// Defaults: η = 0.01, μ = 0.9.
public final class Momentum: Optimizer {
    public let learningRate: Float
    public let momentum: Float
    private var velocities = OptimizerSlots()

    public init(learningRate: Float = 0.01, momentum: Float = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    public var name: String { "momentum" }
    public var rule: String { "v ← μ·v − rate·∂L/∂w; w ← w + v, with μ = \(momentum)" }

    public func clone() -> any Optimizer {
        let copy = Momentum(learningRate: learningRate, momentum: momentum)
        copy.velocities = velocities
        return copy
    }

    public func step(_ parameters: [Parameter]) {
        velocities.prepare(for: parameters)
        let rule = Kernels.Update.momentum(rate: learningRate, momentum: momentum)
        for (index, parameter) in parameters.enumerated() {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    velocities[index].withUnsafeMutableBufferPointer { v in
                        Kernels.update(rule, weights: w, gradient: g, state: v)
                    }
                }
            }
        }
    }
}
