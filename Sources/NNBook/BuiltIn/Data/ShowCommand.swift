// `show insurance rows=5`: the first rows of a data set, as pandas' head() shows them.

import NNData

/// Shows the first rows of a data set or split.
struct ShowCommand: CellCommand {
    let schema = CommandSchema(
        verb: "show",
        summary: "show the first rows of a data set",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set or split to show")],
        options: [OptionSchema("rows", .integer, summary: "how many rows", default: .integer(5))],
        examples: ["show insurance", "show insurance.test rows=10"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        (invocation.integer("rows") ?? 0) < 1
            ? [Diagnostic("rows must be 1 or more", at: invocation.range(of: "rows"))] : []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let dataset = try state.dataset(invocation.string("data") ?? "", at: invocation.range(of: "data"))
        let count = min(invocation.integer("rows") ?? 5, dataset.count)
        let rows = (0..<count).map { row in
            (0..<dataset.features.columns).map { NumberText.data(dataset.features[row, $0]) }
                + (0..<dataset.targets.columns).map { NumberText.data(dataset.targets[row, $0]) }
        }
        let headers = dataset.features.sampleShape.count == 1 ? dataset.featureNames + dataset.targetNames
            : (0..<dataset.features.columns).map { "x\($0)" } + dataset.targetNames
        return [
            .table(Table(headers: headers, rows: rows)),
            .text("\(count) of \(dataset.count) rows"),
        ]
    }
}
