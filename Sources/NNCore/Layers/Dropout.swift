// Dropout: while training, silence a random share of the units so that none is relied on alone.

/// dropout(rate): while training, each value is kept with probability 1 − rate and then divided
/// by 1 − rate (so the expected sum is unchanged), or set to 0; at evaluation and prediction it
/// passes everything through. The gradient flows only through the kept values, with the same
/// scale. The mask is drawn from the notebook's seeded generator.
public final class Dropout: Layer {
    public let rate: Float
    private var mask: [Float] = []
    private var output = Tensor(shape: [0, 0])
    private var inputGradient = Tensor(shape: [0, 0])

    public init(rate: Float) { self.rate = rate }
    public var typeName: String { "Dropout" }
    public func clone() -> any Layer { Dropout(rate: rate) }

    public func plan(inputShape: [Int]) throws(ShapeError) -> (outputShape: [Int], parameters: Int) { (inputShape, 0) }

    public func build(inputShape: [Int], generator: inout SeededGenerator) throws(ShapeError) -> [Int] {
        inputShape
    }

    public func forward(_ input: Tensor, training: Bool, generator: inout SeededGenerator) -> Tensor {
        guard training, rate > 0 else { return input }
        let keep = 1 - rate
        mask = (0..<input.scalars.count).map { _ in generator.nextUnit() < keep ? 1 / keep : 0 }
        output = input
        for index in output.scalars.indices { output.scalars[index] *= mask[index] }
        return output
    }

    public func backward(_ outputGradient: Tensor, needInputGradient: Bool) -> Tensor? {
        guard needInputGradient else { return nil }
        guard rate > 0, mask.count == outputGradient.scalars.count else { return outputGradient }
        inputGradient = outputGradient
        for index in inputGradient.scalars.indices { inputGradient.scalars[index] *= mask[index] }
        return inputGradient
    }
}
