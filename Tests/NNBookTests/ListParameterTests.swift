// List parameters: `inputs: [1, 2, 3]` in the front matter declares a list of integers, which a
// command takes where it takes a list, `-p inputs='[0, 1]'` overrides and a sweep tries.

import XCTest
@testable import NNBook

final class ListParameterTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func frontMatter(_ parameters: String) throws -> FrontMatter {
        try NotebookParser.parse("---\nparams:\n" + parameters + "\n---\n", path: "list.nnbook").get().frontMatter
    }

    private func diagnostics(_ parameters: String, _ line: String = "", overrides: [(String, String)] = []) -> [String] {
        NotebookFixtures.diagnostics("---\nparams:\n" + parameters + "\n---\n```nnbook\n" + line + "\n```\n", overrides: overrides, folder: folder)
    }

    func testAYAMLListDeclaresAListOfTheTypeItsItemsShare() throws {
        let declared = try frontMatter("""
              sizes: [64, 32]
              inputs: [-1, 0.5, 2]
              words: [relu, "tanh, scaled"]
              metrics: {type: list of choice, choices: [accuracy, mse], default: [accuracy]}
              none: {type: list of integer, default: []}
            """)
        XCTAssertEqual(declared.parameter(named: "sizes")?.type, .list(.integer))
        XCTAssertEqual(declared.parameter(named: "sizes")?.defaultValue, .list([.integer(64), .integer(32)]))
        XCTAssertEqual(declared.parameter(named: "inputs")?.type, .list(.number), "whole numbers among decimals are numbers")
        XCTAssertEqual(declared.parameter(named: "inputs")?.defaultValue, .list([.number(-1), .number(0.5), .number(2)]))
        XCTAssertEqual(declared.parameter(named: "words")?.defaultValue, .list([.string("relu"), .string("tanh, scaled")]))
        XCTAssertEqual(declared.parameter(named: "metrics")?.type, .list(.choice(["accuracy", "mse"])))
        XCTAssertEqual(declared.parameter(named: "none")?.defaultValue, .list([]))
        XCTAssertEqual(declared.parameter(named: "sizes")?.summary, "sizes (list of integer, default [64, 32])")
    }

    func testWrittenListsAreReadItemByItem() {
        let integers = ValueType.list(.integer)
        XCTAssertEqual(integers.value(from: "[64, 32]"), .list([.integer(64), .integer(32)]))
        XCTAssertEqual(integers.value(from: " [ ] "), .list([]))
        XCTAssertEqual(integers.value(from: "128"), .list([.integer(128)]), "a value without brackets is a list of one")
        XCTAssertEqual(ValueType.list(.string).value(from: "['a, b', c]"), .list([.string("a, b"), .string("c")]))
        XCTAssertNil(integers.value(from: "[64, 0.5]"))
        XCTAssertNil(integers.value(from: "[64, 32"))
        XCTAssertNil(integers.value(from: "[64,,32]"))
        XCTAssertEqual(ValueType.parameterType(named: "list of number"), .list(.number))
        XCTAssertNil(ValueType.parameterType(named: "list of list of number"))
    }

    func testACommandTakesAListParameterWhereItTakesAList() throws {
        XCTAssertEqual(diagnostics("  inputs: [-1, 0, 2]", "activation sigmoid x=$inputs"), [])
        XCTAssertEqual(diagnostics("  inputs: [-1, 0.5, 2]", "activation sigmoid x=$inputs", overrides: [("inputs", "[0, 1]")]), [])
        XCTAssertEqual(diagnostics("  inputs: [1, 2]", "activation sigmoid x=[$inputs]"), [
            "6:23: expected a number, not the list [1, 2] of '$inputs' | a list parameter goes where the command takes a list of values, as in x=$inputs or metrics=$inputs",
        ])
        XCTAssertEqual(diagnostics("  inputs: [a, b]", "activation sigmoid x=$inputs"), [
            "6:22: expected a number, not \"a\"",
        ])
    }

    func testMistakesInAListParameter() {
        XCTAssertEqual(diagnostics("  mixed: [1, a]"), [
            "3:3: the items of 'mixed' are of different types (integer, string) | write the type out, e.g. mixed: {type: list of string, default: [a, b]}",
        ])
        XCTAssertEqual(diagnostics("  none: []"), [
            "3:3: the list parameter 'none' is empty, so its items' type is unknown | e.g. none: {type: list of integer, default: []}",
        ])
        XCTAssertEqual(diagnostics("  sizes: {type: list of integr, default: [1]}"), [
            "3:17: unknown parameter type 'list of integr' | did you mean 'list of integer'?",
        ])
        XCTAssertEqual(diagnostics("  sizes: {type: integer, default: [1, 2]}"), [
            "3:35: the default '[1, 2]' of 'sizes' is not a whole number",
        ])
        XCTAssertEqual(diagnostics("  sizes: [64, 32]", overrides: [("sizes", "[64, 0.5]")]), [
            "-: the parameter 'sizes' must be a list of whole numbers, not '[64, 0.5]' | the parameters are: sizes (list of integer, default [64, 32])",
        ])
    }

    func testASweepTriesWholeLists() throws {
        let grid = try SweepGrid.parse([("sizes", "[64, 32],[128], []")], frontMatter: try frontMatter("  sizes: [64, 32]")).get()
        XCTAssertEqual(grid.combinations.map(\.label), ["sizes=[64, 32]", "sizes=[128]", "sizes=[]"])
        XCTAssertEqual(grid.axes.first?.values, [.list([.integer(64), .integer(32)]), .list([.integer(128)]), .list([])])
        let again = try SweepGrid.parse([("sizes", "[64,32],[128],[]")], frontMatter: try frontMatter("  sizes: [64, 32]")).get()
        XCTAssertEqual(again.id, grid.id, "lists are compared typed, not as written")
    }
}
