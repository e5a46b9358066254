// `plot neuron` or `plot batch stochastic mini metric=loss`: a metric per epoch, one line per
// model, and a dashed line for its validation counterpart when the training was validated.

import NNCore

/// Draws the training history of one or more models on one chart.
struct PlotCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "plot",
        summary: "draw a metric per epoch of the whole training of one or more models, one line each (validation dashed)",
        examples: ["plot neuron", "plot batch stochastic mini metric=loss", "plot big metric=accuracy from=5", "plot slow fast diverging scale=log labels=[0.01, 0.1, 10]"],
        spellings: ["history"])

    /// How the metric axis is drawn.
    enum Scale: String, ChoiceValue, CaseIterable {
        case linear, log
    }

    @Argument(help: "the trained models", mistakes: PlotCommand.metricsForModels) var models: [ModelName]
    /// A metric written where the models are named (`plot m accuracy`), as Keras' history is
    /// indexed by it: told to give it with metric=.
    private static let metricsForModels = Dictionary(uniqueKeysWithValues: (["loss"] + Metric.names).flatMap { [$0, "val_" + $0] }.map { metric in
        (metric, "a metric is given with metric=: write `plot MODEL metric=\(metric)`, one metric per plot")
    })
    @Option(help: "loss, accuracy, mae, … or val_loss, val_accuracy, …") var metric = Word("loss")
    @Option(help: "the first epoch to draw") var from: Int?
    @Option(help: "the last epoch to draw") var to: Int?
    @Option(help: "the metric axis: linear, or log when one curve is much larger than the others", spellings: ["yscale"]) var scale = Scale.linear
    @Option(help: "the bottom of the metric axis; lower values are cut off") var ymin: Double?
    @Option(help: "the top of the metric axis; higher values are cut off") var ymax: Double?
    @Option(help: "the legend's names for the models, in order (default: the models' names)", spellings: ["legend"]) var labels: [String]?
    @Option(help: TargetUnits.Choice.drawHelp) var units: TargetUnits.Choice?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        let metric = metric.text
        var diagnostics: [Diagnostic] = []
        var shortest: Int?
        // Models that will not have recorded the metric: one mistake of the word, told once.
        var missing: [(model: ModelName, recorded: Set<String>)] = []
        var epochs: [(model: String, epochs: Int)] = []
        for model in models {
            // A model whose line was wrong is not known: nothing to say about its history.
            guard let facts = context.models[model.name]?.training else { continue }
            guard facts.epochs > 0 else {
                diagnostics.append(Diagnostic(
                    "the model '\(model)' has not been trained before this line, so it has no history to plot", at: $models,
                    hint: "add `train \(model) on …` before this line"))
                continue
            }
            shortest = min(shortest ?? facts.epochs, facts.epochs)
            epochs.append((model.name, facts.epochs))
            if !facts.mayHaveRecorded(metric) { missing.append((model, facts.recordedMetrics)) }
        }
        if let first = missing.first {
            let recorded = missing.dropFirst().reduce(first.recorded) { $0.intersection($1.recorded) }.sorted()
            let validation = metric.hasPrefix("val_") && recorded.contains(String(metric.dropFirst(4)))
            let suggestion = Suggestions.suggestion(for: metric, in: recorded, otherSpellings: Metric.kerasSpellingsWithValidation)
            let names = missing.map { "'\($0.model)'" }, compiles = missing.map { "`compile \($0.model)`" }
            let (subject, pronoun) = missing.count == 1 ? (names[0], "it") : (names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1], "they")
            // Keras' `mse` for the loss it is compiled with: nnbook records the loss as `loss`.
            let prefix = metric.hasPrefix("val_") ? "val_" : "", named = String(metric.dropFirst(prefix.count))
            let losses = Set(missing.compactMap { context.models[$0.model.name]?.compilation?.loss.map { Losses.shortName($0.name) } })
            let lossHint = Losses.names.contains(named) && Metric.named(named) == nil && recorded.contains(prefix + "loss")
                ? "the loss is recorded as \(prefix)loss, whatever it is" + (losses.count == 1 && losses.first != Losses.shortName(named)
                    ? " (\(names.count == 1 ? names[0] : "these models") \(names.count == 1 ? "was" : "were") compiled with loss=\(losses.first ?? ""))" : "")
                    + ": write metric=\(prefix)loss"
                : nil
            diagnostics.append(Diagnostic(
                "\(subject) will not have recorded \(metric) by this line", at: $metric,
                hint: lossHint ?? (validation
                    ? "train \(missing.count == 1 ? "it" : "them") with validation=DATA or validation_split=SHARE to record \(metric)"
                    : (suggestion.map { $0 + ($0.hasSuffix("?") ? " " : "; ") } ?? "") + "\(pronoun) record\(missing.count == 1 ? "s" : ""): " + recorded.joined(separator: ", ")
                        + (Metric.names.contains(metric) ? "; add \(metric) to the metrics of " + compiles.joined(separator: " and ") : ""))))
        }
        let first = from ?? 1, last = to ?? shortest ?? first
        for (option, epoch, given, range) in [("from", first, from != nil, $from), ("to", last, to != nil, $to)] where given {
            let reaching = epochs.filter { $0.epochs >= epoch }
            if epoch >= 1, let shortest, epoch > shortest, !reaching.isEmpty, let short = epochs.first(where: { $0.epochs == shortest }) {
                // Models of different lengths: name the one that falls short, and the ones that reach.
                let others = reaching.map { "'\($0.model)' holds 1 to \($0.epochs)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    "\(option)=\(epoch) lies outside the history of '\(short.model)', which holds epochs 1 to \(shortest) by this line (\(others))", at: range,
                    hint: "choose epochs from 1 to \(shortest), which every model drawn has, or plot " + reaching.map { "'\($0.model)'" }.joined(separator: " and ") + " without '\(short.model)'"))
            } else if epoch < 1 || shortest.map({ epoch > $0 }) == true {
                // How far the history reaches is unknown after a wrong `train`: only that it starts at 1.
                diagnostics.append(Diagnostic(
                    shortest.map { "\(option)=\(epoch) lies outside the history, which holds epochs 1 to \($0) by this line" }
                        ?? "\(option)=\(epoch) lies outside the history, whose epochs are counted from 1",
                    at: range, hint: shortest.map { "choose epochs from 1 to \($0)" } ?? "choose epochs from 1"))
            }
        }
        if let labels, labels.count != models.count {
            diagnostics.append(Diagnostic(
                "labels= names \(labels.count) line\(labels.count == 1 ? "" : "s"), but the plot has \(models.count) model\(models.count == 1 ? "" : "s")", at: $labels,
                hint: "give one label per model, in the order the models are written"))
        }
        if let ymin, let ymax, ymin.isFinite, ymax.isFinite, ymin >= ymax {
            // One mistake of the pair, told once: the limits that would follow it (ymax=0 below
            // every value, 0 on a log scale) are the same mistake.
            diagnostics.append(limitsOutOfOrder(ymin, ymax, of: metric))
        } else {
            diagnostics += checkLimits(of: metric)
            if scale == .log, let bound = [ymin, ymax].compactMap({ $0 }).first(where: { $0 <= 0 }) {
                diagnostics.append(Diagnostic("a log scale has no place for \(NumberText.plain(bound))", at: bound == ymin ? $ymin : $ymax, hint: "give limits above 0"))
            }
        }
        if diagnostics.isEmpty, first > last {
            diagnostics.append(Diagnostic("from=\(first) comes after to=\(last)", at: $from, hint: "from= is the first epoch drawn, to= the last"))
        }
        guard diagnostics.isEmpty else { return diagnostics }
        // A metric recorded in some epochs only (validation in a later `train`) must have
        // been recorded in the epochs drawn.
        for model in models {
            guard let training = context.models[model.name]?.training, !training.recorded(metric, in: first...last) else { continue }
            let epochs = training.recordedEpochs[metric] ?? []
            diagnostics.append(Diagnostic(
                "'\(model)' recorded \(metric) only in \(PlotCommand.describe(epochs)), none of epochs \(first) to \(last)", at: $metric,
                hint: "draw the epochs that have it, e.g. from=\(epochs.first?.lowerBound ?? 1)"
                    + (metric.hasPrefix("val_") ? ", or validate the training of epochs \(first) to \(last)" : "")))
        }
        return diagnostics
    }

    /// Limits that would leave every value of the metric off the axis, known before anything
    /// runs: every metric nnbook records is 0 or more, and accuracy a share of at most 1 (a
    /// learner who means 90% writes ymin=90). Limits must be numbers an axis can end at.
    private func checkLimits(of metric: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (option, bound, range) in [("ymin", ymin, $ymin), ("ymax", ymax, $ymax)] {
            guard let bound else { continue }
            guard bound.isFinite else {
                diagnostics.append(Diagnostic("\(option)= must be a finite number, not \(NumberText.plain(bound))", at: range, hint: "give the axis's \(option == "ymin" ? "bottom" : "top") as a number, e.g. \(option)=0"))
                continue
            }
            let isAccuracy = metric == "accuracy" || metric == "val_accuracy"
            if option == "ymin", isAccuracy, bound >= 1 {
                diagnostics.append(Diagnostic(
                    "ymin=\(NumberText.plain(bound)) leaves every value off the axis: \(metric) is a share from 0 to 1", at: range,
                    hint: bound > 1 ? "for \(NumberText.plain(min(bound, 100)))% write ymin=\(NumberText.plain(min(bound, 100) / 100))" : "choose a bottom below 1, e.g. ymin=0.5"))
            } else if option == "ymax", bound <= 0 {
                diagnostics.append(Diagnostic(
                    "ymax=\(NumberText.plain(bound)) leaves every value off the axis: \(metric) is never below 0", at: range,
                    hint: "choose a top above 0" + (isAccuracy ? ", e.g. ymax=1" : "")))
            }
        }
        return diagnostics
    }

    /// ymin= at or above ymax=, at the pair: swapped limits are given back in order when the
    /// metric can reach between them; otherwise the hint offers an axis it can (accuracy from
    /// 0 to 1, every metric 0 or more, a log scale above 0).
    private func limitsOutOfOrder(_ bottom: Double, _ top: Double, of metric: String) -> Diagnostic {
        let pair = $ymin.through($ymax)
        let message = "ymin=\(NumberText.plain(bottom)) must be below ymax=\(NumberText.plain(top))"
        let isAccuracy = metric == "accuracy" || metric == "val_accuracy"
        let reachable = { (low: Double, high: Double) in high > 0 && (!isAccuracy || low < 1) && (scale != .log || low > 0) }
        if bottom > top, reachable(top, bottom) {
            return Diagnostic(message, at: pair, hint: "ymin= is the bottom of the axis and ymax= its top: swap them, ymin=\(NumberText.plain(top)) ymax=\(NumberText.plain(bottom))")
        }
        let low = scale == .log ? (bottom > 0 ? bottom : 0.1) : max(bottom, 0)
        let (from, to) = isAccuracy ? (low < 1 ? low : 0, 1.0) : (low, low == 0 ? 1 : low * 10)
        return Diagnostic(message, at: pair, hint: "ymin= is the bottom of the axis and ymax= its top, above it: e.g. ymin=\(NumberText.plain(from)) ymax=\(NumberText.plain(to))")
    }

    /// `epoch 3`, `epochs 3 to 5`, `epochs 1 to 2 and 6 to 7`.
    static func describe(_ epochs: [ClosedRange<Int>]) -> String {
        let spans = epochs.map { $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound) to \($0.upperBound)" }
        return (epochs.count == 1 && epochs[0].lowerBound == epochs[0].upperBound ? "epoch " : "epochs ") + spans.joined(separator: " and ")
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let metric = metric.text
        let range = (from ?? 1)...(to ?? Int.max)
        let validationMetric = TrainingHistory.validationName(metric)
        // Models that minimise different losses (mse and mae) have loss values in different
        // terms: each line names its model's loss, and the axis names them all.
        var lossNames: [String?] = []
        for model in models { lossNames.append(try state.model(model).trainer.map { Losses.shortName($0.loss.name) }) }
        let distinctLosses = lossNames.compactMap { $0 }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let isLoss = metric == "loss" || metric == TrainingHistory.validationName("loss")
        let lossesDiffer = isLoss && distinctLosses.count > 1
        var series: [LineChart.Series] = []
        var said: [String?] = []
        var changes: [(model: String, change: ValidationSource.Change)] = []
        var lossChanges: [(model: String, change: ValidationSource.Change)] = []
        for (index, model) in models.enumerated() {
            let label = (labels?[index] ?? model.name) + (lossesDiffer ? lossNames[index].map { ": " + $0 } ?? "" : "")
            let entry = try state.model(model)
            guard let history = entry.history else { throw RunError("the model '\(model)' has not been trained", at: $models) }
            // The history keeps what the model learned, in scaled units; it is drawn in the
            // units the training table reported, the target's own unless units=scaled.
            let targetUnits = entry.trainedOn.flatMap { data in entry.trainer.flatMap { TargetUnits(of: data, loss: $0.loss, choice: units) } }
            said.append(targetUnits?.units(of: metric))
            let drawn = { (metric: String) -> [LineChart.Point] in
                var points: [LineChart.Point] = []
                var previous: Int?
                for point in history.points(metric) where range.contains(point.epoch) {
                    // Epochs that recorded none (a `train` without validation between two with
                    // it) break the line: a point that is not a number is a gap in the chart.
                    if let previous, point.epoch > previous + 1 { points.append(LineChart.Point(x: Double(previous + 1), y: .nan)) }
                    points.append(LineChart.Point(x: Double(point.epoch), y: targetUnits?.reported(metric, point.value) ?? point.value))
                    previous = point.epoch
                }
                return points
            }
            let values = drawn(metric)
            guard !values.isEmpty else {
                throw RunError(
                    "'\(model)' recorded no \(metric) in epochs \(range.lowerBound) to \(min(range.upperBound, history.lastEpoch))",
                    hint: "it recorded \(history.metricNames.joined(separator: ", ")), not each in every epoch", at: $metric)
            }
            let validation = drawn(validationMetric)
            if validation.isEmpty {
                series.append(.init(name: label, points: values, dashed: metric.hasPrefix("val_")))
            } else {
                series.append(.init(name: "\(label) (training)", points: values))
                series.append(.init(name: "\(label) (validation)", points: validation, dashed: true))
            }
            // A validation curve drawn across a change of its data is marked where it changes.
            if !validation.isEmpty || metric.hasPrefix("val_") {
                changes += ValidationSource.changes(in: entry.validationSources)
                    .filter { $0.epoch > range.lowerBound && $0.epoch <= range.upperBound }
                    .map { (label, $0) }
            }
            // A loss curve drawn across a `compile` that changed the loss is marked the same way.
            if isLoss {
                lossChanges += ValidationSource.changes(in: entry.lossSources)
                    .filter { $0.epoch > range.lowerBound && $0.epoch <= range.upperBound }
                    .map { (label, $0) }
            }
        }
        let names = series.map(\.name).joined(separator: ", ")
        // Models whose figures are in different units (targets scaled apart) share no label.
        let unitsSaid = Set(said).count == 1 ? said.first ?? nil : nil
        let notes = [unitsSaid, scale == .log ? "log scale" : nil].compactMap { $0 }
        let changedLosses = lossChanges.flatMap { [$0.change.from, $0.change.to] }
        let axisLosses = (lossesDiffer ? distinctLosses : []) + changedLosses
        let losses = axisLosses.isEmpty ? "" : ": " + axisLosses.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")
        let chart = LineChart(
            title: "\(metric) per epoch", xLabel: "epoch", yLabel: metric + losses + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"), series: series,
            axes: LineChart.Axes(logScale: scale == .log, yMinimum: ymin, yMaximum: ymax, wholeNumberX: true),
            rules: changes.map { LineChart.Rule(x: Double($0.change.epoch) - 0.5, name: (models.count > 1 ? "\($0.model): " : "") + "validated on \($0.change.to)") }
                + lossChanges.map { LineChart.Rule(x: Double($0.change.epoch) - 0.5, name: (models.count > 1 ? "\($0.model): " : "") + "compiled with \($0.change.to)") })
        // Limits the check could not judge (a loss's size is known only once trained) may still
        // leave every value off the axis: the axis is drawn empty, and the caption says why.
        let values = series.flatMap(\.points).map(\.y).filter(\.isFinite)
        let shown = values.contains { $0 >= (ymin ?? -.infinity) && $0 <= (ymax ?? .infinity) }
        let empty = (ymin != nil || ymax != nil) && !shown
            ? " (no value lies within the limits: the values run from \(NumberText.fixed(values.min() ?? 0, places: state.precision)) to \(NumberText.fixed(values.max() ?? 0, places: state.precision)))" : ""
        let incomparable = lossesDiffer
            ? " (the models minimise different losses, \(distinctLosses.dropLast().joined(separator: ", ")) and \(distinctLosses[distinctLosses.count - 1]): compare how each line falls, not the lines' heights)" : ""
        let changed = changes.isEmpty ? "" : " (the validation data changed: " + changes.map { model, change in
            (models.count > 1 ? "\(model) " : "") + "at epoch \(change.epoch), from \(change.from) to \(change.to)"
        }.joined(separator: "; ") + ", where the grey dashed line stands)"
        let recompiled = lossChanges.isEmpty ? "" : " (the loss changed: " + lossChanges.map { model, change in
            (models.count > 1 ? "\(model) " : "") + "at epoch \(change.epoch), from \(change.from) to \(change.to)"
        }.joined(separator: "; ") + ", where the grey dashed line stands: the values before and after measure different losses)"
        return [.figure(Figure(name: metric, caption: "\(metric) per epoch: \(names)" + incomparable + empty + changed + recompiled, kind: .lines(chart)))]
    }
}
