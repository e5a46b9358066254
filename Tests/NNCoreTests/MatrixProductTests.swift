// The matrix product against the textbook triple loop, on many shapes.

import XCTest
@testable import NNCore

final class MatrixProductTests: XCTestCase {
    private func random(_ rows: Int, _ columns: Int, _ generator: inout SeededGenerator) -> [[Float]] {
        (0..<rows).map { _ in (0..<columns).map { _ in generator.uniform(-1, 1) } }
    }

    private func transpose(_ m: [[Float]]) -> [[Float]] {
        guard let width = m.first?.count else { return [] }
        return (0..<width).map { j in m.map { $0[j] } }
    }

    private typealias Product = (Tensor, Tensor, Transpose, inout Tensor, Bool) -> Void

    /// Both the OpenBLAS path and the plain loops, against the textbook triple loop, on 1×1,
    /// odd sizes and the MLP's shapes, with each operand transposed (max error 1e-4 relative).
    func testBothPathsMatchTheReferenceOnOddAndMLPShapes() throws {
        let paths: [(String, Product)] = [
            ("openblas", { matrixProduct($0, $1, transpose: $2, into: &$3, accumulate: $4) }),
            ("loops", { loopProduct($0, $1, transpose: $2, into: &$3, accumulate: $4) }),
        ]
        var generator = SeededGenerator(seed: 7)
        let shapes = [(1, 1, 1), (1, 3, 1), (3, 1, 5), (7, 5, 3), (32, 784, 100), (784, 32, 100), (32, 100, 784), (32, 100, 10), (5, 17, 33)]
        for (m, k, n) in shapes {
            let a = random(m, k, &generator), b = random(k, n, &generator)
            let expected = referenceProduct(a, b)
            for (name, product) in paths {
                var c = Tensor(shape: [m, n])
                product(try Tensor(rows: a), try Tensor(rows: b), .none, &c, false)
                assertClose(c, expected, "\(name) \(m)x\(k)x\(n)")

                var ct = Tensor(shape: [m, n])
                product(try Tensor(rows: transpose(a)), try Tensor(rows: b), .first, &ct, false)
                assertClose(ct, expected, "\(name) aᵀ \(m)x\(k)x\(n)")

                var cs = Tensor(shape: [m, n])
                product(try Tensor(rows: a), try Tensor(rows: transpose(b)), .second, &cs, false)
                assertClose(cs, expected, "\(name) bᵀ \(m)x\(k)x\(n)")
            }
        }
    }

    func testAccumulateAddsToTheExistingValues() throws {
        var c = Tensor(shape: [1, 1], repeating: 2)
        matrixProduct(try Tensor(rows: [[3]]), try Tensor(rows: [[4]]), into: &c, accumulate: true)
        XCTAssertEqual(c.scalars, [14])
        var d = Tensor(shape: [1, 1], repeating: 2)
        loopProduct(try Tensor(rows: [[3]]), try Tensor(rows: [[4]]), into: &d, accumulate: true)
        XCTAssertEqual(d.scalars, [14])
    }

    private func assertClose(_ c: Tensor, _ expected: [[Float]], _ label: String) {
        for (i, row) in expected.enumerated() {
            for (j, value) in row.enumerated() {
                XCTAssertEqual(c[i, j], value, accuracy: 1e-4 * max(1, abs(value)), label)
            }
        }
    }
}
