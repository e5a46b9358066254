// `model neuron` with its layers on the indented lines below: Keras' Sequential. `model b like a`
// makes another with a's layers and fresh weights, for lessons that compare one change.

import NNCore

/// Defines a Sequential model from the layer lines under it.
///
/// The model's weights are created when the shape of its input is known: from `input=` here,
/// or from the data it is first trained on (as Keras builds a model on its first `fit`). A model
/// made `like` another is built as soon as that one is, for the same input.
struct ModelCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "model",
        summary: "define a sequential model; its layers follow on indented lines, or come from another model (`like`)",
        examples: [
            "model neuron\n  dense 1 activation=sigmoid weights=ones bias=zeros", "model digits input=[28, 28]\n  flatten\n  dense 10 activation=sigmoid",
            "model second like neuron",
        ],
        spellings: ["Sequential"])

    @Argument(help: "the model's name") var name: NewModelName
    @Argument(keyword: "like", help: "a model whose layers to copy, with fresh weights from the seed (Keras' clone_model)") var original: ModelName?
    @Option(help: "the shape of one input sample, e.g. 784 or [28, 28]", spellings: ["input_shape"]) var input: [Int]?
    @Clauses(DenseLine.self, DropoutLine.self, FlattenLine.self) var layers: [Located<any LayerLine>]

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if let original, original.name == name.name {
            // It would replace the model it copies, trained weights and all: what the learner
            // meant it to hold is not known.
            context.markErroneous(name.name, as: .model)
            return [Diagnostic(
                "a model cannot be made like itself", at: original.range,
                hint: "give the new model a name of its own, e.g. model \(name)_fresh like \(original)")]
        }
        var diagnostics = layers.flatMap { $0.value.check(at: $0.range) }
        let copied = original.flatMap { context.models[$0.name] }
        if let original, let first = layers.first {
            diagnostics.append(Diagnostic(
                "a model made like '\(original)' takes its layers, so it cannot list layers of its own", at: first.range,
                hint: "drop the indented lines to copy the layers of '\(original)', or drop `like \(original)` to list the layers here"))
        } else if layers.isEmpty && original == nil && $layers.isEmpty {
            diagnostics.append(Diagnostic(
                "the model has no layers", at: command,
                hint: "list its layers on indented lines below, e.g.\n  model \(name)\n    dense 1 activation=sigmoid\nor copy another model's layers: model \(name) like OTHER"))
        } else if !layers.isEmpty, $layers.isEmpty, !layers.contains(where: { $0.value is DenseLine }) {
            // (A layer line that could not be read, reported already, may have been a dense one.)
            // Flatten and dropout have no weights: such a model learns nothing, and gives its
            // inputs back as its outputs.
            diagnostics.append(Diagnostic(
                "the model '\(name)' has no dense layer, so it has no weights to learn and its outputs are its inputs", at: command,
                hint: "end it with a dense layer of one unit per output: `dense 1 activation=sigmoid` for a probability, `dense 10 activation=softmax` for ten classes"))
        }
        // An input shape the run refuses is no shape the layers are planned for.
        var input = input
        if let given = input, given.contains(where: { $0 < 1 }) {
            diagnostics.append(Diagnostic("every input dimension must be 1 or more", at: $input))
            input = nil
        }
        if original != nil, copied == nil {
            // Made like a model whose line was wrong: its layers are not known either.
            context.markErroneous(name.name, as: .model)
            return diagnostics
        }
        let facts = ModelFacts(
            layers: copied?.layers ?? layers, inputShape: input ?? copied?.inputShape,
            inputRange: input != nil ? $input : copied?.inputShape == nil ? nil : copied?.inputRange,
            layersAreKnown: copied?.layersAreKnown ?? ($layers.isEmpty && layers.allSatisfy(\.value.isSized)))
        if diagnostics.isEmpty, let input, case .failure(let failure)? = facts.plan(for: input) {
            diagnostics.append(Diagnostic(
                failure.error.message + " (input=\(Tensor.describe(input)))", at: failure.line, hint: failure.error.hint))
        }
        if diagnostics.isEmpty, let shape = facts.inputShape, let problem = facts.memoryProblem(named: name.name, inputShape: shape, memory: context.memory, at: command) {
            diagnostics.append(problem)
        }
        // A model built here draws its weights from the generator, in draws the check does
        // not make.
        if facts.inputShape != nil { context.generator = nil }
        context.models[name.name] = facts
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let copied = try original.map { name throws(RunError) in try state.model(name) }
        let lines = copied?.layerLines ?? layers.map(\.value)
        let model = Sequential(name: name.name, layers: lines.map { $0.layer() })
        if let shape = input ?? copied?.model.inputShape {
            do {
                try model.build(inputShape: shape, generator: &state.generator, memory: state.memory)
            } catch {
                throw RunError(error, at: command)
            }
        }
        let entry = ModelEntry(model: model)
        entry.layerLines = lines
        state.define(name.name, as: entry)
        let count = model.layers.count
        return [.text(
            "\(name): a sequential model of \(count) layer\(count == 1 ? "" : "s")" + (original.map { " like \($0), with fresh weights" } ?? "")
                + (model.isBuilt ? ", \(model.parameterCount) parameters" : ""))]
    }
}
