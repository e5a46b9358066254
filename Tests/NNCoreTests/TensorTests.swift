// Tensor shapes: checked at construction, kept by reshaping and gathering.

import XCTest
@testable import NNCore

final class TensorTests: XCTestCase {
    func testShapeMustAccountForEveryScalar() {
        XCTAssertThrowsError(try Tensor(shape: [2, 3], scalars: [1, 2, 3])) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "a shape of (2, 3) holds 6 numbers, but 3 were given")
        }
    }

    func testRaggedRowsAreRefusedWithTheRowNamed() {
        XCTAssertThrowsError(try Tensor(rows: [[1, 2], [3]])) { error in
            XCTAssertEqual((error as? ShapeError)?.message, "row 2 has 1 numbers but row 1 has 2")
        }
    }

    func testRowsAndColumnsSeeImagesAsFlatSamples() throws {
        let images = Tensor(shape: [3, 28, 28])
        XCTAssertEqual(images.rows, 3)
        XCTAssertEqual(images.columns, 784)
        XCTAssertEqual(images.sampleShape, [28, 28])
    }

    func testGatheringKeepsTheRequestedOrder() throws {
        let tensor = try Tensor(rows: [[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(tensor.gathering(rows: [2, 0]).scalars, [5, 6, 1, 2])
    }

    func testEnsureShapeKeepsStorageOfTheSameSize() {
        var tensor = Tensor(shape: [4, 2], repeating: 1)
        tensor.ensureShape([2, 4])
        XCTAssertEqual(tensor.shape, [2, 4])
        XCTAssertEqual(tensor.scalars.count, 8)
        tensor.resize(rows: 3)
        XCTAssertEqual(tensor.shape, [3, 4])
        XCTAssertEqual(tensor.scalars.count, 12)
    }

    func testShapesPrintAsKerasPrintsThem() {
        XCTAssertEqual(Tensor.describe([28, 28]), "(28, 28)")
        XCTAssertEqual(Tensor.describe([784]), "(784,)")
    }
}
