// `curve sigmoid tanh from=-5 to=5`: activation functions drawn over a range of inputs.

import NNCore

/// Draws activation functions on one chart.
struct CurveCommand: CellCommand {
    static let points = 201

    let schema = CommandSchema(
        verb: "curve",
        summary: "draw activation functions over a range of inputs",
        arguments: [ArgumentSchema("functions", .choice(Activations.names.filter { $0 != "softmax" }), summary: "the activations", isVariadic: true)],
        options: [
            OptionSchema("from", .number, summary: "the smallest input", default: .number(-5)),
            OptionSchema("to", .number, summary: "the largest input", default: .number(5)),
            OptionSchema("slope", .number, summary: "leaky_relu's slope for negative inputs (Keras: 0.2)"),
        ],
        examples: ["curve sigmoid tanh relu", "curve leaky_relu slope=0.1 from=-3 to=3"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        (invocation.number("from") ?? 0) < (invocation.number("to") ?? 0) ? [] : [Diagnostic(
            "from= must be smaller than to=", at: invocation.range(of: "from"))]
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let low = invocation.number("from") ?? -5, high = invocation.number("to") ?? 5
        let names = invocation.strings("functions") ?? []
        let series = names.compactMap { name -> LineChart.Series? in
            guard let activation = Activations.named(name, slope: invocation.number("slope")) else { return nil }
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
