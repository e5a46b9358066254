// The Markdown page: each quick shipped notebook against its golden page, byte for byte,
// twice in a row; and the pieces of a page on their own.

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class MarkdownRendererTests: XCTestCase {
    private func render(notebook name: String) throws -> RenderedPage {
        MarkdownRenderer.render(try ShippedNotebooks.page(name))
    }

    /// Renders a shipped notebook twice and compares with its golden page.
    private func assertGolden(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let first = try render(notebook: name)
        let second = try render(notebook: name)
        XCTAssertEqual(first, second, "two runs with the same seed must give the same bytes", file: file, line: line)
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).md")
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" {
            try first.markdown.write(to: golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(first.markdown, try String(contentsOf: golden, encoding: .utf8), file: file, line: line)
    }

    func testGradientDescentPageMatchesTheGoldenPageTwiceInARow() throws {
        try assertGolden("gradient-descent")
    }

    /// The course's loss lesson: MAE 2.5 and 0.5, MSE 1.83 and 0.366, log loss 17.2696,
    /// Keras' binary cross-entropy 8.0063.
    func testLossFunctionsPageMatchesTheGoldenPage() throws {
        try assertGolden("loss-functions")
    }

    /// sigmoid(−0.5) = 0.37754, tanh(2) = 0.96403, relu(−10) = 0, leaky_relu(−1) = −0.1.
    func testActivationFunctionsPageMatchesTheGoldenPage() throws {
        try assertGolden("activation-functions")
    }

    /// Batch, stochastic and mini-batch descent on the same seed, with the cost per epoch drawn.
    func testDescentModesPageMatchesTheGoldenPage() throws {
        try assertGolden("descent-modes")
    }

    func testXORPageMatchesTheGoldenPage() throws {
        try assertGolden("xor")
    }

    func testTablesAreGitHubFlavouredWithNumbersRightAligned() {
        let table = Table(headers: ["name", "value"], rows: [["w|1", "0.5000"], ["bias", "-1.2500"]])
        XCTAssertEqual(MarkdownRenderer.markdown(Page.Table(table)), "| name | value |\n|---|---:|\n| w\\|1 | 0.5000 |\n| bias | -1.2500 |")
    }

    func testFailedRunShowsTheErrorAtItsCellAndLinksToIt() throws {
        let notebook = try NotebookParser.parse("# T\n\n```nnbook\nmodel m\n  dense 1\n```\n\n```nnbook\nsummary m\n```\n", path: "t").get()
        let error = Diagnostic("the model has no weights yet", at: SourceRange(line: 4, column: 1, length: 5), hint: "train it first")
        let result = RunResult(notebook: notebook, parameters: [:], cells: [
            .init(cell: notebook.cells[0], outputs: [.text("m: a sequential model of 1 layer")], error: error, seconds: 0.1, ran: true),
            .init(cell: notebook.cells[1], outputs: [], error: nil, seconds: 0, ran: false),
        ], status: .failed)
        let page = MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets")).markdown
        XCTAssertEqual(page, PageOwnership.markdownMark + "\n\n" + """
            *Run by nnbook with seed 0.*

            > **This run failed** in [cell 1 (line 4)](#nnbook-error): the model has no weights yet

            # T

            ```nnbook
            model m
              dense 1
            ```

            ```text
            m: a sequential model of 1 layer
            ```

            <a id="nnbook-error"></a>

            > **Error** at line 4, column 1: the model has no weights yet
            >
            > *Hint:* train it first

            ```nnbook
            summary m
            ```

            *Not run: an earlier cell stopped the run.*

            """)
    }

    /// `{{name}}` and `{{ name }}` in prose are the run's value, as in Jinja; `$` stays as
    /// written, for prices and maths; `\\{{rate}}`, `\\{{1}}` and braces that do not close on
    /// their line are not placeholders; code is shown as written, as Markdown shows it: a code span or a fenced
    /// block keeps its braces (and its backslash).
    func testProsePlaceholdersShowTheRunsParameterValues() throws {
        let text = """
            ---
            params:
              epochs: 5
              rate: 0.5
            ---
            Trained {{epochs}} epochs at {{ rate }}, for $5.
            Kept: \\{{rate}}, \\{{1}}, {{rate}, `{{rate}}`, ``a ` {{rate}}``, `\\{{rate}}`; an open ` then {{rate}}.

            ```python
            print({{rate}})
            ```

            """
        let notebook = try NotebookParser.parse(text, path: "t").get()
        let result = RunResult(notebook: notebook, parameters: ["epochs": .integer(20), "rate": .number(0.5)], cells: [], status: .succeeded)
        XCTAssertEqual(
            MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets")).markdown.components(separatedBy: "\n\n").dropFirst(2).prefix(2).joined(separator: "\n\n").trimmingCharacters(in: .newlines),
            """
            Trained 20 epochs at 0.5, for $5.
            Kept: \\{{rate}}, \\{{1}}, {{rate}, `{{rate}}`, ``a ` {{rate}}``, `\\{{rate}}`; an open ` then 0.5.

            ```python
            print({{rate}})
            ```
            """)
    }

    /// What is code is what CommonMark (GitHub's cmark-gfm) reads as code: a code span that
    /// runs on to the next line, an indented block, a block indented in a list item; but not a
    /// list item's indented paragraph, an escaped backtick, or a table cell that a pipe cuts.
    func testProsePlaceholdersFollowCommonMarkOnWhatIsCode() throws {
        let text = """
            ---
            params:
              v: 5
            ---
            A span `a {{v}}
            b {{v}}` ends; then {{v}}.

                indented {{v}}

            - item {{v}}

                paragraph {{v}} of the item

                    code {{v}} of the item

            Escaped \\`{{v}}\\` and a quote:

            > `x
            > {{v}}` and {{v}}

            | a | b |
            |---|---|
            | `{{v}} | {{v}}` |

            """
        let notebook = try NotebookParser.parse(text, path: "t").get()
        let result = RunResult(notebook: notebook, parameters: ["v": .integer(7)], cells: [], status: .succeeded)
        XCTAssertEqual(
            MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets")).markdown.components(separatedBy: "\n\n").dropFirst(2).joined(separator: "\n\n"),
            """
            A span `a {{v}}
            b {{v}}` ends; then 7.

                indented {{v}}

            - item 7

                paragraph 7 of the item

                    code {{v}} of the item

            Escaped \\`7\\` and a quote:

            > `x
            > {{v}}` and 7

            | a | b |
            |---|---|
            | `7 | 7` |

            """)
    }

    /// A value shows as the text it is, wherever it lands: it splits no table row and opens no
    /// tag; the title shows it too.
    func testProsePlaceholdersShowTheirValueAsTextAndFillTheTitle() throws {
        let text = "---\ntitle: Hello {{who}}\nparams:\n  who: world\n---\nHello {{who}}.\n\n| name | x |\n|---|---|\n| {{ who }} | 1 |\n"
        let notebook = try NotebookParser.parse(text, path: "t").get()
        let result = RunResult(notebook: notebook, parameters: ["who": .string("a|b <img src=x> *em*")], cells: [], status: .succeeded)
        let markdown = MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets")).markdown
        XCTAssertTrue(markdown.hasPrefix(PageOwnership.markdownMark + "\n\n# Hello a\\|b \\<img src=x\\> \\*em\\*\n"), markdown)
        XCTAssertTrue(markdown.contains("Hello a\\|b \\<img src=x\\> \\*em\\*.\n\n| name | x |\n|---|---|\n| a\\|b \\<img src=x\\> \\*em\\* | 1 |"), markdown)
    }

    func testImagesBecomeAssetsNamedAfterTheCellLabel() throws {
        let notebook = try NotebookParser.parse("```nnbook label=curve\nmodel m\n  dense 1\n```\n", path: "t").get()
        let result = RunResult(notebook: notebook, parameters: [:], cells: [
            .init(cell: notebook.cells[0], outputs: [.figure(Figure(name: "loss", caption: "loss per epoch", kind: .svg("<svg/>")))], error: nil, seconds: 0, ran: true),
        ], status: .succeeded)
        let page = MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets"))
        XCTAssertEqual(page.assets, [RenderedPage.Asset(name: "curve-loss.svg", contents: "<svg/>")])
        XCTAssertEqual(page.pictureFolder, "eea2e8357c1be680", "the first 16 hex digits of SHA-256(\"curve-loss.svg\\0<svg/>\\0\")")
        XCTAssertTrue(page.markdown.contains("![loss per epoch](t.assets/eea2e8357c1be680/curve-loss.svg)"), page.markdown)
    }

    /// Two pictures of one kind in one cell (two scatters, two image grids) are two files: the
    /// second is numbered instead of overwriting the first under both captions.
    func testTwoPicturesOfOneNameInACellAreTwoFiles() throws {
        let notebook = try NotebookParser.parse("```nnbook label=fit\nmodel m\n  dense 1\n```\n", path: "t").get()
        let result = RunResult(notebook: notebook, parameters: [:], cells: [
            .init(cell: notebook.cells[0], outputs: [
                .figure(Figure(name: "scatter", caption: "model a", kind: .svg("<svg id=\"a\"/>"))),
                .figure(Figure(name: "scatter", caption: "model b", kind: .svg("<svg id=\"b\"/>"))),
                .figure(Figure(name: "scatter", caption: "model c", kind: .svg("<svg id=\"c\"/>"))),
            ], error: nil, seconds: 0, ran: true),
        ], status: .succeeded)
        let page = MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets"))
        XCTAssertEqual(page.assets.map(\.name).sorted(), ["fit-scatter-2.svg", "fit-scatter-3.svg", "fit-scatter.svg"])
        XCTAssertEqual(Set(page.assets.map(\.contents)).count, 3)
        for (caption, file) in [("model a", "fit-scatter.svg"), ("model b", "fit-scatter-2.svg"), ("model c", "fit-scatter-3.svg")] {
            XCTAssertTrue(page.markdown.contains("![\(caption)](t.assets/\(page.pictureFolder)/\(file))"), page.markdown)
        }
    }

    func testPageWriterReplacesPageAndAssetsWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.md"), assets = folder.appendingPathComponent("p.assets")
        let one = RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "a.svg", contents: "<svg/>")])
        let two = RenderedPage(markdown: PageOwnership.markdownMark + "\n\ntwo\n", assets: [.init(name: "b.svg", contents: "<svg/>")])
        try PageWriter().write(one, to: page, assetsURL: assets)
        XCTAssertEqual(try String(contentsOf: assets.appendingPathComponent("\(one.pictureFolder)/a.svg"), encoding: .utf8), "<svg/>")
        try PageWriter().write(two, to: page, assetsURL: assets)
        XCTAssertNotEqual(one.pictureFolder, two.pictureFolder, "each set of pictures has a folder of its own")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), PageOwnership.markdownMark + "\n\ntwo\n")
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: assets.path).sorted(), [".nnbook-assets", two.pictureFolder, "\(two.pictureFolder)/b.svg"])
        XCTAssertEqual(try String(contentsOf: assets.appendingPathComponent(".nnbook-assets"), encoding: .utf8),
                       "# The pictures nnbook wrote here; it replaces and removes only these.\n\(two.pictureFolder)/b.svg\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["p.assets", "p.md"])
        try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\nthree\n", assets: []), to: page, assetsURL: assets)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["p.md"], "an empty folder of nnbook's pictures goes")
    }

    /// A page begins with nnbook's mark, and the writer replaces only a file that carries it:
    /// a user's own file of the page's name (even one that looks like a page) stops the write.
    func testPageWriterReplacesOnlyAFileWithNNBooksMark() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("README.md"), assets = folder.appendingPathComponent("README.assets")
        let empty = Page(title: "T", seed: 1, parameters: [], failure: nil, blocks: [], assetsFolder: "README.assets", pictures: [:])
        let rendered = MarkdownRenderer.render(empty)
        XCTAssertTrue(rendered.markdown.hasPrefix(PageOwnership.markdownMark + "\n\n# T\n"), rendered.markdown)
        try "# My project\n".write(to: page, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PageWriter().write(rendered, to: page, assetsURL: assets)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(page.path) is in the way: nnbook did not write it"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), "# My project\n")
        try "\u{FEFF}\(PageOwnership.markdownMark)\r\n\r\n# T, edited\r\n".write(to: page, atomically: true, encoding: .utf8)
        try PageWriter().write(rendered, to: page, assetsURL: assets)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), rendered.markdown)

        let marked: [(String, PageOwnership.Format, Bool)] = [
            ("# T\n\n*Run by nnbook with seed 4.*\n", .markdown, true),
            ("*Run by nnbook with seed 4.*\n", .markdown, true),
            ("# Sweep: s\n\n3 runs of `t.nnbook` (sweep `0123`): all succeeded.\n", .markdown, true),
            ("# T\n\nText.\n\n*Run by nnbook with seed 4.*\n", .markdown, false),
            ("<!-- Written by someone -->\n", .markdown, false),
            (HTMLRenderer.document(empty), .html, true),
            ("<html><head><title>mine</title></head><body>\(PageOwnership.htmlMark)</body></html>", .html, false),
            (try JupyterRenderer.ipynb(empty), .jupyter, true),
            ("{\"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}}", .jupyter, false),
        ]
        for (text, format, expected) in marked {
            XCTAssertEqual(PageOwnership.isMarked(text, format: format), expected, text)
        }
    }

    /// Pictures written by an nnbook that kept them directly in `NAME.assets/` cannot be told
    /// from a user's own picture of the same name (the manifest is a file anyone can edit), so
    /// they stay; the new page's pictures go into their folder.
    func testPageWriterKeepsPicturesOfTheEarlierLayout() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.md"), assets = folder.appendingPathComponent("p.assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try "<svg/>".write(to: assets.appendingPathComponent("a.svg"), atomically: true, encoding: .utf8)
        try "# The pictures nnbook wrote here; it replaces and removes only these.\na.svg\n".write(to: assets.appendingPathComponent(".nnbook-assets"), atomically: true, encoding: .utf8)
        let one = RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "a.svg", contents: "<svg/>")])
        try PageWriter().write(one, to: page, assetsURL: assets)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: assets.path).sorted(), [".nnbook-assets", one.pictureFolder, "\(one.pictureFolder)/a.svg", "a.svg"])
    }

    /// The manifest is a file in the user's folder: whatever it lists, nnbook removes only its
    /// own pictures (`HASH/NAME.svg`, regular files in real folders) and never follows a
    /// symbolic link — not the folder's, not a picture folder's, not a picture's.
    func testPageWriterNeverRemovesThroughALinkOrWhatAForgedManifestLists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fileManager = FileManager.default
        let outside = folder.appendingPathComponent("outside"), assets = folder.appendingPathComponent("p.assets"), page = folder.appendingPathComponent("p.md")
        try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
        for name in ["id_rsa", "a.svg", "b.svg"] { try "secret".write(to: outside.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let one = RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "a.svg", contents: "<svg/>")])
        try PageWriter().write(one, to: page, assetsURL: assets)
        // A real picture folder replaced by a link to another folder; a hash-named link; a
        // picture that is a link; the user's own files that a forged manifest lists.
        try fileManager.removeItem(at: assets.appendingPathComponent(one.pictureFolder))
        try fileManager.createSymbolicLink(atPath: assets.appendingPathComponent(one.pictureFolder).path, withDestinationPath: outside.path)
        try fileManager.createSymbolicLink(atPath: assets.appendingPathComponent("0000aaaa0000aaaa").path, withDestinationPath: "../outside")
        try fileManager.createDirectory(at: assets.appendingPathComponent("1111bbbb1111bbbb"), withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(atPath: assets.appendingPathComponent("1111bbbb1111bbbb/b.svg").path, withDestinationPath: outside.appendingPathComponent("b.svg").path)
        try fileManager.createDirectory(at: assets.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try "mine".write(to: assets.appendingPathComponent("notes/n.svg"), atomically: true, encoding: .utf8)
        try "mine".write(to: assets.appendingPathComponent("1111bbbb1111bbbb/notes.txt"), atomically: true, encoding: .utf8)
        try "mine".write(to: assets.appendingPathComponent("mine.svg"), atomically: true, encoding: .utf8)
        let forged = ["\(one.pictureFolder)/a.svg", "0000aaaa0000aaaa/id_rsa", "0000aaaa0000aaaa/a.svg", "1111bbbb1111bbbb/b.svg", "1111bbbb1111bbbb/notes.txt", "notes/n.svg", "mine.svg"]
        try (forged.joined(separator: "\n") + "\n").write(to: assets.appendingPathComponent(".nnbook-assets"), atomically: true, encoding: .utf8)
        let before = try fileManager.subpathsOfDirectory(atPath: folder.path).sorted()
        try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\ntwo\n", assets: []), to: page, assetsURL: assets)
        XCTAssertEqual(try fileManager.subpathsOfDirectory(atPath: folder.path).sorted(), before.filter { !$0.hasPrefix("p.assets/.nnbook-assets") },
                       "nothing but the manifest goes: every listed file is behind a link or is not one of nnbook's pictures")
        for name in ["id_rsa", "a.svg", "b.svg"] { XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent(name), encoding: .utf8), "secret") }

        // The assets folder itself a link to a folder: refused, and said so.
        let linked = folder.appendingPathComponent("q.assets")
        try fileManager.createSymbolicLink(atPath: linked.path, withDestinationPath: outside.path)
        XCTAssertThrowsError(try PageWriter().write(one, to: folder.appendingPathComponent("q.md"), assetsURL: linked)) { error in
            XCTAssertEqual("\(error)", "\(linked.path) is in the way: it is a symbolic link, and nnbook never writes or removes through one, but nnbook keeps the page's pictures in a folder of that name; move it away or write the page elsewhere with --out DIR")
        }
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: outside.path).sorted(), ["a.svg", "b.svg", "id_rsa"])
    }

    /// A writer killed between writing a staged file and renaming it leaves `.NAME.UUID.tmp`;
    /// the next writer removes it, and only names of that form beside files nnbook writes.
    func testPageWriterRemovesWhatAKilledWriterStaged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.md"), assets = folder.appendingPathComponent("p.assets")
        let one = RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "a.svg", contents: "<svg/>")])
        try PageWriter().write(one, to: page, assetsURL: assets)
        let uuid = UUID().uuidString
        let abandoned = [".p.md.\(uuid).tmp", "p.assets/..nnbook-assets.\(uuid).tmp", "p.assets/\(one.pictureFolder)/.a.svg.\(uuid).tmp"]
        let users = [".q.md.\(uuid).tmp", ".p.md.not-a-uuid.tmp", "p.assets/\(one.pictureFolder)/notes.txt"]
        for name in abandoned + users { try "x".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\ntwo\n", assets: []), to: page, assetsURL: assets)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted(), (users + ["p.assets", "p.assets/\(one.pictureFolder)", "p.md"]).sorted(),
                       "a user's file keeps its folder, and nothing of the killed writer is left")
    }

    func testPageWriterKeepsTheFilesAUserPutBesideThePictures() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.md"), assets = folder.appendingPathComponent("p.assets")
        try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "a.svg", contents: "<svg/>")]), to: page, assetsURL: assets)
        try "mine".write(to: assets.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\ntwo\n", assets: []), to: page, assetsURL: assets)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: assets.path), ["notes.txt"])
        let three = RenderedPage(markdown: PageOwnership.markdownMark + "\n\nthree\n", assets: [.init(name: "b.svg", contents: "<svg/>")])
        for (path, reason) in [
            (three.pictureFolder, "nnbook did not write this file, and the page needs its name for the folder of its pictures; move it away"),
            ("\(three.pictureFolder)/b.svg", "nnbook did not write this file (it is not in .nnbook-assets), and the page needs its name for a picture; move it away"),
        ] {
            try FileManager.default.createDirectory(at: assets.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try "mine too".write(to: assets.appendingPathComponent(path), atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try PageWriter().write(three, to: page, assetsURL: assets)) { error in
                XCTAssertEqual("\(error)", "\(assets.path)/\(path) is in the way: \(reason)")
            }
            XCTAssertEqual(try String(contentsOf: assets.appendingPathComponent(path), encoding: .utf8), "mine too")
            XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), PageOwnership.markdownMark + "\n\ntwo\n", "nothing is written when a file is in the way")
            try FileManager.default.removeItem(at: assets.appendingPathComponent(path))
        }
    }

    func testPageWriterNeverReplacesAFileWhereThePicturesGo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("p.md"), assets = folder.appendingPathComponent("p.assets")
        try "a user's file".write(to: assets, atomically: true, encoding: .utf8)
        for pictures in [[RenderedPage.Asset(name: "a.svg", contents: "<svg/>")], []] {
            XCTAssertThrowsError(try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: pictures), to: page, assetsURL: assets))
        }
        XCTAssertEqual(try String(contentsOf: assets, encoding: .utf8), "a user's file")
        XCTAssertThrowsError(try PageWriter().write(RenderedPage(markdown: PageOwnership.markdownMark + "\n\none\n", assets: [.init(name: "../evil.svg", contents: "<svg/>")]), to: page, assetsURL: folder.appendingPathComponent("q.assets")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("evil.svg").path))
    }
}
