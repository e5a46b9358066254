// The members of a ZIP archive (what a .npz file is), read from its central directory.

import Foundation
import NNCore

/// Reads the files of a ZIP archive: stored or deflated, without ZIP64.
enum ZipArchive {
    static func members(_ data: Data, path: String, memory: MemoryLimit) throws(DataError) -> [(String, Data)] {
        let bytes = [UInt8](data)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw DataError("the file is too short to be a .npz (ZIP) archive", path: path) }
        var end = bytes.count - 22
        while end >= 0, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        guard end >= 0 else { throw DataError("this is not a .npz (ZIP) archive, or it is truncated", path: path, hint: "save arrays with numpy.savez") }
        let entries = u16(end + 10)
        var offset = u32(end + 16)
        var members: [(String, Data)] = []
        for _ in 0..<entries {
            guard offset + 46 <= bytes.count, u32(offset) == 0x0201_4B50 else {
                throw DataError("the archive's directory is damaged", path: path)
            }
            let method = u16(offset + 10), compressed = u32(offset + 20), size = u32(offset + 24)
            let nameLength = u16(offset + 28), extra = u16(offset + 30), comment = u16(offset + 32)
            let local = u32(offset + 42)
            guard offset + 46 + nameLength <= bytes.count else { throw DataError("the archive's directory is damaged", path: path) }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            if compressed == 0xFFFF_FFFF || size == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw DataError("\(name.excerpt()) is stored in ZIP64 form, which nnbook cannot read", path: path, hint: "save smaller arrays, or use .npy files")
            }
            guard local + 30 <= bytes.count, u32(local) == 0x0403_4B50 else { throw DataError("the entry \(name.excerpt()) is damaged", path: path) }
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + compressed <= bytes.count else { throw DataError("the archive is truncated in \(name.excerpt())", path: path) }
            let stored = Data(bytes[start..<(start + compressed)])
            switch method {
            case 0: members.append((name, stored))
            case 8: members.append((name, try Gzip.decompress(stored, raw: true, expectedSize: size, memory: memory, path: "\(path)/\(name.excerpt())")))
            default: throw DataError("\(name.excerpt()) uses ZIP compression method \(method), which nnbook cannot read", path: path, hint: "use numpy.savez or numpy.savez_compressed")
            }
            offset += 46 + nameLength + extra + comment
        }
        return members
    }
}
