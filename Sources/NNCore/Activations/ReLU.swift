// The rectified linear unit: the default choice for hidden layers.

/// relu(z) = max(0, z);  derivative 1 where z > 0, else 0.
public struct ReLU: Activation {
    public init() {}
    public var name: String { "relu" }
    public func value(_ z: Double) -> Double { max(0, z) }

    public func forward(_ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] < 0 { buffer[index] = 0 }
        }
    }

    public func backward(output: Tensor, gradient: inout Tensor) {
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                for index in g.indices where a[index] <= 0 { g[index] = 0 }
            }
        }
    }
}
