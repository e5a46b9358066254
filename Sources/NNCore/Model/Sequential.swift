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
        memory.refusal(try memoryNeeded(inputShape: inputShape), for: "the model \(name)").map { ShapeError($0, hint: MemoryLimit.hint) }
    }

    /// Bytes for the weights (value, gradient and two optimizer slots each) and for the
    /// activations of a batch of `batch` samples (output, gradient and a copy per layer): 1,024
    /// for predictions, the step's samples for training.
    public func memoryNeeded(inputShape: [Int], batch: Int = 1024) throws(ShapeError) -> Int {
        let (parameters, widest) = try plannedSizes(inputShape: inputShape)
        let weights = MemoryLimit.product([parameters, 4], size: MemoryLayout<Float>.size)
        let activations = MemoryLimit.product([widest, max(batch, 1024), 3 * layers.count], size: MemoryLayout<Float>.size)
        let (total, overflow) = weights.addingReportingOverflow(activations)
        return overflow ? Int.max : total
    }

    /// The number of weights of the model built for samples of `inputShape`, and the most
    /// values one sample takes in any layer (its input included), planned without building;
    /// `Int.max` for a count too large for an `Int`.
    public func plannedSizes(inputShape: [Int]) throws(ShapeError) -> (parameters: Int, widest: Int) {
        var shape = inputShape
        var parameters = 0, widest = MemoryLimit.product(inputShape, size: 1)
        for (index, layer) in layers.enumerated() {
            let planned: (outputShape: [Int], parameters: Int)
            do { planned = try layer.plan(inputShape: shape) } catch {
                throw ShapeError("layer \(index + 1) (\(layer.typeName.lowercased())): \(error.message)", hint: error.hint)
            }
            shape = planned.outputShape
            parameters = planned.parameters == Int.max ? Int.max : parameters &+ planned.parameters
            widest = max(widest, MemoryLimit.product(shape, size: 1))
            if parameters < 0 { parameters = Int.max }
        }
        return (parameters, widest)
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
