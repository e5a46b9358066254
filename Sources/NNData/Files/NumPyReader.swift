// NumPy's .npy arrays and .npz archives, as learners bring them from Python.

import Foundation
import NNCore

/// Reads `.npy` files (format versions 1–3; little-endian uint8, int8, int32, int64, float32,
/// float64; C order) and `.npz` archives of them (stored or deflated).
public enum NumPyReader {
    /// One `.npy` array; one whose values would not fit in `memory` is refused before they are
    /// allocated.
    public static func array(_ data: Data, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> Tensor {
        let bytes = [UInt8](data)
        let header = try Header(bytes, path: path)
        try checkFits(header.shape, header.shapeText, memory: memory, path: path)
        try header.checkLength(bytes.count, path: path)
        let (type, start) = (header.type, header.start)
        let count = header.shape.reduce(1, *)
        var scalars = [Float](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress! + start
            scalars.withUnsafeMutableBufferPointer { out in
                for i in 0..<count {
                    switch type {
                    case "|u1", "<u1", "|b1": out[i] = Float(base.load(fromByteOffset: i, as: UInt8.self))
                    case "|i1", "<i1": out[i] = Float(base.load(fromByteOffset: i, as: Int8.self))
                    case "<i4": out[i] = Float(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
                    case "<u4": out[i] = Float(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    case "<f4": out[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    case "<i8": out[i] = Float(Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
                    case "<u8": out[i] = Float(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
                    default: out[i] = Float(float64(base, i))
                    }
                }
            }
        }
        try ArrayValues.checkFinite(scalars, shape: header.shape, path: path) { index in
            type == "<f8" ? bytes.withUnsafeBytes { float64($0.baseAddress! + start, index) } : Double(scalars[index])
        }
        // A 0-d array is one number: give it the shape [1].
        return try! Tensor(shape: header.shape.isEmpty ? [1] : header.shape, scalars: scalars)
    }

    /// The `index`th little-endian float64 from `base`.
    private static func float64(_ base: UnsafeRawPointer, _ index: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self)))
    }

    /// The shape an `.npy` file announces, from its first bytes: what the checker knows of the
    /// file without reading its values. An array that would not fit in `memory` is refused as
    /// `array` refuses it.
    /// `fileSize`, when the file's size is known, is checked as `array` checks the bytes it
    /// reads: the check then finds a truncated file from one `stat`.
    public static func shape(ofPrefix prefix: Data, fileSize: Int? = nil, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> [Int] {
        let header = try Header([UInt8](prefix), path: path)
        try checkFits(header.shape, header.shapeText, memory: memory, path: path)
        if let fileSize { try header.checkLength(fileSize, path: path) }
        return header.shape.isEmpty ? [1] : header.shape
    }

    /// Refuses an array whose values, as Float32, would not fit in `memory`.
    private static func checkFits(_ shape: [Int], _ shapeText: String, memory: MemoryLimit, path: String) throws(DataError) {
        let bytes = MemoryLimit.product(shape, size: MemoryLayout<Float>.size)
        if let refusal = memory.refusal(bytes, for: "the array of shape \(shapeText)") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: bytes))
        }
    }

    /// What an `.npy` header says: the shape (and as written), the element type, known to be
    /// one nnbook reads, its size in bytes, and where the values start. The check and the run
    /// both read a header through it, so that both refuse the same files alike.
    /// Whether `bytes` start as every .npy file does, with \x93NUMPY; the reader and
    /// `DataFileFormat` both ask it.
    static func startsWithMagic(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 6 && bytes[0] == 0x93 && Array(bytes[1...5]) == Array("NUMPY".utf8)
    }

    struct Header {
        let shape: [Int]
        let shapeText: String
        let type: String
        let size: Int
        let start: Int

        init(_ bytes: [UInt8], path: String) throws(DataError) {
            guard bytes.count >= 10, NumPyReader.startsWithMagic(bytes) else {
                throw DataError(bytes.isEmpty ? "the file is empty" : "this is not a NumPy .npy file (it does not start with \\x93NUMPY)", path: path,
                                hint: "save arrays with numpy.save")
            }
            let major = bytes[6]
            let headerLength: Int, headerStart: Int
            switch major {
            case 1: (headerLength, headerStart) = (Int(bytes[8]) | Int(bytes[9]) << 8, 10)
            case 2, 3:
                guard bytes.count >= 12 else { throw DataError("the .npy header is incomplete", path: path) }
                (headerLength, headerStart) = (Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24, 12)
            default: throw DataError("unknown .npy format version \(major)", path: path)
            }
            guard bytes.count >= headerStart + headerLength else { throw DataError("the .npy header is incomplete", path: path) }
            let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
            guard let descr = NumPyReader.value(of: "descr", in: header), let shapeText = NumPyReader.value(of: "shape", in: header) else {
                throw DataError("the .npy header has no descr or shape: \(header.excerpt())", path: path)
            }
            if NumPyReader.value(of: "fortran_order", in: header) == "True" {
                throw DataError("the array is stored in Fortran order", path: path, hint: "save it with numpy.save(path, numpy.ascontiguousarray(array))")
            }
            type = descr.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            switch type {
            case "|u1", "<u1", "|i1", "<i1", "|b1": size = 1
            case "<i4", "<f4", "<u4": size = 4
            case "<i8", "<f8", "<u8": size = 8
            default:
                throw DataError("arrays of type \(type.excerpt()) are not supported", path: path,
                                hint: "convert to float32 (numpy: array.astype('<f4')); supported: uint8, int8, int32, int64, float32, float64, little-endian")
            }
            shape = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
                .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !shape.contains(where: { $0 < 0 }) else { throw DataError("the .npy shape \(shapeText) has a negative size", path: path) }
            self.shapeText = shapeText
            start = headerStart + headerLength
        }

        /// Refuses a file of `fileBytes` bytes that ends before the values its shape announces.
        func checkLength(_ fileBytes: Int, path: String) throws(DataError) {
            let needed = MemoryLimit.product(shape, size: size)
            guard fileBytes - start >= needed else {
                throw DataError(
                    "the file is truncated: the shape \(shapeText) needs \(needed == Int.max ? "more than 2^63" : String(needed)) bytes but \(fileBytes - start) follow", path: path,
                    hint: "save the array again with numpy.save, or copy the whole file")
            }
        }
    }

    /// Every array of a `.npz` archive, by name (without `.npy`).
    public static func archive(_ data: Data, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> [String: Tensor] {
        var arrays: [String: Tensor] = [:]
        for (name, member) in try ZipArchive.members(data, path: path, memory: memory) where name.hasSuffix(".npy") {
            arrays[String(name.dropLast(4))] = try array(member, path: "\(path)/\(name)", memory: memory)
        }
        return arrays
    }

    /// The shape of every array of the `.npz` archive at `url`, by name (without `.npy`), from
    /// its central directory and each member's `.npy` header: no array's values are read or
    /// inflated, so the checker knows an archive of images in milliseconds.
    public static func shapes(ofArchiveAt url: URL, path: String) throws(DataError) -> [String: [Int]] {
        var shapes: [String: [Int]] = [:]
        for (name, prefix) in try ZipArchive.memberPrefixes(ofFileAt: url, count: 4096, path: path) where name.hasSuffix(".npy") {
            shapes[String(name.dropLast(4))] = try shape(ofPrefix: prefix, path: "\(path)/\(name)")
        }
        return shapes
    }

    /// The text after `'key':` in the header dictionary, up to the next top-level comma.
    fileprivate static func value(of key: String, in header: String) -> String? {
        guard let range = header.range(of: "'\(key)':") else { return nil }
        var depth = 0
        var result = ""
        for character in header[range.upperBound...] {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if (character == "," && depth == 0) || character == "}" { break }
            result.append(character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
