// `plot neuron` or `plot batch stochastic mini metric=loss`: a metric per epoch, one line per model.

import NNCore

/// Draws the training history of one or more models on one chart.
struct PlotCommand: CellCommand {
    let schema = CommandSchema(
        verb: "plot",
        summary: "draw a metric per epoch of the latest training of one or more models, one line each",
        arguments: [ArgumentSchema("models", .uses(.model), summary: "the trained models", isVariadic: true)],
        options: [OptionSchema("metric", .word, summary: "loss, accuracy, mae, … (default loss)", default: .string("loss"))],
        examples: ["plot neuron", "plot batch stochastic mini metric=loss"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        (invocation.strings("models") ?? []).compactMap { model in
            context.knows("trained:\(model)") ? nil : Diagnostic(
                "the model '\(model)' has not been trained before this line, so it has no history to plot", at: invocation.range(of: "models"),
                hint: "add `train \(model) on …` before this line")
        }
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let metric = invocation.string("metric") ?? "loss"
        var series: [LineChart.Series] = []
        for name in invocation.strings("models") ?? [] {
            let entry = try state.model(name, at: invocation.range(of: "models"))
            guard let history = entry.history else { throw RunError("the model '\(name)' has not been trained", at: invocation.range(of: "models")) }
            let values = history.series(metric)
            guard !values.isEmpty else {
                let known = history.epochs.first.map { $0.metrics.keys.sorted().joined(separator: ", ") } ?? "loss"
                throw RunError("'\(name)' recorded no \(metric) while training", hint: "it recorded: \(known)", at: invocation.range(of: "metric"))
            }
            series.append(.init(name: name, points: values.enumerated().map { .init(x: Double($0.offset + 1), y: $0.element) }))
        }
        let names = series.map(\.name).joined(separator: ", ")
        let chart = LineChart(title: "\(metric) per epoch", xLabel: "epoch", yLabel: metric, series: series)
        return [.figure(Figure(name: metric, caption: "\(metric) per epoch: \(names)", kind: .lines(chart)))]
    }
}
