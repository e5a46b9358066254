// The HTML page of a run: well-formed, self-contained, prose through cmark-gfm, outputs from the
// page's values, and a cell on its own as the live preview will show it.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import NNBook
@testable import NNBookRender

final class HTMLRendererTests: XCTestCase {
    /// Collects what an XML parser sees of the page: it fails on anything not well-formed.
    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var references: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            for key in ["src", "href"] { if let value = attributes[key] { references.append(value) } }
        }
    }

    func testPageIsWellFormedSelfContainedAndHasEveryPicture() throws {
        let page = try ShippedNotebooks.page("descent-modes")
        let html = HTMLRenderer.document(page)
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "the page must parse: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(collector.elements["img"], page.pictures.count, "every picture is inline")
        XCTAssertNil(collector.elements["script"])
        XCTAssertTrue(collector.references.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("data:image/svg+xml;base64,") }, "no external reference: \(collector.references)")
        XCTAssertEqual(collector.elements["section"], page.cells.count)
        XCTAssertTrue(html.contains("<h1>Batch, stochastic and mini-batch gradient descent</h1>"))
        XCTAssertTrue(html.contains("<th align=\"right\">w1 (area)</th>"), "tables become HTML tables")
        XCTAssertTrue(html.contains("<figcaption>loss per epoch: batch_gd, stochastic_gd, mini_batch_gd</figcaption>"))
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\"/>"))
    }

    /// Ink made one paragraph of an indented code block and emphasis of `adam_epochs`.
    func testProseIsCommonMarkAsGitHubReadsIt() {
        let html = GitHubMarkdown.html(pieces: ["Rules:\n\n    w1 = w1 - rate * dw1\n    bias = bias - rate * db\n\nSet adam_epochs=5000.* and ~~old~~, see www.example.com."])[0]
        XCTAssertEqual(html, """
            <p>Rules:</p>
            <pre><code>w1 = w1 - rate * dw1
            bias = bias - rate * db
            </code></pre>
            <p>Set adam_epochs=5000.* and <del>old</del>, see <a href="http://www.example.com">www.example.com</a>.</p>

            """)
    }

    func testRawHTMLInProseGoesThroughGitHubsTagFilter() {
        let html = GitHubMarkdown.html(pieces: ["<details><summary>More</summary>\n\n<script>alert(1)</script>\n\n</details>"])[0]
        XCTAssertTrue(html.contains("<details><summary>More</summary>"))
        XCTAssertTrue(html.contains("&lt;script>alert(1)&lt;/script>"), html)
    }

    func testALinkDefinedInLaterProseIsFoundAsGitHubFindsIt() {
        let page = Page(
            title: nil, seed: 0, parameters: [], failure: nil,
            blocks: [.prose("See [the course][course]."), .cell(.init(number: 1, label: "c", line: 3, source: ["x"], ran: true, outputs: [], error: nil)), .prose("[course]: https://example.com/course")],
            assetsFolder: "a.assets", pictures: [:])
        XCTAssertTrue(HTMLRenderer.document(page).contains("<p>See <a href=\"https://example.com/course\">the course</a>.</p>"))
    }

    func testACellFragmentHasItsSourceOutputsAndError() {
        let cell = Page.Cell(number: 2, label: "train", line: 7, source: ["train m on d"], ran: true, outputs: [
            .text("Epoch 1/1\ndone"), .metric(name: "loss", value: 0.5),
            .table(.init(headers: ["metric", "value"], alignments: [.left, .right], rows: [[.init(text: "loss", number: nil), .init(text: "0.5000", number: 0.5)]])),
            .picture(.init(kind: .svg, file: "train-p.svg", caption: "a picture")),
        ], error: .init(message: "stopped", hint: "look\n  here", line: 8, column: 3, length: 2, path: nil))
        XCTAssertEqual(HTMLRenderer.fragment(cell, pictures: ["train-p.svg": "<svg/>"]), """
            <section class="cell" id="cell-train">
            <pre class="source"><code class="language-nnbook">train m on d
            </code></pre>
            <div class="outputs">
            <pre><code>Epoch 1/1
            done
            </code></pre>
            <table>
            <thead>
            <tr>
            <th>metric</th>
            <th align="right">value</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>loss</td>
            <td align="right">0.5000</td>
            </tr>
            </tbody>
            </table>
            <figure><img src="data:image/svg+xml;base64,PHN2Zy8+" alt="a picture"/><figcaption>a picture</figcaption></figure>
            <blockquote class="error" id="nnbook-error">
            <p><strong>Error</strong> at line 8, column 3: stopped</p>
            <p><em>Hint:</em> look
            here</p>
            </blockquote>
            </div>
            </section>
            """)
    }
}
