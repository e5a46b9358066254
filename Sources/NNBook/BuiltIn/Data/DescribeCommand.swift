// `describe insurance`: count, mean, standard deviation, min and max of every column, as
// pandas' describe() shows them.

import NNData

/// Summary statistics per column.
struct DescribeCommand: CellCommand {
    let schema = CommandSchema(
        verb: "describe",
        summary: "count, mean, standard deviation, min and max of every column (pandas' describe)",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set or split")],
        examples: ["describe insurance", "describe clothes.test"])

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let data = try state.dataset(invocation.string("data") ?? "", at: invocation.range(of: "data"))
        let featureColumns: [(String, [Float])] = data.featureNames.isEmpty
            ? [("all inputs", data.features.scalars)]
            : data.featureNames.map { ($0, data.column($0) ?? []) }
        let columns = featureColumns + data.targetNames.map { ($0, data.column($0) ?? []) }
        let rows = columns.map { name, values -> [String] in
            let numbers = values.map(Double.init)
            let count = Double(max(numbers.count, 1))
            let mean = numbers.reduce(0, +) / count
            // The sample standard deviation (n − 1), as pandas reports it.
            let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(numbers.count - 1, 1))
            return [name, String(numbers.count), state.format(mean), state.format(variance.squareRoot()),
                    state.format(numbers.min() ?? 0), state.format(numbers.max() ?? 0)]
        }
        return [.table(Table(headers: ["column", "count", "mean", "std", "min", "max"], rows: rows))]
    }
}
