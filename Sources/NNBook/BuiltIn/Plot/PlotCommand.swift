// `plot neuron` or `plot batch stochastic mini metric=loss`: a metric per epoch, one line per
// model, and a dashed line for its validation counterpart when the training was validated.

import NNCore

/// Draws the training history of one or more models on one chart.
struct PlotCommand: CellCommand {
    let schema = CommandSchema(
        verb: "plot",
        summary: "draw a metric per epoch of the whole training of one or more models, one line each (validation dashed)",
        arguments: [ArgumentSchema("models", .uses(.model), summary: "the trained models", isVariadic: true)],
        options: [
            OptionSchema("metric", .word, summary: "loss, accuracy, mae, … or val_loss, val_accuracy, … (default loss)", default: .string("loss")),
            OptionSchema("from", .integer, summary: "the first epoch to draw"),
            OptionSchema("to", .integer, summary: "the last epoch to draw"),
        ],
        examples: ["plot neuron", "plot batch stochastic mini metric=loss", "plot big metric=accuracy from=5"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let metric = invocation.string("metric") ?? "loss"
        var diagnostics: [Diagnostic] = []
        var shortest: Int?
        for model in invocation.strings("models") ?? [] {
            guard context.knows("trained:\(model)") else {
                diagnostics.append(Diagnostic(
                    "the model '\(model)' has not been trained before this line, so it has no history to plot", at: invocation.range(of: "models"),
                    hint: "add `train \(model) on …` before this line"))
                continue
            }
            guard let facts = context.training[model] else { continue }
            shortest = min(shortest ?? facts.epochs, facts.epochs)
            if !facts.recordedMetrics.contains(metric) {
                let validation = metric.hasPrefix("val_") && facts.recordedMetrics.contains(String(metric.dropFirst(4)))
                diagnostics.append(Diagnostic(
                    "'\(model)' will not have recorded \(metric) by this line", at: invocation.range(of: "metric"),
                    hint: validation
                        ? "train it with validation=DATA or validation_split=SHARE to record \(metric)"
                        : "it records: " + facts.recordedMetrics.sorted().joined(separator: ", ")
                            + (Metric.named(metric) != nil ? "; add \(metric) to the metrics of `compile \(model)`" : "")))
            }
        }
        let from = invocation.integer("from") ?? 1, to = invocation.integer("to") ?? shortest ?? from
        for (option, epoch) in [("from", from), ("to", to)] where invocation.values[option] != nil {
            if epoch < 1 || shortest.map({ epoch > $0 }) == true {
                diagnostics.append(Diagnostic(
                    "\(option)=\(epoch) lies outside the history, which holds epochs 1 to \(shortest ?? 1) by this line",
                    at: invocation.range(of: option), hint: "choose epochs from 1 to \(shortest ?? 1)"))
            }
        }
        if diagnostics.isEmpty, from > to {
            diagnostics.append(Diagnostic("from=\(from) comes after to=\(to)", at: invocation.range(of: "from"), hint: "from= is the first epoch drawn, to= the last"))
        }
        return diagnostics
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let metric = invocation.string("metric") ?? "loss"
        let range = (invocation.integer("from") ?? 1)...(invocation.integer("to") ?? Int.max)
        let validationMetric = TrainingHistory.validationName(metric)
        var series: [LineChart.Series] = []
        for name in invocation.strings("models") ?? [] {
            let entry = try state.model(name, at: invocation.range(of: "models"))
            guard let history = entry.history else { throw RunError("the model '\(name)' has not been trained", at: invocation.range(of: "models")) }
            let drawn = { (metric: String) in history.points(metric).filter { range.contains($0.epoch) }.map { LineChart.Point(x: Double($0.epoch), y: $0.value) } }
            let values = drawn(metric)
            guard !values.isEmpty else {
                throw RunError("'\(name)' recorded no \(metric) while training", hint: "it recorded: \(history.metricNames.joined(separator: ", "))", at: invocation.range(of: "metric"))
            }
            let validation = drawn(validationMetric)
            if validation.isEmpty {
                series.append(.init(name: name, points: values, dashed: metric.hasPrefix("val_")))
            } else {
                series.append(.init(name: "\(name) (training)", points: values))
                series.append(.init(name: "\(name) (validation)", points: validation, dashed: true))
            }
        }
        let names = series.map(\.name).joined(separator: ", ")
        let chart = LineChart(title: "\(metric) per epoch", xLabel: "epoch", yLabel: metric, series: series)
        return [.figure(Figure(name: metric, caption: "\(metric) per epoch: \(names)", kind: .lines(chart)))]
    }
}
