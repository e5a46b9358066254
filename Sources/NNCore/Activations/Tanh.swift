// The hyperbolic tangent: like sigmoid, but centred on zero, with outputs in (−1, 1).

import Foundation

/// tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z));  derivative 1 − tanh²(z).
public struct Tanh: Activation {
    public init() {}
    public var name: String { "tanh" }
    public func value(_ z: Double) -> Double { Foundation.tanh(z) }

    public func forward(_ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = tanhf(buffer[index]) }
        }
    }

    public func backward(output: Tensor, gradient: inout Tensor) {
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                for index in g.indices { g[index] *= 1 - a[index] * a[index] }
            }
        }
    }
}
