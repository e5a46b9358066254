// Fuzzes the CSV reader and the conversion of its fields to numbers.

import FuzzDriver
import NNData

@_cdecl("FuzzCSV_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzCSV(fuzzInput(data, count)) }
}

func fuzzCSV(_ input: UnsafeRawBufferPointer) -> CInt {
    let bytes = Array(input)
    // Where a piece of the file ends must not change what is read: the text cut in two at a
    // place the input chooses reads as the whole text does.
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) * 7 % (bytes.count + 1)
    precondition(records(bytes, cutAt: cut) == records(bytes, cutAt: bytes.count), "the records depend on where the text was cut")
    if case .success(let rows) = records(bytes, cutAt: bytes.count), let header = rows.first?.map(\.text), let target = header.last {
        _ = try? Dataset(csvText: bytes, path: "fuzz.csv", targets: [target], options: CSVColumnOptions(missing: .drop))
        _ = try? Dataset(csvText: bytes, path: "fuzz.csv", targets: [target], options: CSVColumnOptions(codes: [header[0]]))
    }
    return 0
}

struct Field: Equatable {
    let line: Int, column: Int, text: String
}

/// Every record's fields with their lines and columns, or the error, reading the text in two pieces.
func records(_ bytes: [UInt8], cutAt cut: Int) -> Result<[[Field]], DataError> {
    var reader = CSVReader(path: "fuzz.csv")
    var rows: [[Field]] = []
    let keep = { (record: CSVRecord) throws(DataError) in
        rows.append((0..<record.count).map { Field(line: record.fields[$0].line, column: record.fields[$0].column, text: record.text($0)) })
    }
    do throws(DataError) {
        for piece in [bytes[..<cut], bytes[cut...]] {
            var failure: DataError?
            Array(piece).withUnsafeBufferPointer { buffer in
                do throws(DataError) { try reader.read(buffer, body: keep) } catch { failure = error }
            }
            if let failure { throw failure }
        }
        try reader.finish(body: keep)
        return .success(rows)
    } catch {
        return .failure(error)
    }
}
