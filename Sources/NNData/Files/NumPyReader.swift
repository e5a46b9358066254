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
        let (shape, shapeText, type, start) = try header(bytes, path: path)
        try checkFits(shape, shapeText, memory: memory, path: path)
        let count = shape.reduce(1, *)
        let size: Int
        switch type {
        case "|u1", "<u1", "|i1", "<i1", "|b1": size = 1
        case "<i4", "<f4", "<u4": size = 4
        case "<i8", "<f8", "<u8": size = 8
        default:
            throw DataError("arrays of type \(type.excerpt()) are not supported", path: path,
                            hint: "convert to float32 (numpy: array.astype('<f4')); supported: uint8, int8, int32, int64, float32, float64, little-endian")
        }
        guard bytes.count - start >= count * size else {
            throw DataError("the file is truncated: the shape \(shapeText) needs \(count * size) bytes but \(bytes.count - start) follow", path: path)
        }
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
                    default: out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    }
                }
            }
        }
        // A 0-d array is one number: give it the shape [1].
        return try! Tensor(shape: shape.isEmpty ? [1] : shape, scalars: scalars)
    }

    /// The shape an `.npy` file announces, from its first bytes: what the checker knows of the
    /// file without reading its values. An array that would not fit in `memory` is refused as
    /// `array` refuses it.
    public static func shape(ofPrefix prefix: Data, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> [Int] {
        let header = try header([UInt8](prefix), path: path)
        try checkFits(header.shape, header.shapeText, memory: memory, path: path)
        return header.shape.isEmpty ? [1] : header.shape
    }

    /// Refuses an array whose values, as Float32, would not fit in `memory`.
    private static func checkFits(_ shape: [Int], _ shapeText: String, memory: MemoryLimit, path: String) throws(DataError) {
        let bytes = MemoryLimit.product(shape, size: MemoryLayout<Float>.size)
        if let refusal = memory.refusal(bytes, for: "the array of shape \(shapeText)") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: bytes))
        }
    }

    /// The header: the shape (and as written), the element type and where the values start.
    private static func header(_ bytes: [UInt8], path: String) throws(DataError) -> (shape: [Int], shapeText: String, type: String, start: Int) {
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else {
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
        guard let descr = value(of: "descr", in: header), let shapeText = value(of: "shape", in: header) else {
            throw DataError("the .npy header has no descr or shape: \(header.excerpt())", path: path)
        }
        if value(of: "fortran_order", in: header) == "True" {
            throw DataError("the array is stored in Fortran order", path: path, hint: "save it with numpy.save(path, numpy.ascontiguousarray(array))")
        }
        let type = descr.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        let shape = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "()")).split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !shape.contains(where: { $0 < 0 }) else { throw DataError("the .npy shape \(shapeText) has a negative size", path: path) }
        return (shape, shapeText, type, headerStart + headerLength)
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
    private static func value(of key: String, in header: String) -> String? {
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
