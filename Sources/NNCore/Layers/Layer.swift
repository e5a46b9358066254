// What a layer of a sequential model does: shape its output, run forward, run backward.

/// One layer of a `Sequential` model.
///
/// Layers are classes that own their output and gradient buffers: a training step writes into
/// the same memory every time instead of allocating new arrays.
public protocol Layer: AnyObject {
    /// The Keras class name, e.g. `"Dense"`, shown in `summary`.
    var typeName: String { get }

    /// The shape of one output sample and the number of weights the layer will have for samples
    /// of `inputShape`, without creating anything: a model is checked against the memory limit
    /// before any weight is allocated.
    func plan(inputShape: [Int]) throws(ShapeError) -> (outputShape: [Int], parameters: Int)

    /// Sets the layer up for samples of `inputShape` (without the batch dimension), creating
    /// its weights, and returns the shape of one output sample.
    func build(inputShape: [Int], generator: inout SeededGenerator) throws(ShapeError) -> [Int]

    /// The trainable weights, in a fixed order (kernel, then bias).
    var parameters: [Parameter] { get }

    /// Computes the layer's output for a batch. `training` turns on what only happens while
    /// learning (dropout).
    func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor

    /// Given ∂L/∂output for the batch of the latest `forward`, fills the parameters' gradients
    /// and returns ∂L/∂input, or nil when `needInputGradient` is false (the first layer with
    /// weights: nothing before it learns, so that product is skipped; layers before it are not
    /// run backward at all). The returned tensor is the layer's own buffer: read it before the
    /// layer's next step.
    func backward(_ outputGradient: Tensor, needInputGradient: Bool) -> Tensor?

    /// An independent layer with the same settings and weights (their arrays shared until one
    /// side changes them), for keeping the state of a run: the live preview restarts a
    /// notebook from a cell with the models as they were there.
    func clone() -> any Layer
}

extension Layer {
    public var parameters: [Parameter] { [] }

    /// The number of trainable numbers, as in the `Param #` column of Keras' summary.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.scalars.count } }
}
