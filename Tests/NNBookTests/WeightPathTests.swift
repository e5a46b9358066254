// The path of a model's weights for `landscape`: every epoch while it fits, thinned to a budget
// beyond, never kept for a model too large for any landscape.

import XCTest
import NNCore
@testable import NNBook

final class WeightPathTests: XCTestCase {
    private let memory = MemoryLimit(bytes: 1_000_000_000)

    func testEveryEpochIsKeptWhileThePathFits() {
        var path = WeightPath()
        for epoch in 0...100 { path.append(weights: 2, under: memory) { [Float(epoch), 0] } }
        XCTAssertEqual(path.points.map { $0[0] }, (0...100).map(Float.init))
    }

    /// Beyond its capacity every other point goes, then every second epoch is kept, …: the
    /// first and the newest are always there, and the points stay in order and bounded.
    func testALongPathIsThinnedKeepingTheFirstAndTheNewest() {
        var path = WeightPath()
        let epochs = 3 * WeightPath.mostPoints
        for epoch in 0...epochs { path.append(weights: 2, under: memory) { [Float(epoch), 0] } }
        let xs = path.points.map { $0[0] }
        XCTAssertEqual(xs.first, 0)
        XCTAssertEqual(xs.last, Float(epochs))
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertLessThanOrEqual(xs.count, WeightPath.mostPoints + 2)
        XCTAssertGreaterThan(xs.count, WeightPath.mostPoints / 2)
    }

    func testAModelTooLargeForALandscapeKeepsNoPathAndCopiesNothing() {
        var path = WeightPath()
        path.append(weights: LandscapeCommand.mostWeights + 1, under: memory) { XCTFail("the weights were copied"); return [] }
        XCTAssertTrue(path.isEmpty)
        XCTAssertEqual(WeightPath.bytesNeeded(weights: LandscapeCommand.mostWeights + 1, under: memory), 0)
    }

    /// The bytes the memory check counts bound what the path holds, under a small limit too.
    func testThePathStaysWithinWhatTheCheckCounts() {
        for (weights, limit) in [(3, 1_000_000), (1_000, 1_000_000), (100_000, 100_000_000), (LandscapeCommand.mostWeights, 1_000_000_000)] {
            let memory = MemoryLimit(bytes: limit)
            var path = WeightPath()
            for _ in 0..<50 { path.append(weights: weights, under: memory) { [Float](repeating: 0, count: weights) } }
            XCTAssertLessThanOrEqual(path.points.count * weights * 4, WeightPath.bytesNeeded(weights: weights, under: memory), "\(weights) weights")
            XCTAssertLessThanOrEqual(WeightPath.bytesNeeded(weights: weights, under: memory), max(limit / 16, 2 * weights * 4) + 2 * weights * 4)
        }
    }
}
