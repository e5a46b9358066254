// `expect neuron accuracy >= 0.8 on insurance.test`, or `expect batch_gd prediction ≈ 142.8
// within 0.05 area=2600 bedrooms=4`: a result the lesson promises, checked on every run, as
// nbgrader's hidden tests check a Jupyter notebook.

import NNCore

/// Evaluates a trained model and compares one metric with a bound, or predicts for inputs given
/// by name and compares the prediction. A result that misses its bound fails the run at this
/// line (or, with `nnbook run --no-expect`, shows ✗ and goes on).
struct ExpectCommand: NotebookCommand, PrintsNumbers {
    /// The word that asks for the model's prediction instead of a metric.
    static let prediction = "prediction"

    static let configuration = CommandConfiguration(
        verb: "expect",
        summary: "state what a trained model must achieve: evaluate it (or predict for inputs given by name) and fail the run when the result misses its bound",
        examples: [
            "expect neuron accuracy >= 0.8 on insurance.test",
            "expect neuron loss between 0.3 and 0.35 on insurance.test",
            "expect neuron accuracy ≈ 0.8333 within 0.001 on insurance.test",
            "expect neuron prediction >= 0.5 age=58 affordability=1",
        ],
        spellings: ["assert"])

    /// How the result compares with the bound, as written (`>=`, `~=`) and as the page prints
    /// it (`≥`, `≈`).
    enum Comparison: String, ChoiceValue, CaseIterable {
        case atLeast = ">=", atLeastSign = "≥", above = ">", atMost = "<=", atMostSign = "≤", below = "<", between
        case near = "~=", nearSign = "≈"

        var shown: String {
            switch self {
            case .atLeast, .atLeastSign: "≥"
            case .atMost, .atMostSign: "≤"
            case .near, .nearSign: "≈"
            default: rawValue
            }
        }

        var isNear: Bool { self == .near || self == .nearSign }

        /// What a result "equal to" a value means for a measured number, the answer to `==`
        /// and `=` from Python and spreadsheets.
        static let equalityHint = "a measured number is seldom exactly a value: write `≈ VALUE within TOLERANCE` "
            + "(e.g. accuracy ≈ 0.8333 within 0.001), or `between A and B`"

        /// An expectation is a bound the result keeps; "not equal" is none.
        static let inequalityHint = "state what the result must be: at least (>= 0.8), at most (<= 0.3), or between A and B"

        /// Operators from other languages, words for them, and arrows written the wrong way round.
        static let mistakes = [
            "==": equalityHint, "===": equalityHint, "is": equalityHint, "equals": equalityHint,
            "!=": inequalityHint, "<>": inequalityHint, "≠": inequalityHint,
            "=>": "did you mean '>=' (at least, also written ≥)?", "=<": "did you mean '<=' (at most, also written ≤)?",
        ]

        /// `expect m accuracy 0.8`: the bound without a comparison, answered with the line
        /// that states one.
        static func missing(before written: String) -> (message: String, hint: String)? {
            let bound = written.excerpt()
            return ("a comparison is missing before \(bound)",
                    "write `>= \(bound)` for at least \(bound), `<= \(bound)` for at most, or `≈ \(bound) within 0.01` for about \(bound)")
        }

        /// Whether `value` keeps the bound; `second` is the upper bound of `between`, or the
        /// tolerance of `≈`.
        func holds(_ value: Double, _ bound: Double, _ second: Double) -> Bool {
            switch self {
            case .atLeast, .atLeastSign: value >= bound
            case .above: value > bound
            case .atMost, .atMostSign: value <= bound
            case .below: value < bound
            case .between: value >= bound && value <= second
            case .near, .nearSign: abs(value - bound) <= second
            }
        }

        /// Whether some value of `range` keeps the bound. Each bound is a half-line or an
        /// interval, so if any value of the range keeps it, one of its ends or the bound
        /// brought into it does.
        func canHold(in range: ClosedRange<Double>, _ bound: Double, _ second: Double) -> Bool {
            let inRange = { (value: Double) in min(max(value, range.lowerBound), range.upperBound) }
            return [range.lowerBound, range.upperBound, inRange(bound), inRange(second)].contains { holds($0, bound, second) }
        }
    }

    @Argument(help: "the model") var model: ModelName
    @Argument(help: "loss, a metric the model was compiled with, or prediction") var metric: Word
    @Argument(help: "how the result compares with the bound") var comparison: Comparison
    @Argument(help: "the bound (the lower one for between, the expected value for ≈)") var bound: Double
    @Argument(keyword: "and", help: "with between: the upper bound") var upper: Double?
    @Argument(keyword: "within", help: "with ≈: how far the result may be from the expected value") var tolerance: Double?
    @Argument(keyword: "on", help: "for a metric: the data set or split to evaluate on") var data: DatasetName?
    /// For a prediction: the inputs by column name, in original units, as `predict` takes them.
    @OpenOptions var inputs: [NamedValue<String>]
    @Option(help: TargetUnits.Choice.help) var units: TargetUnits.Choice?
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics = metric.text == ExpectCommand.prediction ? checkPrediction(in: &context, at: command) : checkMetric(in: context, at: command)
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
        if let impossible = unreachableBound() {
            diagnostics.append(impossible)
        } else {
            // A result is a 32-bit number: a bound or tolerance beyond Float32 is never reached
            // (`loss >= 1e39`) or always kept (`≈ 142 within 1e39`), and tests nothing.
            diagnostics += [(bound, $bound), (upper, $upper), (tolerance, $tolerance)].compactMap { value, range in
                value.flatMap { Float32Limit.problem($0, written: NumberText.plain($0), at: range, what: "the results expect compares are 32-bit numbers; give a bound of the size of the results") }
            }
        }
        switch (comparison.isNear, tolerance) {
        case (true, nil):
            diagnostics.append(Diagnostic(
                "'\(comparison.rawValue)' needs a tolerance", at: $comparison, hint: "e.g. expect m \(metric) ≈ \(NumberText.plain(bound)) within 0.01 …"))
        case (true, let tolerance?) where tolerance < 0:
            diagnostics.append(Diagnostic("the tolerance must be 0 or more, not \(NumberText.plain(tolerance))", at: $tolerance))
        case (false, _?):
            diagnostics.append(Diagnostic(
                "only '≈' takes a tolerance", at: $tolerance, hint: "write `\(metric) ≈ VALUE within TOLERANCE`, or drop `within …`"))
        case (true, _), (false, nil):
            break
        }
        return diagnostics
    }

    /// A bound no value of the metric can keep, known before anything runs, as `plot`'s limits
    /// are: a loss and mae are 0 or more, and accuracy a share from 0 to 1 (a learner who means
    /// 100% writes >= 100). The run would fail at the line however well the model learned.
    private func unreachableBound() -> Diagnostic? {
        let possible: ClosedRange<Double>
        switch metric.text {
        case "accuracy": possible = 0...1
        case "loss", "mae": possible = 0...Double.infinity
        default: return nil
        }
        // A tolerance below 0 is a mistake of its own, told apart.
        guard bound.isFinite, upper?.isFinite ?? true, tolerance.map({ $0.isFinite && $0 >= 0 }) ?? true else { return nil }
        let reachable: Bool
        switch comparison {
        case .atLeast, .atLeastSign: reachable = bound <= possible.upperBound
        case .above: reachable = bound < possible.upperBound
        case .atMost, .atMostSign: reachable = bound >= possible.lowerBound
        case .below: reachable = bound > possible.lowerBound
        case .between: reachable = bound <= possible.upperBound && (upper ?? bound) >= possible.lowerBound
        case .near, .nearSign: reachable = bound - (tolerance ?? 0) <= possible.upperBound && bound + (tolerance ?? 0) >= possible.lowerBound
        }
        guard !reachable else { return nil }
        let range = possible.upperBound.isFinite ? "a share from 0 to 1" : "0 or more"
        let percent = metric.text == "accuracy" && comparison != .between && bound > 1 && bound <= 100
            ? "for \(NumberText.plain(bound))% write \(NumberText.plain(bound / 100))" : "give a bound from \(possible.upperBound.isFinite ? "0 to 1" : "0 up")"
        let written = comparison == .between
            ? "between \(NumberText.plain(bound)) and \(NumberText.plain(upper ?? bound))" : "\(comparison.shown) \(NumberText.plain(bound))"
        return Diagnostic(
            "no \(metric) is \(written): \(metric) is \(range), so the run would fail here however well \(model) learns", at: $bound, hint: percent)
    }

    /// The comparison and bound as the line writes them: `< 1`, `between 0.3 and 0.35`,
    /// `≈ 0.8 within 0.01`, for a hint that keeps the learner's own bound.
    private var writtenBound: String {
        let second = comparison.isNear ? tolerance.map { " within " + NumberText.plain($0) } : upper.map { " and " + NumberText.plain($0) }
        return "\(comparison.rawValue) \(NumberText.plain(bound))" + (second ?? "")
    }

    /// A metric is measured on a data set, as `evaluate` measures it.
    private func checkMetric(in context: CheckContext, at command: SourceRange) -> [Diagnostic] {
        for prefix in ["val_", "test_"] where metric.text.hasPrefix(prefix) {
            // Keras' history key (`val_acc`), or a metric named for its data (`test_accuracy`):
            // `expect` measures the metric itself on the data set it names, as `evaluate` does.
            let named = String(metric.text.dropFirst(prefix.count))
            let measured = Metric.named(named)?.name ?? named
            let line = "expect \(model) \(measured) \(writtenBound) on \(data.map { "\($0)" } ?? "DATA")"
            return [prefix == "val_"
                ? Diagnostic(
                    "'expect' measures \(measured) on the data set after `on`; \(metric.text.excerpt()) is what train records of its validation data each epoch", at: metric.range,
                    hint: "write `\(line)`, naming the data the model was validated on")
                : Diagnostic("'expect' names the metric alone, \(measured.excerpt()), and the data it is measured on after `on`", at: metric.range, hint: "write `\(line)`")]
        }
        guard let data else {
            return [Diagnostic(
                "'expect' needs 'on DATASET' to measure \(metric) on", at: command,
                hint: "e.g. expect \(model) \(metric) \(writtenBound) on DATA, naming the data set or split to measure on; a prediction for inputs is `expect \(model) prediction ≈ V within T name=value …`")]
        }
        if let input = inputs.first {
            return [Diagnostic(
                "input values go with a prediction, not with a metric", at: input.range,
                hint: "write `expect \(model) prediction ≈ V within T \(input.name)=…`, or drop the inputs")]
        }
        var diagnostics = EvaluateCommand.check(model, on: data, in: context)
        if let reported = context.models[model.name]?.compilation?.metrics, !reported.contains(metric.text) {
            // Keras' name for a metric (`acc`) is answered with nnbook's, added or chosen.
            let known = Metric.named(metric.text)?.name
            diagnostics.append(Diagnostic(
                "the model '\(model)' does not report '\(metric)'", at: metric.range,
                hint: known.map { !reported.contains($0) }  == true
                    ? "add it to the model's compile: metrics=[\(known ?? "")]" + (known == metric.text ? "" : " (nnbook calls \(metric) \(known ?? ""))")
                    : Suggestions.hint(for: metric.text, in: reported + [ExpectCommand.prediction], kind: "metrics of '\(model)'", otherSpellings: Metric.kerasSpellings)))
        }
        return diagnostics
    }

    /// A prediction is made for one sample given by name, as `predict` makes it, and must be one
    /// number: the model needs a single output.
    private func checkPrediction(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if let data {
            return [Diagnostic(
                "a prediction is checked for inputs given by name, not on a data set", at: data.range,
                hint: "e.g. expect \(model) prediction ≈ 0.9 within 0.05 age=58 affordability=1")]
        }
        guard !inputs.isEmpty else {
            return [Diagnostic(
                "the prediction needs input values", at: command, hint: "e.g. expect \(model) prediction ≈ 0.9 within 0.05 age=58 affordability=1")]
        }
        if units != nil { return [NamedInputs.unitsOfAPrediction(at: $units)] }
        guard let facts = context.models[model.name] else { return [] }
        if let outputs = facts.outputs, outputs != 1 {
            guard !facts.manyOutputsReported else { return [] }
            context.models[model.name]?.manyOutputsReported = true
            return [Diagnostic(
                "the model '\(model)' has \(outputs) outputs, so its prediction is not one number", at: metric.range,
                hint: "expect a metric on a data set instead, e.g. expect \(model) accuracy >= 0.8 on DATA")]
        }
        // A classifier's prediction is the probability `predict` shows (of scores, their
        // sigmoid): a bound that no probability keeps is a mistake of this line.
        if let loss = facts.compilation?.loss, !loss.predictsNumbers,
            !comparison.canHold(in: 0...1, bound, (comparison.isNear ? tolerance : upper) ?? bound)
        {
            return [Diagnostic(
                "the prediction of '\(model)' is a probability, from 0 to 1, which is never \(comparison.shown) \(NumberText.plain(bound))"
                    + (comparison == .between ? " and \(NumberText.plain(upper ?? bound))" : comparison.isNear ? " within \(NumberText.plain(tolerance ?? 0))" : ""),
                at: $bound,
                hint: "'\(model)' is a classifier (\(loss.name)): its prediction is the probability of class 1"
                    + (loss.fromLogits ? ", the sigmoid of its score, as compiled with from_logits=true" : "") + "; state a bound from 0 to 1")]
        }
        return NamedInputs(inputs, for: "the prediction").check(for: model, facts: facts, at: command)
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let value: Double, subject: String
        if metric.text == ExpectCommand.prediction {
            value = try predicted(in: state, at: command)
            subject = "for " + inputs.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        } else if let data {
            let (results, _, _, units, _) = try EvaluateCommand.evaluate(model, on: data, in: state, units: self.units, purpose: "stating what it achieves")
            guard let measured = results[metric.text] else {
                throw RunError("the model does not report '\(metric)'", at: metric.range)
            }
            value = measured
            // The bounds are in the units the value is reported in, which the line names.
            subject = "on \(state.label(of: data))" + (units?.units(of: metric.text).map { ($0.hasPrefix("as ") ? ", " : ", in ") + $0 } ?? "")
        } else {
            throw RunError("'expect' needs 'on DATASET' to measure \(metric) on", at: command)
        }
        let second = (comparison.isNear ? tolerance : upper) ?? bound
        let bounds = switch comparison {
        case .between: "between \(NumberText.plain(bound)) and \(NumberText.plain(second))"
        case .near, .nearSign: "≈ \(NumberText.plain(bound)) ± \(NumberText.plain(second))"
        default: "\(comparison.shown) \(NumberText.plain(bound))"
        }
        let holds = comparison.holds(value, bound, second)
        let shown = shown(value, holds: holds, second: second, in: state)
        // The line names the model as the notebook line does: a lesson with two models states
        // the same metric of each.
        if holds {
            return [.text("✓ \(model) \(metric) \(shown) \(bounds) \(subject)")]
        }
        let failure = "expected \(model) \(metric) \(bounds) \(subject), got \(shown)"
        guard state.enforcesExpectations else {
            state.recordMissedExpectation(Diagnostic(failure, at: command))
            return [.text("✗ " + failure)]
        }
        throw RunError(failure, hint: "--no-expect (on nnbook run, sweep and render --run) runs on past a failed expectation and marks it ✗", at: command)
    }

    /// The value at the notebook's precision, or with as many more places as it takes for the
    /// line not to contradict itself: `mae 0.1 < 0.1` is shown `mae 0.06 < 0.1`, and a miss
    /// of `loss ≤ 7.5274` is shown `got 7.52741`.
    private func shown(_ value: Double, holds: Bool, second: Double, in state: RunState) -> String {
        var places = state.precision
        var text = state.format(value)
        while places < 17, let read = Double(text), comparison.holds(read, bound, second) != holds {
            places += 1
            text = NumberText.fixed(value, places: places)
        }
        return text
    }

    /// The model's one output for the named inputs, as `predict` shows it: a classifier's
    /// probability, or the target in its original units.
    private func predicted(in state: RunState, at command: SourceRange) throws(RunError) -> Double {
        let entry = try state.model(model)
        guard entry.model.isBuilt, let trainedOn = entry.trainedOn else {
            throw RunError("the model has not been trained yet", hint: "train it before stating what it predicts", at: model.range)
        }
        let (sample, _) = try NamedInputs(inputs, for: "the prediction").encoded(for: trainedOn, model: model, state: state, at: command)
        guard sample.sampleShape == entry.model.inputShape else {
            throw RunError("the model expects samples of shape \(Tensor.describe(entry.model.inputShape ?? [])), not \(Tensor.describe(sample.sampleShape))", at: command)
        }
        let predictions = entry.predict(sample)
        guard predictions.columns == 1 else {
            throw RunError("the model '\(model)' has \(predictions.columns) outputs, so its prediction is not one number", at: metric.range)
        }
        let output = Double(predictions[0, 0])
        let classifies = entry.trainer.map { $0.loss is any LogitsLoss } ?? false
        guard !classifies, let target = trainedOn.targetNames.first, let scaling = trainedOn.scalings[target] else { return output }
        return scaling.invert(output)
    }
}
