// `scale insurance age divide=100`: rescale one column, remembering how for predictions.

import Foundation
import NNData

/// Rescales a column of a data set and of its splits.
///
/// `divide=` needs no fitting. `method=min-max` and `method=standardize` are fitted on the
/// training split when there is one (on everything otherwise) and then applied to every split
/// alike, so that nothing about the test samples leaks into training. Without a column, each
/// feature column is fitted on its own, as scikit-learn's `StandardScaler` and Keras'
/// `Normalization` do.
struct ScaleCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "scale",
        summary: "rescale a column: divide by a constant, min-max into [0, 1], or standardize",
        examples: ["scale insurance age divide=100", "scale homes area method=min-max", "scale clothes divide=255"],
        spellings: ["normalize", "standardize", "minmax", "rescale"])

    /// The scalings fitted to the training values.
    enum Method: String, ChoiceValue, CaseIterable {
        case minMax = "min-max", standardize

        /// scikit-learn's names for the scalings (`StandardScaler`), answered with nnbook's.
        static let otherSpellings: [(name: String, spellings: [String])] = [
            ("standardize", ["StandardScaler", "standard", "zscore"]), ("min-max", ["MinMaxScaler", "minmax", "min_max"]),
        ]
    }

    @Argument(help: "the data set", changes: true) var data: DatasetName
    @Argument(help: "the column to scale; without it, every feature column, each by its own statistics (each pixel position of an image)") var column: Word?
    @Option(help: "divide every value by this number") var divide: Double?
    @Option(help: "fit a scaling to the training values") var method: Method?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var problem: Diagnostic?
        if divide != nil, method != nil {
            problem = Diagnostic(
                "give divide= or method=, not both", at: $method,
                hint: "divide= divides by a number you choose; method= fits a scaling to the training values")
        } else if divide == nil, method == nil, $divide == command, $method == command {
            // (A divide= or method= written with a value that cannot be read is reported where it is.)
            problem = Diagnostic(
                "say how to scale: give either divide= or method=", at: command,
                hint: "e.g. scale \(data) \(column.map { "\($0) " } ?? "")divide=100, or method=min-max")
        } else if divide == 0 {
            problem = Diagnostic("cannot divide by 0", at: $divide, hint: ScaleCommand.divideHint)
        } else if let divide, let beyond = Float32Limit.problem(
            divide, written: NumberText.plain(divide), at: $divide, what: "every value divided by it would be 0; " + ScaleCommand.divideHint)
        {
            problem = beyond
        } else if data.split != nil {
            problem = Diagnostic("scale the whole data set, not one split: the splits are scaled alike", at: data.range)
        }
        guard var facts = context.facts(of: data) else { return problem.map { [$0] } ?? [] }
        // A target column may be scaled too: predictions are then shown in its original units.
        if let column, let names = facts.columnNames, !names.contains(column.text) {
            // It scales no column the data set has: the data set stays as it was.
            return [Diagnostic("\(data) has no column \"\(column)\"", at: column.range, hint: noColumnHint(names, of: facts))]
        }
        if problem == nil, let divide {
            problem = infinityProblem(largest: facts.largestValue(of: column?.text), dividedBy: divide)
        }
        // A line that scales wrongly still scales the column: what its values become is then
        // not known, and the checks that need them stay silent.
        let how: (divide: Double?, method: Method?)? = problem == nil ? (divide, method) : nil
        if let column, var target = facts.target, target.names?.contains(column.text) == true {
            // A scaled target holds fractions, no longer class numbers.
            target.change = how == nil ? nil : .scaled(at: column.range, before: target)
            target.kind = how == nil ? .unknown : .numbers
            // The values are known for one target column only: the range is of all of them.
            switch how {
            case _ where target.columns != 1: target.values = .unknown
            case nil: target.values = .unknown
            case (let divide?, _)?: target.values = target.values.divided(by: divide)
            case (_, .standardize?)?: target.values = target.values.standardized
            // Fitted on the training split, the test split's values may pass beyond 0 and 1.
            case (_, .minMax?)?: target.values = facts.splits == .none ? .range(0...1) : .unknown
            case (nil, nil)?: break
            }
            facts.target = target
        }
        for name in column.map({ [$0.text] }) ?? facts.columns ?? [Dataset.allFeatures] where facts.largestValues[name] != nil {
            // A fitted scaling of the training split may take the test split's values anywhere.
            facts.largestValues[name] = how?.divide.map { facts.largestValues[name]! / abs($0) }
        }
        facts.scalings.append(column?.text ?? Dataset.allFeatures)
        // The samples the check read are scaled by the run's own code, fitted as the run fits;
        // their largest values stay known, as the run will measure them.
        if var read = facts.read, how != nil, (try? scale(&read)) != nil {
            facts.read = read
            for name in read.all.featureNames { facts.largestValues[name] = read.all.largestMagnitude(ofColumn: name).map(Double.init) }
        } else {
            facts.read = nil
        }
        if method != nil, problem == nil, facts.splits == .none { facts.fittedWhole.append(command) }
        context.datasets[data.name] = facts
        return problem.map { [$0] } ?? []
    }

    /// What divide= is, for a learner who gave one that cannot work.
    static let divideHint = "divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max"

    /// The values divided by `divide` would pass beyond Float32 and become infinite: those
    /// whose largest magnitude is `largest`, or when that is not known, any value of 1 or more.
    /// The check asks with what it read, the run with the values themselves.
    func infinityProblem(largest: Double?, dividedBy divide: Double) -> Diagnostic? {
        let reach = largest ?? 1
        guard reach / abs(divide) > Double(Float.greatestFiniteMagnitude) else { return nil }
        let values = column.map { "\(data).\($0)" } ?? "the features of \(data)"
        let (divisor, top) = (NumberText.plain(divide), NumberText.data(Float(reach)))
        let which = largest == nil ? "any value of 1 or more" : "\(values), which go\(column == nil ? "" : "es") up to \(top),"
        return Diagnostic(
            "dividing by \(divisor) makes \(which) infinite: \(top) / \(divisor) is \(String(format: "%.2g", reach / divide)), too large for a 32-bit number (at most \(Float32Limit.largest))",
            at: $divide, hint: "nnbook computes in 32-bit numbers (Float32), as Keras does; " + ScaleCommand.divideHint)
    }

    /// `did you mean 'label'?`, and what a data set's columns are; for arrays, that their values
    /// are scaled all at once, without a column.
    private func noColumnHint(_ names: [String], of facts: DatasetFacts) -> String {
        guard facts.unnamedFeatures else { return Suggestions.hint(for: column?.text ?? "", in: names, kind: "columns") }
        let near = Suggestions.suggestion(for: column?.text ?? "", in: names).map { $0 + " " } ?? ""
        let how = divide.map { "divide=\(NumberText.plain($0))" } ?? "method=\(method?.rawValue ?? "min-max")"
        let targets = names.isEmpty ? "" : ", and the only column\(names.count == 1 ? "" : "s") to name \(names.count == 1 ? "is" : "are") its target\(names.count == 1 ? "" : "s") \(names.excerptList())"
        return near + "the samples of \(data) are arrays whose values have no names\(targets); to scale every value of the samples, leave the column out: scale \(data) \(how)"
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        try state.updateDataset(data) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in try scale(&entry) }
    }

    /// Scales `entry` as the line says, every split alike, a fitted scaling fitted to its
    /// training samples; what the page says of it. The run scales its data set so, and the
    /// check the samples it read (a small table), so that both know the same scalings.
    func scale(_ entry: inout NotebookDataset) throws(RunError) -> [Output] {
        let name = data.name
        // Dividing by 1 or more makes no value larger: only a smaller divisor is measured.
        if let divide, abs(divide) < 1 {
            let largest = [entry.all, entry.testSplit].compactMap { $0?.largestMagnitude(ofColumn: column?.text) }.max()
            if let largest, let problem = infinityProblem(largest: Double(largest), dividedBy: divide) { throw RunError(problem) }
        }
        guard let column else {
            if let divide {
                entry.updateEverySplit { (dataset: inout Dataset) in dataset.scaleFeatures(with: .divide(divide)) }
                return [.text("\(name): every feature → \(ScaleCommand.describe(.divide(divide), column: "x"))")]
            }
            let training = entry.trainingSamples
            guard let scalings = training.fittedToEachFeature(method?.rawValue ?? "") else {
                throw RunError("unknown scaling method", hint: "method=min-max or method=standardize", at: $method)
            }
            entry.updateEverySplit { (dataset: inout Dataset) in dataset.scaleEachFeature(with: scalings) }
            guard training.featureNames.count == scalings.count else {
                let constant = scalings.filter { $0.constant != nil }.count
                return [.text("\(name): each of the \(scalings.count) inputs (pixel positions) scaled by its own \(method == .minMax ? "minimum and maximum" : "mean and standard deviation") over the \(training.count) training samples"
                    + (constant == 0 ? "" : "; \(constant) of them hold one value in every training sample (a border pixel that is always 0), carry nothing to learn from, and are only shifted, not divided by a spread of 0"))]
            }
            let notes = zip(training.featureNames, scalings).compactMap { column, scaling in ScaleCommand.constantNote(scaling, column: column) }
            return [.table(Table(
                headers: ["column", "scaling"],
                rows: zip(training.featureNames, scalings).map { [$0, ScaleCommand.describe($1, column: $0)] }))] + notes.map { .text($0) }
        }
        let scaling: ColumnScaling
        if let divide {
            scaling = .divide(divide)
        } else {
            guard let values = entry.trainingSamples.column(column.text),
                let fitted = ColumnScaling.fitted(method?.rawValue ?? "", to: values)
            else {
                throw RunError(
                    "\(name) has no column \"\(column)\"", hint: "the columns are \((entry.all.featureNames + entry.all.targetNames).joined(separator: ", "))",
                    at: column.range)
            }
            scaling = fitted
        }
        do throws(DataError) {
            try entry.updateEverySplit { (dataset: inout Dataset) throws(DataError) in try dataset.scale(column: column.text, with: scaling) }
        } catch {
            throw RunError(error, at: column.range)
        }
        return [.text("\(name).\(column) → \(ScaleCommand.describe(scaling, column: column.text))")]
            + (ScaleCommand.constantNote(scaling, column: column.text).map { [.text($0)] } ?? [])
    }

    /// What a learner is told of a column that held one value in every training sample: a
    /// range of 0 would be a division by zero, and the column tells no sample from another.
    static func constantNote(_ scaling: ColumnScaling, column: String) -> String? {
        scaling.constant.map { value in
            "\(column) is \(NumberText.data(Float(value))) in every training sample, so it tells them nothing apart and the model can learn nothing from it: "
                + "it is only shifted (\(describe(scaling, column: column))), not divided by a spread of 0, as scikit-learn does, so a new value 1 above it becomes 1"
        }
    }

    /// Said at a `scale … method=` line whose data `split` (at `split`) divides later: the
    /// statistics came from every sample, the test samples too, so what the model is tested on
    /// shaped what it learns from. Keras' and scikit-learn's courses fit a scaler on the
    /// training split alone; the notebook still runs, and the page says it under the line.
    static func fittedBeforeSplit(_ data: String, at scale: SourceRange, split: SourceRange) -> Diagnostic {
        Diagnostic(
            "\(data) is scaled before it is split (line \(split.line)): method= is fitted on every sample, the test samples too, so they shape the data the model learns from",
            at: scale,
            hint: "split first, then scale: method= is then fitted on \(data).train alone and applied to \(data).test alike, as scikit-learn fits a scaler on the training split only (divide= fits nothing, and may stay)")
    }

    static func describe(_ scaling: ColumnScaling, column: String) -> String {
        // A column of one value is shifted only: no division by a spread of 0 is written.
        if let value = scaling.constant { return "\(column) − \(NumberText.data(Float(value)))" }
        switch scaling {
        case .divide(let c): return "\(column) / \(NumberText.plain(c))"
        // Fitted figures come from 32-bit data: shown as such, 0.1 rather than 0.10000000149011612.
        case .minMax(let low, let high): return "(\(column) − \(NumberText.data(Float(low)))) / (\(NumberText.data(Float(high))) − \(NumberText.data(Float(low))))"
        case .standardize(let mean, let deviation): return "(\(column) − \(NumberText.data(Float(mean)))) / \(NumberText.data(Float(deviation)))"
        case .chain(let first, let then): return describe(then, column: describe(first, column: column))
        }
    }
}
