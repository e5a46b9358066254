// `expect neuron accuracy >= 0.8 on insurance.test`: a result the lesson promises, checked on
// every run, as nbgrader's hidden tests check a Jupyter notebook.

import NNCore

/// Evaluates a trained model and compares one metric with a bound. A result that misses its
/// bound fails the run at this line (or, with `nnbook run --no-expect`, shows ✗ and goes on).
struct ExpectCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "expect",
        summary: "state what a trained model must achieve: evaluate it and fail the run when a metric misses its bound",
        examples: [
            "expect neuron accuracy >= 0.8 on insurance.test",
            "expect neuron loss between 0.3 and 0.35 on insurance.test",
        ])

    /// How the metric compares with the bound, as written (`>=`) and as the page prints it (`≥`).
    enum Comparison: String, ChoiceValue, CaseIterable {
        case atLeast = ">=", atLeastSign = "≥", above = ">", atMost = "<=", atMostSign = "≤", below = "<", between

        var shown: String {
            switch self {
            case .atLeast, .atLeastSign: "≥"
            case .atMost, .atMostSign: "≤"
            default: rawValue
            }
        }

        func holds(_ value: Double, _ bound: Double, _ upper: Double) -> Bool {
            switch self {
            case .atLeast, .atLeastSign: value >= bound
            case .above: value > bound
            case .atMost, .atMostSign: value <= bound
            case .below: value < bound
            case .between: value >= bound && value <= upper
            }
        }
    }

    @Argument(help: "the model") var model: ModelName
    @Argument(help: "loss, or a metric the model was compiled with") var metric: Word
    @Argument(help: "how the metric compares with the bound") var comparison: Comparison
    @Argument(help: "the bound (the lower one for between)") var bound: Double
    @Argument(keyword: "and", help: "with between: the upper bound") var upper: Double?
    @Argument(keyword: "on", help: "the data set or split to evaluate on") var data: DatasetName

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics = EvaluateCommand.check(model, on: data, in: context)
        if let reported = context.models[model.name]?.compilation?.metrics, !reported.contains(metric.text) {
            diagnostics.append(Diagnostic(
                "the model '\(model)' does not report '\(metric)'", at: metric.range,
                hint: Metric.names.contains(metric.text)
                    ? "add it to the model's compile: metrics=[\(metric)]"
                    : Suggestions.hint(for: metric.text, in: reported, kind: "metrics of '\(model)'")))
        }
        switch (comparison, upper) {
        case (.between, nil):
            diagnostics.append(Diagnostic(
                "'between' needs two bounds", at: $comparison, hint: "e.g. expect m loss between 0.3 and 0.35 on d"))
        case (.between, let upper?) where bound > upper:
            diagnostics.append(Diagnostic(
                "the lower bound \(NumberText.plain(bound)) is above the upper bound \(NumberText.plain(upper))", at: $upper))
        case (.between, _), (_, nil):
            break
        case (_, _?):
            diagnostics.append(Diagnostic(
                "only 'between' takes a second bound", at: $upper, hint: "write `\(metric) between A and B`, or drop `and …`"))
        }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let results = try EvaluateCommand.evaluate(model, on: data, in: state, purpose: "stating what it achieves").results
        guard let value = results[metric.text] else {
            throw RunError("the model does not report '\(metric)'", at: metric.range)
        }
        let upper = self.upper ?? bound
        let bounds = comparison == .between
            ? "between \(NumberText.plain(bound)) and \(NumberText.plain(upper))"
            : "\(comparison.shown) \(NumberText.plain(bound))"
        if comparison.holds(value, bound, upper) {
            return [.text("✓ \(metric) \(state.format(value)) \(bounds) on \(data)")]
        }
        let failure = "expected \(metric) \(bounds) on \(data), got \(state.format(value))"
        guard state.enforcesExpectations else { return [.text("✗ " + failure)] }
        throw RunError(failure, hint: "`nnbook run --no-expect` runs on past a failed expectation and marks it ✗", at: command)
    }
}
