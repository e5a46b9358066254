// `log` and `diff` output against golden text, for people and for tools.

import Foundation
import XCTest
@testable import NNBookHistory

final class HistoryTextTests: XCTestCase {
    /// Kept for the whole test: its folder goes when it does. XCTest keeps every test case
    /// object to the end of the run, so the fixture is let go in tearDown.
    private var fixture: GitFixture?

    override func tearDown() { fixture = nil }

    private func twoRuns() throws -> RunHistory {
        let fixture = try GitFixture(repository: true)
        self.fixture = fixture
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        try history.record(GitFixture.snapshot(), time: Date(timeIntervalSince1970: 1_700_000_000))
        try history.record(GitFixture.snapshot(rate: "0.1", loss: 0.3, accuracy: 0.75000001, page: "# Lesson\n\nloss 0.3000\n"), time: Date(timeIntervalSince1970: 1_700_000_060))
        return history
    }

    func testLogListsRunsNewestFirst() throws {
        let history = try twoRuns()
        let runs = try history.runs()
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics
            2    \(runs[0].id.short)  2023-11-14 22:14:20 UTC  succeeded  rate=0.1    accuracy 0.7500, loss 0.3000
            1    \(runs[1].id.short)  2023-11-14 22:13:20 UTC  succeeded  defaults    accuracy 0.7500, loss 0.2500

            """)
        let json = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).logJSON(runs).utf8)) as? [[String: Any]]
        XCTAssertEqual(json?.first?["run"] as? Int, 2)
        XCTAssertEqual(json?.first?["changed_parameters"] as? [String], ["rate=0.1"])
        XCTAssertEqual((json?.first?["metrics"] as? [String: [String: Double]])?["fit"]?["loss"], 0.3)
        XCTAssertEqual((json?.first?["headline"] as? [String: Double])?["loss"], 0.3)
        XCTAssertTrue(json?.first?["sweep"] is NSNull)
        XCTAssertEqual(HistoryText(colour: false).logTable(runs, notebook: "lesson.nnbook"), """
            run  status     rate  accuracy  loss
            2    succeeded  0.1   0.7500    0.3000
            1    succeeded  0.5   0.7500    0.2500

            """)
    }

    func testDiffShowsParametersMetricsSourceAndOutput() throws {
        let history = try twoRuns()
        let comparison = try RunComparison(history: history, before: try history.run("1"), after: try history.run("2"))
        let ids = (try history.run("1").id.short, try history.run("2").id.short)
        XCTAssertEqual(HistoryText(colour: false).diff(comparison, metricsOnly: false), """
            run 1 (\(ids.0)) → run 2 (\(ids.1))

            Parameters
              rate: 0.5 → 0.1

            Metrics
              cell  command  metric    before  after   change
              fit   -        accuracy  0.7500  0.7500           same
              fit   -        loss      0.2500  0.3000  +0.0500  worse

            Source
            diff --git a/run 1/notebook.nnbook b/run 2/notebook.nnbook
            index 9b282cb..3abb7ce 100644
            --- a/run 1/notebook.nnbook
            +++ b/run 2/notebook.nnbook
            @@ -1,6 +1,6 @@
             ---
             params:
            -  rate: 0.5
            +  rate: 0.1
             ---
             ```nnbook label=fit
             loss mae y_true=[1] y_pred=[0]

            Output
            diff --git a/run 1/notebook.md b/run 2/notebook.md
            index 7a371e6..eaa2805 100644
            --- a/run 1/notebook.md
            +++ b/run 2/notebook.md
            @@ -1,3 +1,3 @@
             # Lesson
             \("")
            -loss 0.2500
            +loss 0.3000

            """)
        XCTAssertEqual(HistoryText(colour: false).diff(comparison, metricsOnly: true).components(separatedBy: "\n").last, "")
        XCTAssertFalse(HistoryText(colour: false).diff(comparison, metricsOnly: true).contains("Source"))
        XCTAssertTrue(HistoryText(colour: true).diff(comparison, metricsOnly: true).contains("\u{1B}[31mworse\u{1B}[0m"))
    }

    func testDiffJSONForTools() throws {
        let history = try twoRuns()
        let comparison = try RunComparison(history: history, before: try history.run("1"), after: try history.run("2"))
        let object = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).diffJSON(comparison, metricsOnly: false).utf8)) as? [String: Any]
        XCTAssertEqual((object?["parameters"] as? [[String: Any]])?.first?["after"] as? String, "0.1")
        let metrics = object?["metrics"] as? [[String: Any]]
        XCTAssertEqual(metrics?.map { $0["verdict"] as? String }, ["same", "worse"])
        XCTAssertTrue((object?["output_diff"] as? String)?.contains("+loss 0.3000") == true)
    }

    /// Run 1 as recorded before metrics were kept per command (`fit/accuracy`), runs 2 and 3
    /// with every command's metrics, two evaluations of one cell among them.
    private func runsAcrossTheMetricsFormats() throws -> RunHistory {
        let history = try twoRuns()
        let scoped: [(name: String, value: Double)] = [
            ("train/m/d/loss", 0.2), ("evaluate/m/d.train/accuracy", 0.9), ("evaluate/m/d.test/accuracy", 0.8),
        ]
        try history.record(GitFixture.snapshot(metrics: scoped), time: Date(timeIntervalSince1970: 1_700_000_120))
        try history.record(
            GitFixture.snapshot(rate: "0.1", metrics: scoped.map { ($0.name, $0.value + 0.05) }, page: "# Lesson\n\nloss 0.2500\n"),
            time: Date(timeIntervalSince1970: 1_700_000_180))
        return history
    }

    func testDiffKeepsEveryCommandsMetricAndPairsAnOldRunsMetricWithTheOneCommandThatHasIt() throws {
        let history = try runsAcrossTheMetricsFormats()
        let old = try RunComparison(history: history, before: try history.run("1"), after: try history.run("3"))
        XCTAssertEqual(HistoryText(colour: false).diff(old, metricsOnly: true).components(separatedBy: "Metrics\n").last, """
              cell  command             metric    before  after   change
              fit   -                   accuracy  0.7500  -                removed
              fit   evaluate/m/d.test   accuracy  -       0.8000           added
              fit   evaluate/m/d.train  accuracy  -       0.9000           added
              fit   train/m/d           loss      0.2500  0.2000  -0.0500  better

            """)
        let new = try RunComparison(history: history, before: try history.run("3"), after: try history.run("4"))
        XCTAssertEqual(HistoryText(colour: false).diff(new, metricsOnly: true).components(separatedBy: "Metrics\n").last, """
              cell  command             metric    before  after   change
              fit   evaluate/m/d.test   accuracy  0.8000  0.8500  +0.0500  better
              fit   evaluate/m/d.train  accuracy  0.9000  0.9500  +0.0500  better
              fit   train/m/d           loss      0.2000  0.2500  +0.0500  worse

            """)
        let object = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).diffJSON(new, metricsOnly: true).utf8)) as? [String: Any]
        let first = try XCTUnwrap((object?["metrics"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["key"] as? String, "fit/evaluate/m/d.test/accuracy")
        XCTAssertEqual(first["command"] as? String, "evaluate/m/d.test")
        XCTAssertEqual(first["metric"] as? String, "accuracy")
    }

    /// The gradient-descent lesson's case: the last model evaluated (Adam's) is one no swept
    /// parameter changes, so every run's recorded headline is the same; the log headlines the
    /// last command whose figures differ, and says whose they are.
    func testLogHeadlinesTheLastCommandWhoseFiguresDifferWhenTheRecordedHeadlinesAreAllTheSame() throws {
        let fixture = try GitFixture(repository: true)
        self.fixture = fixture
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        for (index, rate) in ["0.5", "2.5"].enumerated() {
            let metrics: [(name: String, value: Double)] = [
                ("evaluate/neuron/insurance.test/accuracy", 0.5 + 0.25 * Double(index)), ("evaluate/neuron/insurance.test/loss", 0.6 - 0.25 * Double(index)),
                ("evaluate/neuron_adam/insurance.test/accuracy", 0.6667), ("evaluate/neuron_adam/insurance.test/loss", 0.521),
            ]
            try history.record(GitFixture.snapshot(rate: rate, metrics: metrics), time: Date(timeIntervalSince1970: 1_700_000_000 + 60 * Double(index)))
        }
        let runs = try history.runs()
        let adam = "fit/evaluate/neuron_adam/insurance.test"
        XCTAssertEqual(runs.map(\.record.headline), Array(repeating: [.init(name: "accuracy", value: 0.6667, source: adam), .init(name: "loss", value: 0.521, source: adam)], count: 2))
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics of fit/evaluate/neuron/insurance.test
            2    \(runs[0].id.short)  2023-11-14 22:14:20 UTC  succeeded  rate=2.5    accuracy 0.7500, loss 0.3500
            1    \(runs[1].id.short)  2023-11-14 22:13:20 UTC  succeeded  defaults    accuracy 0.5000, loss 0.6000

            """)
        XCTAssertEqual(HistoryText(colour: false).log(Array(runs.prefix(1)), notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics of fit/evaluate/neuron_adam/insurance.test
            2    \(runs[0].id.short)  2023-11-14 22:14:20 UTC  succeeded  rate=2.5    accuracy 0.6667, loss 0.5210

            """, "one run differs from no other: its recorded headline")
    }

    /// A Keras user reads the headline's pair as one `model.evaluate()`: it is one command's
    /// accuracy and loss (the last that reported both, not a later `confusion`'s accuracy
    /// beside an earlier model's loss), and the heading says whose.
    func testTheHeadlineIsOneCommandsAccuracyAndLossAndSaysWhose() throws {
        let fixture = try GitFixture(repository: true)
        self.fixture = fixture
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        let metrics: [(name: String, value: Double)] = [
            ("evaluate/a/unseen/accuracy", 0.74), ("evaluate/a/unseen/loss", 0.7393),
            ("evaluate/c/unseen/accuracy", 0.7), ("evaluate/c/unseen/loss", 0.6829), ("confusion/a/unseen/accuracy", 0.76),
        ]
        try history.record(GitFixture.snapshot(metrics: metrics), time: Date(timeIntervalSince1970: 1_700_000_000))
        let runs = try history.runs()
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics of fit/evaluate/c/unseen
            1    \(runs[0].id.short)  2023-11-14 22:13:20 UTC  succeeded  defaults    accuracy 0.7000, loss 0.6829

            """)
        let json = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).logJSON(runs).utf8)) as? [[String: Any]]
        XCTAssertEqual(json?.first?["headline_source"] as? String, "fit/evaluate/c/unseen")
    }

    /// A scaled target's headline is the figure in its original units, with them, before one
    /// reported with `units=scaled`; and a figure the notebook's precision would round to 0 is
    /// shown with its first two digits, in `log` and `log --table`.
    func testTheHeadlineOfAScaledTargetIsInItsOriginalUnitsAndNeverRoundedToZero() throws {
        let fixture = try GitFixture(repository: true)
        self.fixture = fixture
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        let original = [("evaluate/m/houses.test/loss", 3186.6667), ("evaluate/m/houses.test/mae", 45.25)]
        let scaled = [("evaluate#2/m/houses.test/loss", 0.003187), ("evaluate#2/m/houses.test/mae", 0.04525)]
        let units = ["evaluate/m/houses.test/loss": "price_k's units squared", "evaluate/m/houses.test/mae": "price_k's units",
                     "evaluate#2/m/houses.test/loss": "scaled units squared", "evaluate#2/m/houses.test/mae": "scaled units"]
        try history.record(GitFixture.snapshot(metrics: original + scaled, units: units, precision: 2), time: Date(timeIntervalSince1970: 1_700_000_000))
        try history.record(GitFixture.snapshot(metrics: scaled, units: units, precision: 2), time: Date(timeIntervalSince1970: 1_700_000_060))
        let runs = try history.runs()
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics
            2    \(runs[0].id.short)  2023-11-14 22:14:20 UTC  succeeded  defaults    loss 0.0032 (scaled units squared) (of fit/evaluate#2/m/houses.test)
            1    \(runs[1].id.short)  2023-11-14 22:13:20 UTC  succeeded  defaults    loss 3186.67 (price_k's units squared) (of fit/evaluate/m/houses.test)

            """)
        XCTAssertTrue(HistoryText(colour: false).logTable(Array(runs.prefix(1)), notebook: "lesson.nnbook").contains("0.0032"))
    }

    func testLogListsOldAndNewRunsAndShowsTheChosenMetric() throws {
        let history = try runsAcrossTheMetricsFormats()
        let runs = try history.runs()
        let ids = runs.map(\.id.short)
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook"), """
            run  id       date                     status     parameters  metrics
            4    \(ids[0])  2023-11-14 22:16:20 UTC  succeeded  rate=0.1    accuracy 0.8500 (of fit/evaluate/m/d.test)
            3    \(ids[1])  2023-11-14 22:15:20 UTC  succeeded  defaults    accuracy 0.8000 (of fit/evaluate/m/d.test)
            2    \(ids[2])  2023-11-14 22:14:20 UTC  succeeded  rate=0.1    accuracy 0.7500, loss 0.3000
            1    \(ids[3])  2023-11-14 22:13:20 UTC  succeeded  defaults    accuracy 0.7500, loss 0.2500

            """)
        XCTAssertEqual(HistoryText(colour: false).log(runs, notebook: "lesson.nnbook", metric: "d.test/accuracy"), """
            run  id       date                     status     parameters  fit/evaluate/m/d.test/accuracy
            4    \(ids[0])  2023-11-14 22:16:20 UTC  succeeded  rate=0.1    0.8500
            3    \(ids[1])  2023-11-14 22:15:20 UTC  succeeded  defaults    0.8000
            2    \(ids[2])  2023-11-14 22:14:20 UTC  succeeded  rate=0.1    -
            1    \(ids[3])  2023-11-14 22:13:20 UTC  succeeded  defaults    -

            """)
        XCTAssertEqual(HistoryText(colour: false).log(Array(runs[1...2]), notebook: "lesson.nnbook", metric: "accuracy"), """
            run  id       date                     status     parameters  accuracy
            3    \(ids[1])  2023-11-14 22:15:20 UTC  succeeded  defaults    d.test/accuracy 0.8000, d.train/accuracy 0.9000
            2    \(ids[2])  2023-11-14 22:14:20 UTC  succeeded  rate=0.1    0.7500

            """)
        XCTAssertEqual(HistoryText(colour: false).logTable(runs, notebook: "lesson.nnbook", metric: "loss"), """
            run  status     rate  d/loss  fit/loss
            4    succeeded  0.1   0.2500  -
            3    succeeded  0.5   0.2000  -
            2    succeeded  0.1   -       0.3000
            1    succeeded  0.5   -       0.2500

            """)
        let json = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).logJSON(runs).utf8)) as? [[String: Any]]
        XCTAssertEqual((json?.first?["metrics"] as? [String: [String: Double]])?["fit"]?["evaluate/m/d.train/accuracy"], 0.95)
        XCTAssertEqual((json?.last?["metrics"] as? [String: [String: Double]])?["fit"]?["accuracy"], 0.75)
    }

    func testVerdictsFollowTheBetterDirection() {
        XCTAssertEqual(RunComparison.verdict(metric: "accuracy", before: 0.5, after: 0.6, precision: 4), .better)
        XCTAssertEqual(RunComparison.verdict(metric: "loss", before: 0.5, after: 0.6, precision: 4), .worse)
        XCTAssertEqual(RunComparison.verdict(metric: "loss", before: 0.50001, after: 0.50002, precision: 4), .same)
        XCTAssertEqual(RunComparison.verdict(metric: "w1", before: 1, after: 2, precision: 4), .changed)
        XCTAssertEqual(RunComparison.verdict(metric: "loss", before: nil, after: 2, precision: 4), .added)
    }

    func testTextDiffOfEqualTextsIsEmpty() throws {
        XCTAssertEqual(try TextDiff.unified("a\n", "a\n", oldPath: "x", newPath: "y"), "")
    }
}
