// Adam: momentum and RMSprop together, with their early-step bias corrected.

import Foundation

/// adam (Keras 3), at step t:
///   m ← m + (g − m)·(1 − β₁);  v ← v + (g² − v)·(1 − β₂);
///   α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ);  w ← w − α·m / (√v + ε).
/// Defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-7.
public final class Adam: Optimizer {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    private var firstMoments = OptimizerSlots()
    private var secondMoments = OptimizerSlots()
    public private(set) var iterations = 0

    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var name: String { "adam" }
    public var rule: String {
        "m ← β₁·m + (1 − β₁)·∂L/∂w; v ← β₂·v + (1 − β₂)·(∂L/∂w)²; w ← w − rate·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε), "
            + "with β₁ = \(beta1), β₂ = \(beta2), ε = \(epsilon), t = \(iterations + 1)"
    }

    public func clone() -> any Optimizer {
        let copy = Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
        copy.firstMoments = firstMoments
        copy.secondMoments = secondMoments
        copy.iterations = iterations
        return copy
    }

    public func step(_ parameters: [Parameter]) {
        firstMoments.prepare(for: parameters)
        secondMoments.prepare(for: parameters)
        iterations += 1
        let t = Float(iterations)
        let alpha = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        for (index, parameter) in parameters.enumerated() {
            parameter.gradient.scalars.withUnsafeBufferPointer { g in
                parameter.value.scalars.withUnsafeMutableBufferPointer { w in
                    firstMoments[index].withUnsafeMutableBufferPointer { m in
                        secondMoments[index].withUnsafeMutableBufferPointer { v in
                            update(w, m, v, g, alpha: alpha)
                        }
                    }
                }
            }
        }
    }

    /// The update rule above, eight weights at a time (the compiler does not vectorise the
    /// square root and division of the plain loop by itself), then the remainder one by one.
    private func update(
        _ w: UnsafeMutableBufferPointer<Float>, _ m: UnsafeMutableBufferPointer<Float>,
        _ v: UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>, alpha: Float
    ) {
        typealias Lanes = SIMD8<Float>
        let keep1 = Lanes(repeating: 1 - beta1), keep2 = Lanes(repeating: 1 - beta2)
        let step = Lanes(repeating: alpha), guardValue = Lanes(repeating: epsilon)
        let lanes = Lanes.scalarCount, bytes = MemoryLayout<Float>.stride
        let wRaw = UnsafeMutableRawPointer(w.baseAddress!), mRaw = UnsafeMutableRawPointer(m.baseAddress!)
        let vRaw = UnsafeMutableRawPointer(v.baseAddress!), gRaw = UnsafeRawPointer(g.baseAddress!)
        var i = 0
        while i + lanes <= w.count {
            let offset = i * bytes
            let gi = gRaw.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            var mi = mRaw.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            var vi = vRaw.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
            mi = mi + (gi - mi) * keep1
            vi = vi + (gi * gi - vi) * keep2
            let wi = wRaw.loadUnaligned(fromByteOffset: offset, as: Lanes.self) - step * mi / (vi.squareRoot() + guardValue)
            mRaw.storeBytes(of: mi, toByteOffset: offset, as: Lanes.self)
            vRaw.storeBytes(of: vi, toByteOffset: offset, as: Lanes.self)
            wRaw.storeBytes(of: wi, toByteOffset: offset, as: Lanes.self)
            i += lanes
        }
        while i < w.count {
            m[i] += (g[i] - m[i]) * (1 - beta1)
            v[i] += (g[i] * g[i] - v[i]) * (1 - beta2)
            w[i] -= alpha * m[i] / (v[i].squareRoot() + epsilon)
            i += 1
        }
    }
}
