// Ctrl-C and SIGTERM outside training, sent to the real process: while an external plugin
// works, while `nnbook render` exports, and while a finished run is recorded.

import Foundation
import XCTest

final class InterruptionTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    /// `wait DATA`: a plugin that answers at once, unless the file `slow` exists: then it ignores
    /// SIGTERM, writes its pid and its child's into `pids`, and waits for a sleep of a minute.
    private func writeStubbornPlugin() throws {
        let plugins = cli.folder.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let describe = #"{"protocol": 1, "plugin": {"name": "stubborn", "summary": "a test plugin", "commands": [{"verb": "wait", "summary": "wait", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}]}]}}"#
        let script = """
            #!/bin/sh
            read request
            case "$request" in
              *describe*) echo '\(describe)' ;;
              *check*) echo '{"protocol": 1, "diagnostics": []}' ;;
              *)
                if [ -e slow ]; then
                  trap '' TERM
                  sleep 60 &
                  echo "$$ $!" > pids.tmp && mv pids.tmp pids
                  wait
                fi
                echo '{"protocol": 1, "outputs": [{"text": "waited"}]}' ;;
            esac
            """
        let url = plugins.appendingPathComponent("nnbook-plugin-stubborn")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try "---\nplugins: [plugins]\n---\n```nnbook\nload csv \"data/insurance.csv\" as insurance target=bought_insurance\nwait insurance\n```\n"
            .write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
    }

    /// Starts a run of p.nnbook whose plugin hangs, and returns it with the plugin's two pids
    /// once the plugin is waiting.
    private func startHangingPluginRun() throws -> (run: CLIFixture.Started, pids: [pid_t]) {
        try writeStubbornPlugin()
        XCTAssertEqual(try cli.nnbook("run", "p.nnbook", "--allow-plugin", "stubborn", "--quiet").status, 0)
        FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("slow").path, contents: nil)
        let pidsFile = cli.folder.appendingPathComponent("pids")
        let run = try cli.start(["run", "p.nnbook", "--allow-plugin", "stubborn"], untilExists: pidsFile)
        let pids = try String(contentsOf: pidsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        XCTAssertEqual(pids.count, 2)
        return (run, pids)
    }

    /// Whether `pid` is still a live process (a zombie waiting for its parent counts as gone).
    private func isRunning(_ pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        return !status.contains("State:\tZ")
    }

    /// Waits up to ten seconds for every one of `pids` to be gone.
    private func allGone(_ pids: [pid_t]) -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while pids.contains(where: isRunning), Date() < deadline { usleep(10_000) }
        return !pids.contains(where: isRunning)
    }

    func testCtrlCDuringAPluginRequestStopsThePluginAndRecordsTheRun() throws {
        let page = cli.folder.appendingPathComponent("p.md")
        var (run, pids) = try startHangingPluginRun()
        let before = try String(contentsOf: page, encoding: .utf8)
        let sent = Date()
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        let waited = Date().timeIntervalSince(sent)

        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertLessThan(waited, 10, "the plugin's time limit (30 s) is not waited for")
        XCTAssertTrue(run.said.contains("p.nnbook:6:1: error: the request to the plugin 'stubborn' was stopped"), run.said)
        XCTAssertTrue(run.said.contains("interrupted in cell 1; p.md was left as it was; the partial run is recorded in history"), run.said)
        XCTAssertTrue(allGone(pids), "the plugin, which ignores SIGTERM, and its child are killed")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), before)
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "p.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["interrupted", "succeeded"])
    }

    /// Ctrl-C pressed again while nnbook stops the plugin ends nnbook at once, and the plugin
    /// with it.
    func testASecondSignalLeavesNoPluginBehind() throws {
        var (run, pids) = try startHangingPluginRun()
        kill(run.process.processIdentifier, SIGINT)
        // Later than the window in which a repeated signal counts as the same request, and
        // within the second that a plugin is given to end.
        usleep(600_000)
        kill(run.process.processIdentifier, SIGINT)
        // Foundation's waitUntilExit may wait for the standard error pipe, which a plugin left
        // running could hold open: watch the process itself.
        XCTAssertTrue(allGone([run.process.processIdentifier]), "nnbook ends at the second signal")
        XCTAssertTrue(allGone(pids), "the plugin and its child end with nnbook")
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
    }
}
