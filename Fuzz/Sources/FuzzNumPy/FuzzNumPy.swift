// Fuzzes the NumPy .npy reader and the .npz (ZIP) archive reader.

import Foundation
import NNCore
import FuzzDriver
import NNData

@_cdecl("FuzzNumPy_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzNumPy(fuzzInput(data, count)) }
}

func fuzzNumPy(_ input: UnsafeRawBufferPointer) -> CInt {
    let data = Data(input)
    _ = try? NumPyReader.array(data, path: "fuzz.npy", memory: MemoryLimit(bytes: 64 << 20))
    _ = try? NumPyReader.archive(data, path: "fuzz.npz", memory: MemoryLimit(bytes: 64 << 20))
    return 0
}
