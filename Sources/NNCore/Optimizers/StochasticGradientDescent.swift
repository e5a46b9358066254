// Plain gradient descent: step against the gradient, scaled by the learning rate.

/// sgd: w ← w − η·∂L/∂w. The course's hand-written gradient descent is exactly this rule;
/// "stochastic" in Keras' name refers to the batches, which nnbook chooses with `descent=`.
/// Keras' default rate is 0.01.
public final class StochasticGradientDescent: Optimizer {
    public let learningRate: Float

    public init(learningRate: Float = 0.01) { self.learningRate = learningRate }
    public var name: String { "sgd" }
    public var rule: String { "w ← w − rate × ∂L/∂w" }
    public func clone() -> any Optimizer { StochasticGradientDescent(learningRate: learningRate) }

    public func step(_ parameters: [Parameter]) {
        for parameter in parameters {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    Kernels.update(.sgd(rate: learningRate), weights: w, gradient: g)
                }
            }
        }
    }
}
