// ReLU with a small slope for negative inputs, so that a unit never stops learning entirely.

/// leaky_relu(z) = z where z > 0, else slope·z;  derivative 1 where z > 0, else slope.
///
/// Keras' `leaky_relu` activation uses a slope of 0.2; the course uses 0.1
/// (`activation=leaky_relu slope=0.1`).
public struct LeakyReLU: Activation {
    public static let kerasSlope = 0.2
    public let slope: Double

    public init(slope: Double = LeakyReLU.kerasSlope) { self.slope = slope }
    public var name: String { "leaky_relu" }
    public func value(_ z: Double) -> Double { z > 0 ? z : slope * z }

    public func forward(_ values: inout Tensor) { Kernels.forward(.leakyReLU(slope: Float(slope)), &values) }

    /// The slope is positive, so the output has the sign of z and tells which branch applied.
    public func backward(output: Tensor, gradient: inout Tensor) {
        Kernels.backward(.leakyReLU(slope: Float(slope)), output: output, gradient: &gradient)
    }
}
