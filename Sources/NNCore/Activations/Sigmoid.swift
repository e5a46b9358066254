// The logistic function: squashes any number into (0, 1), read as a probability.

import Foundation

/// sigmoid(z) = 1 / (1 + e^(−z));  derivative σ(z)·(1 − σ(z)).
///
/// For negative z it is computed as e^z / (1 + e^z), so that e^(−z) never overflows: an input of
/// −1000 gives 0, not NaN.
public struct Sigmoid: Activation {
    public init() {}
    public var name: String { "sigmoid" }

    public func value(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }

    public func forward(_ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = Sigmoid.of(buffer[index]) }
        }
    }

    public func backward(output: Tensor, gradient: inout Tensor) {
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                for index in g.indices { g[index] *= a[index] * (1 - a[index]) }
            }
        }
    }

    /// The Float32 sigmoid used in training.
    @inlinable public static func of(_ z: Float) -> Float {
        if z >= 0 { return 1 / (1 + expf(-z)) }
        let e = expf(z)
        return e / (1 + e)
    }
}
