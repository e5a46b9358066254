// Reads CSV text as RFC 4180 defines it: a header row, separated fields, optional quotes.

/// Splits CSV text into a header and rows of fields.
///
/// Quoted fields may hold separators, line breaks and doubled quotes (`""` is one `"`). Lines
/// may end in LF or CRLF; a final line break is optional; blank lines are skipped. Every row must
/// have as many fields as the header.
public struct CSVReader: Sendable {
    public let separator: UInt8
    /// About the most memory reading a CSV file takes per byte of it: the bytes, each field's
    /// text and place, and the numbers; a file is refused when this much would not fit.
    public static let memoryPerByte = 8

    /// Asked every megabyte: a true answer stops the reading (Ctrl-C, SIGTERM).
    public let shouldStop: @Sendable () -> Bool

    public init(separator: Character = ",", shouldStop: @escaping @Sendable () -> Bool = { false }) {
        self.separator = separator.asciiValue ?? UInt8(ascii: ",")
        self.shouldStop = shouldStop
    }

    /// `firstLine` is the line number of the text's first line: a table written inside a
    /// notebook starts part-way down the notebook's file.
    public func read(_ bytes: [UInt8], path: String, firstLine: Int = 1) throws(DataError) -> CSVTable {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw DataError(
                "the file is not UTF-8 text", path: path,
                hint: "save the file as UTF-8 CSV (most spreadsheet programs offer it under Save As)")
        }
        var records = try records(bytes, path: path, firstLine: firstLine)
        guard !records.isEmpty else {
            throw DataError("the file is empty", path: path, hint: "a CSV file starts with a header row of column names")
        }
        let header = records.removeFirst()
        let names = header.map(\.text)
        // A first line with control characters is no header of a CSV file (/proc/self/environ,
        // a binary file): it is not quoted back, since it may hold anything.
        if let odd = header.first(where: { $0.text.unicodeScalars.contains { $0.properties.generalCategory == .control && !"\t\n\r".unicodeScalars.contains($0) } }) {
            throw DataError(
                "the first line is not a header of column names: it holds control characters, so this is not a CSV file", path: path, line: odd.line, column: odd.column,
                hint: "load csv reads text files whose first line names the columns, e.g. x1,x2,y")
        }
        if let blank = header.firstIndex(where: { $0.text.isEmpty }) {
            throw DataError("column \(blank + 1) of the header has no name", path: path, line: header[blank].line, column: header[blank].column)
        }
        var seen: Set<String> = []
        for field in header where !seen.insert(field.text).inserted {
            throw DataError("the column name \"\(field.text.excerpt())\" appears twice in the header", path: path, line: field.line, column: field.column)
        }
        for record in records where record.count != names.count {
            throw DataError(
                "this row has \(record.count) field\(record.count == 1 ? "" : "s"), but the header has \(names.count)",
                path: path, line: record[0].line, column: 1,
                hint: "check for a missing or extra separator; a field holding a comma must be quoted")
        }
        return CSVTable(header: names, rows: records)
    }

    private func records(_ bytes: [UInt8], path: String, firstLine: Int) throws(DataError) -> [[CSVTable.Field]] {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var records: [[CSVTable.Field]] = []
        var record: [CSVTable.Field] = []
        var field: [UInt8] = []
        var line = firstLine, column = 1
        var fieldLine = firstLine, fieldColumn = 1
        var index = 0
        var quoted = false, wasQuoted = false, wasQuotedLast = false

        func endField() {
            record.append(CSVTable.Field(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            let blank = record.count == 1 && record[0].text.isEmpty && !wasQuotedLast
            if !blank { records.append(record) }
            record.removeAll()
        }
        while index < bytes.count {
            if index & 0xF_FFFF == 0, shouldStop() { throw .interrupted(path: path) }
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 1
                        column += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                    if byte == newline {
                        line += 1
                        column = 0
                    }
                }
            } else if byte == quote {
                guard field.isEmpty, !wasQuoted else {
                    throw DataError("a quote appears inside a field that does not start with one", path: path, line: line, column: column,
                                    hint: "quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\"")
                }
                quoted = true
                wasQuoted = true
            } else if byte == separator {
                endField()
                fieldLine = line
                fieldColumn = column + 1
            } else if byte == newline || byte == carriageReturn {
                if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                wasQuotedLast = wasQuoted
                endField()
                endRecord()
                line += 1
                column = 0
                fieldLine = line
                fieldColumn = 1
            } else {
                if wasQuoted {
                    throw DataError("text follows the closing quote of a field", path: path, line: line, column: column,
                                    hint: "put the separator right after the closing quote")
                }
                field.append(byte)
            }
            index += 1
            column += 1
        }
        if quoted {
            throw DataError("a quoted field is never closed", path: path, line: fieldLine, column: fieldColumn,
                            hint: "add the closing quote (\")")
        }
        if !field.isEmpty || !record.isEmpty || wasQuoted {
            wasQuotedLast = wasQuoted
            endField()
            endRecord()
        }
        return records
    }
}
