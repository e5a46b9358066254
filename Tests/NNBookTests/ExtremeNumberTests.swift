// Every number written in a shipped notebook, replaced by one far beyond what it stands for,
// is checked without a crash: a share of 1e19 once stopped `nnbook check` converting it to a
// count of samples (Swift traps where a Double does not fit an Int).

import Foundation
import XCTest
@testable import NNBook

final class ExtremeNumberTests: XCTestCase {
    private let folder = NotebookFixtures.repository.appendingPathComponent("Notebooks")

    /// Beyond Int (about 9.2e18) and beyond Float32 (about 3.4e38), either way.
    private let extremes = ["1e19", "-1e19", "1e39", "-1e39"]

    func testEveryNumberOfAShippedNotebookReplacedByAnExtremeIsChecked() throws {
        let number = try NSRegularExpression(pattern: #"(?<=[=\[ ,:])-?[0-9]+(\.[0-9]+)?(e-?[0-9]+)?(?=[ ,\]]|$)"#)
        var checked = 0
        for name in ["gradient-descent", "descent-modes", "loss-functions", "activation-functions", "xor", "overfitting"] {
            let text = try String(contentsOf: folder.appendingPathComponent("\(name).nnbook"), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            var inCell = false, inFrontMatter = false
            for (index, line) in lines.enumerated() {
                if index == 0, line == "---" { inFrontMatter = true; continue }
                if inFrontMatter { if line == "---" { inFrontMatter = false; continue } }
                else if line.hasPrefix("```") { inCell.toggle(); continue }
                guard inCell || inFrontMatter else { continue }
                let whole = NSRange(line.startIndex..., in: line)
                for match in number.matches(in: line, range: whole) {
                    let range = Range(match.range, in: line)!
                    for extreme in extremes {
                        var changed = lines
                        changed[index] = line.replacingCharacters(in: range, with: extreme)
                        let diagnostics = NotebookFixtures.diagnostics(changed.joined(separator: "\n"), folder: folder)
                        // An error the check gives is placed on a line a learner can find.
                        for diagnostic in diagnostics {
                            XCTAssertFalse(diagnostic.hasPrefix("-:"), "\(name):\(index + 1) with \(extreme): \(diagnostic)")
                        }
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 400, "the shipped notebooks' numbers were found")
    }
}
