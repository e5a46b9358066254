// Sweep value lists and grids: splitting, typing, the order of combinations and a stable id.

import XCTest
@testable import NNBook

final class SweepGridTests: XCTestCase {
    private let frontMatter = FrontMatter(parameters: [
        ParameterDeclaration(name: "rate", type: .number, defaultValue: .number(0.5), range: SourceRange(line: 3, column: 3)),
        ParameterDeclaration(name: "title", type: .string, defaultValue: .string("a"), range: SourceRange(line: 4, column: 3)),
    ])

    func testCommasInsideQuotesOrBracketsBelongToOneValue() {
        XCTAssertEqual(try SweepValueList.split("0.05, 0.5,2.5").get(), ["0.05", "0.5", "2.5"])
        XCTAssertEqual(try SweepValueList.split("'Adam, slow',fast").get(), ["Adam, slow", "fast"])
        XCTAssertEqual(try SweepValueList.split("[64, 32],[128]").get(), ["[64, 32]", "[128]"])
        XCTAssertEqual(SweepValueList.split(""), .failure(.empty))
        XCTAssertEqual(SweepValueList.split("1,"), .failure(.emptyValue(position: 2)))
        XCTAssertEqual(SweepValueList.split("[1,2"), .failure(.unclosedBracket))
        XCTAssertEqual(SweepValueList.split("1]"), .failure(.unexpectedClose))
        XCTAssertEqual(SweepValueList.split("'a"), .failure(.unclosedQuote))
    }

    func testJoinedValuesSplitBackIntoTheSameValues() throws {
        let values = ["a, b", "c", "it's, here", "[64, 32]", " padded"]
        XCTAssertEqual(SweepValueList.joined(values), "'a, b', c, \"it's, here\", [64, 32], ' padded'")
        XCTAssertEqual(try SweepValueList.split(SweepValueList.joined(values)).get(), values)
    }

    func testCombinationsChangeTheLastParameterFastestAndTheIdDependsOnlyOnTheLists() throws {
        let grid = try SweepGrid.parse([("rate", "0.1,0.2"), ("title", "x,y,z")], frontMatter: frontMatter).get()
        XCTAssertEqual(grid.count, 6)
        XCTAssertEqual(grid.combinations.map(\.label), [
            "rate=0.1 title=x", "rate=0.1 title=y", "rate=0.1 title=z", "rate=0.2 title=x", "rate=0.2 title=y", "rate=0.2 title=z",
        ])
        let same = try SweepGrid.parse([("rate", "0.10, 0.2"), ("title", "x,y,z")], frontMatter: frontMatter).get()
        XCTAssertEqual(same.id, grid.id, "values are compared typed: 0.10 is 0.1")
        let reordered = try SweepGrid.parse([("title", "z,x,y"), ("rate", "0.2,0.1")], frontMatter: frontMatter).get()
        XCTAssertEqual(reordered.id, grid.id, "the same combinations, listed in another order, are the same sweep")
        XCTAssertEqual(reordered.combinations.first?.label, "title=z rate=0.2", "the runs keep the order the user listed")
        XCTAssertEqual(grid.id.count, 16)
        XCTAssertEqual(String(grid.id.prefix(12)), grid.earlierID, "the id of earlier nnbooks, then 4 check digits")
        XCTAssertNotEqual(try SweepGrid.parse([("rate", "0.1,0.3")], frontMatter: frontMatter).get().id, grid.id)
        XCTAssertTrue(SweepGrid.isSweepID(grid.id))
        // A digit changed anywhere, an id of 12 digits, a name: no sweep's.
        for index in grid.id.indices {
            var typo = grid.id
            typo.replaceSubrange(index...index, with: grid.id[index] == "0" ? "1" : "0")
            XCTAssertFalse(SweepGrid.isSweepID(typo), typo)
        }
        for made in [grid.earlierID, "HEAD", "../x", grid.id.uppercased(), ""] { XCTAssertFalse(SweepGrid.isSweepID(made), made) }
    }

    func testATooLargeGridHasNoCount() {
        let huge = SweepGrid(axes: (0..<20).map { index in
            SweepGrid.Axis(name: "p\(index)", type: .integer, values: (0..<1000).map { .integer($0) })
        })
        XCTAssertNil(huge.count)
    }
}
