// The identity activation: a regression's output layer.

/// linear(z) = z;  derivative 1.
public struct Linear: Activation {
    public init() {}
    public var name: String { "linear" }
    public func value(_ z: Double) -> Double { z }
    public func forward(_ values: inout Tensor) {}
    public func backward(output: Tensor, gradient: inout Tensor) {}
}
