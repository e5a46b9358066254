// Ctrl-C and SIGTERM outside training, sent to the real process: while an external plugin
// works, while `nnbook render` exports, and while a finished run is recorded.

import Foundation
import XCTest

final class InterruptionTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    /// `wait DATA`: a plugin that answers at once, unless the file `slow` exists (for its `run`
    /// request) or `slow-describe` (for its `describe`): then it ignores SIGTERM, starts a
    /// sleep of a minute and another in a session of its own (`setsid`, out of its process
    /// group), writes its pid and theirs into `pids`, and waits for the first.
    private func writeStubbornPlugin() throws {
        let plugins = cli.folder.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        let describe = #"{"protocol": 1, "plugin": {"name": "stubborn", "summary": "a test plugin", "commands": [{"verb": "wait", "summary": "wait", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}]}]}}"#
        let script = """
            #!/bin/sh
            hang() {
              if [ -e "$1" ]; then
                trap '' TERM
                setsid sleep 60 </dev/null >/dev/null 2>&1 &
                escaped=$!
                sleep 60 &
                echo "$$ $! $escaped" > pids.tmp && mv pids.tmp pids
                wait $!
              fi
            }
            read request
            case "$request" in
              *describe*) hang slow-describe; echo '\(describe)' ;;
              *check*) echo '{"protocol": 1, "diagnostics": []}' ;;
              *) hang slow; echo '{"protocol": 1, "outputs": [{"text": "waited"}]}' ;;
            esac
            """
        let url = plugins.appendingPathComponent("nnbook-plugin-stubborn")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try "---\nplugins: [plugins]\n---\n```nnbook\nload csv \"data/insurance.csv\" as insurance target=bought_insurance\nwait insurance\n```\n"
            .write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
    }

    /// Starts a run of p.nnbook whose plugin hangs, and returns it with the pids of the plugin,
    /// its sleep and its sleep in a session of its own, once the plugin is waiting.
    private func startHangingPluginRun() throws -> (run: CLIFixture.Started, pids: [pid_t]) {
        try writeStubbornPlugin()
        XCTAssertEqual(try cli.nnbook("run", "p.nnbook", "--allow-plugin", "stubborn", "--quiet").status, 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("slow").path, contents: nil))
        let pidsFile = cli.folder.appendingPathComponent("pids")
        let run = try cli.start(["run", "p.nnbook", "--allow-plugin", "stubborn"], untilExists: pidsFile)
        let pids = try String(contentsOf: pidsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        XCTAssertEqual(pids.count, 3)
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
        XCTAssertTrue(allGone(pids), "the plugin, which ignores SIGTERM, and its children are killed, the one out of its process group too")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), before)
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "p.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["interrupted", "succeeded"])
    }

    /// Ctrl-C while a plugin describes itself, before the run: the plugin is stopped at once,
    /// nothing runs, nothing is recorded, and the exit code says interrupted, not a check error.
    func testCtrlCWhileAPluginDescribesItselfStopsTheCheck() throws {
        try writeStubbornPlugin()
        XCTAssertTrue(FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("slow-describe").path, contents: nil))
        let pidsFile = cli.folder.appendingPathComponent("pids")
        var run = try cli.start(["run", "p.nnbook", "--allow-plugin", "stubborn"], untilExists: pidsFile)
        let pids = try String(contentsOf: pidsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        let sent = Date()
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        XCTAssertLessThan(Date().timeIntervalSince(sent), 10, "the plugin's time limit (30 s) is not waited for")
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertEqual(run.said, "p.nnbook: interrupted before the run began; nothing was run or recorded\n")
        XCTAssertTrue(allGone(pids))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("p.md").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".nnbook-history").path))
    }

    /// Ctrl-C while a plugin describes itself for `check`, which ends at Ctrl-C as any program
    /// does: the plugin and what it started go with it.
    func testCtrlCDuringACheckEndsThePluginItDescribes() throws {
        try writeStubbornPlugin()
        XCTAssertTrue(FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("slow-describe").path, contents: nil))
        let pidsFile = cli.folder.appendingPathComponent("pids")
        var check = try cli.start(["check", "p.nnbook", "--allow-plugin", "stubborn"], untilExists: pidsFile)
        let pids = try String(contentsOf: pidsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        kill(check.process.processIdentifier, SIGINT)
        XCTAssertTrue(allGone([check.process.processIdentifier]))
        check.finish()
        XCTAssertEqual(check.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(check.process.terminationStatus, SIGINT)
        XCTAssertEqual(pids.count, 3)
        XCTAssertTrue(allGone(pids), "the plugin and its children end with the check, the one out of its process group too")
    }

    /// Ctrl-C stops the live preview within moments, even while a plugin works for its run.
    func testCtrlCStopsThePreviewWhileAPluginWorks() throws {
        try writeStubbornPlugin()
        XCTAssertTrue(FileManager.default.createFile(atPath: cli.folder.appendingPathComponent("slow").path, contents: nil))
        let pidsFile = cli.folder.appendingPathComponent("pids")
        let preview = try PreviewProcess(cli, ["p.nnbook", "--allow-plugin", "stubborn"])
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: pidsFile.path), Date() < deadline { usleep(5_000) }
        let pids = try String(contentsOf: pidsFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        let sent = Date()
        XCTAssertEqual(preview.interrupt(), 0, preview.standardError)
        XCTAssertLessThan(Date().timeIntervalSince(sent), 10, "the plugin's time limit (30 s) is not waited for")
        XCTAssertTrue(allGone(pids))
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
        XCTAssertTrue(allGone(pids), "the plugin and its children end with nnbook, the one out of its process group too")
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
    }

    /// nnbook killed by SIGKILL, which it cannot catch, while a plugin works: the plugin dies
    /// with it instead of running on. (What the plugin started itself is out of reach then:
    /// its sleep is ended here by the test.)
    func testAPluginDiesWithAKilledNnbook() throws {
        var (run, pids) = try startHangingPluginRun()
        // The sleeps' process groups: the plain sleep's is the plugin's.
        defer { [pids[0], pids[2]].forEach { kill(-$0, SIGKILL) } }
        kill(run.process.processIdentifier, SIGKILL)
        run.finish()
        XCTAssertEqual(run.process.terminationReason, .uncaughtSignal)
        XCTAssertTrue(allGone([pids[0]]), "the plugin ends with nnbook")
    }

    /// A plugin that answers and leaves two sleeps running, one in its process group and one in
    /// a session of its own (`setsid`): both end with the request, not with the machine.
    func testWhatAPluginLeavesRunningEndsWithItsRequest() throws {
        try writeStubbornPlugin()
        let plugin = cli.folder.appendingPathComponent("plugins/nnbook-plugin-stubborn")
        let script = try String(contentsOf: plugin, encoding: .utf8)
        try script.replacingOccurrences(of: #"*) hang slow;"#, with: #"*) sleep 300 </dev/null >/dev/null 2>&1 & first=$!; setsid sleep 300 </dev/null >/dev/null 2>&1 & echo "$first $!" > left;"#)
            .write(to: plugin, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
        let run = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "stubborn", "--quiet")
        let left = try String(contentsOf: cli.folder.appendingPathComponent("left"), encoding: .utf8).split(whereSeparator: \.isWhitespace).compactMap { pid_t($0) }
        defer { left.filter(isRunning).forEach { kill($0, SIGKILL) } }
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(left.count, 2)
        XCTAssertTrue(allGone(left), "the sleeps the plugin left end with its request")
    }

    /// Whether `pid` has a handler for SIGTERM, i.e. nnbook has installed its own.
    private func catchesSIGTERM(_ pid: pid_t) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << (UInt64(SIGTERM) - 1)) != 0
    }

    /// SIGTERM while `render` draws the export (a page of some megabytes of prose, so that
    /// drawing it takes a while on any machine): exit 130, and the file it would replace is
    /// left as it was. The signal is sent as soon as nnbook catches it.
    func testSIGTERMWhileExportingLeavesTheFileAsItWas() throws {
        let paragraph = String(repeating: "Words *to* draw, with a [link](x.md) and <b>bold</b> text. ", count: 20) + "\n\n"
        try (String(repeating: paragraph, count: 3_000) + "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n")
            .write(to: cli.folder.appendingPathComponent("big.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "big.nnbook", "--quiet").status, 0)
        let export = cli.folder.appendingPathComponent("big.html")
        try "an earlier export".write(to: export, atomically: true, encoding: .utf8)
        let listing = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted()

        var render = try cli.start(["render", "big.nnbook", "--to", "html"])
        let pid = render.process.processIdentifier
        let deadline = Date().addingTimeInterval(60)
        while !catchesSIGTERM(pid), isRunning(pid), Date() < deadline {}
        kill(pid, SIGTERM)
        render.finish()

        XCTAssertEqual(render.process.terminationStatus, 130, render.said)
        XCTAssertEqual(render.said, "interrupted while big.html was drawn; it was left as it was\n")
        XCTAssertEqual(try String(contentsOf: export, encoding: .utf8), "an earlier export")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted(), listing, "no temporary file is left")
    }

    /// `render --run` interrupted in training names both files it leaves as they were: the page
    /// and the export.
    func testAnInterruptedRenderRunNamesTheExportItLeaves() throws {
        try cli.writeEndlessTraining("long.nnbook")
        var run = try cli.start(["render", "long.nnbook", "--to", "html", "--run"], until: "Epoch 1/")
        kill(run.process.processIdentifier, SIGTERM)
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertTrue(run.said.contains("interrupted in cell 1; long.md and long.html were left as they were; the partial run is recorded in history"), run.said)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("long.html").path))
    }

    /// A signal while the finished run is recorded: the recording goes to its end (a second
    /// signal, later than the first, does not cut it short), then nnbook exits 130 and says
    /// what it saved. The history's reference is held locked by the test, so that nnbook waits
    /// inside the recording until the test lets it go.
    func testASignalWhileRecordingLetsTheRecordingFinish() throws {
        try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".write(to: cli.folder.appendingPathComponent("q.nnbook"), atomically: true, encoding: .utf8)
        let first = try cli.nnbook("run", "q.nnbook")
        XCTAssertEqual(first.status, 0, first.error)
        let reference = try XCTUnwrap(first.error.split(separator: "\n").first { $0.hasPrefix("recorded run ") }?.split(separator: " ").last)
        let lock = cli.folder.appendingPathComponent(".nnbook-history/\(reference).lock")
        let page = cli.folder.appendingPathComponent("q.md")
        try FileManager.default.removeItem(at: page)
        XCTAssertTrue(FileManager.default.createFile(atPath: lock.path, contents: nil))

        // The page is written just before the run is recorded.
        var run = try cli.start(["run", "q.nnbook"], untilExists: page)
        kill(run.process.processIdentifier, SIGTERM)
        usleep(600_000)
        kill(run.process.processIdentifier, SIGTERM)
        try FileManager.default.removeItem(at: lock)
        run.finish()

        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        let id = try XCTUnwrap(run.said.split(separator: "\n").first { $0.hasPrefix("recorded run ") }?.split(separator: " ")[2])
        XCTAssertTrue(run.said.hasSuffix("interrupted once the run had finished: q.md is written and the run is recorded in history as \(id)\n"), run.said)
        let runs = try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", "q.nnbook", "--json").output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.map { $0["status"] as? String }, ["succeeded", "succeeded"])
        XCTAssertEqual(try cli.gitArguments(["--git-dir", ".nnbook-history", "fsck", "--no-progress", "--no-dangling"]), "")
    }
}
