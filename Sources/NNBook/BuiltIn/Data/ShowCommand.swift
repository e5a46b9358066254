// `show insurance rows=5`: the first rows of a data set, as pandas' head() shows them.

import NNCore
import NNData

/// Shows the first rows of a data set or split.
struct ShowCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "show",
        summary: "show the first rows of a data set",
        examples: ["show insurance", "show insurance.test rows=10"], spellings: ["head"])

    @Argument(help: "the data set or split to show") var data: DatasetName
    @Option(help: "how many rows", minimum: 1) var rows = 5

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if let shape = context.facts(of: data)?.sampleShape, shape.count > 1 { return [imagesRefusal(shape)] }
        return []
    }

    /// A table of images would have a column per pixel (785 for Fashion-MNIST): not a table
    /// anyone reads. The commands that show images are named instead.
    private func imagesRefusal(_ shape: [Int]) -> Diagnostic {
        Diagnostic(
            "the samples of \(data) are images of shape \(Tensor.describe(shape)): a table of them would have a column per pixel", at: data.range,
            hint: "`images \(data) count=5` draws them with their labels (class names with load … classes=[…]); `describe \(data)` sums up their pixels")
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let dataset = try state.dataset(data)
        let shape = dataset.features.sampleShape
        if shape.count > 1 {
            let refusal = imagesRefusal(shape)
            throw RunError(refusal.message, hint: refusal.hint, at: data.range)
        }
        let count = min(rows, dataset.count)
        let features = dataset.features.columns
        // Only the printed columns are formatted: a data set of 200,000 columns costs 20 cells a row.
        let window = ColumnWindow(count: features + dataset.targets.columns)
        // A class number shows its class's name (apple, Sneaker), as pandas shows a column of words.
        let classNames = dataset.targets.columns == 1 ? dataset.classNames : nil
        let cells = (0..<count).map { row in
            window.map(gap: "…") { column in
                guard column >= features else { return NumberText.data(dataset.features[row, column]) }
                let target = dataset.targets[row, column - features]
                if let classNames, let number = target.classNumber, number < classNames.count { return classNames[number] }
                return NumberText.data(target)
            }
        }
        let headers = window.map(gap: "…") { column in
            column >= features ? dataset.targetNames[column - features] : dataset.featureNames.isEmpty ? "x\(column)" : dataset.featureNames[column]
        }
        let label = state.label(of: data)
        return [
            .table(Table(headers: headers, rows: cells)),
            .text("\(count) of \(dataset.count) rows" + (label == data.description ? "" : " of \(label)") + (window.note.map { "; \($0)" } ?? "")),
        ]
    }
}
