// A notebook never replaces a file nnbook did not write: a user's own README.md survives
// `nnbook run README.nnbook`, as their own HTML page survives `nnbook render`, while nnbook's
// own pages (of an earlier run, edited by hand, committed and cloned) are replaced as before.

import Foundation
import XCTest

final class PageOwnershipTests: XCTestCase {
    private var cli: CLIFixture!
    private let notebook = "---\nparams:\n  s: 0.1\n---\n# Slopes\n\n```nnbook\nactivation leaky_relu x=[-1, 0, 1] slope=$s\n```\n"
    private let mine = "# My project\n\nHow to build it.\n"

    override func setUpWithError() throws {
        cli = try CLIFixture()
        try notebook.write(to: url("README.nnbook"), atomically: true, encoding: .utf8)
    }

    override func tearDown() { cli = nil }

    private func url(_ name: String) -> URL { cli.folder.appendingPathComponent(name) }

    private func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

    /// The tester's case: someone sends a README.nnbook; running it leaves the user's README.md
    /// as it was, says why before anything runs, and exits 1.
    func testARunNeverReplacesAUsersOwnPage() throws {
        _ = try cli.gitArguments(["init", "-q"])
        try mine.write(to: url("README.md"), atomically: true, encoding: .utf8)
        let run = try cli.nnbook("run", "README.nnbook")
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertEqual(
            run.error,
            "README.nnbook: error: README.md is in the way: nnbook did not write it (its pages begin with the line \(pageMark)), and nnbook never replaces a file it did not write; nothing was run\n"
                + "hint: move README.md away (rename it), or write elsewhere with --out DIR\n")
        XCTAssertEqual(try text("README.md"), mine)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url("README.assets").path))
        XCTAssertEqual(try cli.gitArguments(["for-each-ref", "refs/nnbook"]), "", "nothing was recorded")

        let elsewhere = try cli.nnbook("run", "README.nnbook", "--out", "pages", "--quiet")
        XCTAssertEqual(elsewhere.status, 0, elsewhere.error)
        XCTAssertTrue(try text("pages/README.md").hasPrefix(pageMark + "\n\n*Run by nnbook with seed 0; parameters: s=0.1.*\n\n# Slopes\n"))
        XCTAssertEqual(try text("README.md"), mine)
    }

    /// nnbook's own page is replaced: one of an earlier run, one edited by hand (the mark kept),
    /// and one an earlier nnbook wrote before pages carried the mark.
    func testNNBooksOwnPageIsReplacedAsBefore() throws {
        XCTAssertEqual(try cli.nnbook("run", "README.nnbook", "--quiet", "--no-snapshot").status, 0)
        let page = try text("README.md")
        let again = try cli.nnbook("run", "README.nnbook", "--quiet", "--no-snapshot", "-p", "s=0.2")
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertNotEqual(try text("README.md"), page)

        try (page + "\nA note of mine.\n").write(to: url("README.md"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "README.nnbook", "--quiet", "--no-snapshot").status, 0)
        XCTAssertEqual(try text("README.md"), page)

        let earlier = page.replacingOccurrences(of: pageMark + "\n\n", with: "")
        XCTAssertTrue(earlier.hasPrefix("*Run by nnbook with seed 0; parameters: s=0.1.*\n"))
        try earlier.write(to: url("README.md"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "README.nnbook", "--quiet", "--no-snapshot").status, 0)
        XCTAssertEqual(try text("README.md"), page)
    }

    /// Pages committed to a repository are nnbook's in a fresh clone: the mark is in the file.
    func testTheCommittedPagesOfACloneAreReplacedByARun() throws {
        _ = try cli.gitArguments(["init", "-q"])
        XCTAssertEqual(try cli.nnbook("run", "README.nnbook", "--quiet").status, 0)
        _ = try cli.gitArguments(["add", "README.nnbook", "README.md"])
        _ = try cli.gitArguments(["-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-q", "-m", "lesson"])
        let clone = url("clone")
        _ = try cli.gitArguments(["clone", "-q", cli.folder.path, clone.path])
        let committed = try String(contentsOf: clone.appendingPathComponent("README.md"), encoding: .utf8)
        let run = try cli.nnbookArguments(["run", "README.nnbook", "-p", "s=0.3"], in: clone)
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(run.error.hasSuffix("wrote README.md\n"), run.error)
        XCTAssertNotEqual(try String(contentsOf: clone.appendingPathComponent("README.md"), encoding: .utf8), committed)
    }

    /// A symbolic link where the page goes is not nnbook's: refused, the link and the file it
    /// points at left as they were.
    func testAPageThatIsALinkIsRefused() throws {
        try mine.write(to: url("keep.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: url("README.md").path, withDestinationPath: "keep.txt")
        let run = try cli.nnbook("run", "README.nnbook", "--no-snapshot")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.error.hasPrefix("README.nnbook: error: README.md is in the way: it is a symbolic link, and nnbook never replaces one; nothing was run\n"), run.error)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: url("README.md").path), "keep.txt")
        XCTAssertEqual(try text("keep.txt"), mine)
    }

    /// The sweep's page, the HTML and Jupyter exports and the live preview's page keep the same
    /// rule: a user's file of that name stops the command before it runs or writes anything.
    func testSweepsExportsAndPreviewNeverReplaceAUsersFile() throws {
        _ = try cli.gitArguments(["init", "-q"])
        try mine.write(to: url("README.sweep.md"), atomically: true, encoding: .utf8)
        let sweep = try cli.nnbook("sweep", "README.nnbook", "-p", "s=0.1,0.2", "--quiet")
        XCTAssertEqual(sweep.status, 1)
        XCTAssertTrue(sweep.error.hasPrefix("README.nnbook: error: README.sweep.md is in the way: nnbook did not write it"), sweep.error)
        XCTAssertEqual(try cli.gitArguments(["for-each-ref", "refs/nnbook"]), "", "no run of the sweep was made")
        try FileManager.default.removeItem(at: url("README.sweep.md"))
        XCTAssertEqual(try cli.nnbook("sweep", "README.nnbook", "-p", "s=0.1,0.2", "--quiet").status, 0)
        XCTAssertEqual(try cli.nnbook("sweep", "README.nnbook", "-p", "s=0.1,0.2", "--quiet").status, 0, "nnbook's sweep page is replaced")

        for (format, file) in [("html", "README.html"), ("ipynb", "README.ipynb")] {
            try mine.write(to: url(file), atomically: true, encoding: .utf8)
            let export = try cli.nnbook("render", "README.nnbook", "--to", format)
            XCTAssertEqual(export.status, 1)
            XCTAssertTrue(export.error.hasPrefix("README.nnbook: error: \(file) is in the way: nnbook did not write it"), export.error)
            XCTAssertTrue(export.error.contains("; nothing was exported\n"), export.error)
            let fresh = try cli.nnbook("render", "README.nnbook", "--to", format, "--run")
            XCTAssertEqual(fresh.status, 1)
            XCTAssertTrue(fresh.error.contains("; nothing was run\n"), fresh.error)
            XCTAssertEqual(try text(file), mine)
            try FileManager.default.removeItem(at: url(file))
            XCTAssertEqual(try cli.nnbook("render", "README.nnbook", "--to", format, "--quiet").status, 0)
            let replaced = try cli.nnbook("render", "README.nnbook", "--to", format, "--run", "--quiet")
            XCTAssertEqual(replaced.status, 0, "nnbook's export is replaced: \(replaced.error)")
        }

        try FileManager.default.removeItem(at: url("README.md"))
        try mine.write(to: url("README.md"), atomically: true, encoding: .utf8)
        let preview = try cli.nnbook("preview", "README.nnbook", "--port", "0")
        XCTAssertEqual(preview.status, 1)
        XCTAssertTrue(preview.error.hasPrefix("README.nnbook: error: README.md is in the way: nnbook did not write it"), preview.error)
        XCTAssertTrue(preview.error.contains("; nothing was served\n"), preview.error)
        XCTAssertEqual(try text("README.md"), mine)
    }

    private var pageMark: String { "<!-- Written by nnbook: the next run of its notebook replaces this page. -->" }
}
