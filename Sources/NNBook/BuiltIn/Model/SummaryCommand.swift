// `summary neuron`: Keras' model.summary() as a table.

import NNCore

/// Shows each layer's output shape and parameter count, and the total.
struct SummaryCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "summary",
        summary: "show the model's layers, output shapes and parameter counts, as Keras' model.summary()",
        examples: ["summary neuron"])

    @Argument(help: "the model") var model: ModelName

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        let summary = ModelSummary(entry.model)
        let rows = summary.rows.map { [$0.layer, $0.outputShape, entry.model.isBuilt ? String($0.parameters) : "?"] }
        var outputs: [Output] = [.table(Table(headers: ["Layer (type)", "Output Shape", "Param #"], rows: rows))]
        outputs.append(.text(entry.model.isBuilt
            ? "Total params: \(summary.totalParameters)"
            : "The model is not built yet: its weights are created when it first sees data (or give input= to `model`)."))
        return outputs
    }
}
