// The Swift face of nnbook's C kernels: what layers, activations and optimizers call on every
// training step. `ReadableKernels` holds the same loops in plain Swift; tests hold every code
// path to them bit for bit.

import NNKernels

/// Training's inner loops, run by the kernel path in use (`KernelPath.current`).
public enum Kernels {
    /// values[r][j] += bias[j] for every row r.
    public static func addBias(_ bias: Tensor, to values: inout Tensor) {
        let columns = bias.scalars.count
        bias.scalars.withUnsafeBufferPointer { b in
            values.scalars.withUnsafeMutableBufferPointer { v in
                nnk_add_bias(v.baseAddress, b.baseAddress, v.count / max(columns, 1), columns)
            }
        }
    }

    /// sums[j] = Σ over rows of values[r][j], rows in order: a bias gradient.
    public static func columnSums(_ values: Tensor, into sums: inout Tensor) {
        let columns = sums.scalars.count
        values.scalars.withUnsafeBufferPointer { v in
            sums.scalars.withUnsafeMutableBufferPointer { s in
                nnk_column_sums(v.baseAddress, s.baseAddress, v.count / max(columns, 1), columns)
            }
        }
    }

    /// Rows `indices` of `source` (rows of `width` numbers) copied into `target`, in order.
    static func gatherRows(_ source: UnsafeBufferPointer<Float>, _ indices: ArraySlice<Int>, width: Int, into target: UnsafeMutableBufferPointer<Float>) {
        indices.withUnsafeBufferPointer { i in
            i.withMemoryRebound(to: Int64.self) { i64 in
                nnk_gather_rows(source.baseAddress, i64.baseAddress, i64.count, width, target.baseAddress)
            }
        }
    }

    /// Asks for rows `indices` of `source` to be brought into the cache (a hint; nothing changes).
    static func prefetchRows(_ source: UnsafeBufferPointer<Float>, _ indices: ArraySlice<Int>, width: Int) {
        indices.withUnsafeBufferPointer { i in
            i.withMemoryRebound(to: Int64.self) { i64 in
                nnk_prefetch_rows(source.baseAddress, i64.baseAddress, i64.count, width)
            }
        }
    }

    /// An elementwise activation in place (`values`), or its derivative applied to `gradient`
    /// given the forward outputs.
    public enum Elementwise {
        case relu, leakyReLU(slope: Float), sigmoid, tanh
    }

    public static func forward(_ function: Elementwise, _ values: inout Tensor) {
        values.scalars.withUnsafeMutableBufferPointer { v in
            switch function {
            case .relu: nnk_relu_forward(v.baseAddress, v.count)
            case .leakyReLU(let slope): nnk_leaky_relu_forward(v.baseAddress, v.count, slope)
            case .sigmoid: nnk_sigmoid_forward(v.baseAddress, v.count)
            case .tanh: nnk_tanh_forward(v.baseAddress, v.count)
            }
        }
    }

    public static func backward(_ function: Elementwise, output: Tensor, gradient: inout Tensor) {
        output.scalars.withUnsafeBufferPointer { a in
            gradient.scalars.withUnsafeMutableBufferPointer { g in
                switch function {
                case .relu: nnk_relu_backward(a.baseAddress, g.baseAddress, g.count)
                case .leakyReLU(let slope): nnk_leaky_relu_backward(a.baseAddress, g.baseAddress, g.count, slope)
                case .sigmoid: nnk_sigmoid_backward(a.baseAddress, g.baseAddress, g.count)
                case .tanh: nnk_tanh_backward(a.baseAddress, g.baseAddress, g.count)
                }
            }
        }
    }

    /// Softmax of every row, in place.
    public static func softmaxRows(_ values: inout Tensor) {
        let columns = values.columns
        guard columns > 0 else { return }
        values.scalars.withUnsafeMutableBufferPointer { v in
            nnk_softmax_rows(v.baseAddress, v.count / columns, columns)
        }
    }

    /// The mean softmax cross-entropy of the rows of `logits` against the class numbers in
    /// `labels` (one per row), with ∂(mean)/∂logit in `gradient`: what
    /// `SparseCategoricalCrossEntropy` computes from logits, the same operations in C.
    static func sparseSoftmaxCrossEntropy(logits: Tensor, labels: Tensor, gradient: inout Tensor) -> Float {
        gradient.ensureShape(logits.shape)
        let rows = logits.rows, columns = logits.columns
        guard rows > 0 else { return 0 }
        return logits.scalars.withUnsafeBufferPointer { z in
            labels.scalars.withUnsafeBufferPointer { y in
                gradient.scalars.withUnsafeMutableBufferPointer { g in
                    nnk_sparse_softmax_cross_entropy(z.baseAddress, y.baseAddress, g.baseAddress, rows, columns)
                }
            }
        }
    }

    /// `Elementary.exp` and `Elementary.log` over arrays, as the kernels compute them.
    public static func exp(_ x: [Float]) -> [Float] { map(x, nnk_exp) }
    public static func log(_ x: [Float]) -> [Float] { map(x, nnk_log) }

    private static func map(_ x: [Float], _ kernel: (UnsafePointer<Float>?, UnsafeMutablePointer<Float>?, Int) -> Void) -> [Float] {
        var y = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { source in
            y.withUnsafeMutableBufferPointer { target in kernel(source.baseAddress, target.baseAddress, x.count) }
        }
        return y
    }

    /// The optimizers' update rules over one parameter's weights `w`, its gradient `g` and the
    /// optimizer's state arrays for it (formulas in each optimizer's documentation).
    public enum Update {
        case sgd(rate: Float)
        case momentum(rate: Float, momentum: Float)
        case rmsprop(rate: Float, rho: Float, epsilon: Float)
        /// `keep1` = 1 − β₁, `keep2` = 1 − β₂; `alpha` the bias-corrected step size.
        case adam(alpha: Float, keep1: Float, keep2: Float, epsilon: Float)
    }

    public static func update(
        _ rule: Update, weights w: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
        state first: UnsafeMutableBufferPointer<Float>? = nil, _ second: UnsafeMutableBufferPointer<Float>? = nil
    ) {
        switch rule {
        case .sgd(let rate):
            nnk_sgd_update(w.baseAddress, g.baseAddress, w.count, rate)
        case .momentum(let rate, let momentum):
            nnk_momentum_update(w.baseAddress, first?.baseAddress, g.baseAddress, w.count, rate, momentum)
        case .rmsprop(let rate, let rho, let epsilon):
            nnk_rmsprop_update(w.baseAddress, first?.baseAddress, g.baseAddress, w.count, rate, rho, epsilon)
        case .adam(let alpha, let keep1, let keep2, let epsilon):
            nnk_adam_update(w.baseAddress, first?.baseAddress, second?.baseAddress, g.baseAddress, w.count, alpha, keep1, keep2, epsilon)
        }
    }
}
