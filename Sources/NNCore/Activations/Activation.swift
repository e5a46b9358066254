// What every activation function provides: the formula applied to a layer's output, and its
// derivative for backpropagation.

import Foundation

/// An activation function, applied element by element (softmax: row by row) after a layer's
/// weighted sum `z = x·W + b`.
///
/// The derivative is written in terms of the activation's own output `a`, as the course writes
/// `σ'(z) = σ(z)(1 − σ(z))`: the output is already at hand after the forward pass, so
/// backpropagation needs no copy of `z`.
public protocol Activation: Sendable {
    /// The Keras name, e.g. `"sigmoid"`.
    var name: String { get }

    /// The formula on one number, in Double: what a learner computes by hand.
    func value(_ z: Double) -> Double

    /// Replaces every `z` of the tensor by `a = f(z)`.
    func forward(_ values: inout Tensor)

    /// Turns `∂L/∂a` into `∂L/∂z`, in place, given the outputs `a` of the forward pass.
    func backward(output: Tensor, gradient: inout Tensor)

    /// The values it can give, ends included (in Float32 a sigmoid reaches 0 and 1): a target
    /// outside them is one the layer can never output.
    var range: ClosedRange<Double> { get }
}

extension Activation {
    public var range: ClosedRange<Double> { -Double.infinity...Double.infinity }

    public func forward(_ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = Float(value(Double(buffer[index]))) }
        }
    }
}

/// The activations by their Keras names.
public enum Activations {
    public static let names = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softmax"]

    /// What Keras and scikit-learn also call an activation: Keras' `None` and scikit-learn's
    /// `identity` are `linear` (as is leaving `activation=` out).
    public static let otherSpellings: [(name: String, spellings: [String])] = [("linear", ["None", "identity"])]

    /// The activation called `name`; `slope` is leaky ReLU's slope for negative inputs.
    public static func named(_ name: String, slope: Double? = nil) -> (any Activation)? {
        switch name {
        case "linear": return Linear()
        case "sigmoid": return Sigmoid()
        case "tanh": return Tanh()
        case "relu": return ReLU()
        case "leaky_relu": return LeakyReLU(slope: slope ?? LeakyReLU.kerasSlope)
        case "elu": return ELU()
        case "softmax": return Softmax()
        default: return nil
        }
    }
}
