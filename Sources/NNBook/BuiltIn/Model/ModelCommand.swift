// `model neuron` with its layers on the indented lines below: Keras' Sequential.

import NNCore

/// Defines a Sequential model from the layer lines under it.
///
/// The model's weights are created when the shape of its input is known: from `input=` here,
/// or from the data it is first trained on (as Keras builds a model on its first `fit`).
struct ModelCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "model",
        summary: "define a sequential model; its layers follow on indented lines",
        examples: ["model neuron\n  dense 1 activation=sigmoid weights=ones bias=zeros", "model digits input=[28, 28]\n  flatten\n  dense 10 activation=sigmoid"])

    @Argument(help: "the model's name") var name: NewModelName
    @Option(help: "the shape of one input sample, e.g. 784 or [28, 28]") var input: [Int]?
    @Clauses(DenseLine.self, DropoutLine.self, FlattenLine.self) var layers: [Located<any LayerLine>]

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics = layers.flatMap { $0.value.check(at: $0.range) }
        if layers.isEmpty {
            diagnostics.append(Diagnostic(
                "the model has no layers", at: command,
                hint: "list its layers on indented lines below, e.g.\n  model \(name)\n    dense 1 activation=sigmoid"))
        }
        if let input, input.contains(where: { $0 < 1 }) {
            diagnostics.append(Diagnostic("every input dimension must be 1 or more", at: $input))
        }
        let facts = ModelFacts(layers: layers, inputShape: input)
        if diagnostics.isEmpty, let input, case .failure(let failure) = facts.plan(for: input) {
            diagnostics.append(Diagnostic(
                failure.error.message + " (input=\(Tensor.describe(input)))", at: failure.line, hint: failure.error.hint))
        }
        context.models[name.name] = facts
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let model = Sequential(name: name.name, layers: layers.map { $0.value.layer() })
        if let input {
            do {
                try model.build(inputShape: input, generator: &state.generator, memory: state.memory)
            } catch {
                throw RunError(error, at: command)
            }
        }
        state.models[name.name] = ModelEntry(model: model)
        let count = model.layers.count
        return [.text("\(name): a sequential model of \(count) layer\(count == 1 ? "" : "s")" + (model.isBuilt ? ", \(model.parameterCount) parameters" : ""))]
    }
}
