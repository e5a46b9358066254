// The page as data: each quick shipped notebook's page.json against its golden file, pages that
// survive being stored and read back, and the names pictures get.

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class PageTests: XCTestCase {
    private func assertGolden(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let json = try PageFile.json(try ShippedNotebooks.page(name))
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).page.json")
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" { try json.write(to: golden) }
        XCTAssertEqual(String(decoding: json, as: UTF8.self), try String(contentsOf: golden, encoding: .utf8), file: file, line: line)
    }

    func testGradientDescentPageStructureMatchesItsGoldenFile() throws { try assertGolden("gradient-descent") }
    func testLossFunctionsPageStructureMatchesItsGoldenFile() throws { try assertGolden("loss-functions") }
    func testActivationFunctionsPageStructureMatchesItsGoldenFile() throws { try assertGolden("activation-functions") }
    func testDescentModesPageStructureMatchesItsGoldenFile() throws { try assertGolden("descent-modes") }

    func testAPageReadBackEqualsThePageStoredWithItsPicturesStoredOnce() throws {
        let page = try ShippedNotebooks.page("descent-modes")
        let json = try PageFile.json(page)
        XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("<svg"), "pictures are files of their own, not copies inside page.json")
        var read: [String] = []
        let back = try PageFile.read(json) { name in
            read.append(name)
            return Data((page.pictures[name] ?? "").utf8)
        }
        XCTAssertEqual(back, page)
        XCTAssertEqual(read.sorted(), page.pictures.keys.sorted())
    }

    func testNumbersJSONCannotSpellSurviveAsWords() throws {
        let page = Page(
            title: nil, seed: 1, parameters: [], failure: nil,
            blocks: [.cell(.init(number: 1, label: "a", line: 1, source: ["x"], ran: true, outputs: [
                .metric(name: "loss", value: .infinity),
                .table(.init(headers: ["v"], alignments: [.right], rows: [[.init(text: "-inf", number: -.infinity)]])),
            ], error: nil))],
            assetsFolder: "a.assets", pictures: [:])
        let json = try PageFile.json(page)
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains("\"-inf\""))
        XCTAssertEqual(try PageFile.read(json) { _ in Data() }, page)
    }

    func testAPageFromAnotherVersionIsRefusedWithAReason() {
        let newer = Data(#"{"format": "nnbook-page", "version": 3, "blocks": []}"#.utf8)
        XCTAssertThrowsError(try PageFile.read(newer) { _ in Data() }) { error in
            XCTAssertEqual(error as? PageFile.ReadError, .unsupportedVersion(3))
        }
        let older = Data(#"{"title": "t", "runLine": "*Run*", "blocks": [], "assets": {}, "assetsFolder": "a"}"#.utf8)
        XCTAssertThrowsError(try PageFile.read(older) { _ in Data() }) { error in
            XCTAssertEqual(error as? PageFile.ReadError, .unsupportedVersion(nil))
        }
        XCTAssertThrowsError(try PageFile.read(Data("{".utf8)) { _ in Data() }) { error in
            guard case .damaged? = error as? PageFile.ReadError else { return XCTFail("\(error)") }
        }
    }

    /// A command's note under its table (`evaluate`'s "18 samples") stays with that table: the
    /// next command's text is a block of its own. Summaries of commands that show only text
    /// read as one block, as a Jupyter cell's prints do.
    func testACommandsNoteStaysUnderItsOwnTableAndSummariesReadAsOneBlock() throws {
        let notebook = try NotebookParser.parse("```nnbook\nload\nsplit\nevaluate\npredict\nshape\n```\n", path: "t").get()
        let table = Table(headers: ["metric", "value"], rows: [["loss", "0.25"]])
        let result = RunResult(notebook: notebook, parameters: [:], cells: [
            .init(cell: notebook.cells[0], commandOutputs: [
                [.text("fruity: 90 samples")], [.text("fruity.train: 72 samples")],
                [.table(table), .text("18 samples"), .metric(name: "loss", value: 0.25)],
                [.text("input: colour=red"), .table(table)], [.text("fruity.test: 18 samples")],
            ], error: nil, seconds: 0, ran: true),
        ], status: .succeeded)
        let cell = try XCTUnwrap(Page(run: result, assetsFolder: "t.assets").blocks.compactMap(\.cell).first)
        XCTAssertEqual(cell.shownOutputs, [
            .text("fruity: 90 samples\nfruity.train: 72 samples"), .table(Page.Table(table)), .text("18 samples"),
            .text("input: colour=red"), .table(Page.Table(table)), .text("fruity.test: 18 samples"),
        ])
        XCTAssertTrue(MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets")).markdown.contains("```text\n18 samples\n```\n\n```text\ninput: colour=red\n```"))
    }

    /// A page of version 1 showed neighbouring texts as one block; it is read as it was shown.
    func testAVersionOnePageIsReadWithItsTextsJoinedAsTheyWereShown() throws {
        let json = #"""
            {"format": "nnbook-page", "version": 1, "seed": 1, "parameters": [], "assetsFolder": "a.assets", "blocks": [{"cell": {"number": 1, "label": "cell-1",
             "line": 1, "source": ["x"], "ran": true, "outputs": [{"text": "a"}, {"metric": {"name": "m", "value": 1}}, {"text": "b"},
             {"table": {"headers": ["v"], "alignments": ["right"], "rows": [[{"text": "1", "number": 1}]]}}, {"text": "c"}, {"text": "d"}]}}]}
            """#
        let cell = try XCTUnwrap(try PageFile.read(Data(json.utf8)) { _ in Data() }.blocks.compactMap(\.cell).first)
        XCTAssertEqual(cell.outputs, [
            .text("a\nb"), .metric(name: "m", value: 1), .table(.init(headers: ["v"], alignments: [.right], rows: [[.init(text: "1", number: 1)]])), .text("c\nd"),
        ])
    }

    func testTableCellsKnowWhetherTheyAreNumbers() {
        let table = Page.Table(Table(headers: ["name", "value"], rows: [["w1", "0.5000"], ["bias", "nan"]]))
        XCTAssertEqual(table.rows.map { $0.map { $0.number != nil } }, [[false, true], [false, true]])
        XCTAssertEqual(table.alignments, [.left, .right])
    }

    func testAPluginsPictureNameCannotLeaveTheAssetsFolder() {
        let figure = Figure(name: "../../etc/passwd x", caption: "c", kind: .svg("<svg/>"))
        XCTAssertEqual(Page.Picture(figure, label: "cell-1").file, "cell-1-.._.._etc_passwd_x.svg")
        XCTAssertEqual(Page.Picture(Figure(name: "x", caption: "c", kind: .svg("")), label: "..").file, "_.-x.svg")
    }
}
