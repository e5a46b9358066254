// The rectified linear unit: the default choice for hidden layers.

/// relu(z) = max(0, z);  derivative 1 where z > 0, else 0.
public struct ReLU: Activation {
    public init() {}
    public var name: String { "relu" }
    public var range: ClosedRange<Double> { 0...Double.infinity }
    public func value(_ z: Double) -> Double { max(0, z) }

    public func forward(_ values: inout Tensor) { Kernels.forward(.relu, &values) }

    public func backward(output: Tensor, gradient: inout Tensor) {
        Kernels.backward(.relu, output: output, gradient: &gradient)
    }
}
