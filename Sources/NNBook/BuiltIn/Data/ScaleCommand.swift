// `scale insurance age divide=100`: rescale one column, remembering how for predictions.

import NNData

/// Rescales a column of a data set and of its splits.
///
/// `divide=` needs no fitting. `method=min-max` and `method=standardize` are fitted on the
/// training split when there is one (on everything otherwise) and then applied to every split
/// alike, so that nothing about the test samples leaks into training.
struct ScaleCommand: CellCommand {
    let schema = CommandSchema(
        verb: "scale",
        summary: "rescale a column: divide by a constant, min-max into [0, 1], or standardize",
        arguments: [
            ArgumentSchema("data", .uses(.dataset), summary: "the data set"),
            ArgumentSchema("column", .word, summary: "the column to scale; without it, every feature (all pixels of an image)", isOptional: true),
        ],
        options: [
            OptionSchema("divide", .number, summary: "divide every value by this number"),
            OptionSchema("method", .choice(["min-max", "standardize"]), summary: "fit a scaling to the training values"),
        ],
        examples: ["scale insurance age divide=100", "scale homes area method=min-max", "scale clothes divide=255"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let divide = invocation.number("divide"), method = invocation.string("method")
        if (divide == nil) == (method == nil) {
            return [Diagnostic(
                "say how to scale: give either divide= or method=", at: invocation.range,
                hint: "e.g. scale \(invocation.string("data") ?? "") \(invocation.string("column").map { $0 + " " } ?? "")divide=100, or method=min-max")]
        }
        if divide == 0 {
            return [Diagnostic("cannot divide by 0", at: invocation.range(of: "divide"))]
        }
        if (invocation.string("data") ?? "").contains(".") {
            return [Diagnostic(
                "scale the whole data set, not one split: the splits are scaled alike", at: invocation.range(of: "data"))]
        }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("data") ?? ""
        return try state.updateDataset(name, at: invocation.range(of: "data")) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard let column = invocation.string("column") else {
                let scaling = invocation.number("divide").map(ColumnScaling.divide)
                    ?? ColumnScaling.fitted(invocation.string("method") ?? "", to: entry.trainingSamples.features.scalars) ?? .divide(1)
                entry.updateEverySplit { (dataset: inout Dataset) in dataset.scaleFeatures(with: scaling) }
                return [.text("\(name): every feature → \(ScaleCommand.describe(scaling, column: "x"))")]
            }
            let scaling: ColumnScaling
            if let divide = invocation.number("divide") {
                scaling = .divide(divide)
            } else {
                guard let values = entry.trainingSamples.column(column),
                    let fitted = ColumnScaling.fitted(invocation.string("method") ?? "", to: values)
                else {
                    throw RunError(
                        "\(name) has no column \"\(column)\"", hint: "the columns are \((entry.all.featureNames + entry.all.targetNames).joined(separator: ", "))",
                        at: invocation.range(of: "column"))
                }
                scaling = fitted
            }
            do throws(DataError) {
                try entry.updateEverySplit { (dataset: inout Dataset) throws(DataError) in try dataset.scale(column: column, with: scaling) }
            } catch {
                throw RunError(error, at: invocation.range(of: "column"))
            }
            return [.text("\(name).\(column) → \(ScaleCommand.describe(scaling, column: column))")]
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
