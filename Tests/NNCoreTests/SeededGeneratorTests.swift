// The seeded generator: the same seed, the same numbers; sensible distributions.

import XCTest
@testable import NNCore

final class SeededGeneratorTests: XCTestCase {
    func testSameSeedSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        XCTAssertEqual(first, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(first, (0..<5).map { _ in c.next() })
    }

    func testUniformAndNormalHaveTheirMoments() {
        var generator = SeededGenerator(seed: 1)
        let uniform = (0..<100_000).map { _ in Double(generator.nextUnit()) }
        XCTAssertEqual(uniform.reduce(0, +) / 100_000, 0.5, accuracy: 0.01)
        XCTAssertTrue(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
        let normal = (0..<100_000).map { _ in Double(generator.normal()) }
        let mean = normal.reduce(0, +) / 100_000
        let variance = normal.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100_000
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance, 1, accuracy: 0.02)
    }

    func testPermutationIsAPermutation() {
        var generator = SeededGenerator(seed: 3)
        let order = generator.permutation(1000)
        XCTAssertEqual(order.sorted(), Array(0..<1000))
        XCTAssertNotEqual(order, Array(0..<1000))
    }

    func testGlorotUniformStaysWithinItsLimit() {
        var generator = SeededGenerator(seed: 3)
        let values = Initializer.glorotUniform.values(count: 784 * 100, fanIn: 784, fanOut: 100, using: &generator)
        let limit = (6.0 / 884).squareRoot()
        XCTAssertTrue(values.allSatisfy { abs(Double($0)) <= limit })
        XCTAssertGreaterThan(values.map { abs(Double($0)) }.max()!, limit * 0.99)
    }
}
