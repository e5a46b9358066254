// The one source of randomness in a run: weights, shuffles, splits and dropout all draw from it,
// so that a notebook's seed reproduces every number to the bit.

import Foundation

/// xoshiro256** seeded through SplitMix64: fast, well tested, and the same sequence on every
/// machine (Swift's `SystemRandomNumberGenerator` cannot be seeded).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = rotate(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotate(state.3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform number in [0, 1) with 24 random bits: every Float32 step is equally likely.
    public mutating func nextUnit() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform number in [low, high).
    public mutating func uniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnit()
    }

    /// A normally distributed number (Box–Muller, computed in Double so the tails are right).
    public mutating func normal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
        let u1 = max(Double(next() >> 11) * 0x1p-53, .leastNonzeroMagnitude)
        let u2 = Double(next() >> 11) * 0x1p-53
        let z = (-2 * Foundation.log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return mean + standardDeviation * Float(z)
    }

    /// A uniform integer in 0..<upperBound (the high half of a 64×64-bit product, so the
    /// sequence does not depend on the standard library's own algorithm).
    public mutating func index(below upperBound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(upperBound)).high)
    }

    /// 0..<count in a random order (Fisher–Yates, drawn from this generator).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<count)
        var remaining = count
        while remaining > 1 {
            let pick = index(below: remaining)
            remaining -= 1
            order.swapAt(remaining, pick)
        }
        return order
    }
}
