// A list parameter as a user meets it, in real processes: `-p metrics='[accuracy, mae]'`,
// `nnbook log --json` giving it back as a JSON array, and a sweep over lists whose printed
// commands a shell runs as printed and whose page `--collect` writes again from history.

import Foundation
import XCTest

final class ListParameterCommandTests: XCTestCase {
    private var cli: CLIFixture!

    private static let notebook = """
        ---
        title: Which metrics
        params:
          metrics: {type: list of choice, choices: [accuracy, mae], default: [accuracy]}
          epochs: 5
        ---
        ```nnbook label=fit
        load csv "data/insurance.csv" as insurance target=bought_insurance
        model neuron
          dense 1 activation=sigmoid
        compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=$metrics
        train neuron on insurance epochs=$epochs
        evaluate neuron on insurance
        ```

        """

    override func setUpWithError() throws {
        cli = try CLIFixture()
        try ListParameterCommandTests.notebook.write(to: cli.folder.appendingPathComponent("metrics.nnbook"), atomically: true, encoding: .utf8)
        _ = try cli.gitArguments(["init", "-q"])
    }

    override func tearDown() { cli = nil }

    private func page() throws -> String {
        try String(contentsOf: cli.folder.appendingPathComponent("metrics.sweep.md"), encoding: .utf8)
    }

    func testAListOverrideIsCheckedAndLoggedAsAJSONArray() throws {
        let run = try cli.nnbook("run", "metrics.nnbook", "-p", "metrics=[accuracy, mae]", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(try String(contentsOf: cli.folder.appendingPathComponent("metrics.md"), encoding: .utf8).contains("| mae |"))
        let log = try cli.nnbook("log", "metrics.nnbook", "--json")
        let runs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
        let parameters = try XCTUnwrap(runs.first?["parameters"] as? [String: Any])
        XCTAssertEqual(parameters["metrics"] as? [String], ["accuracy", "mae"])
        XCTAssertEqual(runs.first?["changed_parameters"] as? [String], ["metrics=[accuracy, mae]"])

        let wrong = try cli.nnbook("run", "metrics.nnbook", "-p", "metrics=[accuracy, mse]")
        XCTAssertEqual(wrong.status, 2)
        XCTAssertEqual(wrong.error, """
            metrics.nnbook: error: the parameter 'metrics' must be a list of items from accuracy, mae, not '[accuracy, mse]'
            hint: the parameters are: metrics (list of choice, default [accuracy]), epochs (integer, default 5)

            """)
        let unclosed = try cli.nnbook("sweep", "metrics.nnbook", "-p", "metrics=[accuracy],[mae")
        XCTAssertEqual(unclosed.status, 2)
        XCTAssertTrue(unclosed.error.hasPrefix("metrics.nnbook: error: the values of 'metrics' do not parse: a '[' is never closed\n"), unclosed.error)
    }

    func testASweepOverListsPrintsRunnableCommandsAndCollectsTheSamePage() throws {
        let grid = ["-p", "metrics=[accuracy],[accuracy, mae]", "-p", "epochs=5,10"]
        let sweep = try cli.nnbookArguments(["sweep", "metrics.nnbook"] + grid + ["--jobs", "2", "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let swept = try page()
        XCTAssertTrue(swept.contains("| metrics | [accuracy], [accuracy, mae] |"), swept)
        XCTAssertTrue(swept.contains("| run | metrics | epochs | status | evaluate/neuron/insurance/accuracy | "), swept)
        XCTAssertTrue(swept.contains(" | evaluate/neuron/insurance/mae | "), "a column for a metric only some runs report")
        XCTAssertTrue(swept.contains(" | [accuracy] | 5 | succeeded | "), swept)
        XCTAssertTrue(swept.contains(" | [accuracy, mae] | 10 | succeeded | "), swept)
        let picture = try XCTUnwrap(swept.range(of: #"metrics\.sweep\.assets/[^)]*/fit-evaluate-neuron-insurance-accuracy\.svg"#, options: .regularExpression), "against epochs, the numeric parameter")
        let svg = try String(contentsOf: cli.folder.appendingPathComponent(String(swept[picture])), encoding: .utf8)
        XCTAssertTrue(svg.contains("metrics=[accuracy, mae]"), "one line per list: \(svg)")

        let printed = try cli.nnbookArguments(["sweep", "metrics.nnbook"] + grid + ["--print"])
        let commands = printed.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.count, 4)
        XCTAssertEqual(commands[2], "nnbook run metrics.nnbook -p 'metrics=[accuracy, mae]' -p epochs=5 --sweep \(commands[2].suffix(16))")
        try FileManager.default.removeItem(at: cli.folder.appendingPathComponent("metrics.sweep.md"))
        for command in commands {
            let ran = try cli.shell(command + " --quiet")
            XCTAssertEqual(ran.status, 0, command + "\n" + ran.error)
        }
        let collected = try cli.nnbookArguments(["sweep", "metrics.nnbook"] + grid + ["--collect"])
        XCTAssertEqual(collected.status, 0, collected.error)
        let runNumbers = { (page: String) in page.replacingOccurrences(of: #"\n\| \d+ \|"#, with: "\n| N |", options: .regularExpression) }
        XCTAssertEqual(runNumbers(try page()), runNumbers(swept), "the same table from the printed runs, by their own run numbers")
    }
}
