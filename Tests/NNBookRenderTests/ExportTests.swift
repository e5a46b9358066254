// The HTML page and the Jupyter notebook of a run: well-formed, self-contained, complete.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import NNBook
@testable import NNBookRender

final class ExportTests: XCTestCase {
    /// A run of the descent-modes notebook, which has prose, an inline table, tables and a plot.
    private func layout() throws -> RenderedNotebook {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.appendingPathComponent("Notebooks/descent-modes.nnbook")
        let folder = url.deletingLastPathComponent()
        let plan = try NotebookPreparation.plan(
            text: try String(contentsOf: url, encoding: .utf8), path: url.path, folder: folder, overrides: [], registry: BuiltInPlugins.registry()).get()
        let result = Interpreter().run(plan, state: RunState(folder: folder, seed: plan.notebook.frontMatter.seed))
        return MarkdownRenderer(assetsFolder: "descent-modes.assets").layout(result)
    }

    /// Collects what an XML parser sees of the page: it fails on anything not well-formed.
    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var references: [String] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            for key in ["src", "href"] { if let value = attributes[key] { references.append(value) } }
        }
    }

    func testHTMLIsWellFormedSelfContainedAndHasEveryPicture() throws {
        let notebook = try layout()
        let html = HTMLExporter.html(notebook)
        let collector = Collector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "the page must parse: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(collector.elements["svg"], notebook.assets.count, "every picture is inline")
        XCTAssertNil(collector.elements["img"], "no picture is left as a link")
        XCTAssertNil(collector.elements["script"])
        XCTAssertTrue(collector.references.allSatisfy { $0.hasPrefix("#") }, "no external reference: \(collector.references)")
        XCTAssertEqual(collector.elements["section"], notebook.blocks.filter { $0.kind == .cell }.count)
        XCTAssertTrue(html.contains("<h1>Batch, stochastic and mini-batch gradient descent</h1>"))
        XCTAssertTrue(html.contains(">w1 (area)</th>"), "tables become HTML tables")
        XCTAssertTrue(html.contains("<figcaption>loss per epoch: batch_gd, stochastic_gd, mini_batch_gd</figcaption>"))
    }

    func testJupyterNotebookHasNbformat4Structure() throws {
        let notebook = try layout()
        let text = try JupyterExporter.ipynb(notebook)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(document["nbformat"] as? Int, 4)
        XCTAssertEqual(document["nbformat_minor"] as? Int, 5)
        XCTAssertNotNil((document["metadata"] as? [String: Any])?["kernelspec"])
        let cells = try XCTUnwrap(document["cells"] as? [[String: Any]])
        XCTAssertEqual(Set(cells.compactMap { $0["id"] as? String }).count, cells.count, "cell ids are unique")
        for cell in cells {
            let type = try XCTUnwrap(cell["cell_type"] as? String)
            XCTAssertTrue(["markdown", "code"].contains(type))
            XCTAssertNotNil(cell["metadata"] as? [String: Any])
            XCTAssertNotNil(cell["source"] as? [String])
            if type == "code" {
                XCTAssertTrue(cell["execution_count"] is NSNull)
                for output in try XCTUnwrap(cell["outputs"] as? [[String: Any]]) {
                    XCTAssertEqual(output["output_type"] as? String, "display_data")
                    let data = try XCTUnwrap(output["data"] as? [String: Any])
                    XCTAssertFalse(Set(data.keys).isDisjoint(with: ["text/markdown", "image/svg+xml"]))
                }
            } else {
                XCTAssertNil(cell["outputs"])
            }
        }
        XCTAssertEqual(cells.filter { $0["cell_type"] as? String == "code" }.count, notebook.blocks.filter { $0.kind == .cell }.count)
        let svgs = cells.flatMap { ($0["outputs"] as? [[String: Any]]) ?? [] }.filter { ($0["data"] as? [String: Any])?["image/svg+xml"] != nil }
        XCTAssertEqual(svgs.count, notebook.assets.count)
    }
}
