// `confusion hidden on clothes.test`: the confusion matrix, as a table and a heatmap, with each
// class's precision, recall and F1.

import NNCore

/// How often each true class was predicted as each class.
struct ConfusionCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "confusion",
        summary: "the confusion matrix of a trained classifier on a data set, with per-class precision, recall and F1",
        examples: ["confusion hidden on clothes.test"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split") var data: DatasetName
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        FitChecks.predictions(of: model, on: data, in: context, for: "draw a confusion matrix") { compilation in
            compilation.predictsNumbers ? Diagnostic(
                "a confusion matrix counts predicted classes, but '\(model)' predicts numbers: it was compiled with \(compilation.loss)", at: model.range,
                hint: "use it on a classifier, compiled with binary_crossentropy or (sparse_)categorical_crossentropy; for '\(model)' use `evaluate`") : nil
        }
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let (entry, samples) = try state.model(model, predictingOn: data)
        let predictions = entry.predict(samples.features)
        let classes = max(predictions.columns == 1 ? 2 : predictions.columns, 2)
        let truth = try RunState.trueClasses(of: samples, named: data, model: model)
        let matrix = ConfusionMatrix(truth: truth, predicted: Classes.of(predictions: predictions), classes: classes)
        let labels = (0..<classes).map(samples.className)
        let table = Table(headers: ["true \\ predicted"] + labels, rows: (0..<classes).map { [labels[$0]] + matrix.counts[$0].map(String.init) })
        let report = Table(
            headers: ["class", "precision", "recall", "f1", "support"],
            rows: (0..<classes).map { [labels[$0], state.format(matrix.precision($0)), state.format(matrix.recall($0)), state.format(matrix.f1($0)), String(matrix.support($0))] })
        let heatmap = Heatmap(title: "confusion matrix", rowLabel: "true class", columnLabel: "predicted class", labels: labels, counts: matrix.counts)
        return [
            .figure(Figure(name: "confusion", caption: "confusion matrix of \(entry.model.name) on \(data)", kind: .heatmap(heatmap))),
            .table(table), .table(report), .metric(name: "accuracy", value: matrix.accuracy),
        ]
    }
}
