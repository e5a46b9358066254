// Ctrl-Z while an external plugin works, sent to the real process: the plugin, in a process
// group of its own that the terminal's stop never reaches, stops with nnbook and goes on with
// it, and the time it stood still does not count against --plugin-timeout.

import Foundation
import XCTest

final class PluginSuspensionTests: XCTestCase {
    private var cli: CLIFixture!
    private var ticks: URL { cli.folder.appendingPathComponent("ticks") }

    override func setUpWithError() throws {
        cli = try CLIFixture()
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        // `tick DATA`: writes a line to `ticks` every 50 ms, 12 times, then answers; a plugin
        // that went on while nnbook was stopped would go on writing.
        let describe = #"{"protocol": 1, "plugin": {"name": "ticker", "summary": "ticks", "commands": [{"verb": "tick", "summary": "tick", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}], "options": []}]}}"#
        let program = cli.folder.appendingPathComponent("plugins/nnbook-plugin-ticker")
        try """
            #!/bin/sh
            read request
            case "$request" in
              *describe*) echo '\(describe)' ;;
              *check*) echo '{"protocol": 1, "diagnostics": []}' ;;
              *) for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "$i" >> '\(ticks.path)'; sleep 0.05; done
                 echo '{"protocol": 1, "outputs": []}' ;;
            esac
            """.write(to: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program.path)
        try """
            ---
            plugins: [plugins]
            params:
              take: 3
            ---
            ```nnbook
            load csv "data/insurance.csv" as insurance target=bought_insurance
            take insurance $take as few
            tick few
            ```
            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { cli = nil }

    private var ticked: Int {
        ((try? String(contentsOf: ticks, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// Stops `job` as a shell's Ctrl-Z does (SIGTSTP to it alone: its runs and plugins are in
    /// process groups of their own), checks that `stopped` (the plugin last) stay stopped with it
    /// for `seconds`, and continues it as `fg` does.
    private func assertStopped(_ job: pid_t, with stopped: [pid_t], for seconds: Double, file: StaticString = #filePath, line: UInt = #line) {
        kill(job, SIGTSTP)
        let all = [job] + stopped
        ProcessTable.waitUntil { all.allSatisfy { ProcessTable.state(of: $0) == "T" } }
        XCTAssertEqual(all.map { ProcessTable.state(of: $0) }, all.map { _ in "T" }, "nnbook and its plugin are stopped", file: file, line: line)
        let before = ticked
        usleep(useconds_t(seconds * 1_000_000))
        XCTAssertEqual(ticked, before, "the plugin worked on while nnbook was stopped", file: file, line: line)
        XCTAssertLessThan(before, 12, "the plugin had finished before the stop", file: file, line: line)
        kill(job, SIGCONT)
    }

    /// The plugin's time limit is 2.5 s and nnbook stands still for 3: only the time the plugin
    /// could work counts, so the request ends as it would have without the stop.
    func testCtrlZOnARunStopsItsPluginAndFgContinuesIt() throws {
        var run = try cli.start(["run", "p.nnbook", "--allow-plugin", "ticker", "--plugin-timeout", "2.5", "--quiet", "--no-snapshot"], untilExists: ticks)
        let runID = run.process.processIdentifier
        let plugin = try XCTUnwrap(ProcessTable.children(of: runID, count: 1).first)
        assertStopped(runID, with: [plugin], for: 3)
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 0, run.said)
        XCTAssertEqual(ticked, 12, "the plugin went on to its end")
    }

    /// A sweep's run (an `nnbook run` of its own, in its own process group) is stopped by the
    /// sweep at Ctrl-Z, and stops its plugin in turn.
    func testCtrlZOnASweepStopsThePluginOfItsRun() throws {
        _ = try cli.gitArguments(["init", "-q"])
        var sweep = try cli.start(["sweep", "p.nnbook", "-p", "take=2,3", "--jobs", "1", "--allow-plugin", "ticker"], untilExists: ticks)
        let sweepID = sweep.process.processIdentifier
        let run = try XCTUnwrap(ProcessTable.children(of: sweepID, count: 1).first)
        let plugin = try XCTUnwrap(ProcessTable.children(of: run, count: 1).first)
        assertStopped(sweepID, with: [run, plugin], for: 1)
        sweep.finish()
        XCTAssertEqual(sweep.process.terminationStatus, 0, sweep.said)
        XCTAssertEqual(ticked, 24, "both runs' plugins went on to their end")
    }
}
