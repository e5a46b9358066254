// `show insurance rows=5`: the first rows of a data set, as pandas' head() shows them.

import NNData

/// Shows the first rows of a data set or split.
struct ShowCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "show",
        summary: "show the first rows of a data set",
        examples: ["show insurance", "show insurance.test rows=10"])

    @Argument(help: "the data set or split to show") var data: DatasetName
    @Option(help: "how many rows") var rows = 5

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        rows < 1 ? [Diagnostic("rows must be 1 or more", at: $rows)] : []
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let dataset = try state.dataset(data)
        let count = min(rows, dataset.count)
        let cells = (0..<count).map { row in
            (0..<dataset.features.columns).map { NumberText.data(dataset.features[row, $0]) }
                + (0..<dataset.targets.columns).map { NumberText.data(dataset.targets[row, $0]) }
        }
        let headers = dataset.features.sampleShape.count == 1 ? dataset.featureNames + dataset.targetNames
            : (0..<dataset.features.columns).map { "x\($0)" } + dataset.targetNames
        return [
            .table(Table(headers: headers, rows: cells)),
            .text("\(count) of \(dataset.count) rows"),
        ]
    }
}
