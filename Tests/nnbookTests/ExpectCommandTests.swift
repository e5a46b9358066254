// `expect`: a result the lesson states, checked on every run — passing, failing with its exact
// message and exit code, `--no-expect`, and the mistakes the check finds before anything runs.

import Foundation
import XCTest

final class ExpectCommandTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    private var page: String {
        get throws { try String(contentsOf: cli.folder.appendingPathComponent("gradient-descent.md"), encoding: .utf8) }
    }

    /// The gradient-descent notebook with its expectations cell replaced by `lines`.
    private func expectations(_ lines: String) throws {
        let url = cli.folder.appendingPathComponent("gradient-descent.nnbook")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```nnbook label=expectations\n"))
        try (text[..<start.upperBound] + lines + "\n```\n").write(to: url, atomically: true, encoding: .utf8)
    }

    func testTheLessonsExpectationsHoldAndShowInThePage() throws {
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try page
        XCTAssertTrue(page.hasSuffix("""
            ```text
            ✓ neuron loss 0.2520 < 0.69 on insurance.train
            ✓ neuron loss 0.3232 < 0.69 on insurance.test
            ✓ neuron prediction 0.1265 < 0.5 for age=30 affordability=1
            ✓ neuron_adam loss 0.5210 < 0.6 on insurance.test
            ```

            """), page)
    }

    /// What a teacher might demand of the lesson at its own rate and epochs, which slower
    /// rates miss.
    private static let strict = """
        expect neuron accuracy >= 0.8 on insurance.test
        expect neuron loss between 0.3 and 0.35 on insurance.test
        expect neuron_adam loss < 0.6 on insurance.test
        """

    func testAFailedExpectationFailsTheRunAtItsLineWithThePageWritten() throws {
        try expectations(ExpectCommandTests.strict)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.05", "--quiet")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.error, """
            gradient-descent.nnbook:122:1: error: expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000
             122 | expect neuron accuracy >= 0.8 on insurance.test
                 | ^~~~~~
            hint: --no-expect (on nnbook run, sweep and render --run) runs on past a failed expectation and marks it ✗
            the run stopped in cell 8; the page with the outputs so far is gradient-descent.md

            """)
        let page = try page
        XCTAssertTrue(page.contains("> **This run failed** in [cell 8 (line 122)](#nnbook-error): expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000"), page)
        let log = try cli.nnbook("log", "gradient-descent.nnbook", "--json")
        XCTAssertTrue(log.output.contains("\"message\" : \"expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000\""), log.output)
    }

    func testNoExpectRunsOnAndMarksTheMissWithACross() throws {
        try expectations(ExpectCommandTests.strict)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.05", "--quiet", "--no-expect")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try page
        XCTAssertTrue(page.contains("""
            *Run by nnbook with seed 42; parameters: epochs=1000, rate=0.05 (default 0.5), adam_epochs=5000.*

            > **An expectation was missed** in [cell 8 (line 122)](#nnbook-missed-8), not enforced (`--no-expect`): expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000
            >
            > **An expectation was missed** in [cell 8 (line 123)](#nnbook-missed-8), not enforced (`--no-expect`): expected neuron loss between 0.3 and 0.35 on insurance.test, got 0.5779

            """), page)
        XCTAssertTrue(page.contains("```\n\n<a id=\"nnbook-missed-8\"></a>\n\n```text\n✗ expected neuron accuracy"), "the line links to the cell's outputs")
        let html = try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html")
        XCTAssertEqual(html.status, 0, html.error)
        let exported = try String(contentsOf: cli.folder.appendingPathComponent("gradient-descent.html"), encoding: .utf8)
        XCTAssertTrue(exported.contains("<p><strong>An expectation was missed</strong> in <a href=\"#nnbook-missed-8\">cell 8 (line 122)</a>, not enforced (<code>--no-expect</code>): expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000</p>"), "the export, from the recorded page, says the same")
        XCTAssertTrue(page.hasSuffix("""
            ```text
            ✗ expected neuron accuracy ≥ 0.8 on insurance.test, got 0.5000
            ✗ expected neuron loss between 0.3 and 0.35 on insurance.test, got 0.5779
            ✓ neuron_adam loss 0.5210 < 0.6 on insurance.test
            ```

            """), page)
    }

    func testEveryComparisonAgainstTheSameResult() throws {
        try expectations("""
            expect neuron accuracy > 0.8 on insurance.test
            expect neuron accuracy ≥ 0.8333 on insurance.test
            expect neuron loss <= 0.33 on insurance.test
            expect neuron loss ≤ 0.33 on insurance.test
            expect neuron accuracy < 0.9 on insurance.test
            expect neuron accuracy between 0.8 and 1 on insurance.test
            """)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "--no-snapshot")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try page
        XCTAssertTrue(page.hasSuffix("""
            ```text
            ✓ neuron accuracy 0.8333 > 0.8 on insurance.test
            ✓ neuron accuracy 0.8333 ≥ 0.8333 on insurance.test
            ✓ neuron loss 0.3232 ≤ 0.33 on insurance.test
            ✓ neuron loss 0.3232 ≤ 0.33 on insurance.test
            ✓ neuron accuracy 0.8333 < 0.9 on insurance.test
            ✓ neuron accuracy 0.8333 between 0.8 and 1 on insurance.test
            ```

            """), page)
    }

    /// The test accuracy is 5/6: rounded to the notebook's 4 places it would read as on the
    /// wrong side of these bounds, so the lines show as many places as the truth takes.
    func testAValueThatRoundsOntoItsBoundIsShownWithTheDigitsThatDecide() throws {
        try expectations("""
            expect neuron accuracy > 0.83333 on insurance.test
            expect neuron accuracy ≤ 0.83333 on insurance.test
            expect neuron accuracy < 0.8 on insurance.test
            """)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "--no-snapshot", "--no-expect")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try page
        XCTAssertTrue(page.hasSuffix("""
            ```text
            ✓ neuron accuracy 0.833333 > 0.83333 on insurance.test
            ✗ expected neuron accuracy ≤ 0.83333 on insurance.test, got 0.833333
            ✗ expected neuron accuracy < 0.8 on insurance.test, got 0.8333
            ```

            """), page)
        let failed = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "--no-snapshot")
        XCTAssertTrue(failed.error.contains("error: expected neuron accuracy ≤ 0.83333 on insurance.test, got 0.833333\n"), failed.error)
    }

    func testAPredictionOrAMetricNearAValueWithinATolerance() throws {
        try expectations("""
            expect neuron prediction ≈ 0.785 within 0.001 age=58 affordability=1
            expect neuron prediction >= 0.5 age=58 affordability=1
            expect neuron accuracy ~= 0.83 within 0.01 on insurance.test
            expect neuron_adam prediction ≈ 0.5 within 0.01 age=58 affordability=1
            """)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "--no-snapshot")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.error, """
            gradient-descent.nnbook:125:1: error: expected neuron_adam prediction ≈ 0.5 ± 0.01 for age=58 affordability=1, got 0.5253
             125 | expect neuron_adam prediction ≈ 0.5 within 0.01 age=58 affordability=1
                 | ^~~~~~
            hint: --no-expect (on nnbook run, sweep and render --run) runs on past a failed expectation and marks it ✗
            the run stopped in cell 8; the page with the outputs so far is gradient-descent.md

            """)
        let page = try page
        XCTAssertTrue(page.contains("""
            ```text
            ✓ neuron prediction 0.7849 ≈ 0.785 ± 0.001 for age=58 affordability=1
            ✓ neuron prediction 0.7849 ≥ 0.5 for age=58 affordability=1
            ✓ neuron accuracy 0.8333 ≈ 0.83 ± 0.01 on insurance.test
            ```
            """), page)
    }

    func testMistakesAreFoundByTheCheckBeforeAnythingRuns() throws {
        let cases: [(line: String, message: String)] = [
            ("expect neuron acuracy >= 0.8 on insurance.test", "122:15: error: the model 'neuron' does not report 'acuracy'\n 122 | expect neuron acuracy >= 0.8 on insurance.test\n     |               ^~~~~~~\nhint: did you mean 'accuracy'?"),
            ("expect neuron mae >= 0.8 on insurance.test", "122:15: error: the model 'neuron' does not report 'mae'\n 122 | expect neuron mae >= 0.8 on insurance.test\n     |               ^~~\nhint: add it to the model's compile: metrics=[mae]"),
            ("expect neuron accuracy => 0.8 on insurance.test", "122:24: error: '=>' is not one of the choices"),
            ("expect neuron accuracy about 0.8 on insurance.test", "122:24: error: 'about' is not one of the choices"),
            ("expect neuron accuracy between 0.8 on insurance.test", "122:24: error: 'between' needs two bounds"),
            ("expect neuron accuracy between 0.9 and 0.8 on insurance.test", "122:40: error: the lower bound 0.9 is above the upper bound 0.8"),
            ("expect neuron accuracy >= 0.8 and 0.9 on insurance.test", "122:35: error: only 'between' takes a second bound"),
            ("expect neuron accuracy >= high on insurance.test", "122:27: error: expected a number, not high"),
            ("expect neuron accuracy ≈ 0.8 on insurance.test", "122:24: error: '≈' needs a tolerance\n 122 | expect neuron accuracy ≈ 0.8 on insurance.test\n     |                        ^\nhint: e.g. expect m accuracy ≈ 0.8 within 0.01 …"),
            ("expect neuron accuracy ~= 0.8 within -1 on insurance.test", "122:38: error: the tolerance must be 0 or more, not -1"),
            ("expect neuron accuracy >= 0.8 within 0.1 on insurance.test", "122:38: error: only '≈' takes a tolerance"),
            ("expect neuron accuracy >= 0.8", "122:1: error: 'expect' needs 'on DATASET' to measure accuracy on"),
            ("expect neuron accuracy >= 0.8 on insurance.test age=58", "122:49: error: input values go with a prediction, not with a metric"),
            ("expect neuron prediction >= 0.5 on insurance.test", "122:36: error: a prediction is checked for inputs given by name, not on a data set"),
            ("expect neuron prediction >= 0.5", "122:1: error: the prediction needs input values"),
            ("expect neuron prediction >= 0.5 age=58", "122:1: error: the prediction needs a value for affordability"),
            ("expect neuron prediction >= 0.5 age=58 afordability=1 affordability=1", "122:40: error: the model 'neuron' was not trained on a feature called 'afordability'"),
        ]
        for (line, message) in cases {
            try expectations(line)
            let check = try cli.nnbook("check", "gradient-descent.nnbook")
            XCTAssertEqual(check.status, 1, line)
            XCTAssertTrue(check.error.hasPrefix("gradient-descent.nnbook:" + message), check.error)
            let run = try cli.nnbook("run", "gradient-descent.nnbook")
            XCTAssertEqual(run.status, 1, line)
            XCTAssertTrue(run.error.hasSuffix("1 error in gradient-descent.nnbook; nothing was run\n"), run.error)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gradient-descent.md").path))
    }
}
