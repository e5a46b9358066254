// The nnbook executable as a user runs it: exit codes, files written and not written, messages.

import Foundation
import XCTest

final class CommandLineTests: XCTestCase {
    private var fixture: CLIFixture!
    private var folder: URL { fixture.folder }

    override func setUpWithError() throws { fixture = try CLIFixture() }
    override func tearDown() { fixture = nil }

    private func nnbook(_ arguments: String...) throws -> CLIFixture.Outcome {
        try fixture.nnbookArguments(arguments)
    }

    private var page: URL { folder.appendingPathComponent("gradient-descent.md") }

    func testRunWritesTheGoldenPage() throws {
        let outcome = try nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertEqual(outcome.error, "")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), try String(contentsOf: CLIFixture.goldenPage, encoding: .utf8))
    }

    /// The README's quick start, as a learner types it in a clone: `nnbook run
    /// Notebooks/gradient-descent.nnbook` once installed, and the same arguments after
    /// `swift run nnbook` without installing. The installed form runs as written.
    func testQuickStartCommandsOfTheReadmeRunAsWritten() throws {
        let readme = try String(contentsOf: CLIFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let quickStart = try XCTUnwrap(readme.components(separatedBy: "## Quick start").dropFirst().first?.components(separatedBy: "\n## ").first)
        let lines = quickStart.split(separator: "\n").map(String.init)
        let installed = try XCTUnwrap(lines.first { $0.hasPrefix("nnbook run ") })
        XCTAssertEqual(installed, "nnbook run Notebooks/gradient-descent.nnbook")
        XCTAssertTrue(lines.contains("swift run " + installed))
        let clone = folder.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: clone, withIntermediateDirectories: true)
        for item in ["gradient-descent.nnbook", "data"] {
            try FileManager.default.moveItem(at: folder.appendingPathComponent(item), to: clone.appendingPathComponent(item))
        }
        let outcome = try fixture.nnbookArguments(installed.split(separator: " ").dropFirst().map(String.init) + ["--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertEqual(
            try String(contentsOf: clone.appendingPathComponent("gradient-descent.md"), encoding: .utf8),
            try String(contentsOf: CLIFixture.goldenPage, encoding: .utf8))
    }

    func testParameterOverrideChangesThePage() throws {
        XCTAssertEqual(try nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.1", "--quiet", "--no-expect").status, 0, "a rate of 0.1 misses the lesson's expectations")
        let text = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(text.contains("rate=0.1 (default 0.5)"))
        XCTAssertTrue(text.contains("optimizer: sgd (learning rate 0.1)"))
    }

    /// After `split`, a data set's name alone is its training split for every command, as it
    /// is for `train` and for data that comes split: `evaluate … on insurance` measures the 22
    /// samples it learned from (not all 28, the test people mixed in) and says so.
    func testAfterASplitTheNameAloneIsTheTrainingSplitForEvaluateAndExpect() throws {
        try """
            ```nnbook
            load csv "data/insurance.csv" as insurance target=bought_insurance
            split insurance test=0.2
            scale insurance age divide=100
            model neuron
              dense 1 activation=sigmoid
            compile neuron loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            train neuron on insurance epochs=5
            evaluate neuron on insurance
            evaluate neuron on insurance.train
            expect neuron accuracy >= 0 on insurance
            ```

            """.write(to: folder.appendingPathComponent("s.nnbook"), atomically: true, encoding: .utf8)
        let run = try nnbook("run", "s.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        let text = try String(contentsOf: folder.appendingPathComponent("s.md"), encoding: .utf8)
        let tables = text.components(separatedBy: "| metric | value |").dropFirst().map { $0.components(separatedBy: "\n\n").first ?? "" }
        XCTAssertEqual(tables.count, 2, text)
        XCTAssertEqual(tables.first, tables.last, "insurance and insurance.train are the same samples: \(text)")
        XCTAssertTrue(text.contains("22 samples of insurance.train (insurance alone is its training split)"), text)
        XCTAssertTrue(text.contains("on insurance.train"), text)
    }

    /// A column with one value in every training sample: the page writes no division by zero,
    /// says the column carries nothing, and a new value is shifted as scikit-learn's scalers
    /// shift it (floor=2 is 1 above the 1 it always was), not mapped to 0 whatever it is.
    func testAColumnOfOneValueIsShiftedNotDividedByZeroAndSaysSo() throws {
        try "size,floor,price\n50,1,100\n80,1,160\n100,1,200\n60,1,120\n".write(to: folder.appendingPathComponent("flats.csv"), atomically: true, encoding: .utf8)
        try """
            ```nnbook
            load csv "flats.csv" as flats target=price
            scale flats method=min-max
            model m
              dense 1
            compile m loss=mse optimizer=sgd rate=0.01
            train m on flats epochs=2
            predict m size=100 floor=2
            ```

            """.write(to: folder.appendingPathComponent("f.nnbook"), atomically: true, encoding: .utf8)
        let run = try nnbook("run", "f.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        let text = try String(contentsOf: folder.appendingPathComponent("f.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("| floor | floor − 1 |"), text)
        XCTAssertTrue(text.contains("floor is 1 in every training sample, so it tells them nothing apart and the model can learn nothing from it: "
            + "it is only shifted (floor − 1), not divided by a spread of 0, as scikit-learn does, so a new value 1 above it becomes 1"), text)
        XCTAssertTrue(text.contains("floor=2 (scaled: 1.0000)"), text)
        XCTAssertFalse(text.contains("(1 − 1)"), text)
    }

    /// rows= chose its samples by a seeded shuffle: the check replays it with the notebook's
    /// seed and refuses the class it left with one sample at the split's stratify=, naming the
    /// choice. After a model's weights were drawn, draws the check does not make, the choice
    /// is the run's to see, and the run says the same.
    func testAStratifiedSplitOfTooFewChosenRowsNamesTheChoiceInItsHint() throws {
        let rows = (0..<20).map { "\($0),\($0 < 10 ? 0 : 1)" }.joined(separator: "\n")
        try ("x,y\n" + rows + "\n").write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let split = "load csv \"t.csv\" as d target=y rows=3\nsplit d test=0.5 stratify=true\n```\n"
        try ("---\nseed: 1\n---\n```nnbook\n" + split).write(to: folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
        let check = try nnbook("check", "t.nnbook")
        XCTAssertEqual(check.status, 1, check.error)
        XCTAssertTrue(check.error.hasPrefix("t.nnbook:6:18: error: stratify needs at least 2 samples of each class, but class "), check.error)
        XCTAssertTrue(check.error.contains("\nhint: rows=3 at line 5 kept 3 of the 20 samples, chosen by a seeded shuffle: keep more samples, or split without stratify=true\n"), check.error)
        try ("---\nseed: 1\n---\n```nnbook\nmodel m input=[1]\n  dense 1 activation=sigmoid\n" + split).write(to: folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try nnbook("check", "t.nnbook").status, 0)
        let run = try nnbook("run", "t.nnbook", "--quiet")
        XCTAssertEqual(run.status, 1, run.error)
        XCTAssertTrue(run.error.hasPrefix("t.nnbook:8:18: error: stratify needs at least 2 samples of each class, but class "), run.error)
        XCTAssertTrue(run.error.contains("\nhint: rows=3 at line 7 kept 3 of the 20 samples, chosen by a seeded shuffle: keep more samples, or split without stratify=true\n"), run.error)
    }

    func testOutPutsThePageElsewhere() throws {
        XCTAssertEqual(try nnbook("run", "gradient-descent.nnbook", "--out", "pages", "--quiet").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("pages/gradient-descent.md").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path))
    }

    func testMisspeltCommandFailsTheCheckWithItsPlaceAndWritesNothing() throws {
        let notebook = folder.appendingPathComponent("gradient-descent.nnbook")
        let text = try String(contentsOf: notebook, encoding: .utf8)
        try text.replacingOccurrences(of: "weights neuron\n", with: "wieghts neuron\n").write(to: notebook, atomically: true, encoding: .utf8)
        for command in ["check", "run"] {
            let outcome = try nnbook(command, "gradient-descent.nnbook")
            XCTAssertEqual(outcome.status, 1, command)
            XCTAssertTrue(outcome.error.hasPrefix("gradient-descent.nnbook:66:1: error: unknown command 'wieghts'\n 66 | wieghts neuron\n    | ^~~~~~~\nhint: did you mean 'weights'?\n"), outcome.error)
            XCTAssertTrue(outcome.error.hasSuffix("1 error in gradient-descent.nnbook; nothing was run\n"), outcome.error)
            XCTAssertFalse(FileManager.default.fileExists(atPath: page.path), command)
        }
    }

    func testCheckOfAGoodNotebookSucceedsAndWritesNothing() throws {
        let outcome = try nnbook("check", "gradient-descent.nnbook")
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.error, "gradient-descent.nnbook: ok\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path))
    }

    /// `scale … method=` before `split` fits on the test samples too (data leakage): the check
    /// and the run say so at the scale line without failing, and the page says it under that
    /// line's output, apart from the next command's text. `divide=` fits nothing, and a scale
    /// after the split fits on the training split: neither is noted.
    func testAScalingFittedBeforeTheSplitIsNotedWithoutFailingTheCheck() throws {
        try """
            ```nnbook
            load csv "data/insurance.csv" as insurance target=bought_insurance
            scale insurance age method=standardize
            split insurance test=0.2
            scale insurance affordability method=min-max
            ```

            """.write(to: folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
        let note = """
            t.nnbook:3:1: note: insurance is scaled before it is split (line 4): method= is fitted on every sample, the test samples too, so they shape the data the model learns from
             3 | scale insurance age method=standardize
               | ^~~~~
            hint: split first, then scale: method= is then fitted on insurance.train alone and applied to insurance.test alike, as scikit-learn fits a scaler on the training split only (divide= fits nothing, and may stay)

            """
        let check = try nnbook("check", "t.nnbook")
        XCTAssertEqual(check.status, 0)
        XCTAssertEqual(check.error, note + "t.nnbook: ok\n")
        let run = try nnbook("run", "t.nnbook", "--quiet", "--no-snapshot")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(run.error, note)
        let text = try String(contentsOf: folder.appendingPathComponent("t.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("""
            ```

            > **Note** at line 3, column 1: insurance is scaled before it is split (line 4): method= is fitted on every sample, the test samples too, so they shape the data the model learns from
            >
            > *Hint:* split first, then scale: method= is then fitted on insurance.train alone and applied to insurance.test alike, as scikit-learn fits a scaler on the training split only (divide= fits nothing, and may stay)

            ```text
            insurance.train: 22 samples; insurance.test: 6 samples
            """), text)
        XCTAssertEqual(text.components(separatedBy: "**Note**").count, 2, "only the scale before the split is noted")
        try String(contentsOf: folder.appendingPathComponent("t.nnbook"), encoding: .utf8).replacingOccurrences(of: "age method=standardize", with: "age divide=100")
            .write(to: folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try nnbook("check", "t.nnbook").error, "t.nnbook: ok\n")
    }

    func testFailedRunRendersTheErrorBlockAndExitsWithOne() throws {
        // A diverging loss is a mistake only running can find: the check passes it.
        try "x,y\n100,1\n300,0\n".write(to: folder.appendingPathComponent("data/two.csv"), atomically: true, encoding: .utf8)
        try """
            ```nnbook
            load csv "data/two.csv" as d target=y
            model m
              dense 1
            compile m loss=mse optimizer=sgd rate=1000
            train m on d descent=batch epochs=100
            ```
            """.write(to: folder.appendingPathComponent("broken.nnbook"), atomically: true, encoding: .utf8)
        let outcome = try nnbook("run", "broken.nnbook", "--quiet")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.hasPrefix("broken.nnbook:6:1: error: the loss became NaN or infinite at epoch"), outcome.error)
        let text = try String(contentsOf: folder.appendingPathComponent("broken.md"), encoding: .utf8)
        XCTAssertTrue(text.contains("> **Error** at line 6, column 1: the loss became NaN or infinite at epoch"))
        XCTAssertTrue(text.contains("[cell 1 (line 6)](#nnbook-error)"))
    }

    func testBadUsageExitsWithTwo() throws {
        XCTAssertEqual(try nnbook("run").status, 2)
        XCTAssertEqual(try nnbook("frobnicate").status, 2)
        let unknown = try nnbook("run", "gradient-descent.nnbook", "-p", "rat=0.1")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.error.contains("unknown parameter 'rat'"))
        XCTAssertTrue(unknown.error.contains("did you mean 'rate'? the parameters are: epochs (integer, default 1000), rate (number, default 0.5), adam_epochs (integer, default 5000)"), unknown.error)
        XCTAssertEqual(try nnbook("run", "gradient-descent.nnbook", "-p", "epochs=many").status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path))
    }

    /// A path that names no notebook is a mistake in the command line, as the README's exit
    /// codes say: 2, as for an unknown option or parameter.
    func testMissingNotebookFileIsAUsageError() throws {
        let outcome = try nnbook("run", "nowhere.nnbook")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.error, "nowhere.nnbook: error: cannot read the notebook: no such file\n")
    }

    func testAFileThatIsNotANotebookIsRefusedWithAHintAndNothingWritten() throws {
        try "x,y\n1,0\n".write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        let outcome = try nnbook("run", "data.csv")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.error, "data.csv: error: not a notebook: nnbook reads .nnbook files\nhint: a data file is read by a notebook's `load` command, e.g. load csv \"data.csv\" as NAME\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data.md").path), "no page beside the data")
        for command in [["log", "data.csv"], ["render", "data.csv", "--to", "html"], ["sweep", "data.csv", "-p", "a=1,2"]] {
            let refused = try fixture.nnbookArguments(command)
            XCTAssertEqual(refused.status, 2, "\(command)")
            XCTAssertTrue(refused.error.hasPrefix("data.csv: error: not a notebook: nnbook reads .nnbook files"), "\(command): \(refused.error)")
        }
    }

    func testCheckSaysWhenANotebookHasNoCells() throws {
        try "".write(to: folder.appendingPathComponent("empty.nnbook"), atomically: true, encoding: .utf8)
        try "# Only prose\n".write(to: folder.appendingPathComponent("prose.nnbook"), atomically: true, encoding: .utf8)
        let outcome = try nnbook("check", "empty.nnbook", "prose.nnbook")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertEqual(outcome.error, "empty.nnbook: ok, but it has no cells (```nnbook blocks), so it runs nothing\nprose.nnbook: ok, but it has no cells (```nnbook blocks), so it runs nothing\n")
    }

    func testAParameterWithoutEqualsIsAFocusedUsageError() throws {
        let outcome = try nnbook("run", "gradient-descent.nnbook", "-p", "rate")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.error.hasPrefix("Error: -p takes NAME=VALUE, e.g. -p rate=0.1, not 'rate'\nUsage: nnbook run <file> [-p <name=value> ...]"), outcome.error)
        XCTAssertFalse(outcome.error.contains("SUBCOMMANDS"), "not nnbook's own usage: " + outcome.error)
    }

    /// The examples `nnbook --help` gives succeed as a new user copies them, in a clone of the
    /// repository (the plugins lesson's programs are allowed by name in the `check` example).
    func testTheExamplesOfTheHelpSucceedAsWritten() throws {
        let help = try nnbook("--help")
        let examples = help.output.components(separatedBy: "Examples:\n").last?.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("nnbook ") } ?? []
        XCTAssertEqual(examples.count, 4, help.output)
        try FileManager.default.copyItem(at: CLIFixture.repository.appendingPathComponent("Notebooks"), to: folder.appendingPathComponent("Notebooks"))
        _ = try fixture.gitArguments(["init", "-q", folder.path])
        for example in examples {
            let outcome = try fixture.shell(example.replacingOccurrences(of: "/tmp/pages", with: folder.appendingPathComponent("pages").path))
            XCTAssertEqual(outcome.status, 0, example + "\n" + outcome.error)
        }
    }

    /// `nnbook help` alone, as `git help`, lists what there is to ask about; a layer has its help
    /// as a command has.
    func testHelpWithoutACommandListsTheCommandsAndALayerHasHelp() throws {
        let help = try nnbook("help")
        XCTAssertEqual(help.status, 0, help.error)
        XCTAssertTrue(help.output.hasPrefix("nnbook help COMMAND shows how to write a notebook command (nnbook help train)"), help.output)
        XCTAssertTrue(help.output.contains("\n  train    train a compiled model on a data set"), help.output)
        XCTAssertTrue(help.output.hasSuffix("nnbook's own commands: run, sweep, preview, check, render, log, show, diff, plugins, help\n"), help.output)
        let dense = try nnbook("help", "dense")
        XCTAssertEqual(dense.status, 0, dense.error)
        XCTAssertTrue(dense.output.hasPrefix("dense — a fully connected layer, a line indented by two spaces under `model NAME` (plugin: model)\n\nusage: dense INTEGER [activation=ACTIVATION]"), dense.output)
        XCTAssertTrue(dense.output.contains("examples:\n  model neuron\n    dense 1 activation=sigmoid"), dense.output)
        let flatten = try nnbook("help", "flatten")
        XCTAssertEqual(flatten.status, 0, flatten.error)
        XCTAssertTrue(flatten.output.hasPrefix("flatten — line up each sample's numbers into one list"), flatten.output)
    }

    func testVersionAndHelp() throws {
        XCTAssertTrue(try nnbook("--version").output.hasPrefix("0.1.0\nkernel: "))
        let help = try nnbook("--help")
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("nnbook run Notebooks/gradient-descent.nnbook"))
    }
}
