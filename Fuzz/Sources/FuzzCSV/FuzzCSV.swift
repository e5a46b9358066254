// Fuzzes the CSV reader and the conversion of its fields to numbers.

import FuzzDriver
import NNData

@_cdecl("FuzzCSV_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzCSV(UnsafeRawPointer(data!), count) }
}

func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let table = try? CSVReader().read(bytes, path: "fuzz.csv"), let target = table.header.last {
        _ = try? Dataset(csv: table, targets: [target], options: CSVColumnOptions(missing: .drop), path: "fuzz.csv")
    }
    return 0
}
