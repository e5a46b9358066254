// Decompressing gzip and raw deflate data with zlib, refusing truncated or damaged input.

import CZlib
import Foundation

/// zlib's inflate, for `.gz` files and the deflated members of `.npz` archives.
public enum Gzip {
    /// Whether the bytes start with gzip's magic number.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1F && data[data.startIndex + 1] == 0x8B
    }

    /// The decompressed bytes of gzip data (`raw: false`) or a raw deflate stream (`raw: true`).
    /// `expectedSize` (when known) sizes the output at once.
    public static func decompress(_ data: Data, raw: Bool = false, expectedSize: Int? = nil, path: String) throws(DataError) -> Data {
        var stream = z_stream()
        let windowBits: Int32 = raw ? -MAX_WBITS : MAX_WBITS + 16
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError("cannot start decompressing", path: path)
        }
        defer { inflateEnd(&stream) }
        var output = Data(count: max(expectedSize ?? data.count * 4, 1024))
        var produced = 0
        var status: Int32 = Z_OK
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                if produced == output.count { output.count *= 2 }
                let room = output.count - produced
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
        guard status == Z_STREAM_END else {
            let problem = status == Z_BUF_ERROR ? "the compressed data ends too early (the file is truncated)" : "the compressed data is damaged"
            throw DataError(problem, path: path, hint: "download or copy the file again")
        }
        output.count = produced
        return output
    }
}
