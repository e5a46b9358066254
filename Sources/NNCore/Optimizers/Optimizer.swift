// What every optimizer provides: one update of the weights from their gradients.

/// An update rule, applied after each batch's gradients are known.
///
/// Optimizers remember per-weight state (velocities, moment estimates) between steps, so they
/// are classes, created for one model's parameters in a fixed order.
public protocol Optimizer: AnyObject {
    /// The Keras name, e.g. `"adam"`.
    var name: String { get }
    var learningRate: Float { get }

    /// The update rule in the course's notation, e.g. `w ← w − rate × ∂L/∂w`.
    var rule: String { get }

    /// Changes every parameter's value using its current gradient.
    func step(_ parameters: [Parameter])

    /// An optimizer with the same settings and the same per-weight state, which then goes on
    /// independently.
    func clone() -> any Optimizer
}

/// The optimizers by name, with Keras' defaults.
public enum Optimizers {
    public static let names = ["sgd", "momentum", "rmsprop", "adam"]

    /// The optimizer called `name`, at `rate` or at Keras' default rate for it.
    public static func named(_ name: String, rate: Double? = nil) -> (any Optimizer)? {
        switch name {
        case "sgd": return StochasticGradientDescent(learningRate: Float(rate ?? 0.01))
        case "momentum": return Momentum(learningRate: Float(rate ?? 0.01))
        case "rmsprop": return RMSprop(learningRate: Float(rate ?? 0.001))
        case "adam": return Adam(learningRate: Float(rate ?? 0.001))
        default: return nil
        }
    }
}

/// Per-parameter state arrays, created on the first step with the parameters' sizes.
struct OptimizerSlots {
    private(set) var values: [[Float]] = []

    mutating func prepare(for parameters: [Parameter]) {
        if values.count != parameters.count {
            values = parameters.map { [Float](repeating: 0, count: $0.value.scalars.count) }
        }
    }

    subscript(index: Int) -> [Float] {
        get { values[index] }
        _modify { yield &values[index] }
    }
}
