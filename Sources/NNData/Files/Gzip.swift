// Decompressing gzip and raw deflate data with zlib, refusing truncated or damaged input.

import CZlib
import Foundation
import NNCore

/// zlib's inflate, for `.gz` files and the deflated members of `.npz` archives.
public enum Gzip {
    /// Whether the bytes start with gzip's magic number.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of gzip data (`raw: false`) or a raw deflate stream (`raw: true`).
    /// `expectedSize` (when known) sizes the output at once; output beyond `memory` is refused
    /// (a small file can inflate to gigabytes). With `prefix`, only the first `prefix` bytes are
    /// inflated and returned (fewer when the data ends first): a header can then be checked
    /// before the rest is inflated.
    public static func decompress(
        _ data: Data, raw: Bool = false, expectedSize: Int? = nil, prefix: Int? = nil, memory: MemoryLimit = .unlimited, path: String,
        shouldStop: () -> Bool = { false }
    ) throws(DataError) -> Data {
        let memory = prefix.map { MemoryLimit(bytes: min($0, memory.bytes)) } ?? memory
        var stream = z_stream()
        let windowBits: Int32 = raw ? -MAX_WBITS : MAX_WBITS + 16
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError("cannot start decompressing", path: path)
        }
        defer { inflateEnd(&stream) }
        if let expectedSize, let refusal = memory.refusal(expectedSize, for: "decompressing the file") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: expectedSize))
        }
        var output = Data(count: max(min(expectedSize ?? data.count * 4, memory.bytes), min(1024, memory.bytes)))
        var produced = 0
        var status: Int32 = Z_OK
        var tooLarge = false, stopped = false
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                if shouldStop() {
                    stopped = true
                    break
                }
                if produced == output.count {
                    guard output.count < memory.bytes else {
                        tooLarge = true
                        break
                    }
                    output.count = min(output.count * 2, memory.bytes)
                }
                // At most 16 MB at a time, so that a request to stop is seen within moments.
                let room = min(output.count - produced, 1 << 24)
                status = output.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int32 in
                    stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress! + produced
                    stream.avail_out = uInt(room)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    produced += room - Int(stream.avail_out)
                    return result
                }
                if status == Z_BUF_ERROR && stream.avail_in > 0 { status = Z_OK }
            }
        }
        if stopped { throw .interrupted(path: path) }
        if let prefix, tooLarge || produced == prefix {
            output.count = produced
            return output
        }
        if tooLarge, let refusal = memory.refusal(memory.bytes &+ 1, for: "decompressing the file") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: memory.bytes &+ 1))
        }
        guard status == Z_STREAM_END else {
            let problem = status == Z_BUF_ERROR ? "the compressed data ends too early (the file is truncated)" : "the compressed data is damaged"
            throw DataError(problem, path: path, hint: "download or copy the file again")
        }
        output.count = produced
        return output
    }

    /// At most the first `count` decompressed bytes of gzip data: enough for a file's header
    /// without inflating the whole file (what the checker reads of a 26 MB image file).
    public static func decompressedPrefix(_ data: Data, count: Int = 1024, path: String) throws(DataError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, MAX_WBITS + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError("cannot start decompressing", path: path)
        }
        defer { inflateEnd(&stream) }
        var output = Data(count: count)
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            return output.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int32 in
                stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(count)
                return inflate(&stream, Z_SYNC_FLUSH)
            }
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw DataError("the compressed data is damaged", path: path, hint: "download or copy the file again")
        }
        if status != Z_STREAM_END, stream.avail_out > 0, stream.avail_in == 0, data.count < 16 * 1024 {
            // The whole (small) file was given and ran out before its stream ended.
            throw DataError("the compressed data ends too early (the file is truncated)", path: path, hint: "download or copy the file again")
        }
        output.count = count - Int(stream.avail_out)
        return output
    }
}
