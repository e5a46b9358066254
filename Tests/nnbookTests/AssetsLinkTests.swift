// `nnbook run` against a hostile assets folder: links and a forged manifest never get a file
// outside nnbook's own pictures removed.

import Foundation
import XCTest

final class AssetsLinkTests: XCTestCase {
    /// The tester's report, as a user meets it: a picture folder that is a link to a folder of
    /// secrets, and a manifest that lists a secret as if nnbook had written it.
    func testARunNeverRemovesAFileThroughALinkInTheAssetsFolder() throws {
        let cli = try CLIFixture()
        let fileManager = FileManager.default
        let secrets = cli.folder.appendingPathComponent("secrets"), assets = cli.folder.appendingPathComponent("gradient-descent.assets")
        try fileManager.createDirectory(at: secrets, withIntermediateDirectories: true)
        try "key".write(to: secrets.appendingPathComponent("id_rsa"), atomically: true, encoding: .utf8)
        try "mine".write(to: secrets.appendingPathComponent("loss.svg"), atomically: true, encoding: .utf8)
        try fileManager.createDirectory(at: assets, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(atPath: assets.appendingPathComponent("0000aaaa0000aaaa").path, withDestinationPath: "../secrets")
        try "0000aaaa0000aaaa/id_rsa\n0000aaaa0000aaaa/loss.svg\n".write(to: assets.appendingPathComponent(".nnbook-assets"), atomically: true, encoding: .utf8)
        let run = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: secrets.path).sorted(), ["id_rsa", "loss.svg"])

        // A real picture folder swapped for a link to the secrets: the next run (new pictures,
        // so the old ones are stale) removes nothing there.
        let pictureFolder = try XCTUnwrap(try fileManager.contentsOfDirectory(atPath: assets.path).first { $0 != "0000aaaa0000aaaa" && !$0.hasPrefix(".") })
        let pictures = try fileManager.contentsOfDirectory(atPath: assets.appendingPathComponent(pictureFolder).path)
        for name in pictures { try "mine".write(to: secrets.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try fileManager.removeItem(at: assets.appendingPathComponent(pictureFolder))
        try fileManager.createSymbolicLink(atPath: assets.appendingPathComponent(pictureFolder).path, withDestinationPath: "../secrets")
        let again = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "-p", "rate=0.02", "--no-expect")
        XCTAssertEqual(again.status, 0, again.error)
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: secrets.path).sorted(), (["id_rsa", "loss.svg"] + pictures).sorted())

        // The assets folder itself a link: refused, named as a link.
        try fileManager.removeItem(at: assets)
        try fileManager.createSymbolicLink(atPath: assets.path, withDestinationPath: "secrets")
        let linked = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.error.contains("it is a symbolic link, and nnbook never writes or removes through one"), linked.error)
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: secrets.path).sorted(), (["id_rsa", "loss.svg"] + pictures).sorted())
    }

    /// The manifest is a file in the user's folder, so nnbook never reads it through a link
    /// (which could point at any file, and decide what nnbook replaces) nor reads a pipe (which
    /// never ends): either is refused in words and left as it is.
    func testAManifestThatIsALinkOrAPipeIsRefusedAndLeftAlone() throws {
        let cli = try CLIFixture()
        let fileManager = FileManager.default
        let assets = cli.folder.appendingPathComponent("gradient-descent.assets")
        let manifest = assets.appendingPathComponent(".nnbook-assets")
        try fileManager.createDirectory(at: assets, withIntermediateDirectories: true)
        try "mine\n".write(to: cli.folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(mkfifo(cli.folder.appendingPathComponent("pipe").path, 0o600), 0)
        for target in ["../notes.txt", "../pipe"] {
            try fileManager.createSymbolicLink(atPath: manifest.path, withDestinationPath: target)
            let run = Process()
            run.executableURL = cli.executable
            run.arguments = ["run", "gradient-descent.nnbook", "--quiet"]
            run.currentDirectoryURL = cli.folder
            let errors = Pipe()
            run.standardError = errors
            try run.run()
            let deadline = Date().addingTimeInterval(60)
            while run.isRunning, Date() < deadline { usleep(50_000) }
            if run.isRunning { run.terminate() }
            run.waitUntilExit()
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(run.terminationStatus, 1, "\(target): \(said)")
            XCTAssertTrue(said.contains("gradient-descent.assets/.nnbook-assets is in the way: it is a symbolic link, and nnbook never reads or writes through one"), said)
            XCTAssertEqual(try fileManager.destinationOfSymbolicLink(atPath: manifest.path), target)
            try fileManager.removeItem(at: manifest)
        }
        XCTAssertEqual(try String(contentsOf: cli.folder.appendingPathComponent("notes.txt"), encoding: .utf8), "mine\n")
    }
}
