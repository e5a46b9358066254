// Shared helpers for the language tests: a folder with a small data file, and one-line
// renderings of diagnostics that the tests compare exactly.

import Foundation
import NNCore
import XCTest
@testable import NNBook

enum NotebookFixtures {
    /// A temporary folder holding `data.csv` (x1, x2, y), for notebooks that load data; it is
    /// removed when `test` ends, so that no test run leaves folders behind.
    static func folder(removedAfter test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-tests-\(UUID().uuidString)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try "x1,x2,y\n0.1,1,0\n0.5,0,1\n0.9,1,1\n0.3,0,0\n0.7,1,1\n".write(to: url.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        return url
    }

    /// An IDX file of unsigned bytes, as MNIST's files are: `shape`, then `values`.
    static func idx(_ shape: [Int], _ values: [UInt8]) -> Data {
        var bytes: [UInt8] = [0, 0, 8, UInt8(shape.count)]
        for dimension in shape { bytes += [0, 0, UInt8(dimension >> 8), UInt8(dimension & 0xFF)] }
        return Data(bytes + values)
    }

    /// MNIST's four IDX files in `folder`, each its header and then a hole as long as its
    /// values (60,000 and 10,000 images of 28×28 and their labels): the check reads no more
    /// than the header, and the file's size, which a truncated file would fail.
    static func mnistHeaders(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, shape) in [
            ("train-images-idx3-ubyte", [60_000, 28, 28]), ("train-labels-idx1-ubyte", [60_000]),
            ("t10k-images-idx3-ubyte", [10_000, 28, 28]), ("t10k-labels-idx1-ubyte", [10_000]),
        ] {
            try sparseIDX(shape, at: folder.appendingPathComponent(file))
        }
    }

    /// An IDX file of `shape` whose values are a hole in the file: as large as the header
    /// announces, without writing its bytes.
    static func sparseIDX(_ shape: [Int], at url: URL) throws {
        var header: [UInt8] = [0, 0, 8, UInt8(shape.count)]
        for dimension in shape { header += [UInt8(dimension >> 24 & 0xFF), UInt8(dimension >> 16 & 0xFF), UInt8(dimension >> 8 & 0xFF), UInt8(dimension & 0xFF)] }
        try Data(header).write(to: url)
        let file = try FileHandle(forWritingTo: url)
        try file.truncate(atOffset: UInt64(header.count + shape.reduce(1, *)))
        try file.close()
    }

    /// The repository's root, found from this file's place.
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Checks and runs `text` from `folder`; a notebook that does not check fails the test.
    static func run(_ text: String, folder: URL, seed: UInt64? = nil, registry: PluginRegistry = BuiltInPlugins.registry()) throws -> RunResult {
        let plan: Plan
        switch NotebookPreparation.plan(text: text, path: "t.nnbook", folder: folder, overrides: [], registry: registry) {
        case .success(let checked): plan = checked
        case .failure(let failure):
            XCTFail("the notebook did not check: \(failure)")
            throw failure
        }
        return Interpreter().run(plan, state: RunState(folder: folder, seed: seed ?? plan.notebook.frontMatter.seed))
    }

    /// Every diagnostic of parsing, binding and checking `text`, as `line:column: message | hint`.
    static func diagnostics(
        _ text: String, overrides: [(name: String, value: String)] = [], folder: URL, registry: PluginRegistry = BuiltInPlugins.registry(),
        memory: MemoryLimit = .standard
    ) -> [String] {
        switch NotebookPreparation.plan(text: text, path: "t.nnbook", folder: folder, overrides: overrides, registry: registry, memory: memory) {
        case .success: return []
        case .failure(.notebook(let list, _)), .failure(.parameters(let list, _)):
            return list.diagnostics.map { diagnostic in
                let place = diagnostic.range.map { "\($0.line):\($0.column)" } ?? "-"
                return "\(place): \(diagnostic.message)" + (diagnostic.hint.map { " | \($0)" } ?? "")
            }
        }
    }
}
