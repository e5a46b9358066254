// One epoch of the course's networks against the arithmetic bound: the same matrix products
// alone, timed in the same run. Each figure is the least CPU time of three runs.

import Foundation
import NNCore

/// The MLP epoch measurements.
struct TrainingBenchmark {
    let features: Tensor
    let labels: Tensor
    let batch = 32
    let runs = 3

    /// The course's network for 28×28 images, built: 784-10, or 784-`hidden`-10 with ReLU.
    private func network(hidden: Int?, generator: inout SeededGenerator) throws -> Sequential {
        var layers: [any Layer] = [Flatten()]
        if let hidden { layers.append(Dense(units: hidden, activation: ReLU())) }
        layers.append(Dense(units: 10, activation: Sigmoid()))
        let model = Sequential(name: "bench", layers: layers)
        try model.build(inputShape: [28, 28], generator: &generator)
        return model
    }

    /// Seconds for one epoch of mini-batch training with the optimizer `makeOptimizer` makes,
    /// from the same initial weights each run (building the model is not timed).
    func epoch(hidden: Int?, optimizer makeOptimizer: () -> any Optimizer) throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            var generator = SeededGenerator(seed: 1)
            let model = try network(hidden: hidden, generator: &generator)
            let trainer = Trainer(model: model, loss: SparseCategoricalCrossEntropy(), optimizer: makeOptimizer(), metrics: [.accuracy])
            best = min(best, try cpuSeconds {
                _ = try trainer.fit(features: features, targets: labels, epochs: 1, descent: .miniBatch(size: batch), generator: &generator)
            })
        }
        return best
    }

    /// Seconds for the products of one epoch alone: per step, the forward products, the weight
    /// gradients, and the input gradient of every layer but the first — what training computes.
    func bound(hidden: Int?) -> Double {
        let widths = [784] + (hidden.map { [$0] } ?? []) + [10]
        var generator = SeededGenerator(seed: 2)
        let weights = (0..<(widths.count - 1)).map { layer in
            try! Tensor(shape: [widths[layer], widths[layer + 1]], scalars: (0..<(widths[layer] * widths[layer + 1])).map { _ in generator.uniform(-0.1, 0.1) })
        }
        var activations = widths.map { Tensor(shape: [batch, $0], repeating: 0.5) }
        var deltas = widths.map { Tensor(shape: [batch, $0], repeating: 0.01) }
        var gradients = weights.map { Tensor(shape: $0.shape) }
        let steps = (features.rows + batch - 1) / batch
        return bestCPUSeconds(runs: runs) {
            for _ in 0..<steps {
                for layer in 0..<weights.count {
                    matrixProduct(activations[layer], weights[layer], into: &activations[layer + 1])
                }
                for layer in (0..<weights.count).reversed() {
                    matrixProduct(activations[layer], deltas[layer + 1], transpose: .first, into: &gradients[layer])
                    if layer > 0 { matrixProduct(deltas[layer + 1], weights[layer], transpose: .second, into: &deltas[layer]) }
                }
            }
        }
    }

    /// Seconds for one epoch's updates alone by the optimizer `makeOptimizer` makes: its step
    /// over the model's parameters, once per batch, with gradients of a plausible size.
    func updates(hidden: Int?, optimizer makeOptimizer: () -> any Optimizer) throws -> Double {
        var generator = SeededGenerator(seed: 4)
        let parameters = try network(hidden: hidden, generator: &generator).parameters
        for parameter in parameters {
            for index in parameter.gradient.scalars.indices { parameter.gradient.scalars[index] = generator.uniform(-0.01, 0.01) }
        }
        let steps = (features.rows + batch - 1) / batch
        return bestCPUSeconds(runs: runs) {
            let optimizer = makeOptimizer()
            for _ in 0..<steps { optimizer.step(parameters) }
        }
    }

    /// Seconds for one epoch's batch gathers alone, as training makes them: the rows of a
    /// shuffled epoch, 32 at a time, each batch's rows prefetched during the step before.
    func gathers() -> Double {
        var generator = SeededGenerator(seed: 6)
        let batches = DescentMode.miniBatch(size: batch).batches(samples: features.rows, generator: &generator)
        var target = Tensor(shape: [0, 0])
        return bestCPUSeconds(runs: runs) {
            for (index, rows) in batches.enumerated() {
                features.gather(rows: rows[...], into: &target)
                if index + 1 < batches.count { features.prefetch(rows: batches[index + 1][...]) }
            }
        }
    }
}
