// The IDX format of MNIST and Fashion-MNIST: a magic number, dimensions, then big-endian values.

import Foundation
import NNCore

/// Reads IDX files, raw or gzip-compressed.
///
/// Layout: two zero bytes, a type byte (0x08 unsigned byte, 0x09 signed byte, 0x0B int16,
/// 0x0C int32, 0x0D float32, 0x0E float64), the number of dimensions, each dimension as a
/// big-endian 32-bit integer, then the values, big-endian, row-major.
public enum IDXReader {
    /// The file as a tensor of its values (pixels stay 0–255: scaling is the notebook's choice).
    /// A file whose values would not fit in `memory` is refused before they are allocated.
    public static func read(_ fileData: Data, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> Tensor {
        let data = Gzip.isCompressed(fileData) ? try Gzip.decompress(fileData, memory: memory, path: path) : fileData
        let result: Result<Tensor, DataError> = data.withUnsafeBytes { raw in
            Result { () throws(DataError) -> Tensor in try read(raw.bindMemory(to: UInt8.self), path: path, memory: memory) }
        }
        return try result.get()
    }

    /// The shape an IDX file announces, from its first bytes (decompressed when it is gzip):
    /// what the checker knows of the file without reading its values.
    public static func shape(ofPrefix prefix: Data, path: String) throws(DataError) -> [Int] {
        let data = Gzip.isCompressed(prefix) ? try Gzip.decompressedPrefix(prefix, path: path) : prefix
        let result: Result<[Int], DataError> = data.withUnsafeBytes { raw in
            Result { () throws(DataError) -> [Int] in try header(raw.bindMemory(to: UInt8.self), path: path).shape }
        }
        return try result.get()
    }

    /// The header: the shape, the size of one value and where the values start.
    private static func header(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws(DataError) -> (shape: [Int], size: Int, start: Int) {
        guard bytes.count >= 4 else { throw DataError("the file is too short to be an IDX file (\(bytes.count) bytes)", path: path) }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw DataError(
                "this is not an IDX file: it should start with the bytes 00 00, not \(hex(bytes[0])) \(hex(bytes[1]))", path: path,
                hint: "MNIST's files are named like train-images-idx3-ubyte(.gz)")
        }
        let size: Int
        switch bytes[2] {
        case 0x08, 0x09: size = 1
        case 0x0B: size = 2
        case 0x0C, 0x0D: size = 4
        case 0x0E: size = 8
        default: throw DataError("unknown IDX element type 0x\(hex(bytes[2]))", path: path)
        }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount >= 1, bytes.count >= 4 + 4 * dimensionCount else {
            throw DataError("the IDX header is incomplete", path: path)
        }
        return ((0..<dimensionCount).map { Int(bigEndianUInt32(bytes, 4 + 4 * $0)) }, size, 4 + 4 * dimensionCount)
    }

    /// The values of an uncompressed IDX file, read in place.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, memory: MemoryLimit) throws(DataError) -> Tensor {
        let (shape, size, start) = try header(bytes, path: path)
        let fileBytes = MemoryLimit.product(shape, size: size)
        if let refusal = memory.refusal(MemoryLimit.product(shape, size: MemoryLayout<Float>.size), for: "the \(shape.map(String.init).joined(separator: "×")) values of the file") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint)
        }
        let count = shape.reduce(1, *)
        guard fileBytes != Int.max, bytes.count - start >= fileBytes else {
            throw DataError(
                "the file is truncated: its header announces \(shape.map(String.init).joined(separator: "×")) values (\(count * size) bytes) but only \(bytes.count - start) bytes follow",
                path: path, hint: "download or copy the file again")
        }
        var scalars = [Float](repeating: 0, count: count)
        scalars.withUnsafeMutableBufferPointer { out in
            switch bytes[2] {
            case 0x08: for i in 0..<count { out[i] = Float(bytes[start + i]) }
            case 0x09: for i in 0..<count { out[i] = Float(Int8(bitPattern: bytes[start + i])) }
            case 0x0B: for i in 0..<count { out[i] = Float(Int16(bitPattern: UInt16(bytes[start + 2 * i]) << 8 | UInt16(bytes[start + 2 * i + 1]))) }
            case 0x0C: for i in 0..<count { out[i] = Float(Int32(bitPattern: bigEndianUInt32(bytes, start + 4 * i))) }
            case 0x0D: for i in 0..<count { out[i] = Float(bitPattern: bigEndianUInt32(bytes, start + 4 * i)) }
            default:
                for i in 0..<count {
                    let high = UInt64(bigEndianUInt32(bytes, start + 8 * i)), low = UInt64(bigEndianUInt32(bytes, start + 8 * i + 4))
                    out[i] = Float(Double(bitPattern: high << 32 | low))
                }
            }
        }
        // The header's shape accounts for every value read.
        return try! Tensor(shape: shape, scalars: scalars)
    }

    private static func bigEndianUInt32(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
