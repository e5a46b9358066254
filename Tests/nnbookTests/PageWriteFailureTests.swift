// A page that cannot be written, tried with the real process: the run is recorded as failed,
// with why, and nothing half-written is left beside the notebook.

import Foundation
import XCTest

final class PageWriteFailureTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    /// Every file and folder under the notebook's folder but the history, by path.
    private func files() throws -> [String: Data] {
        var found: [String: Data] = [:]
        let root = cli.folder.standardizedFileURL.resolvingSymlinksInPath().path
        for case let url as URL in FileManager.default.enumerator(at: cli.folder, includingPropertiesForKeys: nil)! {
            let path = String(url.standardizedFileURL.resolvingSymlinksInPath().path.dropFirst(root.count + 1))
            if path.hasPrefix(".nnbook-history") { continue }
            found[path] = (try? Data(contentsOf: url)) ?? Data()
        }
        return found
    }

    private func runs(_ notebook: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: Data(try cli.nnbook("log", notebook, "--json").output.utf8)) as? [[String: Any]] ?? []
    }

    /// A folder where the page should go: the pictures are written first, then the page cannot
    /// be renamed into place. The new pictures and the manifest's new lines are taken back, the
    /// previous pictures stay, and the run is recorded as failed, saying why.
    func testAPageThatCannotBeWrittenFailsTheRunAndLeavesNothingBehind() throws {
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        let page = cli.folder.appendingPathComponent("gradient-descent.md")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
        try "mine".write(to: page.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let before = try files()

        let outcome = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.1", "--no-expect", "--quiet")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertTrue(outcome.error.contains("gradient-descent.md: error: cannot write the page: cannot write "), outcome.error)
        XCTAssertTrue(outcome.error.hasSuffix("; the run is recorded in history as failed\n"), outcome.error)
        XCTAssertEqual(try files(), before, "no picture, folder, manifest line or temporary file is left")
        let recorded = try runs("gradient-descent.nnbook")
        XCTAssertEqual(recorded.map { $0["status"] as? String }, ["failed", "succeeded"])
        let error = recorded.first?["error"] as? [String: Any]
        XCTAssertTrue(error?["cell"] is NSNull, "no cell failed")
        XCTAssertTrue((error?["message"] as? String)?.hasPrefix("cannot write the page: cannot write ") == true, "\(String(describing: error))")
        XCTAssertEqual(try cli.gitArguments(["--git-dir", ".nnbook-history", "fsck", "--no-progress", "--no-dangling"]), "")
    }

    /// With no earlier page, a failed write leaves no assets folder at all.
    func testAFirstPageThatCannotBeWrittenLeavesNoAssetsFolder() throws {
        let page = cli.folder.appendingPathComponent("gradient-descent.md")
        try FileManager.default.createDirectory(at: page, withIntermediateDirectories: false)
        let before = try files()
        let outcome = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(outcome.status, 1, outcome.error)
        XCTAssertEqual(try files(), before)
        XCTAssertEqual(try runs("gradient-descent.nnbook").map { $0["status"] as? String }, ["failed"])
    }

    /// A label long enough to make its pictures' file names too long is a check error at the
    /// label: nothing runs, nothing is written or recorded.
    func testAnOverlongLabelIsACheckError() throws {
        let label = String(repeating: "x", count: 300)
        try "```nnbook label=\(label)\nloss mae y_true=[1] y_pred=[0]\n```\n"
            .write(to: cli.folder.appendingPathComponent("long.nnbook"), atomically: true, encoding: .utf8)
        let before = try files()
        let check = try cli.nnbook("check", "long.nnbook")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.error.hasPrefix("long.nnbook:1:17: error: the label 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 300 characters long; a label may have at most 64\n"), check.error)
        let run = try cli.nnbook("run", "long.nnbook")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(try files(), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".nnbook-history").path))
    }
}
