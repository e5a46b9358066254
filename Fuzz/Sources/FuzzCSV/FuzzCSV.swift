// Fuzzes the CSV reader and the conversion of its fields to numbers.

import FuzzDriver
import NNData

@_cdecl("FuzzCSV_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzCSV(fuzzInput(data, count)) }
}

func fuzzCSV(_ input: UnsafeRawBufferPointer) -> CInt {
    let bytes = Array(input)
    if let table = try? CSVReader().read(bytes, path: "fuzz.csv"), let target = table.header.last {
        _ = try? Dataset(csv: table, targets: [target], options: CSVColumnOptions(missing: .drop), path: "fuzz.csv")
    }
    return 0
}
