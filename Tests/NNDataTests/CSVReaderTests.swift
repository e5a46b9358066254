// CSV reading: RFC 4180 quoting, and every error located at its line and column.

import XCTest
@testable import NNData

final class CSVReaderTests: XCTestCase {
    /// Every record's fields, reading the text in pieces of `piece` bytes.
    private func records(_ text: String, separator: Character = ",", piece: Int = .max) throws -> [[CSVTestField]] {
        var reader = CSVReader(separator: separator, path: "t.csv")
        var rows: [[CSVTestField]] = []
        let keep = { (record: CSVRecord) throws(DataError) in
            rows.append((0..<record.count).map { CSVTestField(text: record.text($0), line: record.fields[$0].line, column: record.fields[$0].column) })
        }
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: min(piece, max(bytes.count, 1))) {
            try Array(bytes[start..<min(start + piece, bytes.count)]).withUnsafeBufferPointer { try reader.read($0, body: keep) }
        }
        try reader.finish(body: keep)
        return rows
    }

    private func dataset(_ text: String, targets: [String] = ["y"], options: CSVColumnOptions = CSVColumnOptions()) throws -> Dataset {
        try Dataset(csvText: Array(text.utf8), path: "t.csv", targets: targets, options: options)
    }

    private func error(_ text: String) -> DataError? {
        do {
            _ = try dataset(text)
            return nil
        } catch { return error as? DataError }
    }

    func testQuotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws {
        let rows = try records("name,y\n\"Smith, J\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n")
        XCTAssertEqual(rows[0].map(\.text), ["name", "y"])
        XCTAssertEqual(rows.dropFirst().map { $0[0].text }, ["Smith, J", "say \"hi\"", "two\nlines"])
        XCTAssertEqual(rows[3][1].line, 5)
    }

    func testCRLFBlankLinesAndAMissingFinalNewline() throws {
        XCTAssertEqual(try records("a,y\r\n1,2\r\n\r\n3,4").map { $0.map(\.text) }, [["a", "y"], ["1", "2"], ["3", "4"]])
    }

    func testOtherSeparators() throws {
        XCTAssertEqual(try records("a;y\n1;2\n", separator: ";")[1].map(\.text), ["1", "2"])
    }

    /// A file arrives a megabyte at a time, cut anywhere: between the quotes of `""`, between
    /// CR and LF, inside a field. Every cut must read as the whole text does, positions included.
    func testTextCutIntoPiecesAnywhereReadsAsTheWhole() throws {
        let text = "name,\"y\"\r\n\"say \"\"hi\"\"\",2\r\n\r\n\"two\nlines\",3\n\"\",4\n\"a\"\"\",5"
        let whole = try records(text)
        for piece in 1...8 { XCTAssertEqual(try records(text, piece: piece), whole, "pieces of \(piece) bytes") }
        for piece in 1...4 {
            XCTAssertEqual(errorDescription { try self.records("a,y\n\"open,1\n", piece: piece) }, "t.csv:2:1: a quoted field is never closed")
            XCTAssertEqual(errorDescription { try self.records("a,y\n\"x\"z,1\n", piece: piece) }, "t.csv:2:4: text follows the closing quote of a field")
        }
    }

    private func errorDescription(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch { return (error as? DataError)?.description }
    }

    func testAByteOrderMarkFromExcelIsNotPartOfTheFirstColumnsName() throws {
        let text = "\u{FEFF}age,y\n30,1\n"
        for piece in 1...4 {
            XCTAssertEqual(try records(text, piece: piece).first, [CSVTestField(text: "age", line: 1, column: 1), CSVTestField(text: "y", line: 1, column: 5)], "pieces of \(piece) bytes")
        }
        XCTAssertEqual(try dataset(text).featureNames, ["age"])
        XCTAssertEqual(try records("\u{FEC0},y\n").first?.first?.text, "\u{FEC0}", "a character that starts like the mark is kept")
    }

    func testNumbersBecomeFeaturesAndTargets() throws {
        let dataset = try dataset("age,afford,y\n22,1,0\n47,0,1\n")
        XCTAssertEqual(dataset.featureNames, ["age", "afford"])
        XCTAssertEqual(dataset.features.scalars, [22, 1, 47, 0])
        XCTAssertEqual(dataset.targets.scalars, [0, 1])
    }

    func testWordColumnsBecomeCodesOrOneHotColumns() throws {
        let table = "city,size,y\nPune,1,0\nDelhi,2,1\nPune,3,1\n"
        let coded = try dataset(table, options: CSVColumnOptions(codes: ["city"]))
        XCTAssertEqual(coded.featureNames, ["city", "size"])
        XCTAssertEqual(coded.features.scalars, [1, 1, 0, 2, 1, 3])
        let oneHot = try dataset(table, options: CSVColumnOptions(oneHot: ["city"]))
        XCTAssertEqual(oneHot.featureNames, ["city=Delhi", "city=Pune", "size"])
        XCTAssertEqual(oneHot.features.scalars, [0, 1, 1, 1, 0, 2, 0, 1, 3])
        XCTAssertEqual(oneHot.inputNames, ["city", "size"])
        XCTAssertEqual(oneHot.wordColumns["city"]?.features(for: "Pune", column: "city"), ["city=Delhi": 0, "city=Pune": 1])
        XCTAssertEqual(coded.wordColumns["city"]?.features(for: "Pune", column: "city"), ["city": 1])
        XCTAssertNil(coded.wordColumns["city"]?.features(for: "Goa", column: "city"))
    }

    func testAWordTargetNamesItsClassesInCodeOrder() throws {
        for options in [CSVColumnOptions(codes: ["fruit"]), CSVColumnOptions(oneHot: ["fruit"])] {
            let dataset = try dataset("size,fruit\n1,lemon\n2,apple\n3,banana\n", targets: ["fruit"], options: options)
            XCTAssertEqual(dataset.classNames, ["apple", "banana", "lemon"])
            XCTAssertEqual(dataset.className(2), "lemon")
            XCTAssertEqual(dataset.classCount, 3)
            XCTAssertTrue(dataset.wordColumns.isEmpty)
        }
    }

    func testMissingValuesCanBeDroppedOrFilled() throws {
        let table = "a,y\n1,0\n,1\n3,\n"
        XCTAssertEqual(try dataset(table, options: CSVColumnOptions(missing: .drop)).features.scalars, [1])
        let filled = try dataset(table, options: CSVColumnOptions(missing: .fill(-1)))
        XCTAssertEqual(filled.features.scalars, [1, -1, 3])
        XCTAssertEqual(filled.targets.scalars, [0, 1, -1])
    }

    func testHundredThousandRowsAreRead() throws {
        var text = "a,b,c,d,e,f,g,h,i,y\n"
        for row in 0..<100_000 { text += "\(row),1.5,2,3,4,5,6,7,8,\(row % 2)\n" }
        let dataset = try dataset(text)
        XCTAssertEqual(dataset.features.shape, [100_000, 9])
        XCTAssertEqual(dataset.features[99_999, 0], 99_999)
    }

    func testEmptyFile() {
        XCTAssertEqual(error("")?.description, "t.csv: the file is empty")
    }

    func testRaggedRow() {
        let e = error("a,y\n1,2\n3\n")
        XCTAssertEqual(e?.description, "t.csv:3:1: this row has 1 field, but the header has 2")
        XCTAssertEqual(e?.hint, "check for a missing or extra separator; a field holding a comma must be quoted")
    }

    func testNonNumericCellNamesRowAndColumn() {
        XCTAssertEqual(error("age,y\n22,0\nold,1\n")?.description, "t.csv:3:1: \"old\" in column \"age\" is not a number")
        XCTAssertEqual(error("age,y\n22,0\n23,yes\n")?.description, "t.csv:3:4: \"yes\" in column \"y\" is not a number")
    }

    func testMissingValue() {
        XCTAssertEqual(error("age,y\n22,0\n,1\n")?.description, "t.csv:3:1: the value of \"age\" is missing")
    }

    func testNumberTooLargeForFloat32() {
        XCTAssertEqual(error("age,y\n1,0\n1e39,0\n")?.description, "t.csv:3:1: 1e39 in column \"age\" is too large for a 32-bit number")
    }

    func testUnclosedQuote() {
        XCTAssertEqual(error("a,y\n\"open,1\n")?.description, "t.csv:2:1: a quoted field is never closed")
    }

    func testQuoteInsideAField() {
        XCTAssertEqual(error("a,y\nab\"c,1\n")?.description, "t.csv:2:3: a quote appears inside a field that does not start with one")
    }

    func testNonUTF8Bytes() {
        XCTAssertThrowsError(try Dataset(csvText: [0x61, 0x0A, 0xFF, 0xFE], path: "t.csv", targets: [])) { error in
            XCTAssertEqual((error as? DataError)?.description, "t.csv:2:1: the file is not UTF-8 text")
        }
    }

    func testUnknownTargetColumn() {
        let e = error("a,b\n1,2\n")
        XCTAssertEqual(e?.description, "t.csv:1:1: there is no column \"y\"")
        XCTAssertEqual(e?.hint, "the columns are a, b")
    }

    func testDuplicateHeader() {
        XCTAssertEqual(error("a,a,y\n1,2,3\n")?.description, "t.csv:1:3: the column name \"a\" appears twice in the header")
    }

    /// A file is quoted only once a row has read as data under its header: before, it may be
    /// any file (a password as its first line, a key on its second), and nothing of it is.
    func testNothingOfAFileIsQuotedBeforeARowReadsAsData() {
        let secret = "hunter2"
        let cases: [(text: String, description: String, hint: String?)] = [
            ("\(secret)\n", "t.csv:1:1: the file has a header but no rows of data", "a data set needs at least one row of numbers under the header"),
            ("\(secret)\n\(secret)\n", "t.csv:2:1: field 1 is not a number", "to use a column of words, load it with codes=[NAME] (numbers 0, 1, 2, …) or one_hot=[NAME], NAME being the name of column 1 in the header"),
            ("user,\(secret)\n,1\n", "t.csv:2:1: field 1 has no value", "fill in the value, or load with missing=drop (drop such rows) or fill=NUMBER"),
            ("user,\(secret)\n1e39,1\n", "t.csv:2:1: field 1 is too large for a 32-bit number", "32-bit numbers reach about ±3.4e38; rescale the column"),
            ("\(secret)\n1,2\n", "t.csv:2:1: this row has 2 fields, but the header has 1", "check for a missing or extra separator; a field holding a comma must be quoted"),
        ]
        for (text, description, hint) in cases {
            let e = error(text)
            XCTAssertEqual(e?.description, description, text)
            XCTAssertEqual(e?.hint, hint, text)
        }
        // Once a row reads as data, the header is the file's column names, and they are shown.
        XCTAssertEqual(error("\(secret)\n1\n")?.hint, "the columns are \(secret)")
    }

    /// The check reads a large file's header and its first row only: a mistake in the names
    /// is told without them when no row under the header reads as data.
    func testTheHeaderOfALargeFileIsQuotedOnlyAboveARowOfData() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-header-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        func header(_ text: String) -> DataError? {
            do {
                try Data(text.utf8).write(to: file)
                _ = try Dataset.csvHeader(ofFileAt: file, path: "t.csv", targets: ["y"])
                return nil
            } catch { return error as? DataError }
        }
        XCTAssertEqual(header("hunter2\n")?.description, "t.csv:1:1: there is no column \"y\"")
        XCTAssertEqual(header("hunter2\n")?.hint, "no row under the header reads as data, so the header is not quoted; a CSV file names its columns on its first line")
        XCTAssertEqual(header("hunter2,hunter2,y\n")?.description, "t.csv:1:9: columns 1 and 2 of the header have the same name")
        XCTAssertEqual(header("hunter2,hunter2,y\n1,2,3\n")?.description, "t.csv:1:9: the column name \"hunter2\" appears twice in the header")
        XCTAssertEqual(header("hunter2\nhunter2\n")?.description, "t.csv:2:1: field 1 is not a number")
        XCTAssertEqual(header("hunter2\n1\n")?.hint, "the columns are hunter2")
    }
}

struct CSVTestField: Equatable {
    let text: String
    let line: Int
    let column: Int
}
