// A notebook whose file name holds terminal escape sequences, as a cloned repository can ship
// one: the real nnbook names it in its messages and printed commands without ever sending the
// sequences to the terminal.

import Foundation
import XCTest

final class HostileFileNameTests: XCTestCase {
    /// `esc` ESC `[31m.nnbook`: red text from then on, were the name written as it is.
    private let notebook = "esc\u{1b}[31m.nnbook"

    private func write(_ cell: String, to cli: CLIFixture, frontMatter: String = "") throws {
        try (frontMatter + "```nnbook label=a\n\(cell)\n```\n").write(to: cli.folder.appendingPathComponent(notebook), atomically: true, encoding: .utf8)
    }

    private func assertNoEscape(_ outcome: CLIFixture.Outcome, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse((outcome.output + outcome.error).contains("\u{1b}"), "\(what) wrote the escape: \(outcome.output) \(outcome.error)", file: file, line: line)
    }

    func testTheNameInCheckAndRunMessagesIsEscaped() throws {
        let cli = try CLIFixture()
        try write("activation relux x=[1,-1]", to: cli)
        let checked = try cli.nnbook("check", "--", notebook)
        XCTAssertEqual(checked.status, 1, checked.error)
        assertNoEscape(checked, "check")
        XCTAssertTrue(checked.error.hasPrefix("esc\\u{1b}[31m.nnbook:2:12: error: "), checked.error)
        XCTAssertTrue(checked.error.contains("\n1 error in esc\\u{1b}[31m.nnbook; nothing was run"), checked.error)

        try write("activation relu x=[1,-1]", to: cli)
        let ran = try cli.nnbook("run", "--no-snapshot", "--", notebook)
        XCTAssertEqual(ran.status, 0, ran.error)
        assertNoEscape(ran, "run")
        XCTAssertTrue(ran.error.contains("wrote esc\\u{1b}[31m.md"), ran.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("esc\u{1b}[31m.md").path), "the page keeps the notebook's own name")
    }

    /// `sweep --print` writes each run's command with the character as `$(printf '\033')`, which
    /// /bin/sh (dash here) reads back into the very file name: the printed line runs.
    func testTheNameInPrintedSweepCommandsIsEscapedAndRunsInSh() throws {
        let cli = try CLIFixture()
        try write("show insurance rows=$rows", to: cli, frontMatter: "---\nparams:\n  rows: 3\n---\n```nnbook\nload csv \"data/insurance.csv\" as insurance target=bought_insurance\n```\n")
        let printed = try cli.nnbook("sweep", notebook, "-p", "rows=1,2", "--print")
        XCTAssertEqual(printed.status, 0, printed.error)
        assertNoEscape(printed, "sweep --print")
        let lines = printed.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, printed.output)
        XCTAssertTrue(lines[0].hasPrefix("nnbook run 'esc'\"$(printf '\\033')\"'[31m.nnbook' -p rows=1 --sweep "), lines[0])
        let ran = try cli.shell(lines[0] + " --quiet")
        XCTAssertEqual(ran.status, 0, "the printed command names the very notebook: \(ran.error)")
    }
}
