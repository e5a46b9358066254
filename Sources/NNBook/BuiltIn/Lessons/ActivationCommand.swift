// `activation sigmoid x=[-0.5, 0, 2]`: an activation function on written numbers.

import NNCore

/// Shows an activation function's value (and derivative) at the given inputs; for softmax,
/// the probabilities of the whole vector.
struct ActivationCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "activation",
        summary: "compute an activation function at the given inputs",
        examples: ["activation sigmoid x=-0.5", "activation leaky_relu x=[-1, 2] slope=0.1", "activation softmax x=[1, 2, 3]"])

    @Argument(help: "the activation") var function: ActivationName
    @Option(help: "the inputs") var x: [Double]
    @Option(help: "leaky_relu's slope for negative inputs (Keras: 0.2)", spellings: ["alpha", "negative_slope"]) var slope: Double?
    @Option(help: DecimalPlaces.help) var precision: Int?

    /// Numbers a network's 32-bit values cannot hold, as a layer's `slope=` is refused; no
    /// inputs at all; and a slope the function does not take, as a layer's is refused.
    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if x.isEmpty {
            diagnostics.append(Diagnostic("x= holds no inputs", at: $x, hint: "give the inputs to compute \(function.choice) at, e.g. x=[-1, 0, 2]"))
        }
        if let problem = x.lazy.compactMap({ Float32Limit.problem($0, written: NumberText.plain($0), at: $x, what: "a network's inputs and sums are 32-bit numbers") }).first {
            diagnostics.append(problem)
        }
        if let slope, let problem = Float32Limit.slopeProblem(slope, at: $slope) {
            diagnostics.append(problem)
        }
        if slope != nil, let unused = function.unusedSlope(at: $slope) { diagnostics.append(unused) }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let name = function.choice
        guard let activation = Activations.named(name, slope: slope) else {
            throw RunError("unknown activation", at: command)
        }
        let inputs = x
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
