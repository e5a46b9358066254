// Whether a data set fits a model, found before anything runs: the input shape its layers
// accept, and the outputs and loss its targets need. `train`, `explain` and every command that
// gives data to a trained model (`evaluate`, `expect`, `predict`, `confusion`, `boundary`,
// `scatter`, `images`, `landscape`) share these checks, and each mistake points at the line to
// change.

import NNCore
import NNData

/// The checks of data against a model that the run would otherwise make after loading the data.
enum FitChecks {
    /// Samples of `data` fed to `model`: a model that has its input shape must get that shape;
    /// one that does not yet (built on first training, as Keras') must accept it in every layer.
    /// Returns the problems and, when the samples fit, the input shape the model then has.
    static func inputs(
        of data: DatasetFacts, named reference: DatasetName, into model: ModelFacts, named modelName: ModelName
    ) -> (diagnostics: [Diagnostic], inputShape: [Int]?) {
        guard !model.misfitReported else { return ([], model.inputShape) }
        if let learned = model.trainedOn, let unknown = UnknownWord.first(in: data.wordColumns, learned: learned.wordColumns, origins: data.wordOrigins) {
            return ([ModelTerms.unknownWord(unknown, of: reference, model: modelName)], model.inputShape)
        }
        let data = ModelTerms.facts(data, learnedFrom: model.trainedOn)
        guard let shape = data.sampleShape else { return ([], model.inputShape) }
        if let renamed = columns(of: data, named: reference, against: model, named: modelName) { return ([renamed], model.inputShape) }
        if let expected = model.inputShape {
            guard expected == shape else {
                let message = "the model '\(modelName)' expects samples of shape \(Tensor.describe(expected)), but \(reference) has samples of shape \(Tensor.describe(shape))"
                let flattened = expected.count == 1 && shape.count > 1 && shape.reduce(1, *) == expected[0]
                let layersTakeThem = if case .success? = model.plan(for: shape) { true } else { false }
                if flattened, layersTakeThem, let input = model.inputRange, !model.isTrained {
                    // Its layers flatten the samples already: `input=` is what asks for them flat.
                    return ([Diagnostic(
                        message, at: input,
                        hint: "the layers of '\(modelName)' flatten the samples themselves, so they take them as \(reference) has them: drop input=, or write input=[\(shape.map(String.init).joined(separator: ", "))]")], expected)
                }
                return ([Diagnostic(
                    message, at: reference.range,
                    hint: flattened && !layersTakeThem
                        ? "the samples are \(shape.map(String.init).joined(separator: "×")); add `flatten` before the first `dense` layer of '\(modelName)'"
                        : "use data of the shape the model was built for")], expected)
            }
            return ([], expected)
        }
        switch model.plan(for: shape) {
        case .success, nil: return ([], shape)
        case .failure(let failure):
            return ([Diagnostic(
                failure.error.message + " — fed from \(reference) at line \(reference.range.line)", at: failure.line, hint: failure.error.hint)], nil)
        }
    }

    /// Columns of another name where the model learned from a table: the shapes agree, so the
    /// run would go on, feeding `height` where the model learned `age`.
    private static func columns(
        of data: DatasetFacts, named reference: DatasetName, against model: ModelFacts, named modelName: ModelName
    ) -> Diagnostic? {
        guard let learned = model.trainedOn?.columns, let columns = data.columns else { return nil }
        return renamedColumns(learned, columns, of: reference, model: modelName)
    }

    /// The problem of feeding a model `columns` where it learned from `learned`, when the two
    /// are named columns of the same count and a name differs: Keras would match them by
    /// position, but `height` where the model learned `age` is a learner's mistake, found by
    /// the check and (for data the check could not read) by the run alike.
    static func renamedColumns(_ learned: [String], _ columns: [String], of reference: DatasetName, model modelName: ModelName) -> Diagnostic? {
        guard !learned.isEmpty, learned.count == columns.count else { return nil }
        let differing = zip(learned, columns).enumerated().filter { $0.element.0 != $0.element.1 }
        guard let first = differing.first else { return nil }
        let others = differing.count - 1
        return Diagnostic(
            "the model '\(modelName)' learned from the column \(first.element.0) where \(reference) has \(first.element.1)"
                + (others > 0 ? ", and \(others) more column\(others == 1 ? "" : "s") differ" : ""),
            at: reference.range,
            hint: "use data with the columns the model learned from, in the same order: \(learned.excerptList())")
    }

    /// Targets of `data` against the model's outputs and loss, as the trainer's validation
    /// compares them; each problem points at the line that must change. `learnedFrom` is the
    /// data the model was trained on, whose targets fitted the loss: targets of another kind
    /// than those are a mistake of the line that uses `data`, not of `compile`.
    ///
    /// A misfit that a `scale` or `one_hot` line made is that line's mistake, told once however
    /// many models meet it: a scaled class label always (labels of classes are not
    /// measurements), and one-hot rows given to a model's first training when the targets
    /// before the line fitted it.
    static func targets(of data: DatasetFacts, named reference: DatasetName, for model: ModelFacts, learnedFrom trained: DatasetFacts?) -> [Diagnostic] {
        let problems = misfits(of: data, named: reference, for: model, learnedFrom: trained)
        guard let first = problems.first, let target = data.target, let change = target.change else { return problems }
        if first.range == change.range { return target.changeReported ? [] : [first] }
        guard case .oneHot(let line, let before) = change, let loss = model.compilation?.loss else { return problems }
        var unchanged = data
        unchanged.target = before
        guard misfits(of: unchanged, named: reference, for: model, learnedFrom: nil).isEmpty else { return problems }
        // Told once at the line, the mistake is not told again at each use of the data.
        if target.changeReported { return [] }
        guard trained == nil else { return problems }
        let hint = switch loss.name {
        case _ where loss.predictsNumbers:
            "one_hot is for labels of classes, and \(loss.name) learns the numbers themselves: drop this line"
        case "sparse_categorical_crossentropy":
            "sparse_categorical_crossentropy takes the class numbers themselves: drop this line, or compile with loss=categorical_crossentropy"
        case "binary_crossentropy":
            "binary_crossentropy takes the labels 0 and 1 themselves: drop this line"
        default:
            first.hint ?? "drop this line"
        }
        return [Diagnostic(
            "one_hot makes the targets of \(reference.name) one-hot rows of \(target.columns.map(String.init) ?? "several") columns, but the model given them at line \(reference.range.line) learns from them as they were: \(first.message)",
            at: line, hint: hint)]
    }

    /// The targets of `data` against the model's outputs and loss, each problem at the line it
    /// is found to come from.
    private static func misfits(of data: DatasetFacts, named reference: DatasetName, for model: ModelFacts, learnedFrom trained: DatasetFacts?) -> [Diagnostic] {
        let data = ModelTerms.facts(data, learnedFrom: trained)
        guard !model.misfitReported, let compilation = model.compilation, let loss = compilation.loss, let target = data.target, let columns = target.columns,
            let outputs = model.outputs, let lastLayer = model.lastDense
        else { return [] }
        if columns == 0, let missing = target.missingLabels {
            return [Diagnostic(
                "\(reference.name) has no targets to learn from: it was loaded without its labels", at: missing.range,
                hint: "add target=\"\(missing.example)\", the file of one label per sample")]
        }
        if let trained = trained?.target, let problem = kindChange(from: trained, to: target, of: reference, loss: loss.name) {
            return [problem]
        }
        if let learned = trained?.classNames, let own = data.classNames,
            let unknown = UnknownWord.firstClass(of: own, among: learned, wordColumns: data.wordColumns, origins: data.wordOrigins)
        {
            return [ModelTerms.unknownClass(unknown, of: reference)]
        }
        let lossAt = loss.range
        switch loss.name {
        case "sparse_categorical_crossentropy":
            guard columns == 1 else {
                return [Diagnostic(
                    "sparse_categorical_crossentropy expects one class number per sample, but the targets of \(reference) have \(columns) columns",
                    at: lossAt, hint: "for one-hot targets use categorical_crossentropy")]
            }
            switch target.kind {
            case .numbers:
                if let scaled = target.scaledClassLabels {
                    return [scaledClasses(target, of: reference, at: scaled, loss: loss.name, needs: "class numbers (0, 1, 2, …)", are: "other numbers")]
                }
                return [Diagnostic(
                    "sparse_categorical_crossentropy expects class numbers (0, 1, 2, …), but the targets of \(reference) are other numbers",
                    at: lossAt, hint: "for numbers to predict use mse or mae")]
            case .classNumbers(let largest?) where largest >= outputs:
                // Labels 1, 2, 3 (no class 0) of a table's column: more units would learn a class
                // no sample has; numbering them from 0 fits the units there are.
                var hint = "give the last dense layer \(largest + 1) units, one per class"
                if case .range(let range) = target.values, range.lowerBound >= 1, let name = target.names?.first, columns == 1 {
                    hint = "the labels start at \(Int(range.lowerBound)), so no sample is of class 0: load with codes=[\(name)] to number them from 0, or \(hint)"
                }
                return [Diagnostic(
                    "the labels of \(reference) go up to \(largest), but the last dense layer has \(units(outputs)), for the classes 0 to \(outputs - 1)",
                    at: lastLayer.range, hint: hint)]
            default:
                return []
            }
        default:
            if loss.name == "binary_crossentropy", case .classNumbers(let largest?) = target.kind, largest > 1, columns == 1 {
                return [Diagnostic(
                    "binary_crossentropy needs targets of 0 and 1, but the labels of \(reference) go up to \(largest)",
                    at: lossAt, hint: "if these are \(largest + 1) classes, use sparse_categorical_crossentropy with a last dense layer of \(largest + 1) units; if they are numbers to predict (ages, prices), give the last dense layer 1 unit and no activation, and compile with loss=mse")]
            }
            if loss.name == "binary_crossentropy", let problem = binaryTargets(target, of: reference, at: lossAt) { return [problem] }
            if loss.name == "categorical_crossentropy", columns == 1, outputs == 1, case .classNumbers(let largest) = target.kind {
                return [Diagnostic(
                    "categorical_crossentropy takes one-hot rows, but the targets of \(reference) are class numbers", at: lossAt,
                    hint: largest.map { $0 <= 1 } == true
                        ? "for the two classes 0 and 1 use binary_crossentropy, with 1 unit and activation=sigmoid"
                        : "use sparse_categorical_crossentropy, with a last dense layer of one unit per class")]
            }
            guard columns != outputs else {
                return (outputRange(lastLayer, for: target, of: reference) ?? accuracy(of: target, named: reference, outputs: outputs, compilation: compilation))
                    .map { [$0] } ?? []
            }
            let message = "the model gives \(outputs) output\(outputs == 1 ? "" : "s") per sample, but the targets of \(reference) have \(columns) column\(columns == 1 ? "" : "s")"
            if loss.name == "categorical_crossentropy", columns == 1, case .classNumbers = target.kind {
                return [Diagnostic(
                    message, at: lossAt,
                    hint: "the targets are class numbers: use sparse_categorical_crossentropy, or turn them into one-hot rows with `one_hot \(reference.name)`")]
            }
            if loss.name == "binary_crossentropy", columns == 1 {
                return [Diagnostic(
                    message, at: lastLayer.range,
                    hint: "binary_crossentropy compares one probability per sample: give the last dense layer 1 unit, with activation=sigmoid")]
            }
            if loss.predictsNumbers, columns == 1, case .classNumbers = target.kind, lastLayer.value.activation.choice == "softmax" {
                // A softmax gives the probabilities of classes: the loss is the mistake.
                return [Diagnostic(
                    message, at: lossAt,
                    hint: "the targets are class numbers and the last layer a softmax over \(outputs) classes: compile with loss=sparse_categorical_crossentropy, or turn the targets into one-hot rows with `one_hot \(reference.name)`")]
            }
            if loss.predictsNumbers, columns == 1, case .classNumbers = target.kind {
                // A classifier's last layer with a regression's loss: either may be the mistake.
                return [Diagnostic(
                    message, at: lastLayer.range,
                    hint: "the targets are class numbers: to tell the classes apart compile with loss=sparse_categorical_crossentropy; to predict the number itself give the last dense layer 1 unit")]
            }
            return [Diagnostic(message, at: lastLayer.range, hint: "give the last dense layer \(units(columns)), one per target column")]
        }
    }

    /// Targets beyond 0 and 1 for binary_crossentropy, which the run refuses: labels of −1 and
    /// 1, numbers to predict, or 0/1 labels that a `scale` line turned into other numbers.
    private static func binaryTargets(_ target: TargetFacts, of reference: DatasetName, at lossAt: SourceRange) -> Diagnostic? {
        if let scaled = target.scaledClassLabels {
            // Labels 0 and 1 divided by 100 stay within 0 to 1, but are no labels any more: the
            // model learns 0.01, and every sample is read as class 0.
            if let beyond = target.knownValues.beyond(0...1) {
                return scaledClasses(target, of: reference, at: scaled, loss: "binary_crossentropy", needs: "targets from 0 to 1", are: "other numbers: they \(beyond)")
            }
            guard case .range(let range) = target.knownValues, range != 0...1 else { return nil }
            let (low, high) = (NumberText.data(Float(range.lowerBound)), NumberText.data(Float(range.upperBound)))
            return scaledClasses(target, of: reference, at: scaled, loss: "binary_crossentropy", needs: "the labels 0 and 1", are: "other numbers: they run from \(low) to \(high)")
        }
        guard let beyond = target.knownValues.beyond(0...1) else { return nil }
        let column = target.names?.count == 1 ? target.names?.first : nil
        let (problem, hint): (String, String)
        if case .range(let range) = target.values, range == -1...1, let column {
            problem = "the targets of \(reference) go down to -1"
            hint = "labels of −1 and 1 (as an SVM takes them) are 0 and 1 here: `scale \(reference.name) \(column) method=min-max` maps −1 to 0 and keeps 1"
        } else {
            problem = "the targets of \(reference) \(beyond)"
            hint = "binary_crossentropy is for two classes labelled 0 and 1; to predict other numbers compile with loss=mse"
        }
        return Diagnostic("binary_crossentropy needs targets from 0 to 1, but " + problem, at: lossAt, hint: hint)
    }

    /// Class labels that a `scale` line made other numbers: the mistake of that line, whatever
    /// model meets them (labels of classes are not measurements), told there.
    private static func scaledClasses(
        _ target: TargetFacts, of reference: DatasetName, at scaled: SourceRange, loss: String, needs: String, are: String
    ) -> Diagnostic {
        let column = target.names?.count == 1 ? target.names?.first : nil
        return Diagnostic(
            "\(loss) needs \(needs), but this scale makes the targets of \(reference.name), labels of classes, \(are)", at: scaled,
            hint: "labels of classes are not measurements: scale only the feature columns, not \(column ?? "the target")")
    }

    /// Targets the last layer's activation can never give (a sigmoid's 0 to 1 for prices of
    /// 100 to 187): the run trains on, and the loss stays where it started.
    private static func outputRange(_ last: Located<DenseLine>, for target: TargetFacts, of reference: DatasetName) -> Diagnostic? {
        let dense = last.value
        guard let activation = Activations.named(dense.activation.choice, slope: dense.slope),
            let beyond = target.knownValues.beyond(activation.range)
        else { return nil }
        let range = activation.range
        let gives = range.upperBound.isFinite
            ? "from \(NumberText.plain(range.lowerBound)) to \(NumberText.plain(range.upperBound))" : "of \(NumberText.plain(range.lowerBound)) or more"
        let column = target.names?.count == 1 ? target.names?.first : nil
        let rescale = target.values == .centred ? " instead of method=standardize" : ""
        return Diagnostic(
            "the targets of \(reference) \(beyond), but activation=\(activation.name) gives outputs \(gives)", at: dense.$activation,
            hint: "to predict numbers give the last dense layer no activation (`dense \(dense.units)`)"
                + (column.map { ", or bring the targets into 0 to 1 with `scale \(reference.name) \($0) method=min-max`\(rescale)" } ?? ""))
    }

    /// Accuracy of one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets:
    /// of targets beyond 0 and 1 it counts none right, and the run reports a figure that means
    /// nothing (0.5 for labels of −1 and 1 that the model predicts perfectly).
    private static func accuracy(of target: TargetFacts, named reference: DatasetName, outputs: Int, compilation: ModelFacts.Compilation) -> Diagnostic? {
        guard outputs == 1, compilation.metrics?.contains("accuracy") == true else { return nil }
        if target.knownValues.beyond(0...1) == nil, case .scaled(let scaled, let before)? = target.change, case .classNumbers(let largest?) = before.kind, largest > 1 {
            // Whole numbers beyond 1 (prices, or more classes) that a `scale` brought into 0 to
            // 1: thresholded at 0.5, they count as classes they are not.
            return Diagnostic(
                "accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of \(reference) are whole numbers up to \(largest) that the `scale` at line \(scaled.line) brought into 0 to 1",
                at: compilation.metricsRange,
                hint: "if the targets are \(largest + 1) classes, leave them unscaled, give the last dense layer \(largest + 1) units with activation=softmax and compile with loss=sparse_categorical_crossentropy; if they are numbers to predict, measure with metrics=[mae]")
        }
        guard let beyond = target.knownValues.beyond(0...1) else { return nil }
        let column = target.names?.count == 1 ? target.names?.first : nil
        let hint: String
        if case .classNumbers(let largest?) = target.kind {
            // Whole numbers may be classes or numbers to predict: the hint gives both ways.
            hint = "if the targets are \(largest + 1) classes, give the last dense layer \(largest + 1) units with activation=softmax and compile with loss=sparse_categorical_crossentropy; if they are numbers to predict, measure with metrics=[mae]"
        } else if target.values == .range(-1...1), let column {
            hint = "labels of −1 and 1 are 0 and 1 for accuracy: `scale \(reference.name) \(column) method=min-max`, with activation=sigmoid; or measure with metrics=[mae]"
        } else {
            hint = "accuracy counts classes; for numbers to predict measure with metrics=[mae]"
        }
        return Diagnostic(
            "accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of \(reference) \(beyond)",
            at: compilation.metricsRange, hint: hint)
    }

    /// Targets of `reference` that are one-hot rows where the model learned from class numbers
    /// with the sparse loss, or class numbers where it learned from one-hot rows.
    private static func kindChange(from trained: TargetFacts, to target: TargetFacts, of reference: DatasetName, loss: String) -> Diagnostic? {
        switch (loss, trained.kind, target.kind) {
        case (_, .classNumbers, .oneHot(let classes)) where trained.columns == 1:
            return Diagnostic(
                "the targets of \(reference) are one-hot rows of \(classes) columns, but the model was trained on class numbers", at: reference.range,
                hint: (loss == "sparse_categorical_crossentropy" ? "sparse_categorical_crossentropy takes one class number per sample" : "the model learned from one class number per sample")
                    + ": use data whose targets are still class numbers, taken before `one_hot`")
        case ("categorical_crossentropy", .oneHot, .classNumbers) where target.columns == 1:
            return Diagnostic(
                "the targets of \(reference) are class numbers, but the model was trained on one-hot rows", at: reference.range,
                hint: "categorical_crossentropy takes one-hot rows: turn these into one-hot rows with `one_hot \(reference.name)`, as the training data was")
        default:
            return nil
        }
    }

    /// A model that has no weights yet: never trained before this line, and no `input=`.
    static func built(_ model: ModelFacts, named name: ModelName, for purpose: String) -> [Diagnostic] {
        model.inputShape == nil && !model.isTrained ? [Diagnostic(
            "the model '\(name)' has not been trained before this line, so it cannot \(purpose)", at: name.range,
            hint: "add `train \(name) on …` before this line")] : []
    }

    /// A trained model's predictions on `data`, as `confusion`, `boundary`, `scatter`, `images`
    /// and `predict … on` use them: the model is built, it is the kind the command needs
    /// (`misfit` says why a compiled model is not), the samples are of a shape the command
    /// draws (`shape` says why not), the data fit the model as `fit` says, and a
    /// classifier's data are labelled with classes, which the command compares its predictions
    /// with.
    static func predictions(
        of model: ModelName, on data: DatasetName, in context: CheckContext, for purpose: String,
        misfit: (ModelFacts.CompiledLoss) -> Diagnostic?, shape: ([Int]) -> Diagnostic? = { _ in nil }
    ) -> [Diagnostic] {
        guard let facts = context.models[model.name] else { return [] }
        let unbuilt = built(facts, named: model, for: purpose)
        guard unbuilt.isEmpty else { return unbuilt }
        if let loss = facts.compilation?.loss, let problem = misfit(loss) { return [problem] }
        guard let samples = context.facts(of: data) else { return [] }
        if let sampleShape = samples.sampleShape, let problem = shape(sampleShape) { return [problem] }
        let problems = fit(of: samples, named: data, to: facts, named: model)
        // Numbers that a reported `scale` of the labels made are that one mistake, not another.
        guard problems.isEmpty, facts.compilation?.loss?.predictsNumbers == false, let target = samples.target, case .numbers = target.kind, !target.changeReported
        else { return problems }
        return [Diagnostic(
            "the targets of \(data) are numbers, not class labels: no sample has a true class to set beside the class '\(model)' predicts",
            at: data.range,
            hint: classLabelsHint(model: model, data: data))]
    }

    /// What to do with targets that are not class labels, where a command needs true classes:
    /// the check's hint and the run's (which names the sample) are the same.
    static func classLabelsHint(model: ModelName, data: DatasetName) -> String {
        "use data labelled with classes 0, 1, …; soft targets such as 0.5 can be measured with `evaluate \(model) on \(data)`"
    }

    /// What is wrong with measuring a built model on `data`: its inputs, then (when they fit)
    /// its targets against the model's outputs and loss, as the trainer validates them. A
    /// trained model learned from targets that fitted its layers and loss, so a misfit of these
    /// is the mistake of the line that gives them, not of `compile` or the last layer.
    static func fit(of data: DatasetFacts, named reference: DatasetName, to model: ModelFacts, named name: ModelName) -> [Diagnostic] {
        let problems = inputs(of: data, named: reference, into: model, named: name).diagnostics
        guard problems.isEmpty else { return problems }
        let misfits = targets(of: data, named: reference, for: model, learnedFrom: model.trainedOn)
        guard model.trainedOn != nil, let loss = model.compilation?.loss?.name else { return misfits }
        return misfits.map { problem in
            problem.range == reference.range ? problem : Diagnostic(
                problem.message, at: reference.range,
                hint: "'\(name)' learned from targets that its last layer and \(loss) take: give it data whose targets are like those")
        }
    }

    private static func units(_ count: Int) -> String { "\(count) unit\(count == 1 ? "" : "s")" }
}
