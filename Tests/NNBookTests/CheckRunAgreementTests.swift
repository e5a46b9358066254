// The check and the run agree on every shipped notebook (each has its mutations here): a
// mutation that the run would reject (found by running it with the check's verdict ignored) is
// rejected by the check first, and a mutation the check accepts runs to its end.

import Foundation
import XCTest
@testable import NNBook
import NNCore

final class CheckRunAgreementTests: XCTestCase {
    private let folder = NotebookFixtures.repository.appendingPathComponent("Notebooks")

    /// A shipped notebook with `original` replaced by `mutated`.
    private func mutate(_ name: String, _ original: String, _ mutated: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).nnbook"), encoding: .utf8)
        XCTAssertTrue(text.contains(original), "\(name) no longer contains \(original)", file: file, line: line)
        return text.replacingOccurrences(of: original, with: mutated)
    }

    /// Runs every command of `text` as the checker resolved it, whatever its command-level
    /// checks said: what running would do if nnbook did not check shapes first.
    private func runIgnoringTheCheck(_ text: String, registry: PluginRegistry) throws -> RunResult {
        let notebook = try NotebookParser.parse(text, path: "t.nnbook").get()
        let parameters = try ParameterBinding.resolve(notebook.frontMatter, overrides: []).get()
        let checker = Checker(registry: registry)
        var context = CheckContext(folder: folder, parameters: parameters, seed: notebook.frontMatter.seed, tables: notebook.tables)
        var cells: [Plan.PlannedCell] = []
        for cell in notebook.cells {
            var steps: [Plan.Step] = []
            for syntax in cell.commands {
                let command = try XCTUnwrap(registry.command(syntax.verb))
                let resolved = checker.resolve(syntax, against: command.schema, in: &context)
                XCTAssertEqual(resolved.diagnostics, [], "a mutation keeps every value of the right type")
                let invocation = try XCTUnwrap(resolved.invocation)
                _ = command.check(invocation, in: &context)
                steps.append(Plan.Step(command: command, invocation: invocation))
            }
            cells.append(Plan.PlannedCell(cell: cell, steps: steps))
        }
        let plan = Plan(notebook: notebook, parameters: parameters, cells: cells)
        return Interpreter().run(plan, state: RunState(folder: folder, seed: notebook.frontMatter.seed))
    }

    /// The run fails on the mutation, and the check had rejected it.
    private func expectBothReject(
        _ text: String, registry: PluginRegistry = BuiltInPlugins.registry(), file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let diagnostics = NotebookFixtures.diagnostics(text, folder: folder, registry: registry)
        XCTAssertFalse(diagnostics.isEmpty, "the check accepted a notebook that fails when run", file: file, line: line)
        let result = try runIgnoringTheCheck(text, registry: registry)
        XCTAssertEqual(result.status, .failed, "the check rejected a notebook that runs: \(diagnostics)", file: file, line: line)
    }

    /// The check rejects the mutation with exactly the error the run stops at: the check
    /// computed what the run computes (a fitted scaling, a seeded split), not a guess of it.
    private func expectTheCheckSaysWhatTheRunThrows(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let diagnostics = NotebookFixtures.diagnostics(text, folder: folder)
        let failure = try runIgnoringTheCheck(text, registry: BuiltInPlugins.registry()).failure?.diagnostic
        let thrown = failure.map { diagnostic in
            (diagnostic.range.map { "\($0.line):\($0.column)" } ?? "-") + ": \(diagnostic.message)" + (diagnostic.hint.map { " | \($0)" } ?? "")
        }
        XCTAssertNotNil(thrown, "the run did not fail", file: file, line: line)
        XCTAssertEqual(diagnostics.first, thrown, file: file, line: line)
    }

    /// The check accepts the mutation and it runs to its end.
    private func expectBothAccept(
        _ text: String, registry: PluginRegistry = BuiltInPlugins.registry(), file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder, registry: registry), [], file: file, line: line)
        let result = try NotebookFixtures.run(text, folder: folder, registry: registry)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))", file: file, line: line)
    }

    func testGradientDescentMutations() throws {
        let name = "gradient-descent"
        let neuron = "  dense 1 activation=sigmoid weights=ones bias=zeros\ncompile neuron "
        try expectBothReject(try mutate(name, neuron, "  dense 2 activation=sigmoid weights=ones bias=zeros\ncompile neuron "))
        // The kind of output against the loss and the targets: the softmax of one unit, the
        // sigmoid forgotten, a bias beyond Float32, a scaled class target.
        try expectBothReject(try mutate(name, neuron, "  dense 1 activation=softmax weights=ones bias=zeros\ncompile neuron "))
        try expectBothReject(try mutate(name, neuron, "  dense 1 weights=ones bias=zeros\ncompile neuron "))
        try expectBothReject(try mutate(name, neuron, "  dense 1 activation=sigmoid weights=ones bias=1e39\ncompile neuron "))
        try expectBothReject(try mutate(name, "scale insurance age divide=100", "scale insurance age divide=100\nscale insurance bought_insurance method=standardize"))
        try expectBothReject(try mutate(name, "predict neuron age=58 affordability=1", "predict neuron age=58 afford=1"))
        try expectBothReject(try mutate(name, "predict neuron age=58 affordability=1", "predict neuron on insurance.test\nimages insurance"))
        try expectBothReject(try mutate(name, "scale insurance age divide=100", "scale insurance agee divide=100"))
        try expectBothReject(try mutate(name, "scale insurance age divide=100", "scale insurance age divide=1e-45"))
        try expectBothReject(try mutate(name, "compile neuron loss=binary_crossentropy", "compile neuron loss=sparse_categorical_crossentropy"))
        // 28 samples split 22 and 6: a share of the training split holds out from its 22.
        let batch = "train neuron on insurance descent=batch epochs=$epochs every=100"
        try expectBothReject(try mutate(name, batch, "train neuron on insurance.train descent=batch epochs=$epochs every=100 validation_split=0.96"))
        try expectBothReject(try mutate(name, batch, batch + "\ntrain neuron on insurance epochs=2 validation_split=0.2\nplot neuron metric=val_loss from=1 to=2"))
        // A table of the same shape whose first column is another: Keras would feed height as
        // age; the check and the run both refuse it, wherever it is fed to the trained model.
        let other = "\n```csv name=other\nheight,affordability,bought_insurance\n1.5,0,0\n1.8,1,1\n```\n"
        for use in [
            "evaluate neuron on o", "train neuron on o", "train neuron on insurance validation=o", "predict neuron on o", "confusion neuron on o", "explain neuron on o",
            "landscape neuron on o", "boundary neuron on o",
        ] {
            try expectBothReject(try mutate(name, batch, batch + "\nload inline other as o target=bought_insurance\n" + use) + other)
        }
        // A seeded choice of 3 of the 28 people leaves a class of one (seed 42).
        try expectBothReject(try mutate(name, "split insurance test=0.2", "take insurance 3 as few\nsplit few stratify=true\nsplit insurance test=0.2"))
        // The lesson's `expect` lines hold its numbers: an accepted mutation changes none of them.
        try expectBothAccept(try mutate(name, "show insurance rows=5", "show insurance rows=3"))
    }

    func testDescentModesMutations() throws {
        let name = "descent-modes"
        try expectBothReject(try mutate(name, "predict batch_gd area=2600 bedrooms=4", "predict batch_gd area=2600 rooms=4"))
        try expectBothReject(try mutate(name, "compile batch_gd loss=mse", "compile batch_gd loss=sparse_categorical_crossentropy"))
        try expectBothReject(try mutate(name, "model batch_gd\n  dense 1", "model batch_gd\n  dense 3"))
        try expectBothReject(try mutate(name, "model batch_gd\n  dense 1 weights=ones bias=zeros", "model batch_gd\n  dropout 0.5"))
        try expectBothAccept(try mutate(name, "describe homes", "describe homes\nshape homes"))
    }

    func testLossFunctionsMutations() throws {
        try expectBothReject(try mutate("loss-functions", "loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]", "loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0]"))
    }

    func testNeuralNetworkMutations() throws {
        // Each run loads the 70,000 images before it fails: two mutations keep the test short.
        guard FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") else {
            throw XCTSkip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
        }
        let name = "neural-network"
        let single = "model single\n  flatten\n  dense 10 activation=sigmoid\ncompile single loss=sparse_categorical_crossentropy"
        try expectBothReject(try mutate(name, single, "model single\n  dense 10 activation=sigmoid\ncompile single loss=sparse_categorical_crossentropy"))
        try expectBothReject(try mutate(name, "scale images divide=255", "split images test=0.2"))
    }

    /// The lesson has no data set and no model, so no mutation of it can be a shape mistake.
    func testActivationFunctionsMutations() throws {
        let name = "activation-functions"
        try expectBothAccept(try mutate(name, "activation relu x=[-10, 0, 7]", "activation relu x=[-10, 0, 7, 8]"))
    }

    func testXORMutations() throws {
        let name = "xor"
        try expectBothReject(try mutate(name, "model neuron\n  dense 1 activation=sigmoid", "model neuron\n  dense 2 activation=sigmoid"))
        try expectBothReject(try mutate(name, "predict neuron on gates rows=4", "predict neuron on gates rows=4\nimages gates"))
        // One data-set mistake met by both models: one error, at the data set's line.
        try expectBothReject(try mutate(name, "show gates", "show gates\none_hot gates classes=100"))
        try expectBothReject(try mutate(name, "show gates", "show gates\nscale gates xor divide=-1"))
        try expectBothReject(try mutate(name, "predict hidden on gates rows=4", "predict hidden x1=1 x3=0"))
        try expectBothReject(try mutate(name, "activation=tanh\n  dense 1 activation=sigmoid", "activation=tanh\n  dense 1 activation=relu"))
        // Data given to the trained neuron by every command that takes data for a trained
        // model: of another shape, with a label it never learned, columns crossed, labels of
        // −1, one-hot rows, soft targets that are no classes.
        let tables = [
            "three": "x1,x2,x3,xor\n0,0,0,0\n1,1,1,1", "more": "x1,x2,xor\n0,0,2\n1,1,0", "swapped": "x2,x1,xor\n0,0,0\n1,1,1",
            "neg": "x1,x2,xor\n0,0,-1\n1,1,1", "hot": "x1,x2,xor\n0,0,0\n1,1,1", "soft": "x1,x2,xor\n0,0,0.5\n1,1,0.2",
        ]
        let given = { (table: String, line: String) throws -> String in
            let load = "```nnbook label=data\nload inline \(table) as \(table) target=xor\n" + (table == "hot" ? "one_hot hot\n" : "")
            return try self.mutate(name, "```nnbook label=data\n", "```csv name=\(table)\n\(tables[table]!)\n```\n\n" + load)
                .replacingOccurrences(of: "predict neuron on gates rows=4", with: "predict neuron on gates rows=4\n" + line)
        }
        for table in ["three", "more", "swapped", "neg", "hot"] {
            try expectBothReject(try given(table, "landscape neuron on \(table)"))
        }
        for command in ["confusion", "boundary", "predict"] {
            for table in ["more", "hot", "soft"] { try expectBothReject(try given(table, "\(command) neuron on \(table)")) }
        }
        try expectBothAccept(try given("soft", "evaluate neuron on soft"))
        // The neuron's sigmoid left to the loss: what predict reports is still a probability.
        let logits = try mutate(name, "  dense 1 activation=sigmoid\ncompile neuron loss=binary_crossentropy", "  dense 1\ncompile neuron loss=binary_crossentropy from_logits=true")
        try expectBothAccept(logits.replacingOccurrences(of: "predict neuron on gates rows=4", with: "predict neuron on gates rows=4\nexpect neuron prediction between 0 and 1 x1=0 x2=0"))
    }

    func testOverfittingMutations() throws {
        // Each run loads the 70,000 images before it fails: three mutations keep the test short.
        guard FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") else {
            throw XCTSkip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
        }
        let name = "overfitting"
        try expectBothReject(try mutate(name, "model big\n  flatten\n", "model big\n"))
        try expectBothReject(try mutate(name, "take clothes.test 2000 as unseen", "take clothes.test 2000 as unseen\none_hot unseen"))
        try expectBothReject(try mutate(name, "scale clothes divide=255", "scale clothes labl divide=255"))
    }

    /// The shipped plugins notebook, with the example plugins this build made: `blobs`
    /// declares the data set it makes, so the check knows its classes.
    func testPluginsMutations() throws {
        let built = Bundle.main.bundleURL.appendingPathComponent("nnbook-plugin-blobs")
        let blobs = FileManager.default.fileExists(atPath: built.path) ? built : NotebookFixtures.repository.appendingPathComponent(".build/debug/nnbook-plugin-blobs")
        let stats = folder.appendingPathComponent("plugins/nnbook-plugin-stats")
        let registry = try PluginRegistry(plugins: BuiltInPlugins.all + [
            try ExternalPlugin(process: PluginProcess(name: "blobs", executable: blobs, timeLimit: 30)),
            try ExternalPlugin(process: PluginProcess(name: "stats", executable: stats, timeLimit: 30)),
        ])
        let name = "plugins"
        try expectBothReject(try mutate(name, "  dense 3 activation=softmax", "  dense 2 activation=softmax"), registry: registry)
        try expectBothReject(try mutate(name, "blobs points samples=300 classes=3", "blobs points samples=300 classes=4"), registry: registry)
        try expectBothAccept(try mutate(name, "train clusters on points epochs=20", "train clusters on points epochs=2"), registry: registry)
    }

    /// A value given to `predict` that the training data's scaling makes infinite: the check
    /// reads a small table whole and scales it as the run will, through `rows=`, `take` and a
    /// seeded `split`, so it stops the notebook at the value with the run's own words and
    /// numbers. Within Float32 once scaled, the same value runs.
    func testAPredictInputThatScalingMakesInfiniteIsRefusedByTheCheckInTheRunsWords() throws {
        try expectTheCheckSaysWhatTheRunThrows(try mutate("descent-modes", "predict batch_gd area=2600 bedrooms=4", "predict batch_gd area=1e43 bedrooms=4"))
        let standardized = try mutate("descent-modes", "method=min-max", "method=standardize")
        try expectTheCheckSaysWhatTheRunThrows(standardized.replacingOccurrences(of: "predict stochastic_gd area=1000", with: "predict stochastic_gd area=-1e42"))
        try expectTheCheckSaysWhatTheRunThrows(try mutate("gradient-descent", "predict neuron age=58 affordability=1", "predict neuron age=1e43 affordability=1"))
        let load = "load csv \"data/insurance.csv\" as insurance target=bought_insurance"
        for chain in [
            [load + " rows=20", "split insurance test=0.3", "scale insurance age method=standardize"],
            [load, "take insurance 9 as few", "scale few age method=min-max", "split few"],
            [load, "take insurance 9 as insurance", "scale insurance age method=standardize"],
            [load, "split insurance", "take insurance.train 7 as few", "scale few age method=standardize"],
        ] {
            let lesson = "---\nseed: 3\n---\n```nnbook\n" + chain.joined(separator: "\n")
                + "\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on \(chain.last!.split(separator: " ")[1]) epochs=2\n"
            try expectTheCheckSaysWhatTheRunThrows(lesson + "predict m age=1e42 affordability=1\n```\n")
            try expectBothAccept(lesson + "predict m age=1e36 affordability=1\n```\n")
        }
    }

    /// A learning rate far beyond any that trains is a lesson, not a mistake: Keras takes any
    /// rate, and the check cannot know which rate diverges without training. At rate=1e30 the
    /// neuron's weights reach about 1e29, its sigmoid saturates, and the binary cross-entropy
    /// of the test people, computed from the scores as Keras' TensorFlow backend computes it
    /// (unclipped), is about 3.5e27: the check accepts the lesson and the run stops only at
    /// the `expect` that promised a loss below 0.69.
    func testAHugeLearningRateIsALessonThatDivergesNotACheckError() throws {
        let text = try mutate("gradient-descent", "rate: 0.5", "rate: 1e30")
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), [])
        let failure = try NotebookFixtures.run(text, folder: folder).failure?.diagnostic
        XCTAssertEqual(failure?.message, "expected neuron loss < 0.69 on insurance.test, got 3.4799e+27")
    }

    /// Seeded choices before a stratified split: the check replays the run's draws (`rows=`,
    /// `take`, an earlier `split`, stratified or not), so whatever the seed, it refuses exactly
    /// the notebooks whose split the run refuses. Both outcomes occur among the seeds.
    func testSeededChoicesBeforeAStratifiedSplitAgreeWithTheRunForEverySeed() throws {
        let load = "load csv \"data/insurance.csv\" as insurance target=bought_insurance"
        let again = "load csv \"data/insurance.csv\" as again target=bought_insurance"
        let chains = [
            [load, "take insurance 4 as small", "split small stratify=true"],
            [load + " rows=4", "split insurance stratify=true"],
            [load + " rows=12", "take insurance 4 as small", "split small stratify=true"],
            [load, "split insurance", again, "take again 4 as small", "split small stratify=true"],
            [load, "split insurance stratify=true", again, "take again 4 as small", "split small stratify=true"],
        ]
        var outcomes: Set<Bool> = []
        for chain in chains {
            for seed in 0..<12 {
                let text = "---\nseed: \(seed)\n---\n```nnbook\n" + chain.joined(separator: "\n") + "\n```\n"
                let refused = !NotebookFixtures.diagnostics(text, folder: folder).isEmpty
                let failed = try runIgnoringTheCheck(text, registry: BuiltInPlugins.registry()).status == .failed
                XCTAssertEqual(refused, failed, "seed \(seed): \(chain)")
                outcomes.insert(failed)
            }
        }
        XCTAssertEqual(outcomes, [true, false])
    }

    /// Fashion-MNIST's training labels (30 KB of gzip) are read by the check, as a small table
    /// is: a seeded `take` of a few images then split with `stratify=true` is refused by the
    /// check exactly when the run refuses it (a class of one image), in the run's words.
    func testASeededTakeOfFashionMNISTBeforeAStratifiedSplitAgreesWithTheRun() throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") else {
            throw XCTSkip("Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
        }
        for seed in 0..<3 {
            let text = "---\nseed: \(seed)\n---\n```nnbook\nload fashion-mnist as fashion\ntake fashion 20 as tiny\nsplit tiny test=0.25 stratify=true\n```\n"
            if seed == 1 {
                XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), [])
                XCTAssertEqual(try runIgnoringTheCheck(text, registry: BuiltInPlugins.registry()).status, .succeeded)
            } else {
                try expectTheCheckSaysWhatTheRunThrows(text)
            }
        }
    }

    /// Two mistakes on different commands of a shipped notebook, each of which alone gives one
    /// error, give both errors in one pass, each as it reads alone: a wrong value leaves what
    /// its line defines known (read as the closest value or the default), so later commands
    /// are still checked. The pairs are drawn with a fixed seed from the mistakes
    /// ``ShippedNotebookMutations`` makes; a pair whose mistakes depend on each other, by the
    /// rules of ``ShippedNotebookMutations/dependent(_:_:)``, may report one of them, but no
    /// pair reports an error at a line that neither mistake changed nor gives an error at alone.
    func testTwoIndependentMistakesAreBothReported() throws {
        var names = ["gradient-descent", "xor", "descent-modes"]
        if FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist") { names.append("neural-network") }
        var notebooks: [String: ShippedNotebookMutations] = [:]
        var singles: [String: [(mutation: ShippedNotebookMutations.Mutation, diagnostic: String)]] = [:]
        for name in names {
            let notebook = ShippedNotebookMutations(of: try String(contentsOf: folder.appendingPathComponent("\(name).nnbook"), encoding: .utf8), folder: folder)
            notebooks[name] = notebook
            for mutation in notebook.all {
                let found = NotebookFixtures.diagnostics(notebook.text(with: mutation), folder: folder)
                if found.count == 1 { singles[name, default: []].append((mutation, found[0])) }
            }
        }
        var generator = SeededGenerator(seed: 12)
        var (independent, bothReported, dependent) = (0, 0, 0)
        var missed: [String] = []
        while independent < 200 {
            let name = names[generator.index(below: names.count)]
            let (notebook, candidates) = (notebooks[name]!, singles[name] ?? [])
            let first = candidates[generator.index(below: candidates.count)], second = candidates[generator.index(below: candidates.count)]
            guard first.mutation.command != second.mutation.command, first.diagnostic != second.diagnostic else { continue }
            let found = NotebookFixtures.diagnostics(notebook.text(with: first.mutation, second.mutation), folder: folder)
            let pair = "\(name): \(first.mutation) + \(second.mutation)\n  alone: \(first.diagnostic)\n  alone: \(second.diagnostic)\n  both: \(found)"
            let line = { (diagnostic: String) in Int(diagnostic.prefix { $0 != ":" }) }
            if notebook.dependent(first.mutation, reportedAt: line(first.diagnostic), second.mutation, reportedAt: line(second.diagnostic)) {
                dependent += 1
                let lines = Set([first.mutation.line + 1, second.mutation.line + 1].map { "\($0):" } + [first.diagnostic, second.diagnostic].map { String($0.prefix { $0 != ":" }) + ":" })
                XCTAssertTrue(!found.isEmpty && found.allSatisfy { diagnostic in lines.contains { diagnostic.hasPrefix($0) } }, "an error at another line:\n" + pair)
                continue
            }
            independent += 1
            if found.sorted() == [first.diagnostic, second.diagnostic].sorted() { bothReported += 1 } else { missed.append(pair) }
        }
        print("two independent mistakes: both reported in \(bothReported) of \(independent) pairs (\(dependent) dependent pairs besides)")
        XCTAssertEqual(bothReported, independent, "one mistake hid another, or changed its words:\n" + missed.joined(separator: "\n"))
    }

    /// Every notebook in the folder, so that a lesson added later is checked too; the plugins
    /// notebook needs its plugins' registry (``testPluginsMutations``).
    func testEveryShippedNotebookWithoutPluginsChecks() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".nnbook") && $0 != "plugins.nnbook" }
        XCTAssertGreaterThanOrEqual(names.count, 7, "\(names)")
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), [], name)
        }
    }
}
