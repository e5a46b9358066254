// The snapshot cache behind the live preview: after an edit only the changed cell and those
// after it run, and the page is byte for byte the page of a full run.

import Foundation
import XCTest
import NNBook
@testable import NNBookRender

final class SnapshotCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-snapshots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SnapshotCacheTests.data.write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private static let data = "x1,x2,y\n0.1,1,0\n0.5,0,1\n0.9,1,1\n0.3,0,0\n0.7,1,1\n0.2,0,0\n0.8,1,1\n0.4,1,0\n"

    /// Four cells whose state carries over: a shuffled split, dropout drawing from the
    /// generator, Adam's moments across two `train` commands in two cells.
    private static func notebook(lastCell: String = "evaluate net on d.test", secondTraining: String = "epochs=3") -> String {
        """
        ---
        seed: 3
        ---
        ```nnbook label=data
        load csv "data.csv" as d target=y
        split d test=0.25
        ```

        ```nnbook label=first
        model net
          dense 4 activation=relu
          dropout 0.25
          dense 1 activation=sigmoid
        compile net loss=binary_crossentropy optimizer=adam rate=0.05 metrics=[accuracy]
        train net on d descent=mini-batch batch=2 epochs=4
        ```

        ```nnbook label=second
        train net on d descent=stochastic \(secondTraining)
        weights net
        ```

        ```nnbook label=last
        \(lastCell)
        ```
        """
    }

    private func plan(_ text: String) throws -> Plan {
        try NotebookPreparation.plan(text: text, path: folder.appendingPathComponent("t.nnbook").path, folder: folder, overrides: [], registry: BuiltInPlugins.registry()).get()
    }

    private func run(_ text: String, cache: SnapshotCache?) throws -> RunResult {
        let plan = try plan(text)
        return Interpreter().run(plan, state: RunState(folder: folder, seed: plan.notebook.frontMatter.seed), cache: cache)
    }

    private func page(_ result: RunResult) -> RenderedPage {
        MarkdownRenderer.render(Page(run: result, assetsFolder: "t.assets"))
    }

    private func reused(_ result: RunResult) -> [Bool] { result.cells.map(\.reused) }

    func testAnEditToTheLastCellRunsOnlyThatCellAndGivesTheFullRunsPage() throws {
        let cache = SnapshotCache(version: "test")
        let first = try run(Self.notebook(), cache: cache)
        XCTAssertEqual(reused(first), [false, false, false, false])
        XCTAssertEqual(first.status, .succeeded)

        let edited = Self.notebook(lastCell: "evaluate net on d.test\npredict net x1=0.6 x2=1")
        let incremental = try run(edited, cache: cache)
        XCTAssertEqual(reused(incremental), [true, true, true, false])
        XCTAssertEqual(page(incremental), page(try run(edited, cache: nil)))
    }

    func testAnEditInTheMiddleContinuesFromTheStateBeforeIt() throws {
        let cache = SnapshotCache(version: "test")
        _ = try run(Self.notebook(), cache: cache)
        let edited = Self.notebook(secondTraining: "epochs=5")
        let incremental = try run(edited, cache: cache)
        XCTAssertEqual(reused(incremental), [true, true, false, false])
        // Adam's moments, the dropout draws and the generator continue exactly as in one run.
        XCTAssertEqual(page(incremental), page(try run(edited, cache: nil)))
        // And back: every cell of the first version is still stored.
        XCTAssertEqual(reused(try run(Self.notebook(), cache: cache)), [true, true, true, true])
    }

    func testAChangedDataFileRunsEveryCellThatDependsOnIt() throws {
        let cache = SnapshotCache(version: "test")
        _ = try run(Self.notebook(), cache: cache)
        try (Self.data + "0.6,0,1\n").write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let rerun = try run(Self.notebook(), cache: cache)
        XCTAssertEqual(reused(rerun), [false, false, false, false])
        XCTAssertEqual(page(rerun), page(try run(Self.notebook(), cache: nil)))
    }

    /// A save that stops a run part-way (the preview's case): the first cell ran again on the
    /// changed file and was stored, the later ones were not. Their results from before the
    /// change were made from the old data, so the next run must not take them.
    func testARunStoppedAfterADataFileChangedNeverReusesCellsMadeFromTheOldData() throws {
        let cache = SnapshotCache(version: "test")
        _ = try run(Self.notebook(), cache: cache)
        try (Self.data + "0.6,0,1\n").write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)

        let plan = try plan(Self.notebook())
        let stop = Flag()
        var interpreter = Interpreter()
        interpreter.cellWillRun = { cell, _ in if cell.label == "first" { stop.raise() } }
        let stopped = interpreter.run(plan, state: RunState(folder: folder, seed: plan.notebook.frontMatter.seed, shouldStop: { stop.isRaised }), cache: cache)
        XCTAssertEqual(stopped.status, .interrupted)

        let rerun = try run(Self.notebook(), cache: cache)
        XCTAssertEqual(reused(rerun), [true, false, false, false], "only the cell that read the new file is reused")
        XCTAssertEqual(page(rerun), page(try run(Self.notebook(), cache: nil)))
    }

    func testOverTheMemoryLimitOlderStatesAreDroppedAndThePageIsStillExact() throws {
        let cache = SnapshotCache(version: "test", byteLimit: 1)
        _ = try run(Self.notebook(), cache: cache)
        XCTAssertEqual(cache.droppedStates, 3, "only the newest state stays when each one is over the limit")
        XCTAssertEqual(cache.count, 4, "outputs stay when states go")
        XCTAssertEqual(reused(try run(Self.notebook(), cache: cache)), [true, true, true, true])
        let edited = Self.notebook(lastCell: "evaluate net on d")
        let rerun = try run(edited, cache: cache)
        XCTAssertEqual(reused(rerun), [false, false, false, false], "the state after the third cell was dropped")
        XCTAssertEqual(page(rerun), page(try run(edited, cache: nil)))
    }

    func testAFailedCellIsNotStoredAndRunsAgain() throws {
        // A diverging loss is a failure only running finds; the check passes it.
        try "x1,x2,y\n100,200,1\n300,400,0\n".write(to: folder.appendingPathComponent("wild.csv"), atomically: true, encoding: .utf8)
        let cache = SnapshotCache(version: "test")
        let broken = Self.notebook(lastCell: "load csv \"wild.csv\" as w target=y\nmodel r\n  dense 1\ncompile r loss=mse optimizer=sgd rate=1000\ntrain r on w descent=batch epochs=100")
        XCTAssertEqual(try run(broken, cache: cache).status, .failed)
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(reused(try run(broken, cache: cache)), [true, true, true, false])
    }
}

/// A stop asked for from one thread and read from the run's.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}
