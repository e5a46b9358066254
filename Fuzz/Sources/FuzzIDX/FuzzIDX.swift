// Fuzzes the IDX reader, raw and gzip-compressed.

import Foundation
import NNCore
import FuzzDriver
import NNData

@_cdecl("FuzzIDX_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzIDX(fuzzInput(data, count)) }
}

func fuzzIDX(_ input: UnsafeRawBufferPointer) -> CInt {
    _ = try? IDXReader.read(Data(input), path: "fuzz.idx", memory: MemoryLimit(bytes: 64 << 20))
    return 0
}
