// The number types a loss formula can be evaluated in: Float32 as Keras trains, Double as a
// learner's NumPy computes by hand.

import Foundation

/// Float or Double, with the two functions the loss formulas need.
public protocol LossScalar: BinaryFloatingPoint, Sendable {
    static func logarithm(_ x: Self) -> Self
    static func exponential(_ x: Self) -> Self
}

/// Float32, as training computes: nnbook's own functions, the same bits on every machine.
extension Float: LossScalar {
    public static func logarithm(_ x: Float) -> Float { Elementary.log(x) }
    public static func exponential(_ x: Float) -> Float { Elementary.exp(x) }
}

extension Double: LossScalar {
    public static func logarithm(_ x: Double) -> Double { log(x) }
    public static func exponential(_ x: Double) -> Double { exp(x) }
}
