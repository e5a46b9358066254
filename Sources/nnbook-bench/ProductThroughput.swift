// GFLOP/s of each product form training uses, at the course's shapes, against this core's
// fused multiply-add peak measured in the same run (CPU time, best of three).

import NNCore
import NNKernels

enum ProductThroughput {
    /// Floating-point operations a second of independent FMAs on the widest registers (0 when
    /// the CPU has no FMA).
    static func peak() -> Double {
        var sink: Float = 0
        var flops = 0.0
        let time = bestCPUSeconds(runs: 3) { flops = nnk_fma_peak_work(20_000_000, &sink) }
        return flops / time
    }

    /// (label, GFLOP/s) for the three forms of one 784-100-10 step's products.
    static func forms() -> [(String, Double)] {
        var generator = SeededGenerator(seed: 5)
        func random(_ rows: Int, _ columns: Int) -> Tensor {
            var tensor = Tensor(shape: [rows, columns])
            for i in tensor.scalars.indices { tensor.scalars[i] = generator.uniform(-1, 1) }
            return tensor
        }
        let cases: [(String, Tensor, Tensor, Transpose, [Int])] = [
            ("forward x·W (32×784)·(784×100)", random(32, 784), random(784, 100), .none, [32, 100]),
            ("weight gradient xᵀ·δ (784×32)·(32×100)", random(32, 784), random(32, 100), .first, [784, 100]),
            ("input gradient δ·Wᵀ (32×100)·(100×784)", random(32, 100), random(784, 100), .second, [32, 784]),
        ]
        return cases.map { label, a, b, form, shape in
            var c = Tensor(shape: shape)
            let k = form == .first ? a.rows : a.columns
            let repeats = 2000
            let time = bestCPUSeconds(runs: 3) { for _ in 0..<repeats { matrixProduct(a, b, transpose: form, into: &c) } }
            return (label, 2 * Double(shape[0] * shape[1] * k) * Double(repeats) / time / 1e9)
        }
    }
}
