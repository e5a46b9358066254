// The logistic function: squashes any number into (0, 1), read as a probability.

import Foundation

/// sigmoid(z) = 1 / (1 + e^(−z));  derivative σ(z)·(1 − σ(z)).
///
/// For negative z it is computed as e^z / (1 + e^z), so that e^(−z) never overflows: an input of
/// −1000 gives 0, not NaN.
public struct Sigmoid: Activation {
    public init() {}
    public var name: String { "sigmoid" }
    public var range: ClosedRange<Double> { 0...1 }

    public func value(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    /// In Float32 through nnbook's own `Elementary.sigmoid`, the same on every machine.
    public func forward(_ values: inout Tensor) { Kernels.forward(.sigmoid, &values) }

    public func backward(output: Tensor, gradient: inout Tensor) {
        Kernels.backward(.sigmoid, output: output, gradient: &gradient)
    }
}
