// The parser on the shipped notebooks: their syntax trees, compared with golden files.

import XCTest
@testable import NNBook

final class SyntaxTreeTests: XCTestCase {
    /// An indented text form of a syntax tree, stable enough to keep in a golden file.
    static func dump(_ notebook: Notebook) -> String {
        var lines: [String] = []
        let front = notebook.frontMatter
        lines.append("front matter: title=\(front.title ?? "-") seed=\(front.seed) precision=\(front.precision)")
        for parameter in front.parameters {
            lines.append("  param \(parameter.name): \(parameter.typeText) = \(parameter.defaultValue.text) @\(parameter.range.line):\(parameter.range.column)")
        }
        for block in notebook.blocks {
            switch block {
            case .prose(let text):
                lines.append("prose: \(text.split(separator: "\n", omittingEmptySubsequences: false).count) lines")
            case .cell(let cell):
                lines.append("cell \(cell.number) label=\(cell.label) @\(cell.line)")
                for command in cell.commands { dump(command, indent: "  ", into: &lines) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dump(_ command: CommandSyntax, indent: String, into lines: inout [String]) {
        let arguments = command.arguments.map { argument -> String in
            switch argument {
            case .positional(let value): return value.text
            case .option(let name, _, let value): return "\(name)=\(value.text)"
            }
        }
        lines.append("\(indent)\(command.verb) @\(command.verbRange.line):\(command.verbRange.column) " + arguments.joined(separator: " "))
        for clause in command.clauses { dump(clause, indent: indent + "  ", into: &lines) }
    }

    func testShippedNotebooksParseToTheirGoldenTrees() throws {
        let notebooks = NotebookFixtures.repository.appendingPathComponent("Notebooks")
        let files = try FileManager.default.contentsOfDirectory(atPath: notebooks.path).filter { $0.hasSuffix(".nnbook") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOf: notebooks.appendingPathComponent(file), encoding: .utf8)
            let notebook = try NotebookParser.parse(text, path: file).get()
            let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Golden").appendingPathComponent(file.replacingOccurrences(of: ".nnbook", with: ".tree"))
            let tree = SyntaxTreeTests.dump(notebook)
            if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" {
                try tree.write(to: golden, atomically: true, encoding: .utf8)
            }
            XCTAssertEqual(tree, try String(contentsOf: golden, encoding: .utf8), file)
        }
    }

    func testNonNotebookFencesStayProse() throws {
        let notebook = try NotebookParser.parse("# T\n\n```python\nmodel.fit(x)\n```\n\n```nnbook\nmodel m\n  dense 1\n```\n", path: "t").get()
        XCTAssertEqual(notebook.blocks.count, 2)
        XCTAssertEqual(notebook.blocks[0], .prose("# T\n\n```python\nmodel.fit(x)\n```\n"))
        XCTAssertEqual(notebook.cells[0].commands[0].clauses[0].verb, "dense")
    }

    func testWindowsLineEndingsReadLikeUnixOnes() throws {
        let unix = try NotebookParser.parse("# T\n\n```nnbook\nmodel m\n  dense 1\n```\n", path: "t").get()
        let windows = try NotebookParser.parse("# T\r\n\r\n```nnbook\r\nmodel m\r\n  dense 1\r\n```\r\n", path: "t").get()
        XCTAssertEqual(windows.blocks, unix.blocks)
    }

    func testOptionLinesContinueTheCommandAbove() throws {
        let notebook = try NotebookParser.parse("```nnbook\ntrain m on d\n  epochs=5 every=1 # a comment\n```\n", path: "t").get()
        let command = notebook.cells[0].commands[0]
        XCTAssertEqual(command.arguments.count, 5)
        XCTAssertTrue(command.clauses.isEmpty)
    }

    func testParametersInferTheirTypeFromTheirDefault() throws {
        let notebook = try NotebookParser.parse("---\nparams:\n  a: 3\n  b: 0.5\n  c: hello\n  d: true\n  e: {choices: [x, y], default: y}\n---\n", path: "t").get()
        XCTAssertEqual(notebook.frontMatter.parameters.map(\.type), [.integer, .number, .string, .boolean, .choice(["x", "y"])])
        XCTAssertEqual(notebook.frontMatter.parameters.map(\.defaultValue), [.integer(3), .number(0.5), .string("hello"), .boolean(true), .string("y")])
    }
}
