// The matrix product on every kernel path against the readable loops, bit for bit, and against
// the textbook triple loop, on odd and course shapes.

import XCTest
@testable import NNCore

final class MatrixProductTests: XCTestCase {
    override func tearDown() { KernelPaths.restoreFastest() }

    private func random(_ rows: Int, _ columns: Int, _ generator: inout SeededGenerator) -> [[Float]] {
        (0..<rows).map { _ in (0..<columns).map { _ in generator.uniform(-1, 1) } }
    }

    private func transpose(_ m: [[Float]]) -> [[Float]] {
        guard let width = m.first?.count else { return [] }
        return (0..<width).map { j in m.map { $0[j] } }
    }

    /// Every path, every form (a·b, aᵀ·b, a·bᵀ), with and without accumulating: the same bits as
    /// `loopProduct`, and the textbook loop's values (same order of sums, so exactly equal). The
    /// widths cover every strip the kernels use (whole tiles, vectors of 8 and 4, a last 1–3
    /// columns) and rows that do not fill a tile.
    func testEveryPathGivesTheBitsOfTheReadableLoops() throws {
        var generator = SeededGenerator(seed: 7)
        let shapes = [(1, 1, 1), (1, 3, 1), (3, 1, 5), (7, 13, 5), (7, 5, 3), (5, 17, 33), (9, 31, 47), (6, 9, 15), (11, 4, 28), (3, 2, 12), (32, 784, 100), (784, 32, 100), (32, 100, 784), (32, 100, 10), (100, 32, 10), (32, 10, 100)]
        for (m, k, n) in shapes {
            let a = random(m, k, &generator), b = random(k, n, &generator)
            let expected = try Tensor(rows: referenceProduct(a, b))
            let start = try Tensor(rows: random(m, n, &generator))
            let operands: [(Transpose, Tensor, Tensor)] = [
                (.none, try Tensor(rows: a), try Tensor(rows: b)),
                (.first, try Tensor(rows: transpose(a)), try Tensor(rows: b)),
                (.second, try Tensor(rows: a), try Tensor(rows: transpose(b))),
            ]
            for (form, left, right) in operands {
                for accumulate in [false, true] {
                    var readable = start
                    loopProduct(left, right, transpose: form, into: &readable, accumulate: accumulate)
                    if !accumulate { XCTAssertEqual(readable.scalars.map(\.bitPattern), expected.scalars.map(\.bitPattern)) }
                    for path in KernelPath.available {
                        KernelPath.use(path)
                        var fast = start
                        matrixProduct(left, right, transpose: form, into: &fast, accumulate: accumulate)
                        XCTAssertEqual(
                            fast.scalars.map(\.bitPattern), readable.scalars.map(\.bitPattern),
                            "\(path) \(m)×\(k)·\(k)×\(n) \(form) accumulate=\(accumulate)")
                    }
                }
            }
        }
    }

    func testAccumulateAddsToTheExistingValues() throws {
        for path in KernelPath.available {
            KernelPath.use(path)
            var c = Tensor(shape: [1, 1], repeating: 2)
            matrixProduct(try Tensor(rows: [[3]]), try Tensor(rows: [[4]]), into: &c, accumulate: true)
            XCTAssertEqual(c.scalars, [14], "\(path)")
        }
        var d = Tensor(shape: [1, 1], repeating: 2)
        loopProduct(try Tensor(rows: [[3]]), try Tensor(rows: [[4]]), into: &d, accumulate: true)
        XCTAssertEqual(d.scalars, [14])
    }
}
