// IDX (raw and gzip), NumPy .npy and .npz: files the tests write themselves, every error path,
// and the real Fashion-MNIST files when Debian's package is installed.

import Foundation
import NNCore
import XCTest
@testable import NNData

final class BinaryFormatTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// An IDX file of unsigned bytes with the given shape and values.
    private func idx(_ shape: [Int], _ values: [UInt8]) -> Data {
        var bytes: [UInt8] = [0, 0, 0x08, UInt8(shape.count)]
        for dimension in shape { bytes += [0, 0, UInt8(dimension >> 8), UInt8(dimension & 0xFF)] }
        return Data(bytes + values)
    }

    private func gzip(_ data: Data) throws -> Data {
        let input = folder.appendingPathComponent("g-\(UUID().uuidString)")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", input.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: URL(fileURLWithPath: input.path + ".gz"))
    }

    /// A version-1 .npy file.
    private func npy(_ descr: String, _ shape: String, _ payload: [UInt8], fortran: Bool = false) -> Data {
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        while (10 + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        let length = header.utf8.count
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + payload)
    }

    func testIDXRawAndGzipReadTheSameValues() throws {
        let raw = idx([2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 255])
        let tensor = try IDXReader.read(raw, path: "x")
        XCTAssertEqual(tensor.shape, [2, 2, 2])
        XCTAssertEqual(tensor.scalars, [0, 1, 2, 3, 4, 5, 6, 255])
        XCTAssertEqual(try IDXReader.read(try gzip(raw), path: "x.gz"), tensor)
    }

    func testIDXWithAWrongMagicNumber() {
        XCTAssertThrowsError(try IDXReader.read(Data([0x50, 0x4B, 8, 1, 0, 0, 0, 1, 7]), path: "x")) { error in
            XCTAssertEqual((error as? DataError)?.description, "x: this is not an IDX file: it should start with the bytes 00 00, not 50 4B")
        }
    }

    func testTruncatedIDX() {
        XCTAssertThrowsError(try IDXReader.read(idx([3, 2], [1, 2, 3]), path: "x")) { error in
            XCTAssertEqual((error as? DataError)?.description, "x: the file is truncated: its header announces 3×2 values (6 bytes) but only 3 bytes follow")
        }
    }

    func testTruncatedGzip() throws {
        let compressed = try gzip(idx([100], [UInt8](repeating: 7, count: 100)))
        XCTAssertThrowsError(try IDXReader.read(compressed.prefix(compressed.count / 2), path: "x.gz")) { error in
            XCTAssertEqual((error as? DataError)?.description, "x.gz: the compressed data ends too early (the file is truncated)")
        }
    }

    func testImageAndLabelCountMismatch() throws {
        XCTAssertThrowsError(try ImageDatasets.pair(Tensor(shape: [3, 2, 2]), Tensor(shape: [2]), path: "labels")) { error in
            XCTAssertEqual((error as? DataError)?.description, "labels: there are 3 images but 2 labels")
        }
    }

    func testImageDatasetsAreFoundInAFolderAndNeverDownloaded() throws {
        let names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
        let contents = [idx([2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7]), idx([2], [3, 9]), idx([1, 2, 2], [9, 9, 9, 9]), idx([1], [4])]
        for (name, data) in zip(names, contents) { try gzip(data).write(to: folder.appendingPathComponent(name + ".gz")) }
        let (train, test) = try ImageDatasets.load(.mnist, folder: folder, environment: [:], home: folder)
        XCTAssertEqual(train.features.shape, [2, 2, 2])
        XCTAssertEqual(train.targets.scalars, [3, 9])
        XCTAssertEqual(test.count, 1)

        let empty = folder.appendingPathComponent("empty")
        XCTAssertThrowsError(try ImageDatasets.load(.mnist, folder: nil, environment: ["NNBOOK_DATA": empty.path], home: empty)) { error in
            XCTAssertEqual((error as? DataError)?.message,
                           "mnist was not found; looked in \(empty.path)/, \(empty.path)/mnist/, \(empty.path)/.keras/datasets/mnist/, \(empty.path)/.keras/datasets/mnist.npz")
            XCTAssertTrue((error as? DataError)?.hint?.contains("nnbook never downloads data") == true)
        }
    }

    func testNpyOfEachSupportedType() throws {
        XCTAssertEqual(try NumPyReader.array(npy("|u1", "(2, 2)", [1, 2, 3, 255]), path: "a").scalars, [1, 2, 3, 255])
        XCTAssertEqual(try NumPyReader.array(npy("<i8", "(2,)", [5, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), path: "a").scalars, [5, -1])
        let floats: [Float] = [1.5, -2]
        XCTAssertEqual(try NumPyReader.array(npy("<f4", "(2,)", floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }), path: "a").scalars, floats)
        let doubles: [Double] = [0.25, 3]
        let tensor = try NumPyReader.array(npy("<f8", "(1, 2)", doubles.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }), path: "a")
        XCTAssertEqual(tensor.shape, [1, 2])
        XCTAssertEqual(tensor.scalars, [0.25, 3])
    }

    func testNpyErrors() {
        XCTAssertThrowsError(try NumPyReader.array(Data(), path: "a.npy")) { error in
            XCTAssertEqual((error as? DataError)?.description, "a.npy: the file is empty")
        }
        XCTAssertThrowsError(try NumPyReader.array(npy(">f4", "(1,)", [0, 0, 0, 0]), path: "a.npy")) { error in
            XCTAssertEqual((error as? DataError)?.description, "a.npy: arrays of type >f4 are not supported")
        }
        XCTAssertThrowsError(try NumPyReader.array(npy("<f4", "(2, 2)", [0, 0, 0, 0], fortran: true), path: "a.npy")) { error in
            XCTAssertEqual((error as? DataError)?.description, "a.npy: the array is stored in Fortran order")
        }
        XCTAssertThrowsError(try NumPyReader.array(npy("<f4", "(3,)", [0, 0, 0, 0]), path: "a.npy")) { error in
            XCTAssertEqual((error as? DataError)?.description, "a.npy: the file is truncated: the shape (3,) needs 12 bytes but 4 follow")
        }
    }

    /// A .npz written by Python's zipfile, deflated, as numpy.savez_compressed writes it.
    func testNpzArchiveOfDeflatedArrays() throws {
        let x = folder.appendingPathComponent("x.npy"), y = folder.appendingPathComponent("y.npy")
        try npy("|u1", "(2, 3)", [1, 2, 3, 4, 5, 6]).write(to: x)
        try npy("|u1", "(2,)", [0, 1]).write(to: y)
        let archive = folder.appendingPathComponent("d.npz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)\nz.write(sys.argv[2], 'x_train.npy')\nz.write(sys.argv[3], 'y_train.npy')\nz.close()", archive.path, x.path, y.path]
        try process.run()
        process.waitUntilExit()
        let arrays = try NumPyReader.archive(try Data(contentsOf: archive), path: "d.npz")
        XCTAssertEqual(arrays["x_train"]?.shape, [2, 3])
        XCTAssertEqual(arrays["y_train"]?.scalars, [0, 1])
        XCTAssertThrowsError(try NumPyReader.archive(Data("not a zip at all, clearly".utf8), path: "d.npz")) { error in
            XCTAssertEqual((error as? DataError)?.description, "d.npz: this is not a .npz (ZIP) archive, or it is truncated")
        }
    }

    /// The real files from Debian's dataset-fashion-mnist, which the test script installs.
    func testDebianFashionMNIST() throws {
        guard FileManager.default.fileExists(atPath: ImageDatasets.debianFashionFolder) else {
            throw XCTSkip("dataset-fashion-mnist is not installed")
        }
        let (train, test) = try ImageDatasets.load(.fashionMNIST, folder: nil, environment: [:], home: folder)
        XCTAssertEqual(train.features.shape, [60000, 28, 28])
        XCTAssertEqual(test.features.shape, [10000, 28, 28])
        XCTAssertEqual(Array(train.targets.scalars.prefix(10)), [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
        XCTAssertEqual(train.features.scalars.min(), 0)
        XCTAssertEqual(train.features.scalars.max(), 255)
        XCTAssertEqual(Set(test.targets.scalars), Set((0..<10).map(Float.init)))
    }
}
