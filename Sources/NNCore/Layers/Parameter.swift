// A trainable array of numbers (a kernel or a bias) together with its gradient.

/// Weights that gradient descent changes, with room for the gradient of the latest step.
///
/// A class, so that a layer and the optimizer that updates it see the same numbers.
public final class Parameter {
    /// Keras' name for it, e.g. `"kernel"` or `"bias"`.
    public let name: String
    public var value: Tensor
    public var gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(shape: value.shape)
    }

    /// A separate parameter with the same value and gradient.
    public func clone() -> Parameter {
        let copy = Parameter(name: name, value: value)
        copy.gradient = gradient
        return copy
    }
}
