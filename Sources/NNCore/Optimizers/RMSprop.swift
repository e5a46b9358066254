// RMSprop: divides each step by a running average of that weight's gradient size.

/// rmsprop (Keras 3): a ← ρ·a + (1 − ρ)·g²;  w ← w − η·g / √(a + ε).
/// Defaults: η = 0.001, ρ = 0.9, ε = 1e-7.
public final class RMSprop: Optimizer {
    public let learningRate: Float
    public let rho: Float
    public let epsilon: Float
    private var averages = OptimizerSlots()

    public init(learningRate: Float = 0.001, rho: Float = 0.9, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public var name: String { "rmsprop" }
    public var rule: String { "a ← ρ·a + (1 − ρ)·(∂L/∂w)²; w ← w − rate·∂L/∂w / √(a + ε), with ρ = \(rho), ε = \(epsilon)" }

    public func clone() -> any Optimizer {
        let copy = RMSprop(learningRate: learningRate, rho: rho, epsilon: epsilon)
        copy.averages = averages
        return copy
    }

    public func step(_ parameters: [Parameter]) {
        averages.prepare(for: parameters)
        let rule = Kernels.Update.rmsprop(rate: learningRate, rho: rho, epsilon: epsilon)
        for (index, parameter) in parameters.enumerated() {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    averages[index].withUnsafeMutableBufferPointer { a in
                        Kernels.update(rule, weights: w, gradient: g, state: a)
                    }
                }
            }
        }
    }
}
