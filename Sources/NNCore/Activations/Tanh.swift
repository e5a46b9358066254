// The hyperbolic tangent: like sigmoid, but centred on zero, with outputs in (−1, 1).

import Foundation

/// tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z));  derivative 1 − tanh²(z).
public struct Tanh: Activation {
    public init() {}
    public var name: String { "tanh" }
    public var range: ClosedRange<Double> { -1...1 }
    public func value(_ z: Double) -> Double { Foundation.tanh(z) }

    /// In Float32 through nnbook's own `Elementary.tanh`, the same on every machine.
    public func forward(_ values: inout Tensor) { Kernels.forward(.tanh, &values) }

    public func backward(output: Tensor, gradient: inout Tensor) {
        Kernels.backward(.tanh, output: output, gradient: &gradient)
    }
}
