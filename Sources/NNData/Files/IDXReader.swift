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
    /// A compressed file's header is inflated and checked first; the rest is inflated only when
    /// its values fit, and only as far as the header announces (more is an error, not a bomb).
    public static func read(_ fileData: Data, path: String, memory: MemoryLimit = .unlimited, shouldStop: () -> Bool = { false }) throws(DataError) -> Tensor {
        var data = fileData
        if Gzip.isCompressed(fileData) {
            let head = try Gzip.decompressedPrefix(fileData, count: 4 + 4 * 255, path: path)
            let parsed: Result<Header, DataError> = head.withUnsafeBytes { raw in
                Result { () throws(DataError) -> Header in try Header(raw.bindMemory(to: UInt8.self), path: path, memory: memory) }
            }
            let header = try parsed.get()
            let whole = try Gzip.decompress(fileData, prefix: header.fileBytes &+ 1, memory: memory, path: path, shouldStop: shouldStop)
            if whole.count > header.fileBytes {
                throw DataError("the file holds more bytes than its header announces (\(header.shapeText) values)", path: path, hint: "the file is damaged or is not an IDX file: download or copy it again")
            }
            data = whole
        }
        let result: Result<Tensor, DataError> = data.withUnsafeBytes { raw in
            Result { () throws(DataError) -> Tensor in try read(raw.bindMemory(to: UInt8.self), path: path, memory: memory) }
        }
        return try result.get()
    }

    /// What an IDX file announces (its type and shape), from its first bytes (decompressed when
    /// it is gzip): what the checker knows of the file without reading its values. A file whose
    /// values would not fit in `memory` is refused as `read` refuses it.
    static func header(ofPrefix prefix: Data, path: String, memory: MemoryLimit) throws(DataError) -> Header {
        let data = Gzip.isCompressed(prefix) ? try Gzip.decompressedPrefix(prefix, path: path) : prefix
        let result: Result<Header, DataError> = data.withUnsafeBytes { raw in
            Result { () throws(DataError) -> Header in try Header(raw.bindMemory(to: UInt8.self), path: path, memory: memory) }
        }
        return try result.get()
    }

    /// What the first bytes of an IDX file say: the element type and size, the shape, where the
    /// values start and how many bytes the whole file has — checked against `memory` (the values
    /// as Float32, plus the file's bytes, held while they are read).
    /// The bytes of one element of the IDX type code `type` (0x08 unsigned byte … 0x0E
    /// float64); nil for a code IDX does not define. Header and `DataFileFormat` both ask it.
    static func elementSize(ofType type: UInt8) -> Int? {
        switch type {
        case 0x08, 0x09: 1
        case 0x0B: 2
        case 0x0C, 0x0D: 4
        case 0x0E: 8
        default: nil
        }
    }

    struct Header {
        let type: UInt8
        let size: Int
        let shape: [Int]
        let start: Int
        let fileBytes: Int

        var shapeText: String { shape.map(String.init).joined(separator: "×") }

        init(_ bytes: UnsafeBufferPointer<UInt8>, path: String, memory: MemoryLimit) throws(DataError) {
            guard bytes.count >= 4 else { throw DataError("the file is too short to be an IDX file (\(bytes.count) bytes)", path: path) }
            guard bytes[0] == 0, bytes[1] == 0 else {
                throw DataError(
                    "this is not an IDX file: it should start with the bytes 00 00, not \(hex(bytes[0])) \(hex(bytes[1]))", path: path,
                    hint: "MNIST's files are named like train-images-idx3-ubyte(.gz)")
            }
            guard let elementSize = IDXReader.elementSize(ofType: bytes[2]) else {
                throw DataError("unknown IDX element type 0x\(hex(bytes[2]))", path: path)
            }
            size = elementSize
            type = bytes[2]
            let dimensionCount = Int(bytes[3])
            guard dimensionCount >= 1, bytes.count >= 4 + 4 * dimensionCount else {
                throw DataError("the IDX header is incomplete", path: path)
            }
            shape = (0..<dimensionCount).map { Int(bigEndianUInt32(bytes, 4 + 4 * $0)) }
            start = 4 + 4 * dimensionCount
            let values = MemoryLimit.product(shape, size: size)
            fileBytes = values == Int.max ? Int.max : start + values
            let floats = MemoryLimit.product(shape, size: MemoryLayout<Float>.size)
            let (needed, overflow) = floats.addingReportingOverflow(fileBytes)
            let bytes = overflow ? Int.max : needed
            if let refusal = memory.refusal(bytes, for: "the \(shape.map(String.init).joined(separator: "×")) values of the file") {
                throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: bytes))
            }
        }

        /// Refuses an uncompressed file of `count` bytes that ends before the values the header
        /// announces, or goes on after them (a damaged file or a wrong header): the run checks
        /// the bytes it read, the check the file's size.
        func checkLength(_ count: Int, path: String) throws(DataError) {
            guard fileBytes != Int.max, count >= fileBytes else {
                throw DataError(
                    "the file is truncated: its header announces \(shapeText) values (\(fileBytes == Int.max ? "more than 2^63" : String(fileBytes - start)) bytes) but only \(count - start) bytes follow",
                    path: path, hint: "download or copy the file again")
            }
            guard count == fileBytes else {
                throw DataError("the file holds \(count - fileBytes) bytes after the \(shapeText) values its header announces", path: path, hint: "the file is damaged or is not an IDX file: download or copy it again")
            }
        }
    }

    /// The values of an uncompressed IDX file, read in place. Bytes after the values the header
    /// announces are an error: they mean a damaged file or a wrong header.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String, memory: MemoryLimit) throws(DataError) -> Tensor {
        let header = try Header(bytes, path: path, memory: memory)
        let (shape, start) = (header.shape, header.start)
        let count = shape.reduce(1, *)
        try header.checkLength(bytes.count, path: path)
        var scalars = [Float](repeating: 0, count: count)
        scalars.withUnsafeMutableBufferPointer { out in
            switch header.type {
            case 0x08: for i in 0..<count { out[i] = Float(bytes[start + i]) }
            case 0x09: for i in 0..<count { out[i] = Float(Int8(bitPattern: bytes[start + i])) }
            case 0x0B: for i in 0..<count { out[i] = Float(Int16(bitPattern: UInt16(bytes[start + 2 * i]) << 8 | UInt16(bytes[start + 2 * i + 1]))) }
            case 0x0C: for i in 0..<count { out[i] = Float(Int32(bitPattern: bigEndianUInt32(bytes, start + 4 * i))) }
            case 0x0D: for i in 0..<count { out[i] = Float(bitPattern: bigEndianUInt32(bytes, start + 4 * i)) }
            default:
                for i in 0..<count { out[i] = Float(float64(bytes, start + 8 * i)) }
            }
        }
        try ArrayValues.checkFinite(scalars, shape: shape, path: path) { index in
            header.type == 0x0E ? float64(bytes, start + 8 * index) : Double(scalars[index])
        }
        // The header's shape accounts for every value read.
        return try! Tensor(shape: shape, scalars: scalars)
    }

    private static func float64(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Double {
        Double(bitPattern: UInt64(bigEndianUInt32(bytes, offset)) << 32 | UInt64(bigEndianUInt32(bytes, offset + 4)))
    }

    private static func bigEndianUInt32(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
