// `shape clothes.train`: how many samples, and the shape of each, as NumPy's .shape prints it.

import NNCore

/// The shapes of a data set's inputs and targets.
struct ShapeCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "shape",
        summary: "the shapes of a data set's inputs and targets, as NumPy's .shape",
        examples: ["shape clothes.train"])

    @Argument(help: "the data set or split") var data: DatasetName

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let samples = try state.dataset(data)
        return [.text("\(state.label(of: data)) inputs: \(Tensor.describe(samples.features.shape)); targets: \(Tensor.describe(samples.targets.shape))")]
    }
}
