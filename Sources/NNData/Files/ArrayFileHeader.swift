// The shape of an IDX or `.npy` file from its first bytes alone, so that a notebook can be
// checked in milliseconds even when its data is hundreds of megabytes.

import Foundation
import NNCore

/// Reads only the start of an array file.
public enum ArrayFileHeader {
    /// How many bytes are read: a gzip stream yields a header's few bytes from far fewer, and an
    /// `.npy` header is at most a few kilobytes.
    static let prefixLength = 16 * 1024

    /// The shape the IDX (or, with `numPy`, `.npy`) file at `url` announces; `path` names it
    /// in errors. Values that would not fit in `memory` are refused as the readers refuse them.
    public static func shape(ofFileAt url: URL, numPy: Bool, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> [Int] {
        let file = try DataFile(url, path: path)
        defer { try? file.handle.close() }
        let prefix = try file.read(upTo: prefixLength)
        return numPy ? try NumPyReader.shape(ofPrefix: prefix, path: path, memory: memory) : try IDXReader.shape(ofPrefix: prefix, path: path, memory: memory)
    }
}
