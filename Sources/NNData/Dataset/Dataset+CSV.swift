// Building a numeric data set from a CSV table: choosing the target, encoding words, handling
// missing values, and reading every number.

import NNCore

/// What to do with the columns of a CSV file that are not plain numbers.
public struct CSVColumnOptions: Equatable, Sendable {
    /// What to do with an empty field.
    public enum Missing: Equatable, Sendable {
        case error, drop
        case fill(Double)
    }

    /// Columns of words turned into numbers 0, 1, 2, … in alphabetical order of the words.
    public var codes: [String] = []
    /// Columns of words turned into one 0/1 column per word, named `column=word`.
    public var oneHot: [String] = []
    public var missing: Missing = .error

    public init(codes: [String] = [], oneHot: [String] = [], missing: Missing = .error) {
        self.codes = codes
        self.oneHot = oneHot
        self.missing = missing
    }
}

extension Dataset {
    /// The table's columns as numbers: `targets` are the target columns, every other column is a
    /// feature. A field that is not a number (and not in an encoded column) or is missing (and
    /// not dropped or filled) is an error at its line and column.
    public init(csv table: CSVTable, targets targetNames: [String], options: CSVColumnOptions = CSVColumnOptions(), path: String) throws(DataError) {
        for name in targetNames + options.codes + options.oneHot where !table.header.contains(name) {
            throw DataError(
                "there is no column \"\(name.excerpt())\"", path: path, line: 1, column: 1,
                hint: "the columns are \(table.header.excerptList())")
        }
        var rows = table.rows
        if options.missing == .drop {
            rows = rows.filter { row in !row.contains { $0.text.trimmingSpaces.isEmpty } }
        }
        guard !rows.isEmpty else {
            throw DataError(
                table.rows.isEmpty ? "the file has a header but no rows of data" : "no rows are left once the rows with missing values are dropped",
                path: path, line: 1, column: 1, hint: "a data set needs at least one row of numbers under the header")
        }
        var columns: [(name: String, values: [Float])] = []
        var wordColumns: [String: WordColumn] = [:]
        for (index, name) in table.header.enumerated() {
            let fields = rows.map { $0[index] }
            if options.codes.contains(name) || options.oneHot.contains(name) {
                let words = Array(Set(fields.map(\.text.trimmingSpaces))).sorted()
                let code = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
                wordColumns[name] = WordColumn(words: words, encoding: options.codes.contains(name) ? .codes : .oneHot)
                if options.codes.contains(name) {
                    columns.append((name, fields.map { Float(code[$0.text.trimmingSpaces] ?? 0) }))
                } else {
                    for word in words { columns.append(("\(name)=\(word)", fields.map { $0.text.trimmingSpaces == word ? 1 : 0 })) }
                }
                continue
            }
            var values: [Float] = []
            values.reserveCapacity(fields.count)
            for field in fields { values.append(try Dataset.number(field, column: name, missing: options.missing, path: path)) }
            columns.append((name, values))
        }
        let isTarget = { (column: String) in targetNames.contains(column) || targetNames.contains { column.hasPrefix($0 + "=") } }
        let features = columns.filter { !isTarget($0.name) }, targets = columns.filter { isTarget($0.name) }
        func tensor(_ chosen: [(name: String, values: [Float])]) -> Tensor {
            var scalars = [Float](repeating: 0, count: rows.count * chosen.count)
            for (column, entry) in chosen.enumerated() {
                for row in 0..<rows.count { scalars[row * chosen.count + column] = entry.values[row] }
            }
            // Every column holds one value per row.
            return try! Tensor(shape: [rows.count, chosen.count], scalars: scalars)
        }
        self.init(featureNames: features.map(\.name), targetNames: targets.map(\.name), features: tensor(features), targets: tensor(targets))
        self.wordColumns = wordColumns.filter { !targetNames.contains($0.key) }
        // A single target column of words names the classes: apple, banana, lemon.
        if targetNames.count == 1, let words = wordColumns[targetNames[0]]?.words { classNames = words }
    }

    static func number(_ field: CSVTable.Field, column: String, missing: CSVColumnOptions.Missing, path: String) throws(DataError) -> Float {
        let text = field.text.trimmingSpaces
        if text.isEmpty {
            if case .fill(let value) = missing { return Float(value) }
            throw DataError("the value of \"\(column.excerpt())\" is missing", path: path, line: field.line, column: field.column,
                            hint: "fill in the value, or load with missing=drop (drop such rows) or fill=NUMBER")
        }
        guard Dataset.isDecimal(text), let value = Float(text), !value.isNaN else {
            throw DataError("\"\(text.excerpt())\" in column \"\(column.excerpt())\" is not a number", path: path, line: field.line, column: field.column,
                            hint: "to use a column of words, load it with codes=[\(column.excerpt())] (numbers 0, 1, 2, …) or one_hot=[\(column.excerpt())]")
        }
        guard value.isFinite else {
            throw DataError("\(text.excerpt()) in column \"\(column.excerpt())\" is too large for a 32-bit number", path: path, line: field.line, column: field.column,
                            hint: "32-bit numbers reach about ±3.4e38; rescale the column")
        }
        return value
    }
}

extension Dataset {
    /// A number as CSV files write them: digits with an optional sign, point and exponent
    /// (`-1.5e3`). Swift's parser also takes hexadecimal (`0x10`), `inf` and `nan`, and C's
    /// stops at a NUL byte (`2\0`): none of those is a number in a CSV file.
    static func isDecimal(_ text: String) -> Bool {
        var sawDigit = false, sawPoint = false, sawExponent = false, previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return false }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
            default: return false
            }
            previous = byte
        }
        return sawDigit
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
