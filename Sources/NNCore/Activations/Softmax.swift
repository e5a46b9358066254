// Softmax: turns a row of scores into probabilities that sum to 1, for multi-class outputs.

import Foundation

/// softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ);  derivative ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ).
///
/// The row's maximum is subtracted before exponentiating (softmax does not change when every
/// score moves by the same amount), so scores of ±1000 give probabilities, not NaN.
public struct Softmax: Activation {
    public init() {}
    public var name: String { "softmax" }
    public var range: ClosedRange<Double> { 0...1 }

    /// On a single number softmax is always 1; the lessons call `probabilities(_:)` instead.
    public func value(_ z: Double) -> Double { 1 }

    /// Softmax of one row of scores, in Double.
    public static func probabilities(_ scores: [Double]) -> [Double] {
        let top = scores.max() ?? 0
        let exps = scores.map { exp($0 - top) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }

    /// Row by row through the kernels (`ReadableKernels.softmaxRows` is the same in plain Swift).
    public func forward(_ values: inout Tensor) { Kernels.softmaxRows(&values) }

    /// ∂L/∂zᵢ = aᵢ·(∂L/∂aᵢ − Σⱼ aⱼ·∂L/∂aⱼ): the Jacobian applied without building it.
    public func backward(output: Tensor, gradient: inout Tensor) {
        let width = output.columns
        guard width > 0 else { return }
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                for row in 0..<(a.count / width) {
                    let start = row * width
                    var dot: Float = 0
                    for j in 0..<width { dot += a[start + j] * g[start + j] }
                    for j in 0..<width { g[start + j] = a[start + j] * (g[start + j] - dot) }
                }
            }
        }
    }
}
