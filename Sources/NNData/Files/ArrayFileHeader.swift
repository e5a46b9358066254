// The shape of an IDX or `.npy` file from its first bytes alone, so that a notebook can be
// checked in milliseconds even when its data is hundreds of megabytes.

import Foundation
import NNCore

/// Reads only the start of an array file.
public enum ArrayFileHeader {
    /// How many bytes are read: a gzip stream yields a header's few bytes from far fewer, and an
    /// `.npy` header is at most a few kilobytes.
    static let prefixLength = 16 * 1024

    /// The shape the IDX (or, with `numPy`, `.npy`) file at `url` announces, and the largest
    /// magnitude its values' type holds when that is small (an IDX file of bytes, as MNIST's
    /// pixels are: 255), what `scale … divide=` may not push beyond Float32; `path` names the
    /// file in errors. Values that would not fit in `memory`, an unsupported type and a file
    /// shorter than its header announces are refused as the readers refuse them.
    public static func header(ofFileAt url: URL, numPy: Bool, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> (shape: [Int], largestValue: Double?) {
        let file = try DataFile(url, path: path)
        defer { try? file.handle.close() }
        let prefix = try file.read(upTo: prefixLength)
        // The file's size tells a truncated file as the run finds it; a compressed file's
        // size says nothing of its values'.
        if numPy { return (try NumPyReader.shape(ofPrefix: prefix, fileSize: file.size, path: path, memory: memory), nil) }
        let header = try IDXReader.header(ofPrefix: prefix, path: path, memory: memory)
        if !Gzip.isCompressed(prefix) { try header.checkLength(file.size, path: path) }
        let largest: Double? = switch header.type {
        case 0x08: 255
        case 0x09: 128
        default: nil
        }
        return (header.shape, largest)
    }
}
