// `confusion hidden on clothes.test`: the confusion matrix, as a table and a heatmap, with each
// class's precision, recall and F1.

import NNCore

/// How often each true class was predicted as each class.
struct ConfusionCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "confusion",
        summary: "the confusion matrix of a trained classifier on a data set, with per-class precision, recall and F1",
        examples: ["confusion hidden on clothes.test"], spellings: ["confusion_matrix"])

    @Argument(help: "the model") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split") var data: DatasetName
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        FitChecks.predictions(of: model, on: data, in: context, for: "draw a confusion matrix") { loss in
            loss.predictsNumbers ? Diagnostic(
                "a confusion matrix counts predicted classes, but '\(model)' predicts numbers: it was compiled with \(loss.name)", at: model.range,
                hint: "use it on a classifier, compiled with binary_crossentropy or (sparse_)categorical_crossentropy; for '\(model)' use `evaluate`") : nil
        }
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let (entry, samples, terms) = try state.model(model, predictingOn: data)
        let predictions = entry.predict(samples.features)
        let classes = max(predictions.columns == 1 ? 2 : predictions.columns, 2)
        let truth = try RunState.trueClasses(of: samples, named: data, model: model)
        let matrix = ConfusionMatrix(truth: truth, predicted: Classes.of(predictions: predictions), classes: classes)
        let labels = (0..<classes).map(samples.className)
        let table = Table(headers: ["true \\ predicted"] + labels, rows: (0..<classes).map { [labels[$0]] + matrix.counts[$0].map(String.init) })
        let shown = { (value: Double?) in value.map(state.format) ?? "—" }
        let report = Table(
            headers: ["class", "precision", "recall", "f1", "support"],
            rows: (0..<classes).map { [labels[$0], shown(matrix.precision($0)), shown(matrix.recall($0)), shown(matrix.f1($0)), String(matrix.support($0))] })
        let heatmap = Heatmap(title: "confusion matrix", rowLabel: "true class", columnLabel: "predicted class", labels: labels, counts: matrix.counts)
        return [
            .figure(Figure(name: "confusion", caption: "confusion matrix of \(entry.model.name) on \(data)", kind: .heatmap(heatmap))),
            .table(table), .table(report),
        ] + ConfusionCommand.undefined(in: matrix, labels: labels, data: state.label(of: data)).map { .text($0) }
            + terms + [
            .metric(name: "accuracy", value: matrix.accuracy),
        ]
    }

    /// What a "—" in the per-class table means, class by class: a share of nothing, which
    /// scikit-learn prints as 0 with an `UndefinedMetricWarning`.
    static func undefined(in matrix: ConfusionMatrix, labels: [String], data: String) -> [String] {
        let reasons = (0..<matrix.classes).compactMap { label -> String? in
            let absent = matrix.support(label) == 0, unpredicted = matrix.predictions(of: label) == 0
            guard absent || unpredicted else { return nil }
            let parts = (absent ? ["\(data) has no sample of \(labels[label]) (recall)"] : [])
                + (unpredicted ? ["no sample was predicted as \(labels[label]) (precision)"] : [])
            return parts.joined(separator: " and ")
        }
        guard !reasons.isEmpty else { return [] }
        return ["— is undefined, a share of nothing (0 ÷ 0), where scikit-learn prints 0 with a warning: " + reasons.joined(separator: "; ") + "."]
    }
}
