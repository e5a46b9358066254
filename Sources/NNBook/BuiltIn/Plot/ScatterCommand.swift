// `scatter mini on homes.test`: a regression's predictions against the true values, one dot per
// sample, with the diagonal — how far from perfect, and where (the outliers, the large values).

import NNCore
import NNData

/// Draws a regression model's predictions against the targets of a data set, in the target's
/// original units.
struct ScatterCommand: NotebookCommand {
    /// At most this many samples are drawn: more dots only darken the cloud, and the picture grows.
    static let drawnSamples = 2000

    static let configuration = CommandConfiguration(
        verb: "scatter",
        summary: "draw a regression model's predictions against the true values, with the diagonal where they would be equal",
        examples: ["scatter mini on homes", "scatter batch on houses"])

    @Argument(help: "the trained regression model") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split whose targets to compare with") var data: DatasetName

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        FitChecks.predictions(of: model, on: data, in: context, for: "draw its predictions") { loss in
            loss.predictsNumbers ? nil : Diagnostic(
                "scatter draws predicted against actual numbers, but '\(model)' is a classifier: it was compiled with \(loss.name)", at: model.range,
                hint: "for a classifier use `confusion \(model) on \(data)`, or `boundary` when it has two inputs")
        }
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let (entry, samples, terms) = try state.model(model, predictingOn: data)
        let shown = samples.subset(Array(0..<min(samples.count, ScatterCommand.drawnSamples)))
        let predictions = entry.predict(shown.features)
        guard predictions.columns == shown.targets.columns else {
            throw RunError(
                "the model gives \(predictions.columns) outputs per sample, but \(data) has \(shown.targets.columns) target columns", at: data.range)
        }
        // Predictions are in the units the model was trained on; both axes show original units.
        let trainedOn = entry.trainedOn ?? samples
        let names = (0..<predictions.columns).map { $0 < samples.targetNames.count ? samples.targetNames[$0] : "output \($0 + 1)" }
        let drawn = shown.count < samples.count ? "the first \(shown.count) of the \(samples.count) samples" : "the \(samples.count) samples"
        // One picture per target: each column is in its own units (a price in thousands, a
        // rent in hundreds), so that no target shrinks to a dot beside another.
        return names.enumerated().map { column, name in
            let truth = samples.scalings[name], predicted = trainedOn.scalings[name]
            let points = (0..<shown.count).map { row in
                LineChart.Point(
                    x: truth?.invert(Double(shown.targets[row, column])) ?? Double(shown.targets[row, column]),
                    y: predicted?.invert(Double(predictions[row, column])) ?? Double(predictions[row, column]))
            }
            let plot = ScatterPlot(
                title: "\(model): predicted against actual \(name)", xLabel: "actual \(name)", yLabel: "predicted \(name)",
                series: [LineChart.Series(name: data.description, points: points)])
            let caption = "\(model)'s predicted \(name) against the actual \(name) for \(drawn) of \(data); on the dashed diagonal they are equal"
            return .figure(Figure(name: names.count == 1 ? "scatter" : "scatter-\(name)", caption: caption, kind: .scatter(plot)))
        } + terms
    }
}
