// nnbook's own exp, log, tanh and sigmoid in Float32: the readable version of what the C kernels
// compute, operation for operation, so that no page depends on the machine's libm.

/// Elementary functions made of +, −, ×, ÷ and moves of bits, in a fixed order, so that every
/// machine computes the same bits (glibc's `expf` changed between versions and loads a separate
/// FMA build on CPUs that have FMA; Apple's libm is another implementation again).
///
/// Errors, measured against long double (`Float80`) over every 1025th Float (ElementaryFunctionTests checks
/// the bounds): `exp` within 1.1 ulp, `log` within 0.8 ulp, `tanh` and `sigmoid` within 3 ulp
/// on normal results. `exp` returns 0 below −87.34 (where e^x < 2⁻¹²⁶, the smallest normal
/// Float) instead of a subnormal number.
///
/// The NNKernels C functions `nnk_exp1`, `nnk_log1`, `nnk_tanh1` and `nnk_sigmoid1` are these,
/// line by line; tests hold every code path to them bit for bit.
public enum Elementary {
    /// e^x: with n = round(x / ln 2) and r = x − n·ln 2 (|r| ≤ ln 2 / 2), e^x = 2ⁿ · e^r, and
    /// e^r is the Taylor series to r⁷ (its next term is below 6·10⁻⁹ there).
    public static func exp(_ x: Float) -> Float {
        let high: Float = 0x1.62e42ep+6, low: Float = -0x1.5d589ep+6
        if x.isNaN { return x }
        if x > high { return .infinity }
        if x < low { return 0 }
        // Adding 1.5·2²³ rounds x/ln 2 to an integer and leaves it in the low bits.
        let shifted = x * 0x1.715476p+0 + 0x1.8p23
        let n = shifted - 0x1.8p23
        let exponent = Int32(bitPattern: shifted.bitPattern) - 0x4B40_0000
        // ln 2 in two parts: n·(high part) is exact, so r keeps its low bits.
        let r = (x - n * 0x1.62e4p-1) - n * 0x1.7f7d1cp-20
        var p: Float = 0x1.a01a02p-13  // 1/7!
        p = p * r + 0x1.6c16c2p-10  // 1/6!
        p = p * r + 0x1.111112p-7  // 1/5!
        p = p * r + 0x1.555556p-5  // 1/4!
        p = p * r + 0x1.555556p-3  // 1/3!
        p = p * r + 0x1p-1  // 1/2!
        p = p * r + 1
        p = p * r + 1
        // 2ⁿ built from its bits; for n = 128 as 2¹²⁷ · 2.
        let k = exponent > 0 ? exponent - 1 : exponent
        return (p * Float(bitPattern: UInt32(k + 127) << 23)) * (exponent > 0 ? 2 : 1)
    }

    /// ln x: x = 2ᵉ · m with m in [√½, √2), f = m − 1, s = f / (2 + f), and
    /// ln m = 2·atanh(s) = f − f²/2 + s·(f²/2 + R(s²)), R being fdlibm's minimax polynomial.
    public static func log(_ x: Float) -> Float {
        if x.isNaN { return x }
        if x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        // Subnormal inputs are scaled into the normal range first.
        let subnormal = x < 0x1p-126
        let scaled = subnormal ? x * 0x1p25 : x
        let shiftedBits = Int32(bitPattern: scaled.bitPattern) - 0x3f35_04f3
        let e = (shiftedBits >> 23) + (subnormal ? -25 : 0)
        let m = Float(bitPattern: UInt32(bitPattern: (shiftedBits & 0x007f_ffff) + 0x3f35_04f3))
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let w = z * z
        let r = z * (0x1.555554p-1 + w * 0x1.23d3dcp-2) + w * (0x1.999c26p-2 + w * 0x1.f13c4cp-3)
        let halfSquare = 0.5 * f * f
        let dk = Float(e)
        // ln 2 in two parts again: 0x1.62e3p-1 + 0x1.2fefa2p-17.
        return s * (halfSquare + r) + dk * 0x1.2fefa2p-17 - halfSquare + f + dk * 0x1.62e3p-1
    }

    /// tanh x: the Taylor series to x¹⁵ below |x| = 0.4 (where 1 − 2/(e²ˣ + 1) would cancel),
    /// else 1 − 2/(e^(2|x|) + 1) with the sign of x.
    public static func tanh(_ x: Float) -> Float {
        let a = x < 0 ? -x : x
        if a < 0.4 {
            if x == 0 { return x }  // keeps the sign of −0
            let z = x * x
            var q: Float = -0x1.7da364p-10  // −929569/638512875
            q = q * z + 0x1.d6d3d0p-9  // 21844/6081075
            q = q * z - 0x1.226e36p-7  // −1382/155925
            q = q * z + 0x1.664f48p-6  // 62/2835
            q = q * z - 0x1.ba1ba2p-5  // −17/315
            q = q * z + 0x1.111112p-3  // 2/15
            q = q * z - 0x1.555556p-2  // −1/3
            return x + x * (z * q)
        }
        let t = 1 - 2 / (exp(a + a) + 1)
        return x < 0 ? -t : t
    }

    /// σ(x) = 1 / (1 + e^(−x)) for x ≥ 0, and e^x / (1 + e^x) below, so that e^(−x) never
    /// overflows: σ(−1000) is 0, not NaN.
    public static func sigmoid(_ x: Float) -> Float {
        let e = exp(x < 0 ? x : -x)
        return x >= 0 ? 1 / (1 + e) : e / (1 + e)
    }
}
