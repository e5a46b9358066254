// The help of every built-in command, derived from its declared properties, compared with a
// golden file: a change to a command's declaration shows here as a change to what learners read.

import Foundation
import XCTest
@testable import NNBook

final class CommandHelpTests: XCTestCase {
    func testTheHelpOfEveryBuiltInCommandMatchesItsGoldenFile() throws {
        let registry = BuiltInPlugins.registry()
        let text = registry.verbs.map { CommandHelp.text(for: registry.command($0)!.schema, plugin: registry.plugin(owning: $0)) }
            .joined(separator: "\n")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/help.txt")
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" { try text.write(to: golden, atomically: true, encoding: .utf8) }
        XCTAssertEqual(text, try String(contentsOf: golden, encoding: .utf8))
    }
}
