// Data files that are not what a reader expects, tried with the real nnbook as a hostile
// notebook would name them: a pipe or a device that never ends, a first line that never ends.

import Foundation
import XCTest

final class HostileDataFileTests: XCTestCase {
    /// Runs `nnbook COMMAND t.nnbook` under `timeout`, so that a hang fails the test (status
    /// 124) instead of stopping the suite.
    private func nnbook(_ cli: CLIFixture, _ command: String, memoryLimit: String = "1") throws -> CLIFixture.Outcome {
        try cli.shell("timeout 60 nnbook \(command) t.nnbook --memory-limit \(memoryLimit)")
    }

    private func writeNotebook(_ cli: CLIFixture, _ line: String) throws {
        try "```nnbook\n\(line)\n```\n".write(to: cli.folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
    }

    /// A FIFO, a character device and a socket named as data, in each format: `check` and
    /// `run` refuse them at the load line at once, as they refuse a folder, instead of
    /// blocking on a FIFO with no writer or reading `/dev/zero` until the memory is gone.
    func testAPipeADeviceOrASocketNamedAsDataIsRefusedAtOnce() throws {
        let cli = try CLIFixture()
        XCTAssertEqual(try cli.shell("mkfifo pipe.csv").status, 0)
        // A listening Unix socket, made by Python (which the test scripts need anyway).
        XCTAssertEqual(try cli.shell("python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind(\"sock.csv\")'").status, 0)
        let loads = [
            "load csv \"pipe.csv\" as d target=y", "load csv \"/dev/zero\" as d target=y", "load csv \"sock.csv\" as d target=y",
            "load idx \"pipe.csv\" as d", "load npy \"/dev/zero\" as d", "load npz \"pipe.csv\" as d", "load idx \"/dev/zero\" as d target=\"pipe.csv\"",
        ]
        for load in loads {
            try writeNotebook(cli, load)
            for command in ["check", "run --quiet --no-snapshot"] {
                let outcome = try nnbook(cli, command)
                XCTAssertEqual(outcome.status, 1, "\(load), \(command): \(outcome.error)")
                XCTAssertTrue(
                    outcome.error.hasPrefix("t.nnbook:2:10: error: ") && outcome.error.contains(": cannot read the file: it is not a regular file (a pipe, a device or a socket)"),
                    "\(load), \(command): \(outcome.error)")
            }
        }
        try writeNotebook(cli, "load csv \"data\" as d target=y")
        XCTAssertEqual(try nnbook(cli, "check").error.split(separator: "\n").first, "t.nnbook:2:10: error: data: cannot read the file: it is a folder")
    }

    /// A file whose first line never ends (a one-line dump, `/dev/zero` copied to a file): the
    /// header is read only up to half the memory limit, and the file is refused there in words that
    /// quote none of it, by `check` (which reads only the header) and by `run`.
    func testAFirstLineThatNeverEndsIsRefusedAtTheMemoryLimit() throws {
        let cli = try CLIFixture()
        try Data(repeating: UInt8(ascii: "s"), count: 24_000_000).write(to: cli.folder.appendingPathComponent("one.csv"))
        try writeNotebook(cli, "load csv \"one.csv\" as d target=y")
        for command in ["check", "run --quiet --no-snapshot"] {
            let outcome = try nnbook(cli, command, memoryLimit: "0.01")
            XCTAssertEqual(outcome.status, 1, "\(command): \(outcome.error)")
            XCTAssertEqual(
                outcome.error.split(separator: "\n").first,
                "t.nnbook:2:10: error: one.csv:1:1: the header row (line 1) is longer than 5 MB and has not ended: this does not look like a CSV file", command)
            XCTAssertFalse(outcome.error.contains("sss"), "\(command) quotes the file")
        }
        // The check reads the row under the header too (to know whether to quote the header),
        // and that row is bounded alike.
        try Data(("y\n" + String(repeating: "1", count: 24_000_000)).utf8).write(to: cli.folder.appendingPathComponent("one.csv"))
        let second = try nnbook(cli, "check", memoryLimit: "0.01")
        XCTAssertEqual(second.status, 1, second.error)
        XCTAssertEqual(second.error.split(separator: "\n").first, "t.nnbook:2:10: error: one.csv:2:1: line 2 is longer than 5 MB and has not ended: this does not look like a CSV file")
    }

    /// The notebook itself named by a pipe or a device: every command that reads it refuses it
    /// at once as a mistake in the command line, saying what the file is (it said "permission
    /// denied or not a file"), and none waits on the pipe.
    func testAPipeOrADeviceNamedAsTheNotebookIsRefusedAtOnce() throws {
        let cli = try CLIFixture()
        XCTAssertEqual(try cli.shell("mkfifo pipe.nnbook").status, 0)
        for notebook in ["pipe.nnbook", "/dev/zero"] {
            for (command, options) in [("check", ""), ("run", "--quiet"), ("preview", "--port 0"), ("plugins", "")] {
                let outcome = try cli.shell("timeout 60 nnbook \(command) \(notebook) \(options)")
                XCTAssertNotEqual(outcome.status, 124, "\(command) \(notebook) hung")
                if command == "plugins" { continue }  // lists the built-in plugins whatever the notebook
                XCTAssertEqual(outcome.status, 2, "\(command) \(notebook): \(outcome.error)")
                XCTAssertEqual(
                    outcome.error.split(separator: "\n").first.map(String.init),
                    "\(notebook): error: cannot read the notebook: it is not a regular file (a pipe, a device or a socket)", command)
            }
        }
    }

    /// A CSV of 5,000 columns: `load`, `show` and `describe` print the first and last ten
    /// columns with "…" between, and say how many there are, as pandas prints a wide frame; the
    /// page and its HTML export stay a few kilobytes instead of growing with the width.
    func testAVeryWideDataSetPrintsTwentyColumnsAndSaysHowManyThereAre() throws {
        let cli = try CLIFixture()
        let names = (0..<5_000).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "1", count: 5_000).joined(separator: ",")
        try "\(names),y\n\(row),0\n\(row),1\n".write(to: cli.folder.appendingPathComponent("wide.csv"), atomically: true, encoding: .utf8)
        try writeNotebook(cli, "load csv \"wide.csv\" as d target=y\nshow d\ndescribe d")
        let run = try nnbook(cli, "run --quiet")
        XCTAssertEqual(run.status, 0, run.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("t.md"), encoding: .utf8)
        XCTAssertLessThan(page.utf8.count, 8_000, "the page grows with the data's width")
        XCTAssertTrue(page.contains("features: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, …, c4990, "), page)
        XCTAssertTrue(page.contains(", c4999 (5,000 features); target: y"), page)
        XCTAssertTrue(page.contains("2 of 2 rows; 5,001 columns, 20 shown"), page)
        XCTAssertTrue(page.contains("| c9 | … | c4991 |"), page)
        XCTAssertTrue(page.contains("| … | … | … | … | … | … |\n| c4991 | 2 |"), page)
        XCTAssertFalse(page.contains("c2500"), "a middle column is printed")
        let render = try cli.shell("timeout 60 nnbook render t.nnbook --to html")
        XCTAssertEqual(render.status, 0, render.error)
        let html = try Data(contentsOf: cli.folder.appendingPathComponent("t.html"))
        XCTAssertLessThan(html.count, 200_000, "the HTML export grows with the data's width")
    }
}
