// The progress printer's terminal output as the browser shows it.

import XCTest
@testable import NNBookPreview

final class TerminalTextTests: XCTestCase {
    func testCarriageReturnsRedrawTheLineAndEraseCodesVanish() {
        var text = TerminalText()
        text.write("Epoch 1/2\n")
        text.write("\r1/10 ━─ 1s\u{1B}[K")
        text.write("\r5/10 ━━ 0s\u{1B}[K")
        text.write("\r10/10 ━━ 1s - loss: 0.5\u{1B}[K\n")
        XCTAssertEqual(text.text, "Epoch 1/2\n10/10 ━━ 1s - loss: 0.5\n")
    }

    func testALongTrainingKeepsItsLastTwelveLines() {
        var text = TerminalText()
        for epoch in 1...30 { text.write("Epoch \(epoch)/30\n") }
        XCTAssertEqual(text.lines.count, 12)
        XCTAssertEqual(text.lines.first, "Epoch 20/30")
    }
}
