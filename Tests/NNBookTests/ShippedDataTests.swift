// The data sets the project makes itself follow the rules their notebooks document.

import XCTest
@testable import NNBook

final class ShippedDataTests: XCTestCase {
    private let notebooks = NotebookFixtures.repository.appendingPathComponent("Notebooks")

    /// Person i is 18 + (19·i mod 47) years old, cannot afford insurance when i is a multiple of
    /// 4, and bought it at 42 or older when they can afford it, or at 55 or older anyway.
    func testInsuranceDataFollowsItsRule() throws {
        var expected = "age,affordability,bought_insurance\n"
        for i in 0..<28 {
            let age = 18 + (19 * i) % 47, affordable = i % 4 == 0 ? 0 : 1
            let bought = (age >= 42 && affordable == 1) || age >= 55 ? 1 : 0
            expected += "\(age),\(affordable),\(bought)\n"
        }
        XCTAssertEqual(try String(contentsOf: notebooks.appendingPathComponent("data/insurance.csv"), encoding: .utf8), expected)
    }

    /// Home i has 1100 + (137·i mod 1700) sq ft (down to a multiple of 10), 2 bedrooms plus one
    /// from 1700 and one more from 2400 sq ft, and costs 0.035·area + 8·bedrooms + 10 +
    /// 3·((7·i mod 5) − 2) lakh, rounded.
    func testHomePricesFollowTheirRule() throws {
        var expected = "area,bedrooms,price\n"
        for i in 0..<20 {
            var area = 1100 + (137 * i) % 1700
            area -= area % 10
            let bedrooms = 2 + (area >= 1700 ? 1 : 0) + (area >= 2400 ? 1 : 0)
            let price = (0.035 * Double(area) + Double(8 * bedrooms + 10 + 3 * ((7 * i) % 5 - 2))).rounded()
            expected += "\(area),\(bedrooms),\(Int(price))\n"
        }
        let text = try String(contentsOf: notebooks.appendingPathComponent("descent-modes.nnbook"), encoding: .utf8)
        let notebook = try NotebookParser.parse(text, path: "descent-modes.nnbook").get()
        XCTAssertEqual(notebook.tables["homes"]?.text, expected)
    }
}
