// `nnbook render` from history and from a fresh run, and Ctrl-C in the middle of training.

import Foundation
import XCTest

final class RenderAndInterruptTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    func testRenderHTMLFromTheLatestRunAndIpynbFromAFreshRun() throws {
        XCTAssertEqual(try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html").status, 1, "no run recorded yet")
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        let html = try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html", "--quiet")
        XCTAssertEqual(html.status, 0, html.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("gradient-descent.html"), encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<img src=\"data:image/svg+xml;base64,"), "the loss plot is inline")
        XCTAssertFalse(page.contains("gradient-descent.assets/"), "no picture is left as a link")

        let ipynb = try cli.nnbook("render", "gradient-descent.nnbook", "--to", "ipynb", "--run", "-p", "rate=0.1", "--quiet", "--no-expect")
        XCTAssertEqual(ipynb.status, 0, ipynb.error)
        let document = try JSONSerialization.jsonObject(with: try Data(contentsOf: cli.folder.appendingPathComponent("gradient-descent.ipynb"))) as? [String: Any]
        XCTAssertEqual(document?["nbformat"] as? Int, 4)
        XCTAssertEqual(try cli.nnbook("log", "gradient-descent.nnbook").output.split(separator: "\n").count, 3, "--run records the run")

        // A fresh run that fails (its expect misses) is exported with its error, and the exit
        // code says it failed, as `nnbook run` says it.
        let failed = try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html", "--run", "-p", "rate=0.001", "--quiet")
        XCTAssertEqual(failed.status, 1, failed.error)
        XCTAssertTrue(failed.error.contains("the run stopped in cell"), failed.error)
        let failedPage = try String(contentsOf: cli.folder.appendingPathComponent("gradient-descent.html"), encoding: .utf8)
        XCTAssertTrue(failedPage.contains("<strong>This run failed</strong>"), "the export of the failed run is written")
        let fromHistory = try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html", "--quiet")
        XCTAssertEqual(fromHistory.status, 0, "exporting a recorded run succeeds whatever that run's outcome: \(fromHistory.error)")
    }

    func testInterruptingTrainingKeepsThePreviousPageAndRecordsTheRun() throws {
        let notebook = cli.folder.appendingPathComponent("long.nnbook")
        let text = """
            ```nnbook
            load csv "data/insurance.csv" as insurance target=bought_insurance
            model neuron
              dense 1 activation=sigmoid
            compile neuron loss=binary_crossentropy optimizer=sgd rate=0.1
            train neuron on insurance descent=stochastic epochs=EPOCHS
            ```
            """
        try text.replacingOccurrences(of: "EPOCHS", with: "1").write(to: notebook, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "long.nnbook", "--quiet").status, 0)
        let page = cli.folder.appendingPathComponent("long.md")
        let before = try String(contentsOf: page, encoding: .utf8)

        try text.replacingOccurrences(of: "EPOCHS", with: "10000000").write(to: notebook, atomically: true, encoding: .utf8)
        // Interrupt only once training has started, however slow the machine.
        var run = try cli.start(["run", "long.nnbook"], until: "Epoch 1/")
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        let said = run.said

        XCTAssertEqual(run.process.terminationStatus, 130, said)
        XCTAssertTrue(said.contains("error: training was interrupted after"), said)
        XCTAssertTrue(said.contains("[1/1] cell-1 … interrupted in "), said)
        XCTAssertFalse(said.contains("failed"), said)
        XCTAssertTrue(said.contains("interrupted in cell 1; long.md was left as it was; the partial run is recorded in history"), said)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), before)
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "long.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["interrupted", "succeeded"])

        // render exports the latest successful run unless told which, and says which it took.
        let latest = try cli.nnbook("render", "long.nnbook", "--to", "html")
        XCTAssertEqual(latest.status, 0, latest.error)
        XCTAssertEqual(latest.error, "wrote long.html from run 1, the latest successful one\n")
        XCTAssertFalse(try String(contentsOf: cli.folder.appendingPathComponent("long.html"), encoding: .utf8).contains("interrupted"))
        let chosen = try cli.nnbook("render", "long.nnbook", "2", "--to", "html")
        XCTAssertEqual(chosen.error, "wrote long.html from run 2 (interrupted)\n")
        XCTAssertTrue(try String(contentsOf: cli.folder.appendingPathComponent("long.html"), encoding: .utf8).contains("interrupted"))
        let both = try cli.nnbook("render", "long.nnbook", "2", "--to", "html", "--run")
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.error.contains("--run exports a fresh run, so it takes no RUN ('2')"), both.error)
        // A recorded run keeps its parameters: -p without --run would be ignored without a word.
        let ignored = try cli.nnbook("render", "long.nnbook", "--to", "html", "-p", "epochs=3")
        XCTAssertEqual(ignored.status, 2)
        XCTAssertTrue(ignored.error.contains("-p epochs=3 applies to a fresh run: add --run"), ignored.error)
        XCTAssertEqual(try cli.gitArguments(["--git-dir", ".nnbook-history", "fsck", "--no-progress", "--no-dangling"]), "")
    }

    /// `timeout` sends SIGTERM: while a large CSV file loads, the run stops there, exits 130,
    /// writes no page and is recorded as interrupted. The signal is sent once the first cell is
    /// done, so it arrives while the second reads its 33 MB: a reader deaf to it would read
    /// the whole file and the run would stop only after the command.
    func testSIGTERMWhileLoadingStopsTheRun() throws {
        try ("a,b,y\n" + String(repeating: "0.5,0.25,1\n", count: 3_000_000)).write(to: cli.folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n\n```nnbook\nload csv \"big.csv\" as d target=y\ndescribe d\n```\n"
            .write(to: cli.folder.appendingPathComponent("big.nnbook"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = cli.executable
        process.arguments = ["run", "big.nnbook"]
        process.currentDirectoryURL = cli.folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var said = ""
        let deadline = Date().addingTimeInterval(60)
        while !said.contains("[1/2]"), Date() < deadline {
            said += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGTERM)
        said += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 130, said)
        XCTAssertFalse(said.contains("the run was stopped during this command"), "the reader did not stop: \(said)")
        XCTAssertTrue(said.contains("big.csv: reading the file was stopped") || said.contains("the run was stopped before this command"), said)
        XCTAssertTrue(said.contains("interrupted in cell 2; big.md was left as it was; the partial run is recorded in history"), said)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("big.md").path))
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "big.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["interrupted"])
    }

    /// GNU `timeout` sends its signal twice, to nnbook and to nnbook's process group. The
    /// second, a moment after the first, is the same request: the run still stops as one
    /// interrupted run (130, recorded), not killed half-way (143, nothing recorded).
    func testASignalRepeatedAtOnceIsOneInterruption() throws {
        try cli.writeEndlessTraining("long.nnbook")
        var run = try cli.start(["run", "long.nnbook"], until: "Epoch 1/")
        kill(run.process.processIdentifier, SIGTERM)
        // Long enough for the first signal's handler to have run, as it has when timeout's
        // second signal arrives on a busy machine.
        usleep(50_000)
        kill(run.process.processIdentifier, SIGTERM)
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertTrue(run.said.contains("interrupted in cell 1"), run.said)
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "long.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["interrupted"])
    }
}
