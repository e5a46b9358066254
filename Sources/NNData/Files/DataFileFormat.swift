// A data file's format as its first bytes show it, so that a file given to the wrong reader
// (`load idx "data/insurance.csv"`) is named for what it is, before the wrong reader fails on
// it or the line's other options are read in that reader's terms.

import Foundation

/// The file formats nnbook reads, told apart by their first bytes.
public enum DataFileFormat: String, Sendable {
    case csv, idx, npy, npz

    /// How a message names the format: "a CSV file", "an IDX file".
    public var described: String {
        switch self {
        case .csv: "a CSV file"
        case .idx: "an IDX file"
        case .npy: "a NumPy .npy file"
        case .npz: "a NumPy .npz archive"
        }
    }

    /// What the bytes that start a file show it to be; nil when they do not tell (a gzip file,
    /// whose contents may be any of them, or bytes of no known kind).
    public static func guess(_ prefix: Data) -> DataFileFormat? {
        let bytes = [UInt8](prefix)
        if NumPyReader.startsWithMagic(bytes) { return .npy }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .npz }
        // IDX: two zero bytes, an element type, and at least one dimension.
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, IDXReader.elementSize(ofType: bytes[2]) != nil, bytes[3] >= 1 { return .idx }
        // CSV: text without NUL bytes whose first line has a separator. The prefix may end
        // inside a character of several bytes.
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        guard !bytes.isEmpty, !bytes.contains(0),
            (0...3).contains(where: { String(bytes: bytes.dropLast($0), encoding: .utf8) != nil }),
            firstLine.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\t") })
        else { return nil }
        return .csv
    }

    /// The format of the file at `url` by its first bytes; nil when it cannot be read (a
    /// mistake its reader reports) or its bytes do not tell.
    public static func guess(of url: URL, path: String) -> DataFileFormat? {
        guard let file = try? DataFile(url, path: path), let prefix = try? file.read(upTo: 512) else { return nil }
        try? file.handle.close()
        return guess(prefix)
    }
}
