// `describe insurance`: count, mean, standard deviation, min and max of every column, as
// pandas' describe() shows them. Images are described pooled over their pixels: a table of 784
// pixel columns would say nothing a learner can read.

import NNData

/// Summary statistics per column.
struct DescribeCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "describe",
        summary: "count, mean, standard deviation, min and max of every column (pandas' describe); images pooled over all their pixels",
        examples: ["describe insurance", "describe clothes.test"], spellings: ["info"])

    @Argument(help: "the data set or split") var data: DatasetName
    @Option(help: DecimalPlaces.help) var precision: Int?

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let data = try state.dataset(data)
        var rows: [[String]] = []
        if data.featureNames.isEmpty {
            let shape = data.features.sampleShape
            let pooled = shape.count == 2
                ? "pixels (all \(shape.reduce(1, *)) of \(shape.map(String.init).joined(separator: "×")), pooled)"
                : "all inputs (pooled)"
            rows.append(DescribeCommand.statistics(pooled, data.features.scalars, start: 0, stride: 1, state: state))
        }
        // Each column is read in place, one after the other, and only the columns printed are
        // described: a data set of two million columns is never copied, and prints 20 rows.
        let features = data.featureNames.count
        let window = ColumnWindow(count: features + data.targetNames.count)
        rows += window.map(gap: Array(repeating: "…", count: 6)) { column in
            column < features
                ? DescribeCommand.statistics(data.featureNames[column], data.features.scalars, start: column, stride: data.features.columns, state: state)
                : DescribeCommand.statistics(data.targetNames[column - features], data.targets.scalars, start: column - features, stride: data.targets.columns, state: state)
        }
        let table = Output.table(Table(headers: ["column", "count", "mean", "std", "min", "max"], rows: rows))
        let note = window.note.map { [Output.text($0)] } ?? []
        let label = state.label(of: self.data)
        guard label != self.data.description else { return [table] + note }
        return [.text("\(self.data) came split: this describes \(label); describe \(self.data).test for its test samples"), table] + note
    }

    /// The row of one column: every `stride`-th value from `start` of a row-major table.
    private static func statistics(_ name: String, _ scalars: [Float], start: Int, stride: Int, state: RunState) -> [String] {
        let values = Swift.stride(from: start, to: scalars.count, by: stride)
        let count = start < scalars.count ? (scalars.count - start + stride - 1) / stride : 0
        // Two passes in Double over the Float values, with no copy: images have millions.
        var sum = 0.0, low = Double.infinity, high = -Double.infinity
        for index in values {
            let value = Double(scalars[index])
            sum += value
            low = min(low, value)
            high = max(high, value)
        }
        let mean = sum / Double(max(count, 1))
        var squares = 0.0
        for index in values { squares += (Double(scalars[index]) - mean) * (Double(scalars[index]) - mean) }
        // The sample standard deviation (n − 1), as pandas reports it.
        let deviation = (squares / Double(max(count - 1, 1))).squareRoot()
        return [name, String(count), state.format(mean), state.format(deviation), state.format(count == 0 ? 0 : low), state.format(count == 0 ? 0 : high)]
    }
}
