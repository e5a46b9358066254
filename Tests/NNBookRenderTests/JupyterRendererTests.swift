// The Jupyter notebook of a run: nbformat 4.5 in shape, with outputs a Jupyter kernel would send.
// (The reference validator checks the files `nnbook render --to ipynb` writes, in nnbookTests.)

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class JupyterRendererTests: XCTestCase {
    func testNotebookHasNbformat45StructureAndOneOutputPerResult() throws {
        let page = try ShippedNotebooks.page("descent-modes")
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try JupyterRenderer.ipynb(page).utf8)) as? [String: Any])
        XCTAssertEqual(document["nbformat"] as? Int, 4)
        XCTAssertEqual(document["nbformat_minor"] as? Int, 5)
        let cells = try XCTUnwrap(document["cells"] as? [[String: Any]])
        XCTAssertEqual(Set(cells.compactMap { $0["id"] as? String }).count, cells.count, "cell ids are unique")
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        XCTAssertEqual(code.count, page.cells.count)
        let outputs = code.flatMap { ($0["outputs"] as? [[String: Any]]) ?? [] }
        let kinds = outputs.map { output in (output["data"] as? [String: Any]).map { $0.keys.sorted().joined(separator: "+") } ?? (output["output_type"] as? String ?? "") }
        XCTAssertEqual(kinds.filter { $0 == "image/svg+xml+text/plain" }.count, page.pictures.count)
        XCTAssertEqual(kinds.filter { $0 == "text/html+text/plain" }.count, page.cells.flatMap(\.outputs).filter { if case .table = $0 { true } else { false } }.count)
        XCTAssertEqual(code.map { $0["execution_count"] as? Int }, page.cells.map(\.number))
    }

    func testAFailedCellEndsInAnErrorAndTheCellsAfterItHaveNoOutputs() throws {
        let page = Page(
            title: "T", seed: 0, parameters: [], failure: .init(interrupted: false, cell: 1, line: 4, message: "no weights"),
            blocks: [
                .cell(.init(number: 1, label: "a", line: 3, source: ["summary m"], ran: true, outputs: [.text("m"), .metric(name: "loss", value: .nan)], error: .init(message: "no weights", hint: "train it\nfirst", line: 4, column: 1, length: 7, path: nil))),
                .cell(.init(number: 2, label: "b", line: 8, source: ["summary m"], ran: false, outputs: [], error: nil)),
            ],
            assetsFolder: "t.assets", pictures: [:])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try JupyterRenderer.ipynb(page).utf8)) as? [String: Any])
        let cells = try XCTUnwrap(document["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.count, 3)
        let failed = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(failed.map { $0["output_type"] as? String }, ["stream", "error"])
        XCTAssertEqual(failed[1]["traceback"] as? [String], ["Error at line 4, column 1: no weights", "Hint: train it", "first"])
        XCTAssertEqual(((cells[1]["metadata"] as? [String: Any])?["nnbook"] as? [String: Any])?["metrics"] as? [String: String], ["loss": "nan"])
        XCTAssertEqual((cells[2]["outputs"] as? [[String: Any]])?.count, 0)
        XCTAssertTrue(cells[2]["execution_count"] is NSNull)
    }
}
