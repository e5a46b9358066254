// Column headers of run comparisons: the shortest end of each key that tells the columns apart,
// and where the units of a scaled target's figures are said.

import XCTest
@testable import NNBook

final class MetricColumnTests: XCTestCase {
    private func columns(_ keys: [String]) -> [MetricColumn] {
        keys.map { key in
            let cell = key.prefix { $0 != "/" }
            return MetricColumn(cell: String(cell), metric: String(key.dropFirst(cell.count + 1)))
        }
    }

    func testEachHeaderIsTheShortestEndOfItsKeyThatNoOtherColumnEndsWith() {
        let keys = [
            "first-step/explain/neuron/insurance/loss",
            "batch/train/neuron/insurance/accuracy",
            "batch/train/neuron/insurance/loss",
            "test/evaluate/neuron/insurance.test/accuracy",
            "test/evaluate/neuron/insurance.test/loss",
            "adam/train/neuron_adam/insurance/loss",
        ]
        XCTAssertEqual(MetricColumn.headers(columns(keys)), [
            "explain/neuron/insurance/loss",
            "insurance/accuracy",
            "train/neuron/insurance/loss",
            "insurance.test/accuracy",
            "insurance.test/loss",
            "neuron_adam/insurance/loss",
        ])
    }

    func testAColumnAloneIsHeadedByItsMeasureAndAnOlderRunsKeyStaysApart() {
        XCTAssertEqual(MetricColumn.headers(columns(["test/evaluate/net/images.test/accuracy"])), ["accuracy"])
        XCTAssertEqual(
            MetricColumn.headers(columns(["test/accuracy", "test/evaluate/net/images.test/accuracy"])),
            ["test/accuracy", "images.test/accuracy"], "a run recorded before metrics were kept per command")
    }

    func testUnitsAreSaidInTheHeaderWhenEveryValueSharesThemAndAfterEachValueOtherwise() {
        let shared = MetricColumn.UnitsPlacement(["price's units", "price's units"])
        XCTAssertEqual(shared.header("mae"), "mae (price's units)")
        XCTAssertEqual(shared.value("0.50", units: "price's units"), "0.50")
        let mixed = MetricColumn.UnitsPlacement(["price's units", "scaled units"])
        XCTAssertEqual(mixed.header("mae"), "mae")
        XCTAssertEqual(mixed.value("0.01", units: "scaled units"), "0.01 (scaled units)")
        let some = MetricColumn.UnitsPlacement([nil, "scaled units"])
        XCTAssertEqual(some, .eachValue, "a run without units beside one with them")
        XCTAssertEqual(some.value("0.7", units: nil), "0.7")
        XCTAssertEqual(MetricColumn.UnitsPlacement([nil, nil]).header("accuracy"), "accuracy")
    }
}
