// Building a numeric data set from a CSV file or text: reading it a piece at a time, choosing the
// target, encoding words, handling missing values, and reading every number.

import Foundation
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
    /// Words that mark a missing value as an empty field does (`?` in the auto-mpg data of
    /// Keras' regression tutorial; pandas' `na_values`).
    public var missingMarks: Set<String> = []

    public init(codes: [String] = [], oneHot: [String] = [], missing: Missing = .error, missingMarks: Set<String> = []) {
        self.codes = codes
        self.oneHot = oneHot
        self.missing = missing
        self.missingMarks = missingMarks
    }
}

extension Dataset {
    /// Reads a CSV file a piece at a time: `targets` are the target columns, every other column
    /// is a feature. A field that is not a number (and not in an encoded column) or is missing
    /// (and not dropped or filled) is an error at its line and column. The numbers are counted
    /// against `memory` as they are read, and the reading stops when `shouldStop` says so.
    public init(
        csvFileAt url: URL, path: String, separator: Character = ",", targets: [String], options: CSVColumnOptions = CSVColumnOptions(),
        memory: MemoryLimit = .unlimited, shouldStop: () -> Bool = { false }
    ) throws(DataError) {
        var reader = CSVReader(separator: separator, path: path)
        var builder = CSVDatasetBuilder(path: path, separator: separator, targets: targets, options: options, memory: memory)
        try Dataset.readPieces(of: url, path: path, into: &reader, shouldStop: shouldStop) { reader throws(DataError) in
            if builder.header == nil { try Dataset.checkLineLength(reader, memory: memory) }
            try builder.checkMemory(adding: reader.pendingBytes, line: reader.pendingLine)
            return false
        } body: { record throws(DataError) in
            try builder.add(record)
        }
        self = try builder.dataset()
    }

    /// Reads CSV text already in memory (a table written in a notebook, whose first line is
    /// `firstLine` of the notebook's file).
    public init(
        csvText text: [UInt8], path: String, firstLine: Int = 1, separator: Character = ",", targets: [String], options: CSVColumnOptions = CSVColumnOptions()
    ) throws(DataError) {
        var reader = CSVReader(separator: separator, path: path, firstLine: firstLine)
        var builder = CSVDatasetBuilder(path: path, separator: separator, targets: targets, options: options, memory: .unlimited)
        try reader.read(text) { record throws(DataError) in try builder.add(record) }
        self = try builder.dataset()
    }

    /// The column names of a CSV file, read from its header row and checked as loading checks
    /// them (`targets` and `options` name columns the header must have), with the first row of
    /// data: a mistake in the names quotes them only once a row has read as data under them.
    /// Only those two lines are read, each bounded by `memory` and `headerLimit`: a file with
    /// no line break (a one-line dump of gigabytes) is refused after a bounded prefix.
    public static func csvHeader(
        ofFileAt url: URL, path: String, separator: Character = ",", targets: [String], options: CSVColumnOptions = CSVColumnOptions(),
        memory: MemoryLimit = .unlimited
    ) throws(DataError) -> [String] {
        var reader = CSVReader(separator: separator, path: path)
        var builder = CSVDatasetBuilder(path: path, separator: separator, targets: targets, options: options, memory: .unlimited)
        try readPieces(of: url, path: path, into: &reader, shouldStop: { false }) { reader throws(DataError) in
            if builder.rowsKept > 0 { return true }
            try checkLineLength(reader, memory: memory)
            return false
        } body: { record throws(DataError) in
            if builder.rowsKept == 0 { try builder.add(record) }
        }
        guard let header = builder.header else {
            throw DataError("the file is empty", path: path, hint: "a CSV file starts with a header row of column names")
        }
        try builder.checkHeader()
        return header
    }

    /// The most memory the header row (or, for `csvHeader`, the row after it) may take, its
    /// text and each name's place: two million columns of short names take about 100 MB.
    static let headerLimit = 256 << 20

    /// Refuses the line being read once it takes more than `headerLimit` or half of `memory`:
    /// the header is read whole before anything else, so a file whose first line never ends
    /// (`/dev/zero` copied to a file, a binary file) would otherwise fill the memory. Half,
    /// because the line's buffers grow by doubling, and each growth holds the old copy and the
    /// new one at once: a line of half the limit has taken the whole of it. Nothing of the line
    /// is quoted: the file may be no CSV file at all.
    private static func checkLineLength(_ reader: CSVReader, memory: MemoryLimit) throws(DataError) {
        let limit = min(headerLimit, memory.bytes / 2)
        guard reader.pendingBytes > limit else { return }
        let line = reader.pendingLine
        let what = line == 1 ? "the header row (line 1)" : "line \(line)"
        throw DataError(
            "\(what) is longer than \(MemoryLimit.describe(limit)) and has not ended: this does not look like a CSV file", path: reader.path, line: line, column: 1,
            hint: "a CSV file names its columns on its first line and has one row per line"
                + (limit < headerLimit ? "; if it really is one, raise the memory limit with --memory-limit GB (a line being read may take half of it)" : ""))
    }

    /// How many bytes `afterPiece` sees arrive at most between two looks: a 1 MB piece of
    /// commas adds a million fields, 40 MB of their places, to the line being read.
    static let lookInterval = 1 << 16

    /// Feeds the file to `reader` a piece at a time; after each `lookInterval` bytes of a
    /// piece `afterPiece` may end the reading early (true) or refuse to go on (by throwing).
    private static func readPieces(
        of url: URL, path: String, into reader: inout CSVReader, shouldStop: () -> Bool,
        afterPiece: (CSVReader) throws(DataError) -> Bool, body: (CSVRecord) throws(DataError) -> Void
    ) throws(DataError) {
        let file = try DataFile(url, path: path)
        defer { try? file.handle.close() }
        while true {
            if shouldStop() { throw .interrupted(path: path) }
            let piece = try file.read(upTo: CSVReader.pieceSize)
            if piece.isEmpty { break }
            for start in stride(from: 0, to: piece.count, by: lookInterval) {
                var failure: DataError?
                piece.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<min(start + lookInterval, bytes.count)])
                    do throws(DataError) { try reader.read(slice, body: body) } catch { failure = error }
                }
                if let failure { throw failure }
                if try afterPiece(reader) { return }
            }
        }
        try reader.finish(body: body)
    }

    /// The words files write for a missing value (lower-cased), which a hint answers with `na=`.
    static let commonMissingMarks: Set<String> = ["?", "na", "n/a", "nan", "null", "none", "-", "--", ".", "missing"]

    /// The number in a field, or why it is none. `column` is the field's column name, nil while
    /// no row of the file has read as data: the file may be no CSV file at all (a file of
    /// secrets), and nothing of it is quoted then, neither the value nor its header's name;
    /// `index` (from 0) then says which field. Once a row has read as data, the column held a
    /// number there, so a word is more likely a slip in one value than a column of words.
    static func number(_ text: String, column: String?, index: Int, line: Int, column field: Int, missing: CSVColumnOptions.Missing, path: String) throws(DataError) -> Float {
        if text.isEmpty {
            if case .fill(let value) = missing { return Float(value) }
            throw DataError(column.map { "the value of \"\($0.excerpt())\" is missing" } ?? "field \(index + 1) has no value", path: path, line: line, column: field,
                            hint: "fill in the value, or load with missing=drop (drop such rows) or fill=NUMBER")
        }
        guard text.isDecimalNumber, let value = Float(text), !value.isNaN else {
            // Written only for a value that is no number: every value of a file passes here.
            let mark = column != nil && Dataset.commonMissingMarks.contains(text.lowercased())
            let notANumber = mark
                ? "\"\(text)\" marks a missing value: load with na=[\"\(text)\"] to read it as one, as an empty field is (then missing=drop drops its row, fill=NUMBER fills it)"
                : column.map { "the rows above hold numbers in column \"\($0.excerpt())\": write this value as a number too" }
                ?? "to use a column of words, load it with codes=[NAME] (numbers 0, 1, 2, …) or one_hot=[NAME], NAME being the name of column \(index + 1) in the header"
            throw DataError(column.map { "\"\(text.excerpt())\" in column \"\($0.excerpt())\" is not a number" } ?? "field \(index + 1) is not a number", path: path, line: line, column: field,
                            hint: notANumber)
        }
        guard value.isFinite else {
            throw DataError(column.map { "\(text.excerpt()) in column \"\($0.excerpt())\" is too large for a 32-bit number" } ?? "field \(index + 1) is too large for a 32-bit number",
                            path: path, line: line, column: field, hint: "32-bit numbers reach about ±3.4e38; rescale the column")
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
