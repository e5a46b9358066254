// The scalings a lesson applies to a column, each with its inverse.

/// A scaling of one column's values.
///
/// - `divide(c)`: x / c (the course divides age by 100).
/// - `minMax(low, high)`: (x − low) / (high − low), into [0, 1].
/// - `standardize(mean, deviation)`: (x − mean) / deviation.
/// - `chain`: one scaling after another, when a column is scaled twice.
///
/// A column with one value in every training sample has a range and a deviation of 0: it is
/// shifted and not divided (a divisor of 1), as scikit-learn's scalers do, so that a new value
/// lands where it lies from that one value (1 above it is 1) instead of at 0 whatever it is.
public indirect enum ColumnScaling: Equatable, Sendable {
    case divide(Double)
    case minMax(low: Double, high: Double)
    case standardize(mean: Double, deviation: Double)
    case chain(first: ColumnScaling, then: ColumnScaling)

    public func apply(_ x: Double) -> Double {
        switch self {
        case .divide(let c): return x / c
        case .minMax(let low, let high): return (x - low) / (high == low ? 1 : high - low)
        case .standardize(let mean, let deviation): return (x - mean) / (deviation == 0 ? 1 : deviation)
        case .chain(let first, let then): return then.apply(first.apply(x))
        }
    }

    /// Back to the original units: how a regression's prediction is reported.
    public func invert(_ y: Double) -> Double {
        switch self {
        case .divide(let c): return y * c
        case .minMax(let low, let high): return low + y * (high == low ? 1 : high - low)
        case .standardize(let mean, let deviation): return mean + y * (deviation == 0 ? 1 : deviation)
        case .chain(let first, let then): return first.invert(then.invert(y))
        }
    }

    /// The one value of a column that held no other in the training samples, when this
    /// scaling was fitted to such a column (and so only shifts it).
    public var constant: Double? {
        switch self {
        case .minMax(let low, let high): return high == low ? low : nil
        case .standardize(let mean, let deviation): return deviation == 0 ? mean : nil
        case .divide, .chain: return nil
        }
    }

    /// This scaling applied after `earlier`, if there was one.
    func after(_ earlier: ColumnScaling?) -> ColumnScaling {
        earlier.map { .chain(first: $0, then: self) } ?? self
    }

    /// The scaling fitted to `values` by its kind: `minMax` takes their range, `standardize`
    /// their mean and (population) standard deviation, as scikit-learn's scalers do.
    public static func fitted(_ kind: String, to values: [Float]) -> ColumnScaling? {
        let numbers = values.map(Double.init)
        switch kind {
        case "min-max", "minmax":
            return .minMax(low: numbers.min() ?? 0, high: numbers.max() ?? 1)
        case "standardize", "standard":
            let mean = numbers.reduce(0, +) / Double(max(numbers.count, 1))
            let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(numbers.count, 1))
            return .standardize(mean: mean, deviation: variance.squareRoot())
        default:
            return nil
        }
    }
}
