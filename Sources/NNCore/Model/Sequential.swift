// A model as Keras' Sequential: layers applied one after another.

/// A stack of layers. The model is built (its weights created) once the shape of one input
/// sample is known: from `input=` in the notebook, or from the data it is first trained on.
public final class Sequential {
    public let name: String
    public let layers: [any Layer]
    public private(set) var inputShape: [Int]?
    /// The shape of one sample after each layer, known once built.
    public private(set) var outputShapes: [[Int]] = []

    public init(name: String, layers: [any Layer]) {
        self.name = name
        self.layers = layers
    }

    public var isBuilt: Bool { inputShape != nil }

    /// Keras' `clone_model` followed by `set_weights`: the same layers, built the same way,
    /// with the same weights, sharing nothing that training changes.
    public func clone() -> Sequential {
        let copy = Sequential(name: name, layers: layers.map { $0.clone() })
        copy.inputShape = inputShape
        copy.outputShapes = outputShapes
        return copy
    }

    /// Creates every layer's weights for samples of `inputShape`, drawing random starting
    /// values from `generator` in layer order — after checking that the weights, their
    /// gradients and optimizer state, and the buffers of a batch fit in `memory`.
    public func build(inputShape: [Int], generator: inout SeededGenerator, memory: MemoryLimit = .unlimited) throws(ShapeError) {
        if let refusal = try memoryRefusal(inputShape: inputShape, memory: memory) { throw refusal }
        var shape = inputShape
        var shapes: [[Int]] = []
        for (index, layer) in layers.enumerated() {
            do {
                shape = try layer.build(inputShape: shape, generator: &generator)
            } catch {
                throw ShapeError("layer \(index + 1) (\(layer.typeName.lowercased())): \(error.message)", hint: error.hint)
            }
            shapes.append(shape)
        }
        self.inputShape = inputShape
        self.outputShapes = shapes
    }

    /// Why the model, built for samples of `inputShape`, would not fit in `memory`, if it would
    /// not: what `build` refuses, and what a notebook's check refuses before anything runs.
    public func memoryRefusal(inputShape: [Int], memory: MemoryLimit) throws(ShapeError) -> ShapeError? {
        let bytes = try memoryNeeded(inputShape: inputShape, batch: 1)
        return memory.refusal(bytes, for: "the model \(name)").map { ShapeError($0, hint: MemoryLimit.hint(needing: bytes)) }
    }

    /// Bytes for the weights (value, gradient and two optimizer slots each, and one layer's
    /// weights again, which a step may copy while it multiplies by them) and for the buffers
    /// of a batch: the batch of inputs, and each layer's output for `max(batch, 1024)` samples
    /// (predictions go 1,024 at a time; the last layer's scores kept twice, before and after
    /// its activation), its gradient and the gradient it passes back for `batch` samples, the
    /// step's (1 for the model itself, which a training step then adds to). Layer by layer, as
    /// the layers hold them, so that one wide layer is not counted as if every layer were as wide.
    public func memoryNeeded(inputShape: [Int], batch: Int) throws(ShapeError) -> Int {
        try memoryShares(inputShape: inputShape, batch: batch).total
    }

    /// `memoryNeeded`, and the part of it each layer holds (its weights, their copy for the
    /// largest, its buffers): a model too large for the limit is refused at the layer that
    /// takes the most.
    public func memoryShares(inputShape: [Int], batch: Int) throws(ShapeError) -> (total: Int, layers: [Int]) {
        let planned = try plannedSizes(inputShape: inputShape)
        let step = max(batch, 1), rows = max(batch, 1024)
        let largest = planned.layers.indices.max { planned.layers[$0].parameters < planned.layers[$1].parameters }
        let shares = planned.layers.enumerated().map { index, layer in
            var values = [MemoryLimit.product([rows, layer.outputs], size: 1), MemoryLimit.product([step, layer.outputs], size: 1), MemoryLimit.product([step, layer.inputs], size: 1)]
            if index == planned.layers.count - 1 { values.append(MemoryLimit.product([rows, layer.outputs], size: 1)) }
            let weights = MemoryLimit.product([layer.parameters, index == largest ? 5 : 4], size: MemoryLayout<Float>.size)
            return MemoryLimit.sum([weights, MemoryLimit.product([MemoryLimit.sum(values)], size: MemoryLayout<Float>.size)])
        }
        let inputs = MemoryLimit.product([rows, planned.inputs], size: MemoryLayout<Float>.size)
        return (MemoryLimit.sum([inputs] + shares), shares)
    }

    /// What the model built for samples of `inputShape` would hold, planned without building:
    /// its weights in all, the values of one input sample, and each layer's values in and out
    /// for one sample and its weights. A count too large for an `Int` is `Int.max`.
    public func plannedSizes(inputShape: [Int]) throws(ShapeError) -> (parameters: Int, inputs: Int, layers: [(inputs: Int, outputs: Int, parameters: Int)]) {
        var shape = inputShape
        var parameters = 0
        var sizes: [(inputs: Int, outputs: Int, parameters: Int)] = []
        for (index, layer) in layers.enumerated() {
            let planned: (outputShape: [Int], parameters: Int)
            do { planned = try layer.plan(inputShape: shape) } catch {
                throw ShapeError("layer \(index + 1) (\(layer.typeName.lowercased())): \(error.message)", hint: error.hint)
            }
            sizes.append((MemoryLimit.product(shape, size: 1), MemoryLimit.product(planned.outputShape, size: 1), planned.parameters))
            shape = planned.outputShape
            parameters = MemoryLimit.sum([parameters, planned.parameters])
        }
        return (parameters, MemoryLimit.product(inputShape, size: 1), sizes)
    }

    /// The shape of one output sample, once built.
    public var outputShape: [Int]? { outputShapes.last }

    /// Every trainable weight, layer by layer.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }

    /// Runs a batch through every layer.
    public func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor {
        var values = input
        for layer in layers { values = layer.forward(values, training: training, generator: &generator) }
        return values
    }

    /// Predictions for every sample, computed in batches so memory stays bounded.
    public func predict(_ input: Tensor, batchSize: Int = 1024) -> Tensor {
        var generator = SeededGenerator(seed: 0)
        var result = Tensor(shape: [input.rows] + (outputShape ?? []))
        let width = result.columns
        var start = 0
        while start < input.rows {
            let end = min(start + batchSize, input.rows)
            let batch = input.gathering(rows: Array(start..<end))
            let output = forward(batch, training: false, generator: &generator)
            result.scalars.replaceSubrange((start * width)..<(end * width), with: output.scalars)
            start = end
        }
        return result
    }
}
