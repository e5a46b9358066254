// `activation sigmoid x=[-0.5, 0, 2]`: an activation function on written numbers.

import NNCore

/// Shows an activation function's value (and derivative) at the given inputs; for softmax,
/// the probabilities of the whole vector.
struct ActivationCommand: CellCommand {
    let schema = CommandSchema(
        verb: "activation",
        summary: "compute an activation function at the given inputs",
        arguments: [ArgumentSchema("function", .choice(Activations.names), summary: "the activation")],
        options: [
            OptionSchema("x", .list(.number), summary: "the inputs", isRequired: true),
            OptionSchema("slope", .number, summary: "leaky_relu's slope for negative inputs (Keras: 0.2)"),
        ],
        examples: ["activation sigmoid x=-0.5", "activation leaky_relu x=[-1, 2] slope=0.1", "activation softmax x=[1, 2, 3]"])

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("function") ?? ""
        guard let activation = Activations.named(name, slope: invocation.number("slope")) else {
            throw RunError("unknown activation", at: invocation.range)
        }
        let inputs = invocation.numbers("x") ?? []
        if activation is Softmax {
            let probabilities = Softmax.probabilities(inputs)
            let rows = inputs.indices.map { [NumberText.plain(inputs[$0]), state.format(probabilities[$0])] }
            return [.table(Table(headers: ["x", "softmax(x)"], rows: rows))]
        }
        let rows = inputs.map { x -> [String] in
            let value = activation.value(x)
            return [NumberText.plain(x), state.format(value)]
        }
        return [.table(Table(headers: ["x", "\(name)(x)"], rows: rows))]
            + inputs.map { .metric(name: "\(name)(\(NumberText.plain($0)))", value: activation.value($0)) }
    }
}
