// `landscape batch_gd stochastic_gd mini_batch_gd on homes`: the loss over two weights as a
// filled contour map, with the path each model's weights took while training.

import NNCore
import NNData

/// Draws the loss surface of the first model over two of its weights (`x=`, `y=`; by default
/// the first two, named as `weights` names them), every other weight held at that model's
/// final value, and on it the path of each listed model's two weights: one point before
/// training and one after every epoch. Models drawn together need the same weights (the same
/// layers) and the same loss, as the course's three descent modes have: each path is drawn on
/// the surface it went down.
struct LandscapeCommand: NotebookCommand, PrintsNumbers {
    /// Grid points along each axis: 41 × 41 losses draw smooth contours and, on the course's
    /// data, take a few milliseconds.
    static let gridSize = 41
    /// The share of the paths' span left free on each side, so that no path touches the frame.
    static let margin = 0.15
    /// The most multiply-adds the surface may take (samples × weights × grid points): about a
    /// second's work. Beyond it a learner who asked for the landscape of a large data set is
    /// told to measure it on fewer samples rather than left waiting for minutes.
    static let workLimit = 2e9
    /// The most weights a model may have for its landscape on a single sample: a larger
    /// model's is always refused, so its training keeps no path of its weights.
    static var mostWeights: Int { Int(workLimit / Double(gridSize * gridSize)) }

    static let configuration = CommandConfiguration(
        verb: "landscape",
        summary: "draw the loss over two weights as a filled contour map, with the path each model's weights took while training",
        examples: ["landscape neuron on insurance x=w1 y=bias", "landscape batch_gd stochastic_gd mini_batch_gd on homes"])

    @Argument(help: "the trained models; the first one's loss and final weights give the surface") var models: [ModelName]
    @Argument(keyword: "on", help: "the data the loss is measured on (its training split, if it has one)") var data: DatasetName
    @Option(help: "the weight along the horizontal axis, as `weights` names it (default: the first)") var x: Word?
    @Option(help: "the weight along the vertical axis (default: the second)") var y: Word?
    @Option(help: DecimalPlaces.help) var precision: Int?
    @Option(help: TargetUnits.Choice.drawHelp) var units: TargetUnits.Choice?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for model in models where context.models[model.name]?.isTrained == false {
            diagnostics.append(Diagnostic(
                "the model '\(model)' has not been trained before this line, so it has no path to draw", at: $models,
                hint: "add `train \(model) on …` before this line"))
        }
        if let x, let y, LandscapeCommand.written(x.text) == LandscapeCommand.written(y.text) {
            diagnostics.append(Diagnostic("x and y name the same weight, '\(x)'", at: $y, hint: "choose two different weights"))
        }
        for (axis, range) in [(x, $x), (y, $y)] {
            guard let name = axis?.text else { continue }
            for model in models {
                guard let names = context.models[model.name].flatMap(LandscapeCommand.weightNames), !names.contains(LandscapeCommand.short(LandscapeCommand.written(name))) else { continue }
                diagnostics.append(Diagnostic(
                    "'\(model)' has no weight named '\(name.excerpt())'", at: range, hint: "its weights are: " + LandscapeCommand.listed(names)))
                break
            }
        }
        // The axes left to their default are the first model's first two weights: every other
        // model must have weights of those names for its path to be drawn on the surface.
        if x == nil || y == nil, let first = models.first, let own = context.models[first.name].flatMap(LandscapeCommand.weightNames), own.count >= 2 {
            let axes = [x.map { LandscapeCommand.short(LandscapeCommand.written($0.text)) } ?? own[0], y.map { LandscapeCommand.short(LandscapeCommand.written($0.text)) } ?? own[1]]
            // A name the first model lacks is reported above, at its option.
            for model in models.dropFirst() where axes.allSatisfy(own.contains) {
                guard let names = context.models[model.name].flatMap(LandscapeCommand.weightNames), !axes.allSatisfy(names.contains) else { continue }
                diagnostics.append(Diagnostic(
                    "'\(model)' has no weights named \(axes.map { "'\($0)'" }.joined(separator: " and ")), the axes of the surface of '\(first)': a landscape draws one surface over the weights of its first model, and the models' layers differ",
                    at: model.range, hint: "draw each model in a landscape line of its own, e.g. landscape \(model) on \(data)"))
                break
            }
        }
        // The surface is the first model's loss: a model that minimised another one descended
        // another surface, and its path drawn on this one would show steps that make no sense.
        if let first = models.first, let surface = context.models[first.name]?.compilation?.loss {
            for model in models.dropFirst() {
                guard let own = context.models[model.name]?.compilation?.loss, let difference = LandscapeCommand.lossDifference(own, surface) else { continue }
                diagnostics.append(Diagnostic(
                    "'\(model)' minimised \(difference.own) and '\(first)' \(difference.surface): a landscape draws one loss, its first model's, and the path of '\(model)' went down another surface",
                    at: model.range, hint: "draw each model in a landscape line of its own, e.g. landscape \(model) on \(data); `plot \(first) \(model)` compares how each loss fell"))
                break
            }
        }
        // The surface is the first model's loss on the data: they must fit it as `evaluate` needs.
        if let first = models.first, let facts = context.models[first.name], facts.isTrained, let training = TrainCommand.trainingFacts(of: data, in: context) {
            let misfits = FitChecks.fit(of: training, named: data, to: facts, named: first)
            diagnostics += misfits
            if misfits.isEmpty, let shape = facts.inputShape, case .success(let planned)? = facts.plan(for: shape), let samples = training.samples,
                let problem = workProblem(of: first.name, weights: planned.parameters, samples: samples)
            {
                diagnostics.append(problem)
            }
        }
        return diagnostics
    }

    /// A landscape that would take too long, as the check finds it from the data's headers and
    /// the model's layers and as the run finds it from the data it holds: one rule for both.
    func workProblem(of model: String, weights: Int, samples: Int) -> Diagnostic? {
        let losses = Double(LandscapeCommand.gridSize * LandscapeCommand.gridSize)
        guard Double(samples) * Double(weights) * losses > LandscapeCommand.workLimit else { return nil }
        let fewer = max(1, Int(LandscapeCommand.workLimit / (Double(weights) * losses)))
        return Diagnostic(
            "the landscape of \(model) on \(samples) samples would take too long: \(LandscapeCommand.gridSize) × \(LandscapeCommand.gridSize) losses, each over every sample",
            at: data.range, hint: "measure it on fewer samples, e.g. `take \(data) \(fewer) as few` and `landscape … on few`")
    }

    /// The most weights the check names to look for `x=` and `y=` among; a larger model's are
    /// looked for when the landscape is drawn.
    static let checkedWeights = 100_000

    /// The short names of a model's weights, when the check knows its input and outputs, and so its sizes.
    private static func weightNames(of facts: ModelFacts) -> [String]? {
        guard var shape = facts.inputShape, facts.layersAreKnown, facts.outputsAreKnown else { return nil }
        var dense: [(layer: Int, inputs: Int, units: Int)] = []
        for (index, line) in facts.layers.enumerated() {
            if let line = line.value as? DenseLine { dense.append((index, shape.last ?? 0, line.units)) }
            guard let planned = try? line.value.layer().plan(inputShape: shape), planned.parameters <= checkedWeights else { return nil }
            shape = planned.outputShape
        }
        return WeightsCommand.names(ofDense: dense, singleNeuron: dense.count == 1 && dense[0].units == 1, featureNames: nil)
    }

    /// How two compilations' losses differ, each as `compile` was written (`mse`,
    /// `binary_crossentropy from_logits=true`), or nil when they measure the same loss (`mse`
    /// and `mean_squared_error` do).
    private static func lossDifference(_ own: ModelFacts.CompiledLoss, _ surface: ModelFacts.CompiledLoss) -> (own: String, surface: String)? {
        let said = { (loss: ModelFacts.CompiledLoss) in
            Losses.shortName(loss.name) + (loss.fromLogits ? " from_logits=true" : "")
        }
        return said(own) == said(surface) ? nil : (said(own), said(surface))
    }

    /// At most a dozen names, and how many more: a large model's weights do not fill a hint.
    private static func listed(_ names: [String]) -> String {
        names.prefix(12).joined(separator: ", ") + (names.count > 12 ? ", … (\(names.count) in all)" : "")
            + (names.first { $0.contains("→") }.map { "; a name with spaces goes in quotes, and -> may stand for →: x=\"\($0.replacingOccurrences(of: "→", with: "->"))\"" } ?? "")
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        var entries: [ModelEntry] = []
        for model in models { entries.append(try state.model(model)) }
        guard let first = entries.first, let trainer = first.trainer else { throw RunError("the model has not been compiled", at: $models) }
        let (data, scaled, coded) = try RunState.measured(try state.trainingData(data), named: data, by: first, model: models[0])
        let names = WeightsCommand.named(first).map(\.name)
        guard names.count >= 2 else {
            throw RunError("'\(first.model.name)' has \(names.count) weight, and a landscape needs two", at: $models)
        }
        let xName = x.map { LandscapeCommand.written($0.text) } ?? LandscapeCommand.short(names[0])
        let yName = y.map { LandscapeCommand.written($0.text) } ?? LandscapeCommand.short(names[1])
        let x = try LandscapeCommand.index(of: xName, in: first, at: $x), y = try LandscapeCommand.index(of: yName, in: first, at: $y)
        if let problem = workProblem(of: first.model.name, weights: first.model.parameterCount, samples: data.count) { throw RunError(problem) }
        var paths: [LineChart.Series] = []
        for entry in entries {
            let ownX = try LandscapeCommand.index(of: xName, in: entry, at: $x), ownY = try LandscapeCommand.index(of: yName, in: entry, at: $y)
            guard !entry.weightPath.isEmpty else {
                throw RunError("'\(entry.model.name)' has not been trained, so it has no path to draw", hint: "add `train \(entry.model.name) on …` before this line", at: $models)
            }
            paths.append(LineChart.Series(
                name: entry.model.name, points: entry.weightPath.points.map { LineChart.Point(x: Double($0[ownX]), y: Double($0[ownY])) }))
        }
        let xs = LandscapeCommand.grid(paths.flatMap(\.points).map(\.x)), ys = LandscapeCommand.grid(paths.flatMap(\.points).map(\.y))
        var surface: [[Double]]
        do {
            surface = try trainer.lossSurface(
                features: data.features, targets: data.targets, x: x, y: y, xs: xs.map { Float($0) }, ys: ys.map { Float($0) })
        } catch {
            throw RunError(error, at: self.data.range, samples: data)
        }
        // The loss is computed on the scaled target; it is drawn in the units the training table
        // reported, the target's own unless units=scaled.
        let targetUnits = TargetUnits(of: data, loss: trainer.loss, choice: units)
        if let targetUnits { surface = surface.map { $0.map { targetUnits.reported("loss", $0) } } }
        let unitsSaid = targetUnits?.units(of: "loss")
        let held = WeightsCommand.named(first).enumerated().filter { $0.offset != x && $0.offset != y }
        let heldText = held.count <= 4
            ? held.map { "\(LandscapeCommand.short($0.element.name)) = \(state.format($0.element.value))" }.joined(separator: ", ")
            : "the other \(held.count) weights"
        let lossName = trainer.loss.name
        let title = "\(lossName) of \(first.model.name) over \(xName) and \(yName)"
        let rows = paths.map { path -> [String] in
            let start = path.points.first!, end = path.points.last!
            return [path.name, String(path.points.count - 1), "(\(state.format(start.x)), \(state.format(start.y)))", "(\(state.format(end.x)), \(state.format(end.y)))"]
        }
        return [
            .text("\(lossName)" + (unitsSaid.map { " (\($0))" } ?? "") + " on \(data.count) samples over a \(LandscapeCommand.gridSize) × \(LandscapeCommand.gridSize) grid of \(xName) and \(yName)"
                + (held.isEmpty ? "" : "; \(heldText) held at \(first.model.name)'s final value\(held.count == 1 ? "" : "s")")
                + RunState.saidOfTerms(scaled: scaled, coded: coded, of: self.data, model: models[0]).map { "; " + $0 }.joined()),
            .table(Table(headers: ["model", "epochs", "start (\(xName), \(yName))", "end (\(xName), \(yName))"], rows: rows)),
            .figure(Figure(
                name: "landscape", caption: title,
                kind: .contour(ContourMap(
                    title: title, xLabel: xName, yLabel: yName, valueLabel: lossName + (unitsSaid.map { " (\($0))" } ?? ""), xs: xs, ys: ys,
                    values: surface, paths: paths)))),
        ]
    }

    /// `w1` for `w1 (age)`: the name a notebook writes in `x=`.
    static func short(_ name: String) -> String { name.components(separatedBy: " (")[0] }

    /// A weight's name as `x=` and `y=` take it: `->` stands for the arrow of
    /// `layer 1 w[1→2]`, which a keyboard has no key for.
    static func written(_ name: String) -> String { name.replacingOccurrences(of: "->", with: "→") }

    /// The flat index of the weight called `name` (in full or short), or an error listing the
    /// model's weights.
    static func index(of name: String, in entry: ModelEntry, at range: SourceRange) throws(RunError) -> Int {
        let names = WeightsCommand.named(entry).map(\.name)
        let name = written(name)
        if let index = names.firstIndex(where: { $0 == name || short($0) == name }) { return index }
        throw RunError(
            "'\(entry.model.name)' has no weight named '\(name.excerpt())'", hint: "its weights are: " + listed(names.map(short)), at: range)
    }

    /// `gridSize` evenly spaced values covering `values` with a margin on each side.
    static func grid(_ values: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        let span = high - low > 1e-6 ? high - low : max(abs(high), 1)
        low -= span * margin
        high += span * margin
        return (0..<gridSize).map { low + (high - low) * Double($0) / Double(gridSize - 1) }
    }
}
