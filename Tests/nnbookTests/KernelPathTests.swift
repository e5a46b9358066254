// NNBOOK_KERNEL as a user meets it: `--version` names the path, a bad value is a usage error,
// and every path this machine has writes the same page.

import Foundation
import XCTest

final class KernelPathTests: XCTestCase {
    private var fixture: CLIFixture!

    override func setUpWithError() throws { fixture = try CLIFixture() }
    override func tearDown() { fixture = nil }

    /// The paths `nnbook --version` lists as available, e.g. ["portable", "x86-64-v3"].
    private func availablePaths() throws -> [String] {
        let lines = try fixture.nnbook("--version").output.split(separator: "\n")
        let listed = lines.first { $0.hasPrefix("kernels available: ") }?.dropFirst("kernels available: ".count) ?? ""
        return listed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testVersionNamesThePathInUseAndTheFastestIsTheDefault() throws {
        let output = try fixture.nnbook("--version").output
        let paths = try availablePaths()
        XCTAssertFalse(paths.isEmpty, output)
        XCTAssertTrue(output.contains("kernel: \(paths.last ?? "")\n"), output)
        for path in paths {
            let forced = try fixture.nnbookArguments(["--version"], environment: ["NNBOOK_KERNEL": path])
            XCTAssertEqual(forced.status, 0, forced.error)
            XCTAssertTrue(forced.output.contains("kernel: \(path)\n"), forced.output)
        }
    }

    func testAnUnknownPathIsAUsageError() throws {
        let outcome = try fixture.nnbookArguments(["run", "gradient-descent.nnbook"], environment: ["NNBOOK_KERNEL": "x86-64-v9"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.error.hasPrefix("error: NNBOOK_KERNEL=x86-64-v9: unknown kernel path 'x86-64-v9'\nhint: choose one of: "), outcome.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("gradient-descent.md").path))
    }

    /// A path of the other architecture is never available here: a usage error too.
    func testAPathThisCPUCannotRunIsAUsageError() throws {
        #if arch(x86_64)
        let foreign = "neon"
        #else
        let foreign = "x86-64-v3"
        #endif
        let outcome = try fixture.nnbookArguments(["--version"], environment: ["NNBOOK_KERNEL": foreign])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.error.contains("NNBOOK_KERNEL=\(foreign)"), outcome.error)
    }

    /// The gradient-descent notebook (products, sigmoid, cross-entropy from logits, Adam) gives
    /// the golden page on every path; scripts/check-pages.sh does the same for every notebook.
    func testEveryPathWritesTheGoldenPage() throws {
        let golden = try String(contentsOf: CLIFixture.goldenPage, encoding: .utf8)
        for path in try availablePaths() {
            let outcome = try fixture.nnbookArguments(["run", "gradient-descent.nnbook", "--quiet", "--no-snapshot"], environment: ["NNBOOK_KERNEL": path])
            XCTAssertEqual(outcome.status, 0, outcome.error)
            XCTAssertEqual(try String(contentsOf: fixture.folder.appendingPathComponent("gradient-descent.md"), encoding: .utf8), golden, path)
        }
    }
}
