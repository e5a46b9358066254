// `shape clothes.train`: how many samples, and the shape of each, as NumPy's .shape prints it.

import NNCore

/// The shapes of a data set's inputs and targets.
struct ShapeCommand: CellCommand {
    let schema = CommandSchema(
        verb: "shape",
        summary: "the shapes of a data set's inputs and targets, as NumPy's .shape",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set or split")],
        examples: ["shape clothes.train"])

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let reference = invocation.string("data") ?? ""
        let data = try state.dataset(reference, at: invocation.range(of: "data"))
        return [.text("\(reference) inputs: \(Tensor.describe(data.features.shape)); targets: \(Tensor.describe(data.targets.shape))")]
    }
}
