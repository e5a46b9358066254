// A fully connected layer: every output unit sees every input.

/// dense: `a = activation(x·W + b)`, with W of shape (inputs, units) as Keras stores its kernel.
///
/// Backward, with `δ = ∂L/∂z` (the activation's derivative applied to ∂L/∂a):
/// `∂L/∂W = xᵀ·δ`, `∂L/∂b = Σ over the batch of δ`, `∂L/∂x = δ·Wᵀ`.
public final class Dense: Layer {
    public let units: Int
    public let activation: any Activation
    public let weightInitializer: Initializer
    public let biasInitializer: Initializer

    public private(set) var kernel: Parameter?
    public private(set) var bias: Parameter?

    private var input = Tensor(shape: [0, 0])
    private var output = Tensor(shape: [0, 0])
    private var delta = Tensor(shape: [0, 0])
    private var inputGradient = Tensor(shape: [0, 0])
    /// Set when the loss works from this layer's scores before activation (sigmoid or softmax
    /// with cross-entropy, as Keras does): forward then keeps those scores in `logits`, and
    /// backward receives ∂L/∂z directly, so it does not apply the activation's derivative.
    public var lossUsesLogits = false
    public private(set) var logits = Tensor(shape: [0, 0])

    public init(
        units: Int, activation: any Activation = Linear(),
        weights: Initializer = .glorotUniform, bias: Initializer = .zeros
    ) {
        self.units = units
        self.activation = activation
        self.weightInitializer = weights
        self.biasInitializer = bias
    }

    public var typeName: String { "Dense" }

    public func clone() -> any Layer {
        let copy = Dense(units: units, activation: activation, weights: weightInitializer, bias: biasInitializer)
        copy.kernel = kernel?.clone()
        copy.bias = bias?.clone()
        copy.lossUsesLogits = lossUsesLogits
        if let kernel { copy.prepareBuffers(inputs: kernel.value.rows) }
        return copy
    }
    public var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }

    public func plan(inputShape: [Int]) throws(ShapeError) -> (outputShape: [Int], parameters: Int) {
        guard inputShape.count == 1 else {
            throw ShapeError(
                "dense expects each sample to be a flat list of numbers, but the samples have shape \(Tensor.describe(inputShape))",
                hint: "add `flatten` before the first `dense` layer")
        }
        let weights = MemoryLimit.product([inputShape[0], units], size: 1)
        return ([units], weights == Int.max ? Int.max : weights + units)
    }

    public func build(inputShape: [Int], generator: inout SeededGenerator) throws(ShapeError) -> [Int] {
        _ = try plan(inputShape: inputShape)
        let inputs = inputShape[0]
        let weights = weightInitializer.values(count: inputs * units, fanIn: inputs, fanOut: units, using: &generator)
        let biases = biasInitializer.values(count: units, fanIn: inputs, fanOut: units, using: &generator)
        kernel = Parameter(name: "kernel", value: try Tensor(shape: [inputs, units], scalars: weights))
        bias = Parameter(name: "bias", value: try Tensor(shape: [units], scalars: biases))
        prepareBuffers(inputs: inputs)
        return [units]
    }

    /// Empty step buffers with this layer's widths; each step resizes them to its batch.
    private func prepareBuffers(inputs: Int) {
        output = Tensor(shape: [0, units])
        delta = Tensor(shape: [0, units])
        inputGradient = Tensor(shape: [0, inputs])
    }

    public func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor {
        guard let kernel, let bias else { preconditionFailure("dense layer used before build") }
        self.input = input
        output.resize(rows: input.rows)
        matrixProduct(input, kernel.value, into: &output)
        Kernels.addBias(bias.value, to: &output)
        if lossUsesLogits { logits.assign(output) }
        activation.forward(&output)
        return output
    }

    public func backward(_ outputGradient: Tensor, needInputGradient: Bool) -> Tensor? {
        guard let kernel, let bias else { preconditionFailure("dense layer used before build") }
        delta.assign(outputGradient)
        if !lossUsesLogits { activation.backward(output: output, gradient: &delta) }
        matrixProduct(input, delta, transpose: .first, into: &kernel.gradient)
        Kernels.columnSums(delta, into: &bias.gradient)
        // The input is not needed again: letting go of it leaves the layer before the only
        // owner of its output buffer, which it then overwrites in place next step.
        input = Dense.released
        guard needInputGradient else { return nil }
        inputGradient.resize(rows: delta.rows)
        matrixProduct(delta, kernel.value, transpose: .second, into: &inputGradient)
        return inputGradient
    }

    private static let released = Tensor(shape: [0, 0])
}
