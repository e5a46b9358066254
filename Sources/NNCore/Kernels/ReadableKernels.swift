// The kernels of `Kernels` as plain Swift loops: what a learner reads to see what the C code
// computes, and the reference the tests hold every code path to, bit for bit.

/// Plain loops with the same operations, in the same order, as the C kernels.
public enum ReadableKernels {
    public static func addBias(_ bias: Tensor, to values: inout Tensor) {
        let width = bias.scalars.count
        for row in 0..<(values.scalars.count / max(width, 1)) {
            for j in 0..<width { values.scalars[row * width + j] = values.scalars[row * width + j] + bias.scalars[j] }
        }
    }

    public static func columnSums(_ values: Tensor, into sums: inout Tensor) {
        let width = sums.scalars.count
        for j in 0..<width { sums.scalars[j] = 0 }
        for row in 0..<(values.scalars.count / max(width, 1)) {
            for j in 0..<width { sums.scalars[j] = sums.scalars[j] + values.scalars[row * width + j] }
        }
    }

    public static func forward(_ function: Kernels.Elementwise, _ values: inout Tensor) {
        for i in values.scalars.indices {
            let z = values.scalars[i]
            switch function {
            case .relu: values.scalars[i] = z < 0 ? 0 : z
            case .leakyReLU(let slope): values.scalars[i] = z < 0 ? z * slope : z
            case .sigmoid: values.scalars[i] = Elementary.sigmoid(z)
            case .tanh: values.scalars[i] = Elementary.tanh(z)
            }
        }
    }

    /// ∂L/∂z from ∂L/∂a, with a the forward output: relu 1 or 0, leaky relu 1 or the slope,
    /// sigmoid a·(1 − a), tanh 1 − a².
    public static func backward(_ function: Kernels.Elementwise, output: Tensor, gradient: inout Tensor) {
        for i in gradient.scalars.indices {
            let a = output.scalars[i], g = gradient.scalars[i]
            switch function {
            case .relu: gradient.scalars[i] = a <= 0 ? 0 : g
            case .leakyReLU(let slope): gradient.scalars[i] = a <= 0 ? g * slope : g
            case .sigmoid: gradient.scalars[i] = g * (a * (1 - a))
            case .tanh: gradient.scalars[i] = g * (1 - a * a)
            }
        }
    }

    /// Each row: subtract its largest score, exponentiate, divide by the sum (taken in order).
    public static func softmaxRows(_ values: inout Tensor) {
        let width = values.columns
        guard width > 0 else { return }
        for row in 0..<values.rows {
            let start = row * width
            var top = values.scalars[start]
            for j in 1..<width where values.scalars[start + j] > top { top = values.scalars[start + j] }
            for j in 0..<width { values.scalars[start + j] = Elementary.exp(values.scalars[start + j] - top) }
            var total: Float = 0
            for j in 0..<width { total = total + values.scalars[start + j] }
            for j in 0..<width { values.scalars[start + j] = values.scalars[start + j] / total }
        }
    }

    public static func update(
        _ rule: Kernels.Update, weights w: inout [Float], gradient g: [Float], state first: inout [Float], _ second: inout [Float]
    ) {
        for i in w.indices {
            switch rule {
            case .sgd(let rate):
                w[i] = w[i] - rate * g[i]
            case .momentum(let rate, let momentum):
                first[i] = momentum * first[i] - rate * g[i]
                w[i] = w[i] + first[i]
            case .rmsprop(let rate, let rho, let epsilon):
                first[i] = rho * first[i] + (1 - rho) * g[i] * g[i]
                w[i] = w[i] - rate * g[i] / (first[i] + epsilon).squareRoot()
            case .adam(let alpha, let keep1, let keep2, let epsilon):
                first[i] = first[i] + (g[i] - first[i]) * keep1
                second[i] = second[i] + (g[i] * g[i] - second[i]) * keep2
                w[i] = w[i] - alpha * first[i] / (second[i].squareRoot() + epsilon)
            }
        }
    }
}
