// Values from data and plugins that try to become markup, in every format: a table header with a
// pipe, a fence and a heading, a cell with HTML, a caption that tries to close its image, text
// with a longer fence than ours, an error whose hint starts block markup. Each must come out as
// the text it is. The Markdown page is checked through GitHub's own renderer, cmark-gfm.

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class InjectionTests: XCTestCase {
    private let hostileText = "````\n# not a heading\n<b>bold</b>\n````"
    private let hostileCell = "x | y ``` <img src=x onerror=alert(1)> \\| *a* _b_ [c](d) &amp; ~~e~~"

    private var page: Page {
        Page(
            title: "<b>T</b> *t*", seed: 1, parameters: [.init(name: "who", value: "<b>me</b> | *you*", defaultValue: "x")],
            failure: .init(interrupted: false, cell: 1, line: 3, message: "<img src=x onerror=alert(1)> [l](javascript:alert(1))"),
            blocks: [.cell(.init(number: 1, label: "a\" onclick=\"alert(1)", line: 2, source: ["show d"], ran: true, outputs: [
                .text(hostileText),
                .table(.init(headers: ["# h | ```", "<b>v</b>"], alignments: [.left, .left], rows: [[.init(text: hostileCell, number: nil), .init(text: "line\n# two", number: nil)]])),
                .picture(.init(kind: .svg, file: "a-p.svg", caption: "x](javascript:alert(1)) <b>c</b>")),
            ], error: .init(message: "bad <b>value</b>", hint: "# heading\n- list\n1. item\n    code\n> quote", line: 3, column: 1, length: 1, path: nil)))],
            assetsFolder: "my notebook (1).assets", pictures: ["a-p.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"])
    }

    /// What GitHub makes of the Markdown page (with raw HTML kept, as GitHub keeps it).
    private func github(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cmark-gfm", "--unsafe", "-e", "table", "-e", "tagfilter", "-e", "autolink", "-e", "strikethrough"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "cmark-gfm must be installed (bash scripts/setup.sh)")
        return html
    }

    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Markup that nothing in the page should produce from these values.
    private func assertNoInjectedMarkup(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for forbidden in ["<b>", "<img src=\"x\"", "<img src=x", "href=\"javascript", "onclick=\"alert", "<h2", "<ul", "<ol", "<del>", "<em>a</em>", "<script"] {
            XCTAssertFalse(html.contains(forbidden), "'\(forbidden)' in:\n\(html)", file: file, line: line)
        }
    }

    func testDataCannotBecomeMarkupInTheMarkdownPage() throws {
        let markdown = MarkdownRenderer.render(page).markdown
        let html = try github(markdown)
        assertNoInjectedMarkup(html)
        XCTAssertEqual(count("<h1>", in: html), 1, html)
        XCTAssertEqual(count("<table>", in: html), 1, html)
        XCTAssertEqual(count("<tr>", in: html), 2, "one header row and one row: \(html)")
        XCTAssertEqual(count("<td>", in: html), 2, html)
        XCTAssertTrue(html.contains("<th># h | ```</th>"), html)
        XCTAssertTrue(html.contains("<td>\(HTMLText.escape(hostileCell).replacingOccurrences(of: "&#39;", with: "'"))</td>"), html)
        XCTAssertTrue(html.contains("<td>line # two</td>"), html)
        XCTAssertTrue(html.contains("<pre><code class=\"language-text\">\(HTMLText.escape(hostileText))\n</code></pre>"), html)
        XCTAssertTrue(html.contains("alt=\"x](javascript:alert(1)) &lt;b&gt;c&lt;/b&gt;\""), html)
        XCTAssertTrue(markdown.contains("](my%20notebook%20%281%29.assets/dcd909bdb1b95c99/a-p.svg)"), "a file name cannot end its link")
        XCTAssertTrue(html.contains("<p><em>Hint:</em> # heading\n- list\n1. item\ncode\n&gt; quote</p>"), html)
    }

    func testDataCannotBecomeMarkupInTheHTMLPage() throws {
        let html = HTMLRenderer.document(page)
        assertNoInjectedMarkup(html)
        XCTAssertEqual(count("<h1>", in: html), 1)
        XCTAssertTrue(html.contains("id=\"cell-a&quot; onclick=&quot;alert(1)\""))
        XCTAssertTrue(html.contains("<th># h | ```</th>"))
        XCTAssertFalse(html.contains("<svg"), "SVG from a plugin is an image, never part of the document")
    }

    func testDataCannotBecomeMarkupInTheJupyterNotebook() throws {
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try JupyterRenderer.ipynb(page).utf8)) as? [String: Any])
        let cells = try XCTUnwrap(document["cells"] as? [[String: Any]])
        let outputs = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual((outputs[0]["text"] as? [String])?.joined(), hostileText + "\n", "text is a stream, never markup")
        let table = try XCTUnwrap(((outputs[1]["data"] as? [String: Any])?["text/html"] as? [String])?.joined())
        assertNoInjectedMarkup(table)
        let header = try XCTUnwrap((cells[0]["source"] as? [String])?.joined())
        XCTAssertTrue(header.hasPrefix("# \\<b\\>T\\</b\\> \\*t\\*\n"), header)
        assertNoInjectedMarkup(try github(header))
    }
}
