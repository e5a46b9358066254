// `curve sigmoid tanh from=-5 to=5`: activation functions drawn over a range of inputs.

import NNCore

/// Draws activation functions on one chart.
struct CurveCommand: NotebookCommand {
    static let points = 201

    static let configuration = CommandConfiguration(
        verb: "curve",
        summary: "draw activation functions over a range of inputs",
        examples: ["curve sigmoid tanh relu", "curve leaky_relu slope=0.1 from=-3 to=3"])

    /// An activation of one number: softmax needs a whole vector, so it has no curve.
    struct Function: ChoiceValue {
        static var choices: [String] { Activations.names.filter { $0 != "softmax" } }
        let choice: String
        init?(choice: String) {
            guard Function.choices.contains(choice) else { return nil }
            self.choice = choice
        }
    }

    @Argument(help: "the activations") var functions: [Function]
    @Option(help: "the smallest input") var from = -5.0
    @Option(help: "the largest input") var to = 5.0
    @Option(help: "leaky_relu's slope for negative inputs (Keras: 0.2)", spellings: ["alpha", "negative_slope"]) var slope: Double?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        // Numbers beyond Float32 are refused as the `activation` lesson refuses them.
        var diagnostics = [(from, $from), (to, $to)].compactMap { value, range in
            Float32Limit.problem(value, written: NumberText.plain(value), at: range, what: "a network's inputs and sums are 32-bit numbers")
        }
        if diagnostics.isEmpty, from >= to { diagnostics.append(Diagnostic("from= must be smaller than to=", at: $from, hint: "from= is the smallest input drawn and to= the largest, e.g. from=-5 to=5")) }
        if let slope, let problem = Float32Limit.slopeProblem(slope, at: $slope) { diagnostics.append(problem) }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let low = from, high = to
        let names = functions.map(\.choice)
        let series = names.compactMap { name -> LineChart.Series? in
            guard let activation = Activations.named(name, slope: slope) else { return nil }
            let points = (0..<CurveCommand.points).map { step -> LineChart.Point in
                let x = low + (high - low) * Double(step) / Double(CurveCommand.points - 1)
                return .init(x: x, y: activation.value(x))
            }
            return .init(name: name, points: points)
        }
        let title = names.joined(separator: ", ")
        let chart = LineChart(title: title, xLabel: "z", yLabel: "f(z)", series: series)
        return [.figure(Figure(name: names.joined(separator: "-"), caption: "\(title) from \(NumberText.plain(low)) to \(NumberText.plain(high))", kind: .lines(chart)))]
    }
}
