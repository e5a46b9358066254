// External plugins from the command line: the two example plugins round trip, trust is
// required, and misbehaving plugins give diagnostics at their cell, never a hang or a crash.

import Foundation
import XCTest

final class ExternalPluginTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws {
        cli = try CLIFixture()
        let plugins = cli.folder.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLIFixture.repository.appendingPathComponent("Notebooks/plugins/nnbook-plugin-stats"),
            to: plugins.appendingPathComponent("nnbook-plugin-stats"))
    }

    override func tearDown() { cli = nil }

    /// A plugin written as a shell script: `describe` declares `probe DATA` (or the commands
    /// given), and `run` does what `behaviour` says.
    private func writePlugin(_ name: String, commands: String? = nil, run behaviour: String) throws {
        let probe = #"[{"verb": "probe", "summary": "probe a data set", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}], "options": [{"name": "level", "type": "integer", "summary": "how hard", "default": 1}]}]"#
        let describe = #"{"protocol": 1, "plugin": {"name": "\#(name)", "summary": "a test plugin", "commands": \#(commands ?? probe)}}"#
        let script = """
            #!/bin/sh
            read request
            case "$request" in
              *describe*) echo '\(describe)' ;;
              *check*) echo '{"protocol": 1, "diagnostics": []}' ;;
              *) \(behaviour) ;;
            esac
            """
        let url = cli.folder.appendingPathComponent("plugins/nnbook-plugin-\(name)")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    private func writeNotebook(_ body: String) throws {
        try "---\nplugins: [plugins]\n---\n```nnbook\nload csv \"data/insurance.csv\" as insurance target=bought_insurance\n\(body)\n```\n"
            .write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
    }

    func testPythonAndSwiftExamplePluginsRoundTripWhenAllowed() throws {
        try """
            ---
            seed: 3
            plugins: [plugins]
            ---
            ```nnbook
            blobs points samples=30 classes=3
            percentiles points q=[0, 50, 100]
            ```
            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "stats", "--allow-plugin", "blobs", "--quiet", "--no-snapshot")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("points: 30 points in 3 clusters (spread 1.0)"), page)
        XCTAssertTrue(page.contains("| column | 0% | 50% | 100% |"), page)
        XCTAssertTrue(page.contains("| cluster | 0.0000 | 1.0000 | 2.0000 |"), page)
    }

    func testUntrustedPluginsAreRefusedWithHowToAllowThem() throws {
        try writeNotebook("percentiles insurance")
        let outcome = try cli.nnbook("check", "p.nnbook")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("unknown command 'percentiles'"), outcome.error)
        XCTAssertTrue(outcome.error.contains("may provide it but are not allowed to run: allow one with --allow-plugin"), outcome.error)
    }

    func testTrustFromTheConfigFile() throws {
        try writeNotebook("percentiles insurance")
        let config = cli.folder.appendingPathComponent("config/nnbook")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "# plugins I trust\nstats\n".write(to: config.appendingPathComponent("trusted-plugins"), atomically: true, encoding: .utf8)
        setenv("XDG_CONFIG_HOME", cli.folder.appendingPathComponent("config").path, 1)
        defer { unsetenv("XDG_CONFIG_HOME") }
        XCTAssertEqual(try cli.nnbook("check", "p.nnbook").status, 0)
    }

    func testAWrongOptionIsReportedFromThePluginsSchema() throws {
        try writeNotebook("percentiles insurance qq=[5]")
        let outcome = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "stats")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("p.nnbook:6:23: error: 'percentiles' has no option 'qq'\n"), outcome.error)
        XCTAssertTrue(outcome.error.contains("hint: did you mean 'q'?"), outcome.error)
    }

    func testThePluginsOwnCheckIsReportedAtTheArgument() throws {
        try writeNotebook("percentiles insurance q=[150]")
        let outcome = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "stats")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("p.nnbook:6:23: error: the percentile 150 is not between 0 and 100"), outcome.error)
    }

    func testACrashingPluginGivesADiagnosticAtItsCell() throws {
        try writePlugin("crash", run: "echo 'segmentation fault, sorry' >&2; exit 3")
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "crash", "--quiet")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.hasPrefix("p.nnbook:6:1: error: the plugin 'crash' crashed: it exited with status 3; it said: segmentation fault, sorry"), outcome.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("> **Error** at line 6, column 1: the plugin 'crash' crashed"))
    }

    func testAPluginThatPrintsGarbage() throws {
        try writePlugin("garbage", run: "echo 'hello, I am not JSON'")
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "garbage", "--quiet")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("the plugin 'garbage' answered with something that is not a protocol message: hello, I am not JSON"), outcome.error)
    }

    func testAPluginThatSleepsPastItsLimitIsStopped() throws {
        try writePlugin("sleepy", run: "sleep 30")
        try writeNotebook("probe insurance")
        let start = Date()
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "sleepy", "--plugin-timeout", "1", "--quiet")
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("the plugin 'sleepy' did not answer within 1 seconds and was stopped"), outcome.error)
        XCTAssertTrue(outcome.error.contains("hint: allow it more time with --plugin-timeout SECONDS"), outcome.error)
    }

    func testAPluginThatReturnsWrongShapes() throws {
        try writePlugin(
            "shapes", commands: #"[{"verb": "make", "summary": "make data", "arguments": [{"name": "name", "type": "new dataset", "summary": "n"}]}]"#,
            run: #"echo '{"protocol": 1, "datasets": {"made": {"feature_names": ["a"], "target_names": ["y"], "features": {"shape": [3, 1], "values": [1, 2]}, "targets": {"shape": [3, 1], "values": [0, 1, 0]}}}}'"#)
        try "---\nplugins: [plugins]\n---\n```nnbook\nmake made\n```\n".write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "shapes", "--quiet")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.contains("the plugin 'shapes' returned the data set 'made' with the wrong shapes: a shape of (3, 1) holds 3 numbers, but 2 were given"), outcome.error)
    }

    func testPluginsAndHelpAreGeneratedFromSchemas() throws {
        let list = try cli.nnbook("plugins", "--allow-plugin", "blobs")
        XCTAssertTrue(list.output.contains("train (built-in) — compile a model"), list.output)
        XCTAssertTrue(list.output.contains("blobs (external) — make data sets of points in clusters"), list.output)
        let help = try cli.nnbook("help", "train")
        XCTAssertTrue(help.output.hasPrefix("train — train a compiled model"), help.output)
        XCTAssertTrue(help.output.contains("usage: train MODEL on DATASET [epochs=INTEGER]"), help.output)
        XCTAssertTrue(help.output.contains("  epochs=INTEGER"), help.output)
        XCTAssertEqual(try cli.nnbook("help", "trian").status, 2)
    }
}
