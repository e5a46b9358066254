// `scale insurance age divide=100`: rescale one column, remembering how for predictions.

import NNData

/// Rescales a column of a data set and of its splits.
///
/// `divide=` needs no fitting. `method=min-max` and `method=standardize` are fitted on the
/// training split when there is one (on everything otherwise) and then applied to every split
/// alike, so that nothing about the test samples leaks into training.
struct ScaleCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "scale",
        summary: "rescale a column: divide by a constant, min-max into [0, 1], or standardize",
        examples: ["scale insurance age divide=100", "scale homes area method=min-max", "scale clothes divide=255"])

    /// The scalings fitted to the training values.
    enum Method: String, ChoiceValue, CaseIterable {
        case minMax = "min-max", standardize
    }

    @Argument(help: "the data set") var data: DatasetName
    @Argument(help: "the column to scale; without it, every feature (all pixels of an image)") var column: Word?
    @Option(help: "divide every value by this number") var divide: Double?
    @Option(help: "fit a scaling to the training values") var method: Method?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if (divide == nil) == (method == nil) {
            return [Diagnostic(
                "say how to scale: give either divide= or method=", at: command,
                hint: "e.g. scale \(data) \(column.map { "\($0) " } ?? "")divide=100, or method=min-max")]
        }
        if divide == 0 {
            return [Diagnostic("cannot divide by 0", at: $divide)]
        }
        if data.split != nil {
            return [Diagnostic(
                "scale the whole data set, not one split: the splits are scaled alike", at: data.range)]
        }
        guard var facts = context.facts(of: data) else { return [] }
        // A target column may be scaled too: predictions are then shown in its original units.
        if let column, let columns = facts.columns, let targets = facts.target?.names, !(columns + targets).contains(column.text) {
            return [Diagnostic(
                "\(data) has no column \"\(column)\"", at: column.range,
                hint: Suggestions.hint(for: column.text, in: columns + targets, kind: "columns"))]
        }
        facts.scalings.append(column?.text ?? Dataset.allFeatures)
        context.datasets[data.name] = facts
        return []
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let name = data.name
        return try state.updateDataset(data) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard let column else {
                let scaling = divide.map(ColumnScaling.divide)
                    ?? ColumnScaling.fitted(method?.rawValue ?? "", to: entry.trainingSamples.features.scalars) ?? .divide(1)
                entry.updateEverySplit { (dataset: inout Dataset) in dataset.scaleFeatures(with: scaling) }
                return [.text("\(name): every feature → \(ScaleCommand.describe(scaling, column: "x"))")]
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
        }
    }

    static func describe(_ scaling: ColumnScaling, column: String) -> String {
        switch scaling {
        case .divide(let c): return "\(column) / \(NumberText.plain(c))"
        case .minMax(let low, let high): return "(\(column) − \(NumberText.plain(low))) / (\(NumberText.plain(high)) − \(NumberText.plain(low)))"
        case .standardize(let mean, let deviation): return "(\(column) − \(mean)) / \(deviation)"
        case .chain(let first, let then): return describe(then, column: describe(first, column: column))
        }
    }
}
