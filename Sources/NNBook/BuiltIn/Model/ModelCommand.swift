// `model neuron` with its layers on the indented lines below: Keras' Sequential.

import NNCore

/// Defines a Sequential model from the layer lines under it.
///
/// The model's weights are created when the shape of its input is known: from `input=` here,
/// or from the data it is first trained on (as Keras builds a model on its first `fit`).
struct ModelCommand: CellCommand {
    let schema = CommandSchema(
        verb: "model",
        summary: "define a sequential model; its layers follow on indented lines",
        arguments: [ArgumentSchema("name", .defines(.model), summary: "the model's name")],
        options: [OptionSchema("input", .list(.integer), summary: "the shape of one input sample, e.g. 784 or [28, 28]")],
        clauses: LayerClauses.all,
        examples: ["model neuron\n  dense 1 activation=sigmoid weights=ones bias=zeros", "model digits input=[28, 28]\n  flatten\n  dense 10 activation=sigmoid"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        var diagnostics = invocation.clauses.flatMap(LayerClauses.check)
        if invocation.clauses.isEmpty {
            diagnostics.append(Diagnostic(
                "the model has no layers", at: invocation.range,
                hint: "list its layers on indented lines below, e.g.\n  model \(invocation.string("name") ?? "m")\n    dense 1 activation=sigmoid"))
        }
        if let input = invocation.values["input"]?.list?.compactMap(\.integer), input.contains(where: { $0 < 1 }) {
            diagnostics.append(Diagnostic("every input dimension must be 1 or more", at: invocation.range(of: "input")))
        }
        return diagnostics
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("name") ?? ""
        let model = Sequential(name: name, layers: invocation.clauses.map(LayerClauses.layer))
        if let input = invocation.values["input"]?.list?.compactMap(\.integer) {
            do {
                try model.build(inputShape: input, generator: &state.generator, memory: state.memory)
            } catch {
                throw RunError(error, at: invocation.range)
            }
        }
        state.models[name] = ModelEntry(model: model)
        let layers = model.layers.count
        return [.text("\(name): a sequential model of \(layers) layer\(layers == 1 ? "" : "s")" + (model.isBuilt ? ", \(model.parameterCount) parameters" : ""))]
    }
}
