// `describe insurance`: count, mean, standard deviation, min and max of every column, as
// pandas' describe() shows them.

import NNData

/// Summary statistics per column.
struct DescribeCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "describe",
        summary: "count, mean, standard deviation, min and max of every column (pandas' describe)",
        examples: ["describe insurance", "describe clothes.test"])

    @Argument(help: "the data set or split") var data: DatasetName

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let data = try state.dataset(data)
        let featureColumns: [(String, [Float])] = data.featureNames.isEmpty
            ? [("all inputs", data.features.scalars)]
            : data.featureNames.enumerated().map { ($1, data.featureColumn($0)) }
        let columns = featureColumns + data.targetNames.enumerated().map { ($1, data.targetColumn($0)) }
        let rows = columns.map { name, values -> [String] in
            // Two passes in Double over the Float values, with no copy: images have millions.
            var sum = 0.0, low = Double.infinity, high = -Double.infinity
            for value in values {
                sum += Double(value)
                low = min(low, Double(value))
                high = max(high, Double(value))
            }
            let mean = sum / Double(max(values.count, 1))
            var squares = 0.0
            for value in values { squares += (Double(value) - mean) * (Double(value) - mean) }
            // The sample standard deviation (n − 1), as pandas reports it.
            let deviation = (squares / Double(max(values.count - 1, 1))).squareRoot()
            return [name, String(values.count), state.format(mean), state.format(deviation),
                    state.format(values.isEmpty ? 0 : low), state.format(values.isEmpty ? 0 : high)]
        }
        return [.table(Table(headers: ["column", "count", "mean", "std", "min", "max"], rows: rows))]
    }
}
