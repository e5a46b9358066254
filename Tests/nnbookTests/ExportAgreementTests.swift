// The exports as readers meet them, from `nnbook render` run as a process on every shipped
// notebook and on a file of prose that trips renderers: the HTML page shows what GitHub shows
// for the Markdown page (cmark-gfm is the reference), Jupyter's own validator accepts the
// notebook, and headless Chromium draws every picture without fetching anything. One screenshot
// per notebook is kept in .build/screenshots/ for a person to look at.

import Foundation
import XCTest

final class ExportAgreementTests: XCTestCase {
    /// The shipped notebooks and the torture file, with the options each needs. The network
    /// lesson trains one epoch instead of five: the page has the same blocks, in a fifth of the
    /// time.
    private static let notebooks: [(name: String, options: [String])] = [
        ("gradient-descent", []), ("loss-functions", []), ("activation-functions", []), ("descent-modes", []),
        ("neural-network", ["-p", "epochs=1"]), ("plugins", ["--allow-plugin", "stats", "--allow-plugin", "blobs"]),
        ("prose-torture", []),
    ]

    /// Every notebook run once through `nnbook render --to html --run`, which writes the Markdown
    /// page too, then exported to Jupyter from the recorded run (so from its page.json).
    nonisolated(unsafe) private static let exported: Result<(fixture: CLIFixture, out: URL), Error> = Result {
        let cli = try CLIFixture()
        made = cli.folder
        let fileManager = FileManager.default
        let shipped = CLIFixture.repository.appendingPathComponent("Notebooks")
        for item in try fileManager.contentsOfDirectory(atPath: shipped.path) where item.hasSuffix(".nnbook") || item == "plugins" {
            let target = cli.folder.appendingPathComponent(item)
            if !fileManager.fileExists(atPath: target.path) { try fileManager.copyItem(at: shipped.appendingPathComponent(item), to: target) }
        }
        try fileManager.copyItem(at: fixtures.appendingPathComponent("prose-torture.nnbook"), to: cli.folder.appendingPathComponent("prose-torture.nnbook"))
        let out = cli.folder.appendingPathComponent("out")
        for (name, options) in notebooks {
            for arguments in [["--to", "html", "--run"] + options, ["--to", "ipynb"]] {
                let outcome = try cli.nnbookArguments(["render", "\(name).nnbook", "--out", out.path, "--quiet"] + arguments)
                guard outcome.status == 0 else { throw Failure("nnbook render \(name) \(arguments.joined(separator: " ")) exited \(outcome.status): \(outcome.error)") }
            }
        }
        return (cli, out)
    }

    /// The folder the exports were made in, once they are: a static fixture is never released,
    /// so its folder is removed when the class's tests are done, not left in the temporary folder.
    nonisolated(unsafe) private static var made: URL?

    override class func tearDown() {
        if let made { try? FileManager.default.removeItem(at: made) }
        super.tearDown()
    }

    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private var out: URL {
        get throws { try ExportAgreementTests.exported.get().out }
    }

    /// Runs a program and returns its standard output; a failure says what to install.
    private func run(_ program: String, _ arguments: [String], install: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do { try process.run() } catch { throw Failure("\(program) cannot be started (bash scripts/setup.sh \(install)): \(error)") }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("\(program) \(arguments.joined(separator: " ")) exited \(process.terminationStatus):\n\(problems)\(text)") }
        return text
    }

    /// Headings, paragraphs, code blocks (fenced and indented), list items and table cells, in
    /// order, as GitHub renders the Markdown page — raw HTML kept, as GitHub keeps it after its
    /// tag filter — and as the HTML export has them.
    func testHTMLExportShowsWhatGitHubShowsForEveryShippedNotebook() throws {
        for (name, _) in ExportAgreementTests.notebooks {
            let markdown = try out.appendingPathComponent("\(name).md").path
            let github = HTMLBlocks.of(try run("/usr/bin/cmark-gfm", ["--unsafe", "-e", "table", "-e", "tagfilter", "-e", "autolink", "-e", "strikethrough", markdown], install: "cmark-gfm"))
            let export = HTMLBlocks.of(try String(contentsOf: try out.appendingPathComponent("\(name).html"), encoding: .utf8))
            XCTAssertGreaterThan(github.count, 10, "\(name): the page has blocks to compare")
            guard export != github else { continue }
            let first = (0..<min(export.count, github.count)).first { export[$0] != github[$0] } ?? min(export.count, github.count)
            XCTFail("""
                \(name): the export differs from GitHub at block \(first + 1) of \(github.count) (export has \(export.count)):
                  export: \(first < export.count ? export[first] : "(nothing)")
                  GitHub: \(first < github.count ? github[first] : "(nothing)")
                """)
        }
    }

    func testTortureFileKeepsWhatOtherRenderersLose() throws {
        let blocks = HTMLBlocks.of(try String(contentsOf: try out.appendingPathComponent("prose-torture.html"), encoding: .utf8))
        XCTAssertTrue(blocks.contains("pre: w1 = w1 - rate * dw1 w2 = w2 - rate * dw2 bias = bias - rate * db"), "indented code stays code")
        XCTAssertTrue(blocks.contains { $0.hasPrefix("p: Train with adam_epochs=5000 and batch_size_max=32") }, "intraword underscores are no emphasis")
        XCTAssertTrue(blocks.contains("td: b | c"), "an escaped pipe stays in its cell")
        XCTAssertTrue(blocks.contains { $0.contains("A reference link defined after the cell below, and an [undefined one][nowhere].") }, "a link defined after a cell is found, an undefined one stays text")
        let html = try String(contentsOf: try out.appendingPathComponent("prose-torture.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<a href=\"https://example.com/course\" title=\"The course\">reference link</a>"), "a link defined after a cell is found")
        XCTAssertTrue(html.contains("&lt;script>alert("), "the tag filter disarms raw script")
    }

    /// Jupyter's reference validator (Python's nbformat package) on every exported notebook.
    func testJupyterExportsPassTheReferenceValidator() throws {
        let files = try ExportAgreementTests.notebooks.map { try out.appendingPathComponent("\($0.name).ipynb").path }
        let report = try run("/usr/bin/python3", ["-c", """
            import sys, nbformat
            for path in sys.argv[1:]:
                notebook = nbformat.read(path, as_version=nbformat.NO_CONVERT)
                nbformat.validate(notebook)
                assert (notebook.nbformat, notebook.nbformat_minor) == (4, 5), path
                assert all(cell.get("id") for cell in notebook.cells), path
                print(path, len(notebook.cells))
            """] + files, install: "python3-nbformat")
        XCTAssertEqual(report.split(separator: "\n").count, files.count, report)
    }

    /// Each page in headless Chromium: every picture decoded and drawn at a size, no request but
    /// the page itself and its `data:` pictures.
    func testEveryPictureIsDrawnAndNothingIsFetchedInChromium() throws {
        let screenshots = CLIFixture.repository.appendingPathComponent(".build/screenshots")
        for (name, _) in ExportAgreementTests.notebooks {
            let page = try out.appendingPathComponent("\(name).html")
            let screenshot = screenshots.appendingPathComponent("\(name).png")
            let report = try run("/usr/bin/python3", [ExportAgreementTests.fixtures.appendingPathComponent("look-in-chromium.py").path, page.path, screenshot.path], install: "chromium")
            struct Look: Decodable {
                struct Image: Decodable { let alt: String; let complete: Bool; let naturalWidth: Double; let naturalHeight: Double; let width: Double; let height: Double }
                let images: [Image]
                let requests: [String]
            }
            let look = try JSONDecoder().decode(Look.self, from: Data(report.utf8))
            let assets = try out.appendingPathComponent("\(name).assets").path
            let pictures = ((try? FileManager.default.subpathsOfDirectory(atPath: assets)) ?? []).filter { $0.hasSuffix(".svg") }.count
            XCTAssertEqual(look.images.count, pictures, "\(name): one image per picture")
            for image in look.images {
                XCTAssertTrue(image.complete && image.naturalWidth > 0 && image.naturalHeight > 0 && image.width > 0 && image.height > 0, "\(name): '\(image.alt)' is not drawn: \(image)")
            }
            let own = page.absoluteURL.absoluteString
            XCTAssertEqual(look.requests.filter { $0 != own && $0 != "data:image/svg+xml;base64" }, [], "\(name): the page fetched something")
            XCTAssertTrue(FileManager.default.fileExists(atPath: screenshot.path), "\(name): the screenshot is kept")
        }
    }

    /// A stranger's notebook whose prose tries every way to run a script, fire a handler or call
    /// out (Fixtures/hostile-prose.nnbook), opened in Chromium with the page's content security
    /// policy taken out, so that only the filtering of the author's HTML stands between the
    /// payloads and the reader: nothing runs, nothing is fetched, no hazard is left in the DOM.
    func testAStrangersProseRunsNothingAndLoadsNothingInChromium() throws {
        let cli = try CLIFixture()
        let notebook = cli.folder.appendingPathComponent("hostile-prose.nnbook")
        try FileManager.default.copyItem(at: ExportAgreementTests.fixtures.appendingPathComponent("hostile-prose.nnbook"), to: notebook)
        let render = try cli.nnbook("render", "hostile-prose.nnbook", "--to", "html", "--run", "--quiet")
        XCTAssertEqual(render.status, 0, render.error)
        let page = cli.folder.appendingPathComponent("hostile-prose.html")
        let screenshot = CLIFixture.repository.appendingPathComponent(".build/screenshots/hostile-prose.png")
        let report = try run("/usr/bin/python3", [ExportAgreementTests.fixtures.appendingPathComponent("look-in-chromium.py").path, page.path, screenshot.path, "--without-policy"], install: "chromium")
        struct Look: Decodable {
            struct Image: Decodable { let alt: String; let complete: Bool; let naturalWidth: Double }
            let images: [Image]
            let requests: [String]
            let console: [AnyDecodable]
            let hazards: [String]
        }
        struct AnyDecodable: Decodable { init(from decoder: Decoder) throws {} }
        let look = try JSONDecoder().decode(Look.self, from: Data(report.utf8))
        XCTAssertEqual(look.console.count, 0, "a payload ran: \(report)")
        XCTAssertEqual(look.hazards, [], "what the filter left in the page")
        XCTAssertEqual(look.requests.filter { !$0.hasPrefix("file:") && !$0.hasPrefix("data:image/") }, [], "the page reached out")
        XCTAssertTrue(look.images.contains { $0.alt == "inline" && $0.complete && $0.naturalWidth == 1 }, "a data: picture is kept: \(report)")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<a href=\"https://example.com/course\">the course</a>"), "a plain link is kept")
        XCTAssertTrue(html.contains("&lt;script>console.log('RAN script')"), "a script is shown as text, as GitHub shows it")
    }
}
