// Flatten: lines up an image's rows into one list of numbers, as a dense layer needs.

/// flatten: a (28, 28) image becomes 784 numbers, row after row. No number changes, so the
/// gradient passes back unchanged, only regrouped.
public final class Flatten: Layer {
    private var inputShape: [Int] = []

    public init() {}
    public var typeName: String { "Flatten" }

    public func clone() -> any Layer {
        let copy = Flatten()
        copy.inputShape = inputShape
        return copy
    }

    public func plan(inputShape: [Int]) throws(ShapeError) -> (outputShape: [Int], parameters: Int) {
        ([MemoryLimit.product(inputShape, size: 1)], 0)
    }

    public func build(inputShape: [Int], generator: inout SeededGenerator) throws(ShapeError) -> [Int] {
        self.inputShape = inputShape
        return try plan(inputShape: inputShape).outputShape
    }

    public func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor {
        // Same count by construction: rows × the product of the sample shape.
        try! input.reshaped([input.rows, input.columns])
    }

    public func backward(_ outputGradient: Tensor, needInputGradient: Bool) -> Tensor? {
        guard needInputGradient else { return nil }
        return try! outputGradient.reshaped([outputGradient.rows] + inputShape)
    }
}
