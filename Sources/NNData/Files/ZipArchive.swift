// The members of a ZIP archive (what a .npz file is), read from its central directory: whole,
// for the run, or only each member's first bytes, for the checker.

import Foundation
import NNCore

/// Reads the files of a ZIP archive: stored or deflated, without ZIP64.
enum ZipArchive {
    /// One member as the central directory lists it.
    struct Entry {
        let name: String
        /// 0 stored, 8 deflated.
        let method: Int
        let compressedSize: Int
        let size: Int
        /// Where the member's (compressed) bytes start in the archive.
        let start: Int
    }

    /// Every member's name and bytes, inflated.
    static func members(_ data: Data, path: String, memory: MemoryLimit) throws(DataError) -> [(String, Data)] {
        let bytes = [UInt8](data)
        let entries = try directory(size: bytes.count, path: path) { range throws(DataError) in Array(bytes[range]) }
        var members: [(String, Data)] = []
        for entry in entries {
            let stored = Data(bytes[entry.start..<(entry.start + entry.compressedSize)])
            members.append((entry.name, try inflated(stored, of: entry, prefix: nil, memory: memory, path: path)))
        }
        return members
    }

    /// Every member's name and at most its first `count` bytes, inflated from the few
    /// compressed bytes that hold them: what a header needs, read from the file without the rest.
    static func memberPrefixes(ofFileAt url: URL, count: Int, path: String) throws(DataError) -> [(String, Data)] {
        let file = try DataFile(url, path: path)
        let size = file.size
        defer { try? file.handle.close() }
        func read(_ range: Range<Int>) throws(DataError) -> [UInt8] {
            do {
                try file.handle.seek(toOffset: UInt64(range.lowerBound))
            } catch {
                throw DataError("cannot read the file", path: path)
            }
            let data = try file.read(upTo: range.count)
            guard data.count == range.count else { throw DataError("the archive is truncated", path: path) }
            return [UInt8](data)
        }
        var prefixes: [(String, Data)] = []
        for entry in try directory(size: size, path: path, read: read) {
            // Deflate never takes more than a few bytes per byte it gives back at its start;
            // 64 compressed bytes per wanted byte covers even stored blocks' overhead.
            let stored = try read(entry.start..<(entry.start + min(entry.compressedSize, count * 64 + 64)))
            prefixes.append((entry.name, try inflated(Data(stored), of: entry, prefix: count, memory: .unlimited, path: path)))
        }
        return prefixes
    }

    /// The central directory's entries, each checked against its local header; `read` gives
    /// the archive's bytes in a range, which must lie within `size`.
    private static func directory(size: Int, path: String, read: (Range<Int>) throws(DataError) -> [UInt8]) throws(DataError) -> [Entry] {
        guard size >= 22 else { throw DataError("the file is too short to be a .npz (ZIP) archive", path: path) }
        // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows.
        let tailStart = max(0, size - 22 - 65_535)
        let tail = try read(tailStart..<size)
        var end = tail.count - 22
        while end >= 0, !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 5 && tail[end + 3] == 6) { end -= 1 }
        guard end >= 0 else { throw DataError("this is not a .npz (ZIP) archive, or it is truncated", path: path, hint: "save arrays with numpy.savez") }
        let count = ZipArchive.u16(tail, end + 10)
        let directoryStart = ZipArchive.u32(tail, end + 16), directorySize = ZipArchive.u32(tail, end + 12)
        guard directoryStart + directorySize <= size else { throw DataError("the archive's directory is damaged", path: path) }
        let bytes = try read(directoryStart..<(directoryStart + directorySize))
        var offset = 0
        var entries: [Entry] = []
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, u32(bytes, offset) == 0x0201_4B50 else {
                throw DataError("the archive's directory is damaged", path: path)
            }
            let method = u16(bytes, offset + 10), compressed = u32(bytes, offset + 20), unpacked = u32(bytes, offset + 24)
            let nameLength = u16(bytes, offset + 28), extra = u16(bytes, offset + 30), comment = u16(bytes, offset + 32)
            let local = u32(bytes, offset + 42)
            guard offset + 46 + nameLength <= bytes.count else { throw DataError("the archive's directory is damaged", path: path) }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            if compressed == 0xFFFF_FFFF || unpacked == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw DataError("\(name.excerpt()) is stored in ZIP64 form, which nnbook cannot read", path: path, hint: "save smaller arrays, or use .npy files")
            }
            guard local + 30 <= size else { throw DataError("the entry \(name.excerpt()) is damaged", path: path) }
            let header = try read(local..<(local + 30))
            guard u32(header, 0) == 0x0403_4B50 else { throw DataError("the entry \(name.excerpt()) is damaged", path: path) }
            let start = local + 30 + u16(header, 26) + u16(header, 28)
            guard start + compressed <= size else { throw DataError("the archive is truncated in \(name.excerpt())", path: path) }
            entries.append(Entry(name: name, method: method, compressedSize: compressed, size: unpacked, start: start))
            offset += 46 + nameLength + extra + comment
        }
        return entries
    }

    /// A member's bytes (or their first `prefix`) from its stored bytes.
    private static func inflated(_ stored: Data, of entry: Entry, prefix: Int?, memory: MemoryLimit, path: String) throws(DataError) -> Data {
        switch entry.method {
        case 0: return prefix.map { stored.prefix($0) } ?? stored
        case 8:
            return try Gzip.decompress(
                stored, raw: true, expectedSize: prefix == nil ? entry.size : nil, prefix: prefix, memory: memory, path: "\(path)/\(entry.name.excerpt())")
        default:
            throw DataError(
                "\(entry.name.excerpt()) uses ZIP compression method \(entry.method), which nnbook cannot read", path: path,
                hint: "use numpy.savez or numpy.savez_compressed")
        }
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private static func u32(_ bytes: [UInt8], _ at: Int) -> Int { u16(bytes, at) | u16(bytes, at + 2) << 16 }
}
