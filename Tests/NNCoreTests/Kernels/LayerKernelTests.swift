// The layer and optimizer kernels on every path against `ReadableKernels`, bit for bit.

import XCTest
@testable import NNCore

final class LayerKernelTests: XCTestCase {
    override func tearDown() { KernelPaths.restoreFastest() }

    private func random(_ shape: [Int], _ generator: inout SeededGenerator, scale: Float = 4) -> Tensor {
        var tensor = Tensor(shape: shape)
        for i in tensor.scalars.indices { tensor.scalars[i] = generator.uniform(-scale, scale) }
        return tensor
    }

    private func assertSameBits(_ a: Tensor, _ b: Tensor, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.scalars.map(\.bitPattern), b.scalars.map(\.bitPattern), label, file: file, line: line)
    }

    func testBiasColumnSumsActivationsAndSoftmax() {
        var generator = SeededGenerator(seed: 11)
        for shape in [[1, 1], [7, 13], [32, 100], [32, 10], [5, 3]] {
            let values = random(shape, &generator), bias = random([shape[1]], &generator)
            let functions: [Kernels.Elementwise] = [.relu, .leakyReLU(slope: 0.1), .sigmoid, .tanh]
            for path in KernelPath.available {
                KernelPath.use(path)
                var fast = values, readable = values
                Kernels.addBias(bias, to: &fast)
                ReadableKernels.addBias(bias, to: &readable)
                assertSameBits(fast, readable, "bias \(shape) \(path)")

                var fastSums = Tensor(shape: [shape[1]]), readableSums = Tensor(shape: [shape[1]])
                Kernels.columnSums(values, into: &fastSums)
                ReadableKernels.columnSums(values, into: &readableSums)
                assertSameBits(fastSums, readableSums, "column sums \(shape) \(path)")

                for function in functions {
                    var forward = values, readableForward = values
                    Kernels.forward(function, &forward)
                    ReadableKernels.forward(function, &readableForward)
                    assertSameBits(forward, readableForward, "\(function) forward \(shape) \(path)")
                    var gradient = random(shape, &generator), readableGradient = gradient
                    Kernels.backward(function, output: forward, gradient: &gradient)
                    ReadableKernels.backward(function, output: forward, gradient: &readableGradient)
                    assertSameBits(gradient, readableGradient, "\(function) backward \(shape) \(path)")
                }

                var softmax = values, readableSoftmax = values
                Kernels.softmaxRows(&softmax)
                ReadableKernels.softmaxRows(&readableSoftmax)
                assertSameBits(softmax, readableSoftmax, "softmax \(shape) \(path)")
            }
        }
    }

    func testOptimizerUpdates() {
        var generator = SeededGenerator(seed: 12)
        let rules: [Kernels.Update] = [
            .sgd(rate: 0.01), .momentum(rate: 0.01, momentum: 0.9), .rmsprop(rate: 0.001, rho: 0.9, epsilon: 1e-7),
            .adam(alpha: 3.1622777e-4, keep1: 0.1, keep2: 0.001, epsilon: 1e-7),
        ]
        for count in [1, 7, 100, 78_400] {
            let weights = random([count], &generator).scalars, gradient = random([count], &generator, scale: 0.1).scalars
            let first = random([count], &generator, scale: 0.01).scalars
            let second = random([count], &generator, scale: 0.01).scalars.map { $0 * $0 }
            for rule in rules {
                var w0 = weights, s0 = first, t0 = second
                ReadableKernels.update(rule, weights: &w0, gradient: gradient, state: &s0, &t0)
                for path in KernelPath.available {
                    KernelPath.use(path)
                    var w = weights, s = first, t = second
                    w.withUnsafeMutableBufferPointer { wp in
                        gradient.withUnsafeBufferPointer { gp in
                            s.withUnsafeMutableBufferPointer { sp in
                                t.withUnsafeMutableBufferPointer { tp in Kernels.update(rule, weights: wp, gradient: gp, state: sp, tp) }
                            }
                        }
                    }
                    XCTAssertEqual(w.map(\.bitPattern), w0.map(\.bitPattern), "\(rule) weights, \(count), \(path)")
                    XCTAssertEqual(s.map(\.bitPattern), s0.map(\.bitPattern), "\(rule) state, \(count), \(path)")
                    XCTAssertEqual(t.map(\.bitPattern), t0.map(\.bitPattern), "\(rule) second state, \(count), \(path)")
                }
            }
        }
    }

    /// The loss kernel against the Swift formula it replaces in training (each sample's
    /// `sampleLoss(truth:logits:gradient:)` through `BatchLoss.mean`): the same loss and gradient
    /// bits on every path, for small, large and tied scores.
    func testSparseSoftmaxCrossEntropyGivesTheBitsOfTheSwiftFormula() throws {
        var generator = SeededGenerator(seed: 13)
        let loss = SparseCategoricalCrossEntropy()
        for (rows, columns, scale) in [(1, 1, Float(1)), (32, 10, 4), (7, 3, 40), (5, 10, 0), (9, 2, 90)] {
            let logits = random([rows, columns], &generator, scale: scale)
            let labels = try Tensor(shape: [rows, 1], scalars: (0..<rows).map { _ in Float(generator.index(below: columns)) })
            var readableGradient = Tensor(shape: [0, 0])
            let readable = BatchLoss.mean(truth: labels, outputs: logits, gradient: &readableGradient) { truth, scores, gradient in
                loss.sampleLoss(truth: truth, logits: scores, gradient: gradient)
            }
            for path in KernelPath.available {
                KernelPath.use(path)
                var gradient = Tensor(shape: [0, 0])
                let fast = loss.lossAndGradient(truth: labels, logits: logits, gradient: &gradient)
                XCTAssertEqual(fast.bitPattern, readable.bitPattern, "loss \(rows)×\(columns) \(path)")
                assertSameBits(gradient, readableGradient, "gradient \(rows)×\(columns) \(path)")
            }
        }
    }

    func testGatherCopiesTheChosenRowsInOrder() throws {
        let source = try Tensor(rows: [[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(source.gathering(rows: [2, 0, 2]).scalars, [5, 6, 1, 2, 5, 6])
    }

    func testEveryPathIsNamedAndTheFastestIsTheDefault() throws {
        XCTAssertFalse(KernelPath.available.isEmpty)
        XCTAssertEqual(KernelPath.current, KernelPath.available.last)
        #if arch(x86_64)
        XCTAssertEqual(KernelPath.all.map(\.name), ["portable", "x86-64-v3", "x86-64-v4"])
        #elseif arch(arm64)
        XCTAssertEqual(KernelPath.all.map(\.name), ["neon"])
        #endif
        XCTAssertThrowsError(try KernelPath.use(named: "x86-64-v9"))
    }
}
