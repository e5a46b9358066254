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

    /// Describing the plugins starts threads in the sweep, so its runs are `nnbook run`
    /// processes rather than forks of it; either way each runs with the plugins it allowed.
    func testASweepOfANotebookWithPluginsRunsEveryCombination() throws {
        try """
            ---
            seed: 3
            plugins: [plugins]
            params:
              classes: 3
            ---
            ```nnbook label=data
            blobs points samples=30 classes=$classes
            percentiles points q=[0, 50, 100]
            ```
            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        _ = try cli.gitArguments(["init", "-q"])
        let sweep = try cli.nnbook("sweep", "p.nnbook", "-p", "classes=2,3", "--allow-plugin", "stats", "--allow-plugin", "blobs", "--jobs", "2")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        XCTAssertTrue(sweep.error.hasSuffix("wrote p.sweep.md: 2 succeeded\n"), sweep.error)
        let shown = try cli.nnbook("show", "p.nnbook", "2")
        XCTAssertTrue(shown.output.contains("| cluster | 0.0000 |"), shown.output)
    }

    func testUntrustedPluginsAreRefusedWithHowToAllowThem() throws {
        try writeNotebook("percentiles insurance")
        let outcome = try cli.nnbook("check", "p.nnbook")
        XCTAssertEqual(outcome.status, 1)
        let program = "\(cli.folder.resolvingSymlinksInPath().path)/plugins/nnbook-plugin-stats"
        XCTAssertTrue(outcome.error.hasPrefix("p.nnbook:6:1: error: unknown command 'percentiles'; it may come from a plugin that was not started: \(program) (plugin 'stats') was refused: nothing allows it (neither --allow-plugin stats nor the trusted-plugins file)"), outcome.error)
        XCTAssertTrue(outcome.error.contains("hint: for 'stats': allow it for one run with --allow-plugin stats, or for good with `nnbook plugins --trust stats`"), "the notebook's own folder comes first: \(outcome.error)")

        let help = try cli.nnbook("help", "percentiles", "--notebook", "p.nnbook")
        XCTAssertEqual(help.status, 2)
        XCTAssertTrue(help.error.hasPrefix("error: unknown command 'percentiles'; it may come from a plugin that was not started: \(program) (plugin 'stats') was refused: nothing allows it (neither --allow-plugin stats nor the trusted-plugins file)"), help.error)
        XCTAssertTrue(help.error.contains("for 'stats': allow it for one run with --allow-plugin stats, or for good with `nnbook plugins --trust stats`"), help.error)
    }

    /// Runs nnbook with its trusted-plugins file under the fixture's folder, as `$HOME` names it.
    private func nnbookWithHome(_ arguments: String...) throws -> CLIFixture.Outcome {
        try nnbookWithHome(arguments)
    }

    private func nnbookWithHome(_ arguments: [String]) throws -> CLIFixture.Outcome {
        let environment = ProcessInfo.processInfo.environment
        setenv("HOME", cli.folder.appendingPathComponent("home").path, 1)
        unsetenv("XDG_CONFIG_HOME")
        defer {
            if let home = environment["HOME"] { setenv("HOME", home, 1) } else { unsetenv("HOME") }
            if let xdg = environment["XDG_CONFIG_HOME"] { setenv("XDG_CONFIG_HOME", xdg, 1) }
        }
        return try cli.nnbookArguments(arguments)
    }

    func testTrustRecordedByPathAndContentsInTheHomeConfig() throws {
        try writeNotebook("percentiles insurance")
        let trusted = try nnbookWithHome("plugins", "p.nnbook", "--trust", "stats")
        XCTAssertEqual(trusted.status, 0, trusted.error)
        let config = cli.folder.appendingPathComponent("home/.config/nnbook/trusted-plugins")
        let program = cli.folder.resolvingSymlinksInPath().appendingPathComponent("plugins/nnbook-plugin-stats").path
        XCTAssertTrue(try String(contentsOf: config, encoding: .utf8).contains("stats sha256:"), "the grant is recorded in $HOME/.config")
        XCTAssertTrue(trusted.output.hasPrefix("trusted stats: \(program) (sha256 "), trusted.output)
        XCTAssertEqual(try nnbookWithHome("check", "p.nnbook").status, 0)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: program))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("# changed\n".utf8))
        try handle.close()
        let changed = try nnbookWithHome("check", "p.nnbook")
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.error.contains("\(program) (plugin 'stats') was refused: its contents changed since it was allowed in \(config.path)"), changed.error)
        XCTAssertTrue(changed.error.contains("hint: for 'stats': if the change is yours, allow it for one run with --allow-plugin stats, or for good with `nnbook plugins --trust stats`"), changed.error)
    }

    /// A byte that is not UTF-8 in the trusted-plugins file (a Latin-1 comment) costs only its
    /// line, with a warning at its line and column; `--trust` keeps it as it was; a grant line
    /// that cannot be read keeps `--allow-plugin NAME` of its name from choosing another program.
    func testALineOfTheTrustFileThatIsNotUTF8CostsOnlyThatLineAndIsReported() throws {
        try writeNotebook("percentiles insurance")
        XCTAssertEqual(try nnbookWithHome("plugins", "p.nnbook", "--trust", "stats").status, 0)
        let config = cli.folder.appendingPathComponent("home/.config/nnbook/trusted-plugins")
        let handle = try FileHandle(forWritingTo: config)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("# caf".utf8) + Data([0xE9]) + Data(" au lait\n".utf8))
        try handle.close()

        let checked = try nnbookWithHome("check", "p.nnbook")
        XCTAssertEqual(checked.status, 0, "stats is still trusted: \(checked.error)")
        let warning = "\(config.resolvingSymlinksInPath().path):3:6: warning: this line of the trusted-plugins file is not UTF-8 text, so it allows no plugin"
        XCTAssertTrue(checked.error.contains(warning) || checked.error.contains(warning.replacingOccurrences(of: config.resolvingSymlinksInPath().path, with: config.path)), checked.error)
        XCTAssertTrue(checked.error.contains("\nhint: write the line again in UTF-8, or delete it and trust the plugin again with `nnbook plugins --trust NAME`; the other lines still count, and --trust keeps this one as it is\n"), checked.error)

        XCTAssertEqual(try nnbookWithHome("plugins", "p.nnbook", "--trust", "stats").status, 0)
        XCTAssertEqual(try Data(contentsOf: config).split(separator: UInt8(ascii: "\n"))[1], Data("# caf".utf8) + Data([0xE9]) + Data(" au lait".utf8), "--trust keeps the line byte for byte")

        // A grant of `stats` for the program in tools/ that cannot be read: the notebook's own
        // `stats` is not taken for the one the user meant.
        try (Data("stats sha256:ab".utf8) + Data([0xFF]) + Data(" /elsewhere/nnbook-plugin-stats\n".utf8)).write(to: config)
        let program = cli.folder.resolvingSymlinksInPath().appendingPathComponent("plugins/nnbook-plugin-stats").path
        let refused = try nnbookWithHome("check", "p.nnbook", "--allow-plugin", "stats")
        XCTAssertEqual(refused.status, 1, refused.error)
        XCTAssertTrue(refused.error.contains("(and --allow-plugin stats allows only a program given by its path)"), refused.error)
        XCTAssertTrue(refused.error.contains("\(program) (plugin 'stats') was refused: line 1 of "), refused.error)
        XCTAssertTrue(refused.error.contains("which names 'stats', is not UTF-8 text, so --allow-plugin stats cannot tell which program of that name you allowed"), refused.error)
        XCTAssertEqual(try nnbookWithHome("check", "p.nnbook", "--allow-plugin", "plugins/nnbook-plugin-stats").status, 0)
    }

    /// The user trusts the `stats` kept in `tools/`; the notebook's folder ships another `stats`
    /// that behaves as `behaviour` after touching a marker file, so a test can tell whether it
    /// was ever started. Returns the trusted program's folder, the marker and the impostor.
    private func trustToolsStatsAndShipAnother(run behaviour: String) throws -> (URL, URL, URL) {
        let elsewhere = cli.folder.appendingPathComponent("tools")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: cli.folder.appendingPathComponent("plugins/nnbook-plugin-stats"), to: elsewhere.appendingPathComponent("nnbook-plugin-stats"))
        try "---\nplugins: [tools]\n---\n".write(to: cli.folder.appendingPathComponent("tools.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try nnbookWithHome("plugins", "tools.nnbook", "--trust", "stats").status, 0)

        let marker = cli.folder.appendingPathComponent("started")
        try writePlugin("stats", run: behaviour)
        let impostor = cli.folder.appendingPathComponent("plugins/nnbook-plugin-stats")
        try ("#!/bin/sh\ntouch '\(marker.path)'\n" + (try String(contentsOf: impostor, encoding: .utf8)).dropFirst("#!/bin/sh\n".count)).write(to: impostor, atomically: false, encoding: .utf8)
        try writeNotebook("probe insurance")
        return (elsewhere, marker, impostor)
    }

    /// A notebook that ships a program under a trusted name gets it refused by every command,
    /// and none of them starts it.
    func testANotebookCannotBorrowATrustedName() throws {
        let (_, marker, impostor) = try trustToolsStatsAndShipAnother(run: "true")
        for arguments in [["run", "p.nnbook", "--quiet"], ["check", "p.nnbook"], ["plugins", "p.nnbook"], ["help", "probe", "--notebook", "p.nnbook"]] {
            let outcome = try nnbookWithHome(arguments)
            if arguments[0] != "plugins" { XCTAssertNotEqual(outcome.status, 0, arguments.joined(separator: " ")) }
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(arguments[0]) started the notebook's own program")
        }
        // The hint gives the one way that runs this very file: --allow-plugin stats would mean
        // the trusted program again, and be refused.
        let refused = try nnbookWithHome("check", "p.nnbook")
        XCTAssertTrue(refused.error.contains("for 'stats': to run this very file, allow it by its path: --allow-plugin \(impostor.resolvingSymlinksInPath().path)"), refused.error)
        XCTAssertFalse(refused.error.contains("--allow-plugin stats"), refused.error)
        let listed = try nnbookWithHome("plugins", "p.nnbook")
        XCTAssertTrue(listed.output.contains("stats (external, not allowed) — \(impostor.resolvingSymlinksInPath().path) is not the program allowed under that name"), listed.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
    }

    /// `--allow-plugin stats` where the user trusts a `stats` of their own and the notebook
    /// ships another: the name means the trusted program, so the notebook's is refused, by
    /// every command, with both files named; allowed by its path, that very file runs.
    func testAllowingANameNeverRunsANotebooksOtherProgramOfThatName() throws {
        let (elsewhere, marker, impostor) = try trustToolsStatsAndShipAnother(run: #"echo '{"protocol": 1, "outputs": []}'"#)
        let program = impostor.resolvingSymlinksInPath().path, trusted = elsewhere.resolvingSymlinksInPath().appendingPathComponent("nnbook-plugin-stats").path
        for arguments in [["run", "p.nnbook", "--quiet"], ["check", "p.nnbook"], ["help", "probe", "--notebook", "p.nnbook"]] {
            let outcome = try nnbookWithHome(arguments + ["--allow-plugin", "stats"])
            XCTAssertNotEqual(outcome.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(outcome.error.contains("\(program) (plugin 'stats') was refused: --allow-plugin stats allows the program \(cli.folder.resolvingSymlinksInPath().path)/home/.config/nnbook/trusted-plugins has under that name, \(trusted), not this one"), outcome.error)
            XCTAssertTrue(outcome.error.contains("for 'stats': to run this very file, allow it by its path: --allow-plugin \(program)"), outcome.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(arguments[0]) started the notebook's own program")
        }
        let listed = try nnbookWithHome("plugins", "p.nnbook", "--allow-plugin", "stats")
        XCTAssertTrue(listed.output.contains("stats (external, not allowed) — \(program) is not the program --allow-plugin stats allows"), listed.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))

        let byPath = try nnbookWithHome("check", "p.nnbook", "--allow-plugin", "plugins/nnbook-plugin-stats")
        XCTAssertEqual(byPath.status, 0, byPath.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the file allowed by its path runs")
    }

    /// `--allow-plugin stats` where nothing is trusted, a `stats` is installed on PATH and the
    /// notebook ships its own: the name means the installed one, so the notebook's is refused,
    /// naming both, and never started.
    func testAllowingANameNeverRunsANotebooksProgramInPlaceOfTheInstalledOne() throws {
        let installed = cli.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: installed, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: cli.folder.appendingPathComponent("plugins/nnbook-plugin-stats"), to: installed.appendingPathComponent("nnbook-plugin-stats"))
        let marker = cli.folder.appendingPathComponent("started")
        try writePlugin("stats", run: #"echo '{"protocol": 1, "outputs": []}'"#)
        let impostor = cli.folder.appendingPathComponent("plugins/nnbook-plugin-stats")
        try ("#!/bin/sh\ntouch '\(marker.path)'\n" + (try String(contentsOf: impostor, encoding: .utf8)).dropFirst("#!/bin/sh\n".count)).write(to: impostor, atomically: false, encoding: .utf8)
        try writeNotebook("probe insurance")
        let path = ["PATH": installed.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        let program = impostor.resolvingSymlinksInPath().path
        for arguments in [["check", "p.nnbook"], ["run", "p.nnbook", "--quiet", "--no-snapshot"], ["plugins", "p.nnbook"]] {
            let outcome = try cli.nnbookArguments(arguments + ["--allow-plugin", "stats"], environment: path)
            XCTAssertTrue((outcome.output + outcome.error).contains("\(program) is not the program --allow-plugin stats allows (\(installed.resolvingSymlinksInPath().path)/nnbook-plugin-stats is installed under that name)")
                          || outcome.error.contains("\(program) (plugin 'stats') was refused: --allow-plugin stats allows the program installed under that name, \(installed.resolvingSymlinksInPath().path)/nnbook-plugin-stats, not this one that the notebook ships"),
                          "\(arguments[0]): \(outcome.output) \(outcome.error)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(arguments[0]) started the notebook's own program")
        }
        let byPath = try cli.nnbookArguments(["check", "p.nnbook", "--allow-plugin", "plugins/nnbook-plugin-stats"], environment: path)
        XCTAssertEqual(byPath.status, 0, byPath.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "the file allowed by its path runs")
    }

    /// A notebook whose every command is built in needs no external plugin: an allowed one in
    /// its plugin folder is neither started by `run`, `check` or `sweep` (no plugin process,
    /// no reading of every folder on PATH, for a short run), while `nnbook plugins` still lists it.
    func testANotebookOfBuiltInCommandsStartsNoPlugin() throws {
        let marker = cli.folder.appendingPathComponent("started")
        try writePlugin("marker", run: #"echo '{"protocol": 1, "outputs": []}'"#)
        let program = cli.folder.appendingPathComponent("plugins/nnbook-plugin-marker")
        try ("#!/bin/sh\ntouch '\(marker.path)'\n" + (try String(contentsOf: program, encoding: .utf8)).dropFirst("#!/bin/sh\n".count)).write(to: program, atomically: false, encoding: .utf8)
        try "---\nplugins: [plugins]\nparams:\n  rows: 3\n---\n```nnbook\nload csv \"data/insurance.csv\" as insurance target=bought_insurance\nshow insurance rows=$rows\n```\n"
            .write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        for arguments in [["run", "p.nnbook", "--quiet", "--no-snapshot"], ["check", "p.nnbook"], ["sweep", "p.nnbook", "-p", "rows=1,2", "--quiet", "--print"]] {
            let outcome = try cli.nnbookArguments(arguments + ["--allow-plugin", "marker"])
            XCTAssertEqual(outcome.status, 0, arguments.joined(separator: " ") + "\n" + outcome.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "\(arguments[0]) started a plugin the notebook does not use")
        }
        let listed = try cli.nnbookArguments(["plugins", "p.nnbook", "--allow-plugin", "marker"])
        XCTAssertTrue(listed.output.contains("marker (external"), listed.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker.path), "listing the plugins asks each to describe itself")
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

    func testAPluginsDiagnosticCannotSendTerminalCodesNorBreakTheLine() throws {
        let url = cli.folder.appendingPathComponent("plugins/nnbook-plugin-loud")
        try #"""
            #!/bin/sh
            read request
            case "$request" in
              *describe*) echo '{"protocol": 1, "plugin": {"name": "loud", "summary": "s", "commands": [{"verb": "probe", "summary": "p"}]}}' ;;
              *) printf '%s\n' '{"protocol": 1, "diagnostics": [{"message": "bad\u001b]0;pwned\u0007\nt.nnbook:1:1: error: fake", "hint": "clear\u001b[2J\nnow"}]}' ;;
            esac
            """#.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try writeNotebook("probe")
        let outcome = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "loud")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertFalse(outcome.error.contains("\u{1B}") || outcome.error.contains("\u{7}"), outcome.error)
        XCTAssertTrue(outcome.error.hasPrefix(#"p.nnbook:6:1: error: bad\u{1b}]0;pwned\u{7}\nt.nnbook:1:1: error: fake"# + "\n"), outcome.error)
        XCTAssertTrue(outcome.error.contains(#"hint: clear\u{1b}[2J\nnow"# + "\n"), outcome.error)
    }

    func testACrashingPluginGivesADiagnosticAtItsCell() throws {
        try writePlugin("crash", run: "echo 'segmentation fault, sorry' >&2; exit 3")
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "crash", "--quiet")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.hasPrefix("p.nnbook:6:1: error: the plugin 'crash' crashed: it exited with status 3\n"), outcome.error)
        XCTAssertTrue(outcome.error.contains("\nhint: it wrote to standard error:\n  segmentation fault, sorry\n"), outcome.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("> **Error** at line 6, column 1: the plugin 'crash' crashed"))
    }

    /// A plugin that writes hundreds of megabytes to standard error (a library logging in a
    /// loop) costs nnbook no more memory than a quiet one: only the tail the hint quotes is
    /// kept, as it arrives. Peak memory is read from outside, as the kernel counts it.
    func testAChattyPluginsStandardErrorIsNotKeptInMemory() throws {
        func peakMemory(writingMegabytes megabytes: Int) throws -> Double {
            try writePlugin("chatty", run: "python3 -c \"import sys\nfor i in range(\(megabytes) * 1024): sys.stderr.write('x' * 1023 + '\\\\n')\"; echo last words >&2; exit 3")
            try writeNotebook("probe insurance")
            let measured = try cli.shell(
                "python3 -c 'import resource, subprocess, sys; subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "
                    + "nnbook run p.nnbook --allow-plugin chatty --quiet --no-snapshot")
            return try XCTUnwrap(Double(measured.output.trimmingCharacters(in: .whitespacesAndNewlines)), measured.error)
        }
        let quiet = try peakMemory(writingMegabytes: 0), chatty = try peakMemory(writingMegabytes: 200)
        XCTAssertLessThan(chatty / quiet, 1.5, "peak memory \(chatty) KB with 200 MB on standard error, \(quiet) KB without")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "chatty", "--quiet", "--no-snapshot")
        XCTAssertTrue(outcome.error.hasSuffix("  last words\n") || outcome.error.contains("\n  last words\n"), outcome.error)
    }

    /// A plugin's traceback is quoted as the lines it is, its last twelve, control characters
    /// escaped, whether the plugin crashes in a cell's request or while it describes itself
    /// (where the command is then unknown: the message says why, the traceback is the hint).
    func testACrashingPluginsTracebackIsQuotedAsLines() throws {
        let traceback = "printf 'Traceback (most recent call last):\\n'; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '  File \"p\", line %s\\n' $i; done; printf 'ValueError: bad \\033[31mthing\\n' >&2"
        try writePlugin("crash", run: "{ \(traceback); } >&2; exit 1")
        try writeNotebook("probe insurance")
        let run = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "crash", "--quiet")
        XCTAssertEqual(run.status, 1)
        let quoted = "\nhint: it wrote to standard error:\n  …\n" + (2...12).map { "    File \"p\", line \($0)\n" }.joined() + "  ValueError: bad \\u{1b}[31mthing\n"
        XCTAssertTrue(run.error.hasPrefix("p.nnbook:6:1: error: the plugin 'crash' crashed: it exited with status 1\n"), run.error)
        XCTAssertTrue(run.error.contains(quoted), run.error)
        XCTAssertFalse(run.error.contains("\u{1B}"), run.error)

        let url = cli.folder.appendingPathComponent("plugins/nnbook-plugin-crash")
        try "#!/bin/sh\nread request\n{ \(traceback); } >&2\nexit 1\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "crash")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.error.hasPrefix("p.nnbook:6:1: error: unknown command 'probe'; the plugin 'crash' could not be used: it crashed: it exited with status 1;"), check.error)
        XCTAssertTrue(check.error.contains(quoted.replacingOccurrences(of: "hint: ", with: "hint: for 'crash': ")), check.error)
        let help = try cli.nnbook("help", "probe", "--notebook", "p.nnbook", "--allow-plugin", "crash")
        XCTAssertTrue(help.error.contains(quoted.replacingOccurrences(of: "hint: ", with: "hint: for 'crash': ")), help.error)
        XCTAssertFalse(help.error.contains("\u{1B}"), help.error)
    }

    /// A plugin that answers and then lingers (a sleep of 100 s) is stopped a moment after its
    /// answer, which stands: it was told it "did not answer" at its time limit.
    func testAPluginThatAnswersAndLingersIsStoppedAndItsAnswerKept() throws {
        try writePlugin("linger", run: #"echo '{"protocol": 1, "outputs": [{"text": "answered"}]}'; sleep 100"#)
        try writeNotebook("probe insurance")
        let started = Date()
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "linger", "--quiet", "--no-snapshot", "--plugin-timeout", "20")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15, "the time limit is not waited for")
        XCTAssertTrue(try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8).contains("answered"))
    }

    /// A descriptor that nnbook inherited without close-on-exec (here a shell's `exec 7<`, a
    /// file the user opened for something else) does not reach the plugin.
    func testAPluginInheritsNoDescriptorButItsThree() throws {
        try writePlugin("fds", run: #"if [ -e /proc/$$/fd/7 ]; then said=inherited; else said=closed; fi; echo "{\"protocol\": 1, \"outputs\": [{\"text\": \"fd 7 $said\"}]}""#)
        try writeNotebook("probe insurance")
        let outcome = try cli.shell("exec 7<p.nnbook; nnbook run p.nnbook --allow-plugin fds --quiet --no-snapshot")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("fd 7 closed"), page)
    }

    /// A plugin that could not describe itself and wrote nothing to standard error: the
    /// message says why, and there is no empty `hint:` line.
    func testASilentCrashGivesNoEmptyHint() throws {
        let url = cli.folder.appendingPathComponent("plugins/nnbook-plugin-quiet")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "#!/bin/sh\nexit 1\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try writeNotebook("probe insurance")
        // The other plugins allowed, so that no refusal gives the hint something to say.
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "quiet", "--allow-plugin", "stats", "--allow-plugin", "blobs")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.error.hasPrefix("p.nnbook:6:1: error: unknown command 'probe'; the plugin 'quiet' could not be used: it crashed: it exited with status 1\n"), check.error)
        XCTAssertFalse(check.error.contains("hint:"), check.error)
    }

    /// An answer of 100 MB (a plugin that prints without end would be the same): nnbook stops
    /// reading at the protocol's 64 MB, stops the plugin and says so at the cell, instead of
    /// holding the answer, decoding it and writing it into the page.
    func testAnAnswerLargerThanTheProtocolAllowsStopsThePlugin() throws {
        try writePlugin("flood", run: #"printf '{"protocol": 1, "outputs": [{"text": "'; head -c 100000000 /dev/zero | tr '\0' A; echo '"}]}'"#)
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "flood", "--quiet", "--no-snapshot", "--plugin-timeout", "120")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.hasPrefix("p.nnbook:6:1: error: the plugin 'flood' answered more than 64 MB and was stopped"), outcome.error)
        XCTAssertTrue(outcome.error.contains("a plugin with more data writes it to a file that the notebook loads"), outcome.error)
        let page = try Data(contentsOf: cli.folder.appendingPathComponent("p.md"))
        XCTAssertLessThan(page.count, 1_000_000, "the answer is not in the page")
    }

    /// A table of 400 columns and 251 rows (100,400 cells, half a megabyte of JSON) is past the
    /// protocol's 100,000 cells: each cell costs a hundred times its bytes in the page, its
    /// record and memory, so two million of them passed any --memory-limit. The answer is refused
    /// at the cell, naming the plugin; nothing of it is recorded.
    func testATableOfMoreCellsThanThePageHoldsIsRefusedAtTheCell() throws {
        try writePlugin("wide", run: #"awk 'BEGIN { printf "{\"protocol\": 1, \"outputs\": [{\"table\": {\"headers\": ["; for (c = 0; c < 400; c++) printf "%s\"c%d\"", (c ? "," : ""), c; printf "], \"rows\": ["; for (r = 0; r < 250; r++) { printf "%s[", (r ? "," : ""); for (c = 0; c < 400; c++) printf "%s\"%d\"", (c ? "," : ""), r; printf "]" } print "]}}]}" }'"#)
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "wide", "--quiet")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.hasPrefix("""
            p.nnbook:6:1: error: the plugin 'wide' answered with a table of 100400 cells, more than the 100000 a page can hold
            """), outcome.error)
        XCTAssertTrue(outcome.error.contains("hint: a plugin shows a summary (the first rows, or statistics) and writes a large result to a file that the notebook loads"), outcome.error)
        XCTAssertLessThan(try Data(contentsOf: cli.folder.appendingPathComponent("p.md")).count, 100_000, "the table is not in the page")
    }

    /// 20,001 texts (or 101 pictures) in one answer are past the protocol's 10,000 outputs (100
    /// pictures): each is a block of the page, each picture a file beside it, and 50,000 of
    /// them made 50,000 files and minutes of work. Refused at the cell, naming the plugin.
    func testAnAnswerOfMoreOutputsOrPicturesThanThePageHoldsIsRefusedAtTheCell() throws {
        try writePlugin("chatty", run: #"awk 'BEGIN { printf "{\"protocol\": 1, \"outputs\": ["; for (i = 0; i < 20001; i++) printf "%s{\"text\": \"t%d\"}", (i ? "," : ""), i; print "]}" }'"#)
        try writePlugin("painter", run: #"awk 'BEGIN { printf "{\"protocol\": 1, \"outputs\": ["; for (i = 0; i < 101; i++) printf "%s{\"svg\": {\"name\": \"p%d\", \"caption\": \"\", \"svg\": \"<svg/>\"}}", (i ? "," : ""), i; print "]}" }'"#)
        for (plugin, said) in [("chatty", "20001 outputs, more than the 10000"), ("painter", "101 pictures, more than the 100")] {
            try writeNotebook("probe insurance")
            let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", plugin, "--quiet")
            XCTAssertEqual(outcome.status, 1, outcome.error)
            XCTAssertTrue(outcome.error.hasPrefix("p.nnbook:6:1: error: the plugin '\(plugin)' answered with \(said) one answer may hold"), outcome.error)
            XCTAssertTrue(outcome.error.contains("hint: a plugin shows a summary"), outcome.error)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("p.assets/p0.svg").path), "no picture is written")
    }

    /// A plugin taking a data set of 20,000 images (15.7 million numbers): the request is
    /// written as it is made, so the plugin starts at once, Ctrl-C stops the request within
    /// moments and `--plugin-timeout` counts the writing. Made whole before the plugin started,
    /// the request took half a minute, deaf to both.
    func testALargeRequestIsStoppedByCtrlCAndByTheTimeLimitWhileItIsWritten() throws {
        let header: [UInt8] = [0, 0, 8, 3, 0, 0, 0x4E, 0x20, 0, 0, 0, 28, 0, 0, 0, 28]
        try (Data(header) + Data(count: 20_000 * 28 * 28)).write(to: cli.folder.appendingPathComponent("images.idx"))
        let describe = #"{"protocol": 1, "plugin": {"name": "slurp", "summary": "reads a data set", "commands": [{"verb": "slurp", "summary": "read it", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}]}]}}"#
        // `read` of sh takes a byte at a time: the request's start tells its kind, `cat` reads on.
        let script = """
            #!/bin/sh
            start=$(head -c 200)
            case "$start" in
              *'"describe"'*) echo '\(describe)' ;;
              *'"check"'*) echo '{"protocol": 1, "diagnostics": []}' ;;
              *) touch started; cat > /dev/null; sleep 60 ;;
            esac
            """
        let url = cli.folder.appendingPathComponent("plugins/nnbook-plugin-slurp")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try "---\nplugins: [plugins]\n---\n```nnbook\nload idx \"images.idx\" as d\nslurp d\n```\n".write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)

        let launched = Date()
        var run = try cli.start(["run", "p.nnbook", "--allow-plugin", "slurp", "--quiet", "--no-snapshot"], untilExists: cli.folder.appendingPathComponent("started"))
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertTrue(run.said.contains("p.nnbook:6:1: error: the request to the plugin 'slurp' was stopped"), run.said)
        XCTAssertLessThan(Date().timeIntervalSince(launched), 20, "the request is not made whole before the plugin starts")

        let timed = Date()
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "slurp", "--quiet", "--no-snapshot", "--plugin-timeout", "1")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.contains("the plugin 'slurp' did not answer within 1 seconds and was stopped"), outcome.error)
        XCTAssertLessThan(Date().timeIntervalSince(timed), 20, "the time limit counts the request's writing")
    }

    /// An answer of 48 MB, one text of 8 million escaped characters, takes seconds to find and
    /// decode once it has arrived (64 MB of numbers took 11 s of CPU): Ctrl-C then stops the
    /// run within moments, not after the decode.
    func testCtrlCWhileALargeAnswerIsDecodedStopsAtOnce() throws {
        let text = String(repeating: #"\u00e9"#, count: 8_000_000)
        try Data((#"{"protocol": 1, "outputs": [{"text": ""# + text + #""}]}"# + "\n").utf8).write(to: cli.folder.appendingPathComponent("answer.json"))
        try writePlugin("verbose", run: "cat answer.json; touch answered")
        try writeNotebook("probe insurance")
        var run = try cli.start(["run", "p.nnbook", "--allow-plugin", "verbose", "--quiet", "--no-snapshot"], untilExists: cli.folder.appendingPathComponent("answered"))
        // The answer is read from the pipe in moments; its decode takes seconds more.
        usleep(500_000)
        let interrupted = Date()
        kill(run.process.processIdentifier, SIGINT)
        run.finish()
        XCTAssertEqual(run.process.terminationStatus, 130, run.said)
        XCTAssertTrue(run.said.contains("p.nnbook:6:1: error: the request to the plugin 'verbose' was stopped"), run.said)
        XCTAssertLessThan(Date().timeIntervalSince(interrupted), 2, "the decode is not waited for")
    }

    func testAPluginThatPrintsGarbage() throws {
        try writePlugin("garbage", run: "echo 'hello, I am not JSON'")
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "garbage", "--quiet")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("the plugin 'garbage' answered with something that is not a protocol message: hello, I am not JSON"), outcome.error)
    }

    func testANonsenseProducesIsExplainedFieldByFieldWithoutTheAnswer() throws {
        try writeImagePlugin(produces: #""blobs""#)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "images")
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.contains(
            #"the plugin 'images' could not be used: it answered describe with a message that does not follow the protocol: `plugin.commands[0] (make).produces` must be an object, not the text "blobs""#),
            check.error)
        XCTAssertFalse(check.error.contains(#"{"protocol""#), "the answer is not repeated: " + check.error)
    }

    func testDataSetsReturnedUnderAnotherKeyGetAHintNamingDatasets() throws {
        try writePlugin(
            "misnamed", commands: #"[{"verb": "make", "summary": "make data", "arguments": [{"name": "name", "type": "new dataset", "summary": "n"}]}]"#,
            run: #"echo '{"protocol": 1, "data": {"made": {"feature_names": ["a"], "target_names": ["y"], "features": {"shape": [1, 1], "values": [1]}, "targets": {"shape": [1, 1], "values": [0]}}}}'"#)
        try "---\nplugins: [plugins]\n---\n```nnbook\nmake made\n```\n".write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "misnamed", "--quiet")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.contains("p.nnbook:5:6: error: the plugin 'misnamed' did not return the data set 'made' it was asked to make"), outcome.error)
        XCTAssertTrue(outcome.error.contains(
            #"hint: its answer has the field 'data', which the protocol does not know; a plugin returns the data sets it makes under "datasets", by name"#),
            outcome.error)
    }

    func testAPluginsTextCannotSendTerminalCodesIntoThePage() throws {
        try writePlugin("loud", run: #"printf '%s\n' '{"protocol": 1, "outputs": [{"text": "\u001b[2Jgone\r\nline \u202eevil"}, {"table": {"headers": ["\u001b[31mred"], "rows": [["a\u0007"]]}}]}'"#)
        try writeNotebook("probe insurance")
        let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "loud", "--quiet")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("p.md"), encoding: .utf8)
        XCTAssertFalse(page.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0 == "\r" }, page)
        XCTAssertTrue(page.contains("\n\\u{1b}[2Jgone\nline \\u{202e}evil\n```"), page)
        XCTAssertTrue(page.contains("| \\u{1b}[31mred |"), page)
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

    /// A data set's numbers are JSON's, rounded to Float32 as numpy's `astype` rounds them:
    /// 1e-46 is 0 and the data set is made; 3.5e38 or 1e300, beyond Float32, are an error at
    /// the field that holds them, which never repeats the answer.
    func testADataSetsNumbersAreRoundedToFloat32AndThoseBeyondItNamedByTheirField() throws {
        for (value, accepted) in [("1e-46", true), ("-0.0", true), ("3.4028235e38", true), ("3.5e38", false), ("-1e300", false)] {
            try writePlugin(
                "maker", commands: #"[{"verb": "mk", "summary": "make data", "arguments": [{"name": "name", "type": "new dataset", "summary": "n"}]}]"#,
                run: #"echo '{"protocol": 1, "outputs": [], "datasets": {"d": {"feature_names": ["x"], "target_names": ["y"], "features": {"shape": [4, 1], "values": [1, \#(value), 2, 3]}, "targets": {"shape": [4, 1], "values": [0, 1, 0, 1]}}}}'"#)
            try "---\nplugins: [plugins]\n---\n```nnbook\nmk d\n```\n".write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
            let outcome = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "maker", "--quiet", "--no-snapshot")
            XCTAssertEqual(outcome.status, accepted ? 0 : 1, "\(value): \(outcome.error)")
            guard !accepted else { continue }
            XCTAssertTrue(outcome.error.hasPrefix(
                "p.nnbook:5:1: error: the plugin 'maker' answered run with a message that does not follow the protocol: `datasets.d.features.values[1]` must be a number Float32 can hold (from -3.4e38 to 3.4e38), not the number "), "\(value): \(outcome.error)")
            XCTAssertFalse(outcome.error.contains("feature_names"), "the answer is not repeated: \(outcome.error)")
        }
    }

    /// `make NAME`: a command that makes a data set of four 2×2 "images" with class numbers 0
    /// and 1; `produces` is the declaration it gives, if any.
    private func writeImagePlugin(produces: String?, returning shape: String = "[4, 2, 2]", model: String = "  dense 2 activation=softmax") throws {
        let command = #"{"verb": "make", "summary": "make images", "arguments": [{"name": "name", "type": "new dataset", "summary": "n"}]"#
            + (produces.map { #", "produces": \#($0)"# } ?? "") + "}"
        try writePlugin(
            "images", commands: "[\(command)]",
            run: #"echo '{"protocol": 1, "datasets": {"made": {"feature_names": [], "target_names": ["y"], "features": {"shape": \#(shape), "values": [0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0]}, "targets": {"shape": [4, 1], "values": [0, 1, 0, 1]}}}}'"#)
        try """
            ---
            plugins: [plugins]
            ---
            ```nnbook
            make made
            model m
            \(model)
            compile m loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]
            train m on made epochs=1
            ```
            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
    }

    func testAPluginThatDeclaresNothingLeavesItsDataUnknownAndTheCheckSilent() throws {
        try writeImagePlugin(produces: nil)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "images")
        XCTAssertEqual(check.status, 0, "no guess about data the plugin did not describe: " + check.error)
        let run = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "images", "--quiet", "--no-snapshot")
        XCTAssertEqual(run.status, 1, "the run meets the images, which the check could not see")
        XCTAssertTrue(run.error.contains("flatten"), run.error)
    }

    func testAPluginThatDeclaresItsDataSetHasItsShapesChecked() throws {
        try writeImagePlugin(produces: #"{"dataset": "name", "sample_shape": [2, 2], "samples": 4, "target": {"kind": "classes", "classes": 2}}"#)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "images")
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.contains("p.nnbook:7:3: error: "), check.error)
        XCTAssertTrue(check.error.contains("hint: add `flatten` before the first `dense` layer"), check.error)
    }

    func testTheBlobsPluginDeclaresItsClassesFromItsOption() throws {
        try """
            ---
            plugins: [plugins]
            ---
            ```nnbook
            blobs points classes=4
            model m
              dense 3 activation=softmax
            compile m loss=sparse_categorical_crossentropy optimizer=adam
            train m on points epochs=1
            ```
            """.write(to: cli.folder.appendingPathComponent("p.nnbook"), atomically: true, encoding: .utf8)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "blobs")
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.contains("p.nnbook:7:3: error: the labels of points go up to 3, but the last dense layer has 3 units"), check.error)
    }

    func testAPluginWhoseDataContradictsItsDeclarationFailsAtItsLine() throws {
        try writeImagePlugin(produces: #"{"dataset": "name", "sample_shape": [2, 2]}"#, returning: "[4, 4]", model: "  flatten\n  dense 2 activation=softmax")
        let run = try cli.nnbook("run", "p.nnbook", "--allow-plugin", "images", "--quiet", "--no-snapshot")
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.contains("p.nnbook:5:6: error: the plugin 'images' returned the data set 'made' with samples of shape (4,), not the declared (2, 2)"), run.error)
    }

    func testADeclarationThatNamesNoArgumentIsThePluginsMistake() throws {
        try writeImagePlugin(produces: #"{"dataset": "name", "samples": "count"}"#)
        let check = try cli.nnbook("check", "p.nnbook", "--allow-plugin", "images")
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.contains("the plugin 'images' could not be used: it declares a size of the data set of make given by 'count', which is not one of its integer arguments or options"), check.error)
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
        XCTAssertTrue(try cli.nnbook("help", "run").output.hasPrefix("OVERVIEW: Check and run a notebook"), "help on an nnbook command, as --help points to it")
    }
}
