// `plot … ymin=`/`ymax=` beyond every value: refused by the check where it can know, an empty
// axis otherwise — and never a run that draws forever, deaf to `timeout`.

import Foundation
import XCTest

final class PlotLimitTests: XCTestCase {
    /// A notebook that trains a neuron briefly and plots `plot`.
    private func write(_ fixture: CLIFixture, plot: String) throws {
        try """
            ```nnbook
            load csv "data/insurance.csv" as ins target=bought_insurance
            scale ins age divide=100
            model m
              dense 1 activation=sigmoid
            compile m loss=binary_crossentropy optimizer=adam rate=0.1 metrics=[accuracy]
            train m on ins epochs=5 validation_split=0.25
            \(plot)
            ```
            """.write(to: fixture.folder.appendingPathComponent("limits.nnbook"), atomically: true, encoding: .utf8)
    }

    func testLimitsThatLeaveEveryAccuracyOffTheAxisAreCheckErrors() throws {
        let fixture = try CLIFixture()
        try write(fixture, plot: "plot m metric=accuracy ymin=90")
        var outcome = try fixture.nnbook("check", "limits.nnbook")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("limits.nnbook:8:24: error: ymin=90 leaves every value off the axis: accuracy is a share from 0 to 1"), outcome.error)
        XCTAssertTrue(outcome.error.contains("hint: for 90% write ymin=0.9"), outcome.error)
        try write(fixture, plot: "plot m metric=val_loss ymax=-1")
        outcome = try fixture.nnbook("check", "limits.nnbook")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("limits.nnbook:8:24: error: ymax=-1 leaves every value off the axis: val_loss is never below 0"), outcome.error)
    }

    /// Equal limits are one mistake, told once with a caret from one option to the other.
    func testEqualLimitsAreOneErrorUnderThePair() throws {
        let fixture = try CLIFixture()
        try write(fixture, plot: "plot m metric=loss ymin=0 ymax=0")
        let outcome = try fixture.nnbook("check", "limits.nnbook")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("""
            limits.nnbook:8:20: error: ymin=0 must be below ymax=0
             8 | plot m metric=loss ymin=0 ymax=0
               |                    ^~~~~~~~~~~
            hint: ymin= is the bottom of the axis and ymax= its top, above it: e.g. ymin=0 ymax=1
            """), outcome.error)
        XCTAssertEqual(outcome.error.components(separatedBy: ": error: ").count, 2, outcome.error)
    }

    /// The check cannot know how large a loss will be: ymin= above it draws an empty axis that
    /// starts at the limit, and says so, in moments (it used to loop forever, and a SIGTERM from
    /// `timeout` could not end it).
    func testALimitBeyondEveryLossDrawsAnEmptyAxisAndEnds() throws {
        let fixture = try CLIFixture()
        try write(fixture, plot: "plot m metric=loss ymin=100")
        var started = try fixture.start(["run", "limits.nnbook", "--quiet", "--no-snapshot"])
        let deadline = Date().addingTimeInterval(60)
        while started.process.isRunning, Date() < deadline { usleep(20_000) }
        if started.process.isRunning {
            kill(started.process.processIdentifier, SIGKILL)
            started.finish()
            return XCTFail("nnbook run was still drawing the plot after a minute")
        }
        started.finish()
        XCTAssertEqual(started.process.terminationStatus, 0, started.said)
        let page = try String(contentsOf: fixture.folder.appendingPathComponent("limits.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("loss per epoch: m (training), m (validation) (no value lies within the limits: the values run from"), page)
        let svg = try FileManager.default.subpathsOfDirectory(atPath: fixture.folder.appendingPathComponent("limits.assets").path)
            .first { $0.hasSuffix(".svg") }
            .map { try String(contentsOf: fixture.folder.appendingPathComponent("limits.assets").appendingPathComponent($0), encoding: .utf8) }
        XCTAssertEqual(svg?.contains(">100.00</text>"), true, svg ?? "no picture")
        XCTAssertEqual(svg?.contains("nan"), false)
    }
}
