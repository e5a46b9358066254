// Reads CSV text as RFC 4180 defines it, a piece at a time: a file of gigabytes is parsed as its
// bytes arrive, and only the record being read is held as text.

/// Splits CSV text into records of fields, handing each record on as soon as it ends.
///
/// Quoted fields may hold separators, line breaks and doubled quotes (`""` is one `"`). Lines
/// may end in LF or CRLF; a final line break is optional; blank lines are skipped; a UTF-8 byte
/// order mark at the start is skipped. The text may
/// arrive in pieces cut anywhere, even between the two quotes of `""` or the CR and LF of a line
/// break: what a piece ends in is remembered for the next.
public struct CSVReader {
    public let separator: UInt8
    public let path: String
    /// How many bytes a reader of files asks for at once.
    public static let pieceSize = 1 << 20

    private var record = CSVRecord()
    private var line: Int, column = 1
    private var fieldLine: Int, fieldColumn = 1
    private var fieldStart = 0
    private var quoted = false, wasQuoted = false, nonASCII = false
    /// A quote seen inside a quoted field: the next byte says whether it closed the field or was
    /// the first of `""`.
    private var quoteInQuotes = false
    /// A CR that ended a line: an LF right after it belongs to the same line break.
    private var afterCarriageReturn = false
    /// How many bytes of a byte order mark begin the text so far (3 once past it): Excel writes
    /// one before UTF-8 CSV, and it is not part of the first column's name.
    private var byteOrderMarkSeen = 0
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `firstLine` is the line number of the text's first line: a table written inside a
    /// notebook starts part-way down the notebook's file.
    public init(separator: Character = ",", path: String, firstLine: Int = 1) {
        self.separator = separator.asciiValue ?? UInt8(ascii: ",")
        self.path = path
        line = firstLine
        fieldLine = firstLine
    }

    /// The bytes of the record not yet ended, which a memory limit must count.
    public var pendingBytes: Int { record.bytes.count + record.fields.count * MemoryLayout<CSVRecord.Place>.stride }

    /// The line the record not yet ended starts on.
    public var pendingLine: Int { record.fields.first?.line ?? fieldLine }

    /// Parses the next piece of the text, calling `body` with each record it completes.
    public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, body: (CSVRecord) throws(DataError) -> Void) throws(DataError) {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        for byte in bytes {
            if byteOrderMarkSeen < 3 {
                if byte == CSVReader.byteOrderMark[byteOrderMarkSeen] {
                    byteOrderMarkSeen += 1
                    continue
                }
                keepPartialByteOrderMark()
            }
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == newline { continue }
            }
            if quoteInQuotes {
                quoteInQuotes = false
                if byte == quote {
                    record.bytes.append(quote)
                    column += 1
                    continue
                }
                quoted = false
            }
            if quoted {
                if byte == quote {
                    quoteInQuotes = true
                } else {
                    record.bytes.append(byte)
                    nonASCII = nonASCII || byte >= 0x80
                    if byte == newline {
                        line += 1
                        column = 0
                    }
                }
            } else if byte == quote {
                guard record.bytes.count == fieldStart, !wasQuoted else {
                    throw DataError("a quote appears inside a field that does not start with one", path: path, line: line, column: column,
                                    hint: "quote the whole field and double the quotes inside it: \"say \"\"hi\"\"\"")
                }
                quoted = true
                wasQuoted = true
            } else if byte == separator {
                try endField()
                fieldLine = line
                fieldColumn = column + 1
            } else if byte == newline || byte == carriageReturn {
                afterCarriageReturn = byte == carriageReturn
                try endField()
                try endRecord(body)
                line += 1
                column = 0
                fieldLine = line
                fieldColumn = 1
            } else {
                if wasQuoted {
                    throw DataError("text follows the closing quote of a field", path: path, line: line, column: column,
                                    hint: "put the separator right after the closing quote")
                }
                record.bytes.append(byte)
                nonASCII = nonASCII || byte >= 0x80
            }
            column += 1
        }
    }

    /// Ends the text: the last record may lack its line break.
    public mutating func finish(body: (CSVRecord) throws(DataError) -> Void) throws(DataError) {
        keepPartialByteOrderMark()
        if quoteInQuotes {
            quoteInQuotes = false
            quoted = false
        }
        if quoted {
            throw DataError("a quoted field is never closed", path: path, line: fieldLine, column: fieldColumn, hint: "add the closing quote (\")")
        }
        if record.bytes.count > fieldStart || !record.fields.isEmpty || wasQuoted {
            try endField()
            try endRecord(body)
        }
    }

    /// The text began with only part of a byte order mark: those bytes are text after all.
    private mutating func keepPartialByteOrderMark() {
        guard byteOrderMarkSeen < 3 else { return }
        record.bytes += CSVReader.byteOrderMark[..<byteOrderMarkSeen]
        nonASCII = nonASCII || byteOrderMarkSeen > 0
        column += byteOrderMarkSeen
        byteOrderMarkSeen = 3
    }

    private mutating func endField() throws(DataError) {
        let place = CSVRecord.Place(start: fieldStart, end: record.bytes.count, line: fieldLine, column: fieldColumn, quoted: wasQuoted, ascii: !nonASCII)
        // The separators, quotes and line breaks are ASCII, so the text is UTF-8 exactly when
        // every field is; only fields with other bytes need the check.
        if nonASCII, String(validating: record.bytes[place.start..<place.end], as: UTF8.self) == nil {
            throw DataError(
                "the file is not UTF-8 text", path: path, line: fieldLine, column: fieldColumn,
                hint: "save the file as UTF-8 CSV (most spreadsheet programs offer it under Save As)")
        }
        record.fields.append(place)
        fieldStart = record.bytes.count
        wasQuoted = false
        nonASCII = false
    }

    private mutating func endRecord(_ body: (CSVRecord) throws(DataError) -> Void) throws(DataError) {
        let blank = record.fields.count == 1 && record.fields[0].start == record.fields[0].end && !record.fields[0].quoted
        if !blank { try body(record) }
        record.bytes.removeAll(keepingCapacity: true)
        record.fields.removeAll(keepingCapacity: true)
        fieldStart = 0
    }
}

extension CSVReader {
    /// Parses the whole of a text already in memory (a table written in a notebook).
    public mutating func read(_ text: [UInt8], body: (CSVRecord) throws(DataError) -> Void) throws(DataError) {
        var failure: DataError?
        text.withUnsafeBufferPointer { bytes in
            do throws(DataError) {
                try read(bytes, body: body)
                try finish(body: body)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
