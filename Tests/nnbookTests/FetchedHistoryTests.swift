// History fetched from someone else is untrusted input: a run commit whose run.json or
// metrics.json was made by hand must neither write control sequences to the terminal nor hide
// the notebook's other runs.

import Foundation
import XCTest

final class FetchedHistoryTests: XCTestCase {
    private var cli: CLIFixture!
    private let reference = "refs/nnbook/runs/gradient-descent.nnbook"

    override func setUpWithError() throws {
        cli = try CLIFixture()
        _ = try cli.gitArguments(["init", "-q"])
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.1", "--quiet", "--no-expect").status, 0)
    }

    override func tearDown() { cli = nil }

    /// Commits, on top of the notebook's runs, a copy of the newest run with its run.json and
    /// metrics.json changed by `edit`, as a commit fetched from another clone could be.
    private func forgeRun(page: String? = nil, _ edit: (inout [String: Any], inout [String: [String: Any]]) -> Void) throws {
        var run = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try cli.gitArguments(["show", reference + ":run.json"]).utf8)) as? [String: Any])
        var metrics = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try cli.gitArguments(["show", reference + ":metrics.json"]).utf8)) as? [String: [String: Any]])
        edit(&run, &metrics)
        try JSONSerialization.data(withJSONObject: run).write(to: cli.folder.appendingPathComponent("forged-run.json"))
        try JSONSerialization.data(withJSONObject: metrics).write(to: cli.folder.appendingPathComponent("forged-metrics.json"))
        try (page ?? (try cli.gitArguments(["show", reference + ":notebook.md"]))).write(to: cli.folder.appendingPathComponent("forged-page.md"), atomically: true, encoding: .utf8)
        let forged = try cli.shell("""
            export GIT_INDEX_FILE=.git/forged-index GIT_AUTHOR_NAME=x GIT_AUTHOR_EMAIL=x@example.com GIT_COMMITTER_NAME=x GIT_COMMITTER_EMAIL=x@example.com
            git read-tree \(reference) &&
            git update-index --cacheinfo 100644,$(git hash-object -w forged-run.json),run.json --cacheinfo 100644,$(git hash-object -w forged-metrics.json),metrics.json --cacheinfo 100644,$(git hash-object -w forged-page.md),notebook.md &&
            git update-ref \(reference) $(git commit-tree $(git write-tree) -p \(reference) -m forged)
            """)
        XCTAssertEqual(forged.status, 0, forged.error)
    }

    /// Runs `nnbook` with its standard output on a terminal (a pseudo-terminal that `script`
    /// opens), as a user at the keyboard sees it. Its input stays open until it ends: `script`
    /// would end the command early at the end of its input.
    private func onTerminal(_ arguments: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(cli.executable.path) \(arguments)", "/dev/null"]
        process.currentDirectoryURL = cli.folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return shown
    }

    func testTextFromAFetchedRunReachesTheTerminalEscaped() throws {
        try forgeRun(page: "# Page\n\u{1B}[2J\u{1B}]0;pwn\u{07}\tcell\n") { run, metrics in
            var parameters = run["parameters"] as? [String: String] ?? [:]
            parameters["rate"] = "0.5\u{1B}]0;pwn\u{07}|x\n# heading"
            run["parameters"] = parameters
            run["sweep"] = "\u{1B}[2J"
            metrics["adam", default: [:]]["evil|key\n\u{1B}[31m"] = 1.0
        }
        for arguments in [["log"], ["log", "--table"], ["diff", "--metrics-only"], ["diff"], ["log", "--metric", "nope"]] {
            let outcome = try cli.nnbookArguments([arguments[0], "gradient-descent.nnbook"] + arguments.dropFirst())
            let said = outcome.output + outcome.error
            XCTAssertFalse(said.contains("\u{1B}") || said.contains("\u{07}"), "\(arguments): \(said)")
            XCTAssertFalse(said.contains("\n# heading"), "a line break read from history breaks no row: \(said)")
        }
        XCTAssertTrue(try cli.nnbook("log", "gradient-descent.nnbook").output.contains("rate=0.5\\u{1b}]0;pwn\\u{7}|x\\n# heading"))
        let diff = try cli.nnbook("diff", "gradient-descent.nnbook", "--metrics-only").output
        XCTAssertTrue(diff.contains("  rate: 0.1 → 0.5\\u{1b}]0;pwn\\u{7}|x\\n# heading\n"), diff)
        XCTAssertTrue(diff.contains("evil|key\\n\\u{1b}[31m"), diff)
        XCTAssertTrue(try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "nope").error.contains("evil|key\\n\\u{1b}[31m"))

        // `show` on a terminal escapes; into a pipe or a file it gives the bytes as recorded.
        let shown = try onTerminal("show gradient-descent.nnbook")
        XCTAssertTrue(shown.contains("# Page\r\n\\u{1b}[2J\\u{1b}]0;pwn\\u{7}\tcell\r\n"), shown)
        XCTAssertEqual(try cli.nnbook("show", "gradient-descent.nnbook").output, "# Page\n\u{1B}[2J\u{1B}]0;pwn\u{07}\tcell\n")
        let coloured = try onTerminal("diff gradient-descent.nnbook 1 2 --metrics-only")
        XCTAssertTrue(coloured.contains("\u{1B}[31mworse\u{1B}[0m"), "nnbook's own colours stay: \(coloured)")
    }

    /// A seed of 2**70 is JSON, written with all its digits, that no field of nnbook holds: the
    /// note names the file and the field (it said 'the document is not JSON').
    func testAWholeNumberTooLargeIsNamedWithItsFile() throws {
        try forgeRun { run, _ in run["seed"] = NSDecimalNumber(string: "1180591620717411303424") }
        let log = try cli.nnbook("log", "gradient-descent.nnbook")
        XCTAssertEqual(log.status, 0, log.error)
        XCTAssertTrue(log.error.hasSuffix("cannot be read: in its run.json, the field 'seed' holds 1180591620717411303424, a whole number larger than nnbook can hold; it is listed as unreadable\n"), log.error)
        try forgeRun { run, metrics in
            run["seed"] = 42
            metrics["adam", default: [:]]["loss"] = "lots"
        }
        let metrics = try cli.nnbook("log", "gradient-descent.nnbook").error
        XCTAssertTrue(metrics.contains("cannot be read: in its metrics.json, the field 'adam.loss' is not a number; it is listed as unreadable\n"), metrics)
    }

    func testARunThatCannotBeReadIsListedAndTheOthersStillRead() throws {
        try forgeRun { run, _ in run["status"] = "exploded" }
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)

        let log = try cli.nnbook("log", "gradient-descent.nnbook")
        XCTAssertEqual(log.status, 0, log.error)
        let rows = log.output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).prefix(5).joined(separator: " ") }
        XCTAssertEqual(rows.map { $0.split(separator: " ").first ?? "" }, ["run", "4", "3", "2", "1"], log.output)
        XCTAssertTrue(log.output.split(separator: "\n")[2].contains(" unreadable "), log.output)
        XCTAssertTrue(log.error.hasPrefix("gradient-descent.nnbook: note: run 3 ("), log.error)
        XCTAssertTrue(log.error.hasSuffix("cannot be read: in its run.json, the field 'status' holds a value nnbook cannot read; it is listed as unreadable\n"), log.error)
        let table = try cli.nnbook("log", "gradient-descent.nnbook", "--table")
        XCTAssertEqual(table.status, 0, table.error)
        XCTAssertTrue(table.output.contains("\n3    unreadable  -"), table.output)
        let json = try cli.nnbook("log", "gradient-descent.nnbook", "--json")
        let objects = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(objects.map { $0["run"] as? Int }, [4, 3, 2, 1])
        XCTAssertEqual(objects[1]["status"] as? String, "unreadable")
        XCTAssertEqual(objects[1]["unreadable"] as? String, "in its run.json, the field 'status' holds a value nnbook cannot read")

        XCTAssertEqual(try cli.nnbook("show", "gradient-descent.nnbook").status, 0)
        XCTAssertEqual(try cli.nnbook("diff", "gradient-descent.nnbook", "2", "4").status, 0)
        XCTAssertEqual(try cli.nnbook("render", "gradient-descent.nnbook", "--to", "html").status, 0)
        for arguments in [["show", "gradient-descent.nnbook", "3"], ["diff", "gradient-descent.nnbook"], ["diff", "gradient-descent.nnbook", "3", "4"]] {
            let refused = try cli.nnbookArguments(arguments)
            XCTAssertEqual(refused.status, 1, "\(arguments)")
            XCTAssertEqual(refused.output, "")
            XCTAssertTrue(refused.error.hasPrefix("gradient-descent.nnbook: error: run 3 ("), refused.error)
            XCTAssertTrue(refused.error.contains(") cannot be read: in its run.json, the field 'status' holds a value nnbook cannot read\nhint: it was damaged, made by hand, or recorded by a newer nnbook; the other runs can still be shown and compared (`nnbook log FILE` lists them)\n"), refused.error)
        }
    }
}
