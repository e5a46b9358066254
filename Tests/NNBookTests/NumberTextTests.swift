// How computed and written numbers are printed: fixed decimals in the usual range, scientific
// notation where fixed point would print a line of meaningless digits.

import XCTest
@testable import NNBook

final class NumberTextTests: XCTestCase {
    func testComputedValuesHaveFixedDecimals() {
        XCTAssertEqual(NumberText.fixed(0.28744, places: 4), "0.2874")
        XCTAssertEqual(NumberText.fixed(-0.00001, places: 4), "0.0000")
        XCTAssertEqual(NumberText.fixed(123_456_789_012.5, places: 2), "123456789012.50")
        XCTAssertEqual(NumberText.fixed(.nan, places: 4), "nan")
        XCTAssertEqual(NumberText.fixed(-.infinity, places: 4), "-inf")
    }

    func testHugeValuesAreScientific() {
        XCTAssertEqual(NumberText.fixed(1e15, places: 4), "1.0000e+15")
        XCTAssertEqual(NumberText.fixed(-3.4028234663852886e38, places: 4), "-3.4028e+38")
        XCTAssertEqual(NumberText.fixed(999_999_999_999_999, places: 1), "999999999999999.0")
    }

    func testWrittenValuesAreShortest() {
        XCTAssertEqual(NumberText.plain(1000), "1000")
        XCTAssertEqual(NumberText.plain(1e-7), "1e-07")
        XCTAssertEqual(NumberText.plain(-1), "-1")
    }
}
