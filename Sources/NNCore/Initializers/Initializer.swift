// How a layer's weights and biases start, by their Keras names.

/// A rule for the starting values of a weight matrix with `fanIn` inputs and `fanOut` units.
///
/// The random rules draw from the notebook's seeded generator, so the same seed starts the same
/// network. The numbers are not TensorFlow's (its generator is a different algorithm), but the
/// distributions are Keras' own.
public enum Initializer: Equatable, Sendable {
    /// Every weight 1: the course's hand-written gradient descent starts here.
    case ones
    /// Every weight 0: Keras' default for biases.
    case zeros
    /// Every weight the same given number.
    case constant(Float)
    /// Uniform in ±√(6 / (fanIn + fanOut)): Keras' default for weights.
    case glorotUniform
    /// Normal with standard deviation √(2 / fanIn), redrawn beyond two deviations (Keras
    /// truncates): suited to ReLU layers.
    case heNormal
    /// Normal with mean 0 and standard deviation 0.05, Keras' `random_normal` defaults.
    case randomNormal

    public static let names = ["ones", "zeros", "glorot_uniform", "he_normal", "random_normal"]

    public static func named(_ name: String) -> Initializer? {
        switch name {
        case "ones": return .ones
        case "zeros": return .zeros
        case "glorot_uniform": return .glorotUniform
        case "he_normal": return .heNormal
        case "random_normal": return .randomNormal
        default: return Float(name).map(Initializer.constant)
        }
    }

    public var name: String {
        switch self {
        case .ones: "ones"
        case .zeros: "zeros"
        case .constant(let value): "\(value)"
        case .glorotUniform: "glorot_uniform"
        case .heNormal: "he_normal"
        case .randomNormal: "random_normal"
        }
    }

    public func values(count: Int, fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> [Float] {
        switch self {
        case .ones: return [Float](repeating: 1, count: count)
        case .zeros: return [Float](repeating: 0, count: count)
        case .constant(let value): return [Float](repeating: value, count: count)
        case .glorotUniform:
            let limit = (6 / Float(fanIn + fanOut)).squareRoot()
            return (0..<count).map { _ in generator.uniform(-limit, limit) }
        case .heNormal:
            let deviation = (2 / Float(max(fanIn, 1))).squareRoot()
            return (0..<count).map { _ in
                var draw = generator.normal()
                while abs(draw) > 2 { draw = generator.normal() }
                return draw * deviation
            }
        case .randomNormal:
            return (0..<count).map { _ in generator.normal(standardDeviation: 0.05) }
        }
    }
}
