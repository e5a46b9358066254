// Building a numeric data set from a CSV table: choosing the target and reading every number.

import NNCore

extension Dataset {
    /// The table's columns as numbers: `targets` are the target columns, every other column is a
    /// feature. A field that is not a number is an error at its line and column.
    public init(csv table: CSVTable, targets targetNames: [String], path: String) throws(DataError) {
        for name in targetNames where !table.header.contains(name) {
            throw DataError(
                "there is no column \"\(name)\" to use as the target", path: path, line: 1, column: 1,
                hint: "the columns are \(table.header.joined(separator: ", "))")
        }
        let featureNames = table.header.filter { !targetNames.contains($0) }
        let featureIndices = featureNames.compactMap { table.header.firstIndex(of: $0) }
        let targetIndices = targetNames.compactMap { table.header.firstIndex(of: $0) }
        var featureValues: [Float] = [], targetValues: [Float] = []
        featureValues.reserveCapacity(table.rows.count * featureIndices.count)
        targetValues.reserveCapacity(table.rows.count * targetIndices.count)
        for row in table.rows {
            for index in featureIndices { featureValues.append(try Dataset.number(row[index], column: table.header[index], path: path)) }
            for index in targetIndices { targetValues.append(try Dataset.number(row[index], column: table.header[index], path: path)) }
        }
        self.init(
            featureNames: featureNames, targetNames: targetNames,
            features: try! Tensor(shape: [table.rows.count, featureIndices.count], scalars: featureValues),
            targets: try! Tensor(shape: [table.rows.count, targetIndices.count], scalars: targetValues))
    }

    static func number(_ field: CSVTable.Field, column: String, path: String) throws(DataError) -> Float {
        let text = field.text.trimmingSpaces
        if text.isEmpty {
            throw DataError("the value of \"\(column)\" is missing", path: path, line: field.line, column: field.column,
                            hint: "fill in the value, or remove the row")
        }
        guard let value = Float(text), !value.isNaN else {
            throw DataError("\"\(text)\" in column \"\(column)\" is not a number", path: path, line: field.line, column: field.column,
                            hint: "every column of a data set must hold numbers; encode words as numbers first")
        }
        guard value.isFinite else {
            throw DataError("\(text) in column \"\(column)\" is too large for a 32-bit number", path: path, line: field.line, column: field.column,
                            hint: "32-bit numbers reach about ±3.4e38; rescale the column")
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
