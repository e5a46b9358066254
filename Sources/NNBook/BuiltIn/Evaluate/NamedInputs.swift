// `age=58 affordability=1`: one new sample given by column name in original units, as `predict`
// and `expect … prediction` take it — checked against the columns the model learned from, and
// scaled and encoded as its training data was.

import NNCore
import NNData

/// The inputs of one sample, by the names of the columns a model was trained on.
struct NamedInputs {
    let inputs: [NamedValue<String>]
    /// Who needs the inputs, for the message about a missing one: `predict`, `the prediction`.
    let user: String

    init(_ inputs: [NamedValue<String>], for user: String) {
        self.inputs = inputs
        self.user = user
    }

    /// `m has not been trained before this line`, for commands that need a trained model.
    static func untrained(_ model: ModelName) -> Diagnostic {
        Diagnostic(
            "the model '\(model)' has not been trained before this line, so it cannot predict", at: model.range,
            hint: "add `train \(model) on …` before this line")
    }

    /// `units=` on a prediction, in `predict` and `expect … prediction` alike: a prediction is
    /// always in the target's own units, as `predict` answers; `units=` chooses the units of a
    /// loss or an error only.
    static func unitsOfAPrediction(at range: SourceRange) -> Diagnostic {
        Diagnostic(
            "units= does not apply to a prediction: a prediction is always in the target's own units", at: range,
            hint: "units= chooses the units of a loss or error (train, evaluate, expect … on DATA); drop it here")
    }

    /// What the checker can tell before the run: the model is trained, on named columns, and
    /// every input names one of them with a value it can take.
    func check(for model: ModelName, facts: ModelFacts, at command: SourceRange) -> [Diagnostic] {
        guard facts.isTrained else { return [NamedInputs.untrained(model)] }
        guard let trainedOn = facts.trainedOn, let columns = trainedOn.columns else {
            if facts.trainedOn?.sampleShape.map({ $0.count > 1 }) == true, let first = inputs.first {
                return [Diagnostic(
                    "'\(model)' was trained on samples without named columns, so it cannot take inputs by name", at: first.range,
                    hint: "predict from a data set instead: predict \(model) on DATA")]
            }
            return []
        }
        let scaled = trainedOn.scalings.contains(Dataset.allFeatures) ? Set(columns) : Set(trainedOn.scalings)
        let problems = problems(model: model, columns: columns, wordColumns: trainedOn.wordColumns, scaled: scaled, at: command)
        // A scaled input is judged once scaled, when the check knows the scalings the run
        // will fit (it read the samples: a small table); else the run judges it.
        guard problems.isEmpty, let samples = trainedOn.read?.all else { return problems }
        return scalingProblems(learnedFrom: samples)
    }

    /// The inputs that scaling, as the training data `trainedOn` was scaled, makes too large
    /// for Float32 (`area=1e43` becomes 6.1e39 once min-max scaled): the network would be
    /// given infinity.
    private func scalingProblems(learnedFrom trainedOn: Dataset) -> [Diagnostic] {
        inputs.compactMap { input in
            guard let scaling = trainedOn.scalings[input.name], trainedOn.wordColumns[input.name] == nil,
                let number = Double(decimal: input.value), !Float(scaling.apply(number)).isFinite
            else { return nil }
            return NamedInputs.beyondFloat32(
                "\(input.name)=\(input.value), scaled as the training data was (\(ScaleCommand.describe(scaling, column: input.name))),", at: input.valueRange)
        }
    }

    /// What is wrong with the named inputs for a model trained on `columns`: a name it was not
    /// trained on, a word its column never had, text for a column of numbers, a number beyond
    /// Float32 for a column that is not scaled (`scaled` names those that are: a scaled one is
    /// judged once scaled, by `encoded`), a missing input. The checker reports them all; a run
    /// (of a table too large to read while checking) stops at the first.
    private func problems(
        model: ModelName, columns: [String], wordColumns: [String: WordColumn], scaled: Set<String>, at command: SourceRange
    ) -> [Diagnostic] {
        let names = WordColumn.inputNames(of: columns, wordColumns: wordColumns)
        let inputs = resolved(against: names)
        let known = Set(columns)
        let given = Set(inputs.map(\.name))
        let missing = names.filter { !given.contains($0) }
        var diagnostics: [Diagnostic] = []
        // A misnamed input is one mistake: its error names the inputs still missing, and they
        // are not reported again as missing.
        var misnamed = false
        for input in inputs {
            if let column = wordColumns[input.name] {
                if !column.words.contains(input.value) {
                    diagnostics.append(Diagnostic(
                        "the column '\(input.name)' never had the word '\(input.value)'", at: input.valueRange,
                        hint: (Suggestions.closest(to: input.value, in: column.words).map { "did you mean '\($0)'? " } ?? "") + "its words are \(column.words.excerptList())"))
                }
            } else if !known.contains(input.name), input.name == "units" {
                diagnostics.append(NamedInputs.unitsOfAPrediction(at: input.range))
            } else if !known.contains(input.name) {
                misnamed = true
                let near = NamedInputs.meant(by: input.name, missing: missing, names: names)
                diagnostics.append(Diagnostic(
                    "the model '\(model)' was not trained on a feature called '\(input.name)'", at: input.range,
                    hint: (near ?? (missing.isEmpty ? "" : "no value is given for \(missing.excerptList()); ")) + "its features are \(names.excerptList())"))
            } else if let number = Double(decimal: input.value), !Float(number).isFinite, !number.isFinite || !scaled.contains(input.name) {
                diagnostics.append(NamedInputs.beyondFloat32("\(input.name)=\(input.value)", at: input.valueRange))
            } else if Double(decimal: input.value) == nil {
                diagnostics.append(Diagnostic(
                    "'\(input.name)' is a column of numbers: expected a number, not \(input.value)", at: input.valueRange,
                    hint: "give the number alone, without units, in the units of the data '\(model)' learned from (predict scales it as that data was)"))
            }
        }
        if !missing.isEmpty, !misnamed {
            diagnostics.append(Diagnostic("\(user) needs a value for \(missing.excerptList())", at: command, hint: "its features are \(names.excerptList())"))
        }
        return diagnostics
    }

    /// An input that would reach the network as infinity: `what` is the input as the learner
    /// wrote it, and how it was scaled when scaling made it so large.
    private static func beyondFloat32(_ what: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            "\(what) is beyond the largest 32-bit number, \(Float32Limit.largest)", at: range,
            hint: "nnbook computes in 32-bit numbers (Float32), as Keras does, so the network would be given infinity: give a number of the size of the training data's")
    }

    /// The inputs, each name written as a Python name (`horse_power=130`, `weight_kg=3000`)
    /// given the name of the column it stands for (`horse power`, `weight (kg)`): a column
    /// name with spaces or brackets cannot be written before '=' as it is.
    private func resolved(against names: [String]) -> [NamedValue<String>] {
        let byIdentifier = Dictionary(grouping: names.filter { !NamedInputs.isWritable($0) }, by: NamedInputs.identifier)
        return inputs.map { input in
            guard !names.contains(input.name), let columns = byIdentifier[NamedInputs.identifier(input.name)], columns.count == 1 else { return input }
            return NamedValue(name: columns[0], value: input.value, range: input.range, valueRange: input.valueRange)
        }
    }

    /// Whether a column's name can be written before '=' as it is: one word, without the
    /// brackets, quotes, '=' and '#' that a line reads otherwise.
    private static func isWritable(_ name: String) -> Bool {
        !name.isEmpty && !name.contains { $0.isWhitespace || "()[]{}=#\"',$".contains($0) }
    }

    /// A column's name as an input may be written: in lower case, each run of characters other
    /// than letters and digits one '_', none at either end (`weight (kg)` is `weight_kg`).
    static func identifier(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: "_")
    }

    /// "did you mean 'sweet'? " for an input name the model was not trained on: a feature
    /// spelt close to it, or one that it starts or that starts it (`sweetness` for `sweet`),
    /// the features given no value first; a feature whose name cannot be written before '='
    /// is offered as it can (`horse_power`).
    private static func meant(by name: String, missing: [String], names: [String]) -> String? {
        let lowered = name.lowercased()
        func sharesItsStart(_ candidate: String) -> Bool {
            let other = candidate.lowercased()
            return min(other.count, lowered.count) >= 3 && (other.hasPrefix(lowered) || lowered.hasPrefix(other))
        }
        let near = Suggestions.closest(to: name, in: missing) ?? missing.first(where: sharesItsStart)
            ?? Suggestions.closest(to: name, in: names) ?? names.first(where: sharesItsStart)
        return near.map { near in
            let written = identifier(near)
            return isWritable(near) || written.isEmpty ? "did you mean '\(near)'? " : "did you mean \(written)= (the column '\(near)')? "
        }
    }

    /// The named values as one sample of the training data's features: numbers scaled as the
    /// training data was, words encoded and scaled as their column was; and the inputs as the
    /// page shows them.
    func encoded(for trainedOn: Dataset, model: ModelName, state: RunState, at command: SourceRange) throws(RunError) -> (Tensor, [String]) {
        let scaled = Set(trainedOn.featureNames.filter { trainedOn.scalings[$0] != nil })
        let problems = problems(model: model, columns: trainedOn.featureNames, wordColumns: trainedOn.wordColumns, scaled: scaled, at: command)
        if let problem = (problems.isEmpty ? scalingProblems(learnedFrom: trainedOn) : problems).first {
            throw RunError(problem.message, hint: problem.hint, at: problem.range)
        }
        var features: [String: Float] = [:]
        var shown: [String] = []
        for input in resolved(against: WordColumn.inputNames(of: trainedOn.featureNames, wordColumns: trainedOn.wordColumns)) {
            if let values = trainedOn.wordColumns[input.name]?.features(for: input.value, column: input.name) {
                // A word's code, or its columns (`colour=red` as 0 or 1), scaled as the training
                // data's were; a scaled code is shown as a scaled number is.
                for (name, value) in values { features[name] = Float(trainedOn.scalings[name]?.apply(Double(value)) ?? Double(value)) }
                let scaledCode = trainedOn.scalings[input.name] == nil ? nil : features[input.name]
                shown.append("\(input.name)=\(input.value)" + (scaledCode.map { " (scaled: \(state.format($0)))" } ?? ""))
                continue
            }
            let number = Double(decimal: input.value) ?? 0
            let scaling = trainedOn.scalings[input.name]
            let scaled = Float(scaling?.apply(number) ?? number)
            features[input.name] = scaled
            shown.append("\(input.name)=\(NumberText.plain(number))" + (scaling == nil ? "" : " (scaled: \(state.format(scaled)))"))
        }
        let scalars = trainedOn.featureNames.map { features[$0] ?? 0 }
        return (try! Tensor(shape: [1, scalars.count], scalars: scalars), shown)
    }
}
