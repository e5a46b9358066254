// The exponential linear unit: ReLU for positive inputs, a smooth curve down to −1 below zero,
// so that a unit's outputs average nearer zero and it never stops learning entirely.

import Foundation

/// elu(z) = z where z > 0, else e^z − 1;  derivative 1 where z > 0, else e^z = elu(z) + 1.
///
/// Keras' `elu` activation, with its default alpha of 1. The derivative is written with the
/// output, as the other activations': below zero it is the output plus 1.
public struct ELU: Activation {
    public init() {}
    public var name: String { "elu" }
    /// e^z − 1 approaches −1 and never reaches it; in Float32 it does, for z below −17.
    public var range: ClosedRange<Double> { -1...Double.infinity }
    public func value(_ z: Double) -> Double { z > 0 ? z : expm1(z) }

    /// In Float32 through nnbook's own `Elementary.exp`, the same on every machine.
    public func forward(_ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] <= 0 { buffer[index] = Elementary.exp(buffer[index]) - 1 }
        }
    }

    /// A positive output came from a positive z (slope 1); any other from z ≤ 0 (slope a + 1).
    public func backward(output: Tensor, gradient: inout Tensor) {
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                for index in g.indices where a[index] <= 0 { g[index] *= a[index] + 1 }
            }
        }
    }
}
