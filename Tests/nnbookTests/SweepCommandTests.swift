// `nnbook sweep` as a user meets it: real processes in a temporary git repository, the page
// against a golden file, printed commands run by a shell, collection in a second clone,
// mistakes with their exact messages and exit codes, and Ctrl-C.

import Foundation
import XCTest

final class SweepCommandTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws {
        cli = try CLIFixture()
        _ = try git("init", "-q")
        _ = try git("add", "gradient-descent.nnbook", "data/insurance.csv")
        _ = try git("-c", "user.name=Teacher", "-c", "user.email=t@example.com", "commit", "-qm", "lesson")
    }

    override func tearDown() { cli = nil }

    private func git(_ arguments: String...) throws -> String { try cli.gitArguments(arguments) }

    /// Six runs, short enough for a test; `--no-expect` because slow rates miss the lesson's bounds.
    private static let grid = ["-p", "rate=0.05,0.5,2.5", "-p", "epochs=100,1000", "-p", "adam_epochs=50", "--no-expect"]

    private static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/gradient-descent.sweep.md")

    private func page(in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? cli.folder).appendingPathComponent("gradient-descent.sweep.md"), encoding: .utf8)
    }

    private func assertGolden(_ page: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if ProcessInfo.processInfo.environment["NNBOOK_UPDATE_GOLDEN"] == "1" {
            try page.write(to: SweepCommandTests.golden, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(page, try String(contentsOf: SweepCommandTests.golden, encoding: .utf8), file: file, line: line)
    }

    private func runs() throws -> [[String: Any]] {
        let log = try cli.nnbook("log", "gradient-descent.nnbook", "--json")
        XCTAssertEqual(log.status, 0, log.error)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]])
    }

    func testSweepRecordsEveryCombinationOnceAndWritesTheGoldenPage() throws {
        let sweep = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + SweepCommandTests.grid + ["--jobs", "1"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let lines = sweep.error.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "sweep e17c0ff8c6723ab5: 6 runs of gradient-descent.nnbook, 1 at a time")
        XCTAssertTrue(lines[1].hasPrefix("[1/6] rate=0.05 epochs=100 adam_epochs=50: succeeded ("), sweep.error)
        XCTAssertTrue(lines[6].hasPrefix("[6/6] rate=2.5 epochs=1000 adam_epochs=50: succeeded ("), sweep.error)
        XCTAssertEqual(lines.last, "wrote gradient-descent.sweep.md: 6 succeeded")
        try assertGolden(try page())
        let assets = cli.folder.appendingPathComponent("gradient-descent.sweep.assets")
        let picture = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: assets.path).first { $0.hasSuffix("/test-evaluate-neuron-insurance-test-accuracy.svg") })
        XCTAssertTrue(try page().contains("](gradient-descent.sweep.assets/\(picture))"), "the page links the picture in its folder")
        let svg = try String(contentsOf: assets.appendingPathComponent(picture), encoding: .utf8)
        XCTAssertTrue(svg.contains("epochs=100") && svg.contains("epochs=1000"), "one line per value of the second parameter")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gradient-descent.md").path), "a sweep's runs write no page of their own")

        let recorded = try runs()
        XCTAssertEqual(recorded.count, 6)
        XCTAssertEqual(Set(recorded.compactMap { $0["sweep"] as? String }), ["e17c0ff8c6723ab5"])
        let combinations = recorded.map { run -> String in
            let parameters = run["parameters"] as? [String: Any] ?? [:]
            return "\(parameters["rate"] as? Double ?? -1) \(parameters["epochs"] as? Int ?? -1)"
        }
        XCTAssertEqual(Set(combinations), ["0.05 100", "0.05 1000", "0.5 100", "0.5 1000", "2.5 100", "2.5 1000"], "each combination once, typed")
        let metrics = recorded.first?["metrics"] as? [String: [String: Double]]
        XCTAssertEqual(metrics?["test"]?["evaluate/neuron/insurance.test/accuracy"] ?? 0, 0.8333, accuracy: 0.0001, "metrics by cell label, then command")
        XCTAssertEqual(try git("status", "--porcelain"), "?? gradient-descent.sweep.assets/\n?? gradient-descent.sweep.md\n")

        let table = try cli.nnbook("log", "gradient-descent.nnbook", "--table")
        XCTAssertEqual(table.output.split(separator: "\n").filter { $0.contains(" succeeded ") }.count, 6, "one row per run: " + table.output)
        let tested = try cli.nnbook("log", "gradient-descent.nnbook", "--table", "--metric", "insurance.test/accuracy")
        XCTAssertTrue(tested.output.hasPrefix("run  status     adam_epochs  epochs  rate  neuron/insurance.test/accuracy  neuron_adam/insurance.test/accuracy\n"), "headed by the shortest end of the key: " + tested.output)
        XCTAssertTrue(tested.output.contains("\n6    succeeded  50           1000    2.5   0.8333                          "), tested.output)
    }

    /// The README's example sweep, typed as the README writes it in a clone, does what the
    /// README says: six runs, each reported on a line shaped like the README's example line,
    /// every one succeeded (the lesson's expectations hold for each rate and epochs it tries),
    /// and the page beside the notebook. Its `--print` example prints the very lines shown.
    func testTheReadmesSweepRunsAsWrittenAndPrintsWhatTheReadmeShows() throws {
        let readme = try String(contentsOf: CLIFixture.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Experiments: sweeps and expectations").dropFirst().first?.components(separatedBy: "\n## ").first)
        let lines = section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let command = try XCTUnwrap(lines.first { $0.hasPrefix("nnbook sweep ") })
        XCTAssertEqual(command, "nnbook sweep Notebooks/gradient-descent.nnbook -p rate=0.05,0.5,2.5 -p epochs=100,1000")
        XCTAssertTrue(section.contains("(here 3 × 2 = 6 runs, the\nlast parameter changing fastest)"), "the README counts the runs")
        let clone = cli.folder.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: clone, withIntermediateDirectories: true)
        for item in ["gradient-descent.nnbook", "data"] {
            try FileManager.default.copyItem(at: cli.folder.appendingPathComponent(item), to: clone.appendingPathComponent(item))
        }

        let sweep = try cli.nnbookArguments(command.split(separator: " ").dropFirst().map(String.init))
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let said = sweep.error.split(separator: "\n").map(String.init)
        XCTAssertEqual(said.count, 8, sweep.error)
        XCTAssertTrue(said.first?.contains(": 6 runs of Notebooks/gradient-descent.nnbook, ") == true, sweep.error)
        XCTAssertEqual(said.last, "wrote Notebooks/gradient-descent.sweep.md: 6 succeeded")
        /// `[3/6] rate=0.5 epochs=100: succeeded (0.06 s)` without its numbers.
        let shape = { (line: String) in String(line.map { $0.isNumber ? "0" : $0 }).replacingOccurrences(of: "00", with: "0").replacingOccurrences(of: "00", with: "0") }
        let example = try XCTUnwrap(section.components(separatedBy: "one progress line per run as it ends (`").dropFirst().first?.components(separatedBy: "`").first?.replacingOccurrences(of: "\n", with: " "))
        let progress = said.dropFirst().dropLast()
        XCTAssertEqual(Set(progress.map(shape)), [shape(example)], "every run succeeded, reported as the README shows")
        let combinations = progress.map { $0.components(separatedBy: "] ")[1].components(separatedBy: ":")[0] }
        XCTAssertEqual(Set(combinations), ["rate=0.05 epochs=100", "rate=0.05 epochs=1000", "rate=0.5 epochs=100", "rate=0.5 epochs=1000", "rate=2.5 epochs=100", "rate=2.5 epochs=1000"])
        let page = try String(contentsOf: clone.appendingPathComponent("gradient-descent.sweep.md"), encoding: .utf8)
        XCTAssertTrue(page.contains(": 6 succeeded.\n"), page)
        XCTAssertTrue(FileManager.default.fileExists(atPath: clone.appendingPathComponent("gradient-descent.sweep.assets").path))

        let printing = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("$ nnbook sweep ") && $0.hasSuffix(" --print") })
        let shown = lines[(printing + 1)...].prefix { !$0.hasPrefix("```") }
        let printed = try cli.nnbookArguments(lines[printing].split(separator: " ").dropFirst(2).map(String.init))
        XCTAssertEqual(printed.status, 0, printed.error)
        XCTAssertEqual(printed.output, shown.map { $0 + "\n" }.joined(), "--print prints what the README shows")
    }

    /// A scaled target's figures say their units: in the header where every run shares them,
    /// after each value where the runs differ (one run in the target's own units, one in
    /// scaled units), in the sweep's page and in `log --table` alike, and by key in `--json`.
    func testMetricsOfAScaledTargetSayTheirUnitsInTheSweepPageAndTheLog() throws {
        try "x,y\n1,8.5\n2,10.9\n3,14.2\n4,17.1\n5,19.8\n6,23.3\n".write(to: cli.folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        try """
            ---
            params:
              u: {type: choice, choices: [original, scaled], default: original}
            ---
            ```nnbook label=fit
            load csv "prices.csv" as prices target=y
            scale prices y method=min-max
            model m
              dense 1 weights=ones bias=zeros
            compile m loss=mse optimizer=sgd rate=0.05 metrics=[mae]
            train m on prices descent=batch epochs=20
            evaluate m on prices units=$u
            ```

            """.write(to: cli.folder.appendingPathComponent("prices.nnbook"), atomically: true, encoding: .utf8)
        _ = try git("add", "prices.nnbook", "prices.csv")
        _ = try git("-c", "user.name=Teacher", "-c", "user.email=t@example.com", "commit", "-qm", "prices")
        let sweep = try cli.nnbook("sweep", "prices.nnbook", "-p", "u=original,scaled", "--jobs", "1", "--quiet")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("prices.sweep.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("""
            | run | u | status | evaluate/m/prices/loss | evaluate/m/prices/mae | train/m/prices/loss (y's units squared) | train/m/prices/mae (y's units) |
            |---:|---|---|---:|---:|---:|---:|
            | 1 | original | succeeded | 0.0685 (y's units squared) | 0.1967 (y's units) | 0.0692 | 0.1957 |
            | 2 | scaled | succeeded | 0.0003 (scaled units squared) | 0.0133 (scaled units) | 0.0692 | 0.1957 |
            """), "figures in different units are not compared for the best: " + page)
        let table = try cli.nnbook("log", "prices.nnbook", "--table")
        XCTAssertEqual(table.output, """
            run  status     u         evaluate/m/prices/loss         evaluate/m/prices/mae  train/m/prices/loss (y's units squared)  train/m/prices/mae (y's units)
            2    succeeded  scaled    0.0003 (scaled units squared)  0.0133 (scaled units)  0.0692                                   0.1957
            1    succeeded  original  0.0685 (y's units squared)     0.1967 (y's units)     0.0692                                   0.1957

            """)
        let json = try cli.nnbook("log", "prices.nnbook", "--json")
        let runs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        XCTAssertEqual(runs.first?["metric_units"] as? [String: [String: String]], ["fit": [
            "evaluate/m/prices/loss": "scaled units squared", "evaluate/m/prices/mae": "scaled units",
            "train/m/prices/loss": "y's units squared", "train/m/prices/mae": "y's units",
        ]])
    }

    /// Runs collected after the notebook's defaults changed are described with the values they
    /// used, not with the notebook's defaults of now.
    func testCollectingAfterTheNotebookChangedGivesTheValuesTheRunsUsed() throws {
        let grid = ["-p", "rate=0.5,2.5", "-p", "epochs=100", "--no-expect"]
        let sweep = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let before = try page()
        XCTAssertTrue(before.contains("\nEvery run kept the other parameters at their defaults: adam_epochs=5000.\n"), before)
        let notebook = cli.folder.appendingPathComponent("gradient-descent.nnbook")
        try (try String(contentsOf: notebook, encoding: .utf8)).replacingOccurrences(of: "adam_epochs: 5000", with: "adam_epochs: 50")
            .write(to: notebook, atomically: true, encoding: .utf8)
        let collected = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--collect"])
        XCTAssertEqual(collected.status, 0, collected.error)
        let after = try page()
        XCTAssertTrue(after.contains("\nThe runs used these values of the parameters not swept: adam_epochs=5000 (the notebook's default now: 50).\n"), after)
    }

    /// The title's `{{name}}` on the sweep's page shows what the runs used: the values swept
    /// ("0.5 or 2.5"), a parameter not swept at its value, never the braces.
    func testTheSweepPagesTitleShowsTheValuesTheRunsUsed() throws {
        let notebook = cli.folder.appendingPathComponent("gradient-descent.nnbook")
        let text = try String(contentsOf: notebook, encoding: .utf8)
        let title = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
        try text.replacingOccurrences(of: title, with: title + " at {{rate}}, Adam for {{ adam_epochs }} epochs")
            .write(to: notebook, atomically: true, encoding: .utf8)
        let sweep = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook", "-p", "rate=0.5,2.5", "-p", "epochs=100", "-p", "adam_epochs=50", "--no-expect", "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let heading = try page().split(separator: "\n").dropFirst().first.map(String.init)
        XCTAssertEqual(heading, "# Sweep: " + title.dropFirst("title: ".count) + " at 0.5 or 2.5, Adam for 50 epochs")
    }

    /// `nnbook run --sweep ID` with a parameter the sweep does not vary, or a value it does not
    /// try, is recorded but does not take a combination's place in the sweep's page; the sweep
    /// says which runs it left out and why.
    /// `run --sweep` takes only an id a sweep makes: its last 4 digits check the others, so a
    /// typo, an id made up or a name is refused before anything runs.
    func testARunUnderAnIdNoSweepMakesIsRefused() throws {
        let printed = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.5,2.5", "--print")
        let id = String(try XCTUnwrap(printed.output.split(separator: "\n").first?.split(separator: " ").last))
        XCTAssertEqual(id.count, 16, printed.output)
        let typo = String(id.dropLast()) + (id.last == "0" ? "1" : "0")
        for bad in [typo, String(id.prefix(12)), "HEAD", "../x"] {
            let refused = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.5", "--sweep", bad, "--quiet")
            XCTAssertEqual(refused.status, 2, bad)
            XCTAssertTrue(refused.error.hasPrefix("Error: --sweep \(bad) names no sweep: a sweep's id is the one `nnbook sweep FILE -p NAME=V1,V2 --print` prints, 16 hexadecimal digits whose last 4 check the others"), refused.error)
        }
        XCTAssertEqual(try runs().count, 0, "nothing ran")
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.5", "--sweep", id, "--quiet").status, 0)
    }

    /// Runs recorded under the 12-digit id of an earlier nnbook (before ids had check digits)
    /// are still the sweep's.
    func testRunsRecordedUnderTheEarlierIdAreCollected() throws {
        let grid = ["-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect"]
        let words = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--print"]).output.split(whereSeparator: \.isWhitespace)
        let id = String(try XCTUnwrap(words.firstIndex(of: "--sweep").map { words[$0 + 1] }))
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.5", "-p", "adam_epochs=50", "--sweep", id, "--no-expect", "--quiet").status, 0)
        let earlier = try cli.shell("""
            ref=refs/nnbook/runs/gradient-descent.nnbook
            blob=$(git show $ref:run.json | sed 's/"sweep" : "\(id)"/"sweep" : "\(id.prefix(12))"/' | git hash-object -w --stdin)
            tree=$(git ls-tree $ref | sed "s/blob [0-9a-f]*\trun.json$/blob $blob\trun.json/" | git mktree)
            git update-ref $ref $(git -c user.name=n -c user.email=n@example.com commit-tree $tree -p $ref -m earlier)
            """)
        XCTAssertEqual(earlier.status, 0, earlier.error)
        XCTAssertEqual(try runs().first?["sweep"] as? String, String(id.prefix(12)))
        let collected = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--collect"])
        XCTAssertEqual(collected.status, 1, "rate=2.5 was not run: \(collected.error)")
        let collectedPage = try page()
        XCTAssertTrue(collectedPage.contains("\n| 2 | 0.5 | 50 | succeeded |"), "the newest run, recorded under the earlier id: \(collectedPage)")
    }

    func testARunThatIsNoneOfTheCombinationsIsNotCounted() throws {
        let grid = ["-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect"]
        let sweep = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let id = String(try XCTUnwrap(try page().split(separator: "`").dropFirst(3).first))
        let before = try page()
        let other = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.5", "-p", "adam_epochs=50", "-p", "epochs=7", "--sweep", id, "--no-expect", "--quiet")
        XCTAssertEqual(other.status, 0, other.error)
        let untried = try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.3", "-p", "adam_epochs=50", "--sweep", id, "--no-expect", "--quiet")
        XCTAssertEqual(untried.status, 0, untried.error)
        let collected = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--collect"])
        XCTAssertEqual(collected.status, 0, collected.error)
        XCTAssertEqual(collected.error, """
            note: run 3 was recorded with --sweep \(id) but is not counted in the sweep: it set epochs=7, which the sweep does not vary (its runs set only rate, adam_epochs)
            note: run 4 was recorded with --sweep \(id) but is not counted in the sweep: its values rate=0.3, adam_epochs=50 are none of the sweep's combinations

            """)
        XCTAssertEqual(try page(), before, "runs 1 and 2 stay the sweep's")
    }

    func testParallelRunsAreEachRecordedOnce() throws {
        let sweep = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + SweepCommandTests.grid + ["--jobs", "4", "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.error)
        XCTAssertEqual(sweep.error, "", "--quiet prints nothing when every run succeeds")
        XCTAssertEqual(try runs().count, 6)
        XCTAssertEqual(try git("fsck", "--no-progress", "--no-dangling"), "")
        let rows = try page().split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("succeeded") }
        XCTAssertEqual(rows.count, 6, "every run in the table, in the grid's order")
        XCTAssertTrue(rows[0].contains(" | 0.05 | 100 | 50 | succeeded |"), String(rows[0]))
    }

    func testPrintedCommandsRunAsPrintedAndCollectGivesTheSamePageInAClone() throws {
        let printed = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + SweepCommandTests.grid + ["--print"])
        XCTAssertEqual(printed.status, 0, printed.error)
        let commands = printed.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.count, 6)
        XCTAssertEqual(commands[0], "nnbook run gradient-descent.nnbook -p rate=0.05 -p epochs=100 -p adam_epochs=50 --sweep e17c0ff8c6723ab5 --no-expect")
        XCTAssertEqual(try runs().count, 0, "--print runs nothing")
        for command in commands {
            let ran = try cli.shell(command + " --quiet")
            XCTAssertEqual(ran.status, 0, command + "\n" + ran.error)
        }

        let reordered = try cli.nnbook(
            "sweep", "gradient-descent.nnbook", "-p", "adam_epochs=50", "-p", "epochs=1000,100", "-p", "rate=2.5,0.05,0.5", "--no-expect", "--collect")
        XCTAssertEqual(reordered.status, 0, "the same values in another order are the same sweep: " + reordered.error)
        let reorderedPage = try page()
        XCTAssertTrue(reorderedPage.contains("6 runs of `gradient-descent.nnbook` (sweep `e17c0ff8c6723ab5`): 6 succeeded."), reorderedPage)
        let rows = reorderedPage.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("succeeded") }.map { $0.split(separator: "|").dropFirst().prefix(3).map { $0.trimmingCharacters(in: .whitespaces) } }
        XCTAssertEqual(rows.map { $0[1] + " " + $0[2] }, ["1000 2.5", "1000 0.05", "1000 0.5", "100 2.5", "100 0.05", "100 0.5"], "rows in the order the values were listed")

        let collected = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + SweepCommandTests.grid + ["--collect"])
        XCTAssertEqual(collected.status, 0, collected.error)
        try assertGolden(try page())

        let clone = cli.folder.appendingPathComponent("clone")
        _ = try git("clone", "-q", cli.folder.path, clone.path)
        let missing = try cli.nnbookArguments(["sweep", clone.appendingPathComponent("gradient-descent.nnbook").path] + SweepCommandTests.grid + ["--collect"])
        XCTAssertEqual(missing.status, 1, "runs not fetched yet")
        XCTAssertTrue(missing.error.contains("error: none of the 6 runs of sweep e17c0ff8c6723ab5 is in history; the sweep's page was left as it was\n"), missing.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: clone.appendingPathComponent("gradient-descent.sweep.md").path), "no page of nothing but runs not run")
        _ = try cli.gitArguments(["-C", clone.path, "fetch", "-q", "origin", "refs/nnbook/*:refs/nnbook/*"])
        let inClone = try cli.nnbookArguments(["sweep", clone.appendingPathComponent("gradient-descent.nnbook").path] + SweepCommandTests.grid + ["--collect"])
        XCTAssertEqual(inClone.status, 0, inClone.error)
        XCTAssertEqual(try page(in: clone), try page())
    }

    /// The CI-matrix case: each run in a clone of its own, pushed under the sweep's references,
    /// which never conflict; the clone that collects numbers none of them, and names them by id.
    func testRunsFromSeparateClonesMeetThroughTheSweepReferences() throws {
        let grid = ["-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect"]
        let commands = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--print"]).output.split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.count, 2)
        for (index, command) in commands.enumerated() {
            let machine = cli.folder.appendingPathComponent("machine-\(index)")
            _ = try git("clone", "-q", cli.folder.path, machine.path)
            let run = try cli.nnbookArguments(shellWords(command).dropFirst() + ["--quiet"], in: machine)
            XCTAssertEqual(run.status, 0, run.error)
            _ = try cli.gitArguments(["-C", machine.path, "push", "-q", "origin", "refs/nnbook/sweeps/*:refs/nnbook/sweeps/*"])
        }
        let home = cli.folder.appendingPathComponent("home")
        _ = try git("clone", "-q", cli.folder.path, home.path)
        _ = try cli.gitArguments(["-C", home.path, "fetch", "-q", "origin", "refs/nnbook/sweeps/*:refs/nnbook/sweeps/*"])
        let collected = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + grid + ["--collect"], in: home)
        XCTAssertEqual(collected.status, 0, collected.error)
        let homePage = try page(in: home)
        let rows = homePage.split(separator: "\n").filter { $0.hasSuffix("|") && $0.contains("| succeeded |") }.map(String.init)
        XCTAssertEqual(rows.count, 2, homePage)
        let ids = rows.map { String($0.dropFirst(2).prefix { $0 != " " }) }
        XCTAssertTrue(ids.allSatisfy { $0.count == 7 && $0.allSatisfy(\.isHexDigit) }, "runs off this clone's chain are named by id: \(ids)")
        let shown = try cli.nnbookArguments(["show", "gradient-descent.nnbook", ids[1]], in: home)
        XCTAssertEqual(shown.status, 0, shown.error)
        XCTAssertTrue(shown.output.contains("parameters: epochs=1000, rate=2.5 (default 0.5), adam_epochs=50 (default 5000)."), shown.output)
        let diff = try cli.nnbookArguments(["diff", "gradient-descent.nnbook", ids[0], ids[1], "--metrics-only"], in: home)
        XCTAssertEqual(diff.status, 0, diff.error)
        let sweepID = String(homePage.split(separator: "`")[3])
        XCTAssertTrue(diff.output.hasPrefix("run \(ids[0]) (sweep \(sweepID), not in this clone's log) → run \(ids[1]) (sweep \(sweepID), not in this clone's log)\n"), diff.output)
    }

    func testAFailedRunShowsInTheTableAndTheSweepExitsOneAfterAllFinished() throws {
        // A rate of 0.001 leaves the loss above a coin toss's after 1000 epochs.
        let sweep = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.001,0.5", "-p", "adam_epochs=5000", "--jobs", "2")
        XCTAssertEqual(sweep.status, 1, sweep.error)
        XCTAssertTrue(sweep.error.contains("rate=0.001 adam_epochs=5000: failed ("), sweep.error)
        XCTAssertTrue(sweep.error.contains("    gradient-descent.nnbook:122:1: error: expected neuron loss < 0.69 on insurance.train, got 0.7634\n"), sweep.error)
        XCTAssertTrue(sweep.error.hasSuffix("wrote gradient-descent.sweep.md: 1 succeeded, 1 failed\n"), sweep.error)
        let hint = try XCTUnwrap(sweep.error.range(of: "its page is in history: nnbook show gradient-descent.nnbook "), sweep.error)
        let named = String(sweep.error[hint.upperBound...].prefix { $0 != "\n" })
        XCTAssertEqual(named.count, 7, "the hint names the failed run, not the latest: \(sweep.error)")
        XCTAssertTrue(try cli.nnbook("show", "gradient-descent.nnbook", named).output.contains("expected neuron loss \\< 0.69 on insurance.train, got 0.7634"), "as Markdown writes it")
        let page = try page()
        XCTAssertTrue(page.contains(" | 0.001 | 5000 | failed | "), page)
        XCTAssertTrue(page.contains(" | 0.5 | 5000 | succeeded | "), page)
        XCTAssertTrue(page.contains("- rate=0.001 adam_epochs=5000 (run "), page)
        XCTAssertTrue(page.contains("): failed in cell 8 (expectations), line 122: expected neuron loss \\< 0.69 on insurance.train, got 0.7634\n"), page)
        XCTAssertTrue(page.hasSuffix("\n\nA cross marks a run that did not succeed, not joined to the line: at the value it recorded before it stopped, or on the x axis where it recorded none.\n"), page)
        XCTAssertEqual(try runs().count, 2)
        // The failed run is a cross in the pictures, and their legends say what a cross is.
        let assets = cli.folder.appendingPathComponent("gradient-descent.sweep.assets")
        let pictures = try XCTUnwrap(FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil)).compactMap { $0 as? URL }
            .filter { $0.pathExtension == "svg" }.map { try String(contentsOf: $0, encoding: .utf8) }
        XCTAssertFalse(pictures.isEmpty)
        for picture in pictures {
            XCTAssertTrue(picture.contains(">failed run</text>") && picture.contains(#"<path d="M"#), picture)
        }
    }

    /// With --no-expect a run that misses an expectation succeeds, and the sweep's table and
    /// `log --json` say which runs missed what the lesson promises.
    func testMissedExpectationsShowInTheTableAndTheLog() throws {
        let sweep = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.001,0.5", "-p", "adam_epochs=5000", "--no-expect", "--quiet")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let page = try page()
        XCTAssertTrue(page.contains("| run | rate | adam_epochs | status | expectations missed | "), page)
        XCTAssertTrue(page.contains(" | 0.001 | 5000 | succeeded | 2 | "), page)
        XCTAssertTrue(page.contains(" | 0.5 | 5000 | succeeded | 0 | "), page)
        var missed: [Double: [String]] = [:]
        for run in try runs() {
            let rate = (run["parameters"] as? [String: Any])?["rate"] as? Double ?? 0
            missed[rate] = (run["missed_expectations"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
        }
        XCTAssertEqual(missed, [0.001: ["expected neuron loss < 0.69 on insurance.train, got 0.7634", "expected neuron prediction < 0.5 for age=30 affordability=1, got 0.6546"], 0.5: []])
    }

    /// Outside any repository a sweep makes the notebook's `.nnbook-history/`, as a run does,
    /// instead of asking for a run first.
    func testASweepOutsideAnyRepositoryRecordsItsRunsAsARunWould() throws {
        let bare = try CLIFixture()
        let sweep = try bare.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect", "--quiet")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: bare.folder.appendingPathComponent(".nnbook-history").path))
        XCTAssertTrue(try String(contentsOf: bare.folder.appendingPathComponent("gradient-descent.sweep.md"), encoding: .utf8).contains(": 2 succeeded."))
    }

    /// `--out` naming a file is a command-line mistake found before anything runs.
    func testOutNamingAFileIsRefusedBeforeAnythingRuns() throws {
        let sweep = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.5,2.5", "--out", "data/insurance.csv")
        XCTAssertEqual(sweep.status, 2, sweep.error)
        XCTAssertTrue(sweep.error.hasPrefix("Error: --out names a folder to write the sweep's page in, but data/insurance.csv is a file\n"), sweep.error)
        XCTAssertEqual(try runs().count, 0)
    }

    /// The page's hints name the notebook as the sweep was given it, so that they work where
    /// the sweep was started.
    func testThePagesHintsNameTheNotebookAsItWasGiven() throws {
        let lessons = cli.folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons.appendingPathComponent("data"), withIntermediateDirectories: true)
        for file in ["gradient-descent.nnbook", "data/insurance.csv"] {
            try FileManager.default.copyItem(at: cli.folder.appendingPathComponent(file), to: lessons.appendingPathComponent(file))
        }
        let sweep = try cli.nnbook("sweep", "lessons/gradient-descent.nnbook", "-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect", "--quiet")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let page = try page(in: lessons)
        XCTAssertTrue(page.contains("\n`nnbook show lessons/gradient-descent.nnbook RUN` prints the page of a run.\n"), page)
        XCTAssertTrue(page.contains("`nnbook log lessons/gradient-descent.nnbook --json` gives whole keys."), page)
        let shown = try cli.nnbook("show", "lessons/gradient-descent.nnbook", "1")
        XCTAssertEqual(shown.status, 0, shown.error)
    }

    /// `nnbook … | head -1`: the reader goes away after one line, and the command must go on
    /// silently, record its runs, write its page and exit as usual rather than die of SIGPIPE.
    func testAReaderThatGoesAwayNeitherKillsARunNorASweep() throws {
        func piped(_ command: String, line: UInt = #line) throws -> String {
            let shell = try cli.shell("{ \(command); echo $? > status; } | head -1")
            XCTAssertEqual(shell.output.split(separator: "\n").count, 1, shell.output, line: line)
            return try String(contentsOf: cli.folder.appendingPathComponent("status"), encoding: .utf8)
        }
        XCTAssertEqual(try piped("nnbook run gradient-descent.nnbook -p adam_epochs=50 --no-expect 2>&1"), "0\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gradient-descent.md").path), "the run wrote its page")
        XCTAssertEqual(try runs().count, 1, "the run is recorded")

        XCTAssertEqual(try piped("nnbook sweep gradient-descent.nnbook -p rate=0.5,2.5 -p adam_epochs=50 --no-expect --jobs 1 2>&1"), "0\n")
        let sweepPage = try page()
        XCTAssertTrue(sweepPage.contains("2 runs of `gradient-descent.nnbook`"), sweepPage)
        XCTAssertEqual(try runs().count, 3, "both of the sweep's runs are recorded")

        XCTAssertEqual(try piped("nnbook sweep gradient-descent.nnbook -p rate=0.5,2.5,0.05 --print"), "0\n")
    }

    func testCollectingASweepThatIsNotInHistoryLeavesThePageAsItWas() throws {
        let sweep = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.5,2.5", "-p", "adam_epochs=50", "--no-expect", "--quiet")
        XCTAssertEqual(sweep.status, 0, sweep.error)
        let before = try page()
        let collect = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rate=0.5,0.05", "-p", "adam_epochs=50", "--collect")
        XCTAssertEqual(collect.status, 1, collect.error)
        XCTAssertTrue(collect.error.contains("error: none of the 2 runs of sweep "), collect.error)
        XCTAssertTrue(collect.error.contains("the sweep's page was left as it was\nhint: "), collect.error)
        XCTAssertEqual(try page(), before)
    }

    func testMistakesAreReportedBeforeAnythingRuns() throws {
        func expect(_ arguments: [String], status: Int32, error: String, line: UInt = #line) throws {
            let outcome = try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + arguments)
            XCTAssertEqual(outcome.status, status, outcome.error, line: line)
            XCTAssertEqual(outcome.error.split(separator: "\n").first.map(String.init), error, line: line)
        }
        let parameters = "the parameters are: epochs (integer, default 1000), rate (number, default 0.5), adam_epochs (integer, default 5000)"
        try expect(["-p", "rate=0.5,fast"], status: 2, error: "gradient-descent.nnbook: error: the parameter 'rate' must be a number, not 'fast'")
        try expect(["-p", "rate=0.5,0x1p-1"], status: 2, error: "gradient-descent.nnbook: error: the parameter 'rate' must be a number, not '0x1p-1'")
        try expect(["-p", "rte=0.1,0.2"], status: 2, error: "gradient-descent.nnbook: error: unknown parameter 'rte'")
        let hint = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "rte=0.1,0.2").error
        XCTAssertTrue(hint.contains("hint: did you mean 'rate'? " + parameters), hint)
        try expect(["-p", "rate="], status: 2, error: "gradient-descent.nnbook: error: the values of 'rate' do not parse: the list of values is empty")
        try expect(["-p", "rate=0.1,,0.2"], status: 2, error: "gradient-descent.nnbook: error: the values of 'rate' do not parse: value 2 is empty (two commas in a row, or a comma at an end)")
        try expect(["-p", "rate=[0.1,0.2"], status: 2, error: "gradient-descent.nnbook: error: the values of 'rate' do not parse: a '[' is never closed")
        try expect(["-p", "rate=0.1,0.10"], status: 2, error: "gradient-descent.nnbook: error: the value 0.1 of 'rate' is listed twice")
        try expect(["-p", "rate=0.1", "-p", "rate=0.2"], status: 2, error: "gradient-descent.nnbook: error: the parameter 'rate' is swept twice")
        try expect([], status: 2, error: "gradient-descent.nnbook: error: a sweep needs at least one -p NAME=V1,V2,…")
        let many = ["-p", "epochs=" + (1...40).map(String.init).joined(separator: ","), "-p", "rate=" + (1...30).map(String.init).joined(separator: ",")]
        try expect(many, status: 2, error: "gradient-descent.nnbook: error: this sweep has 1200 runs, more than 1000")
        XCTAssertTrue(try cli.nnbookArguments(["sweep", "gradient-descent.nnbook"] + many).error.hasSuffix("\nhint: pass --max-runs 1200 to run them all, or list fewer values\n"))
        try expect(["-p", "rate=0.1,0.2,0.3", "--max-runs", "2"], status: 2, error: "gradient-descent.nnbook: error: this sweep has 3 runs, more than 2")
        XCTAssertEqual(try cli.nnbookArguments(["sweep", "gradient-descent.nnbook", "-p", "rate=0.1,0.2,0.3", "--max-runs", "3", "--print"]).output.split(separator: "\n").count, 3, "--max-runs raises the limit")
        try expect(["-p", "rate=0.1,0.2", "--jobs", "0"], status: 2, error: "Error: --jobs must be 1 or more")
        try expect(["-p", "rate=0.1,0.2", "--print", "--collect"], status: 2, error: "Error: --print and --collect do not go together: print the runs, run them, then collect")
        try expect(["-p", "epochs=10,0"], status: 2, error: "gradient-descent.nnbook: error: -p epochs=0 does not fit where line 65 uses $epochs: epochs must be 1 or more, not 0")
        XCTAssertTrue(try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "epochs=10,0").error.hasSuffix("\nthe check failed with epochs=0; nothing was run\n"))
        let several = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "epochs=0,10,-1")
        XCTAssertEqual(several.status, 2, several.error)
        XCTAssertTrue(several.error.hasSuffix("\nthe check failed with 2 of 3 combinations: epochs=0; epochs=-1; nothing was run\n"), several.error)
        XCTAssertTrue(several.error.contains("\nnote: shown for epochs=0; 1 more combination fails at the same place: epochs=-1\n"), several.error)
        // An error that depends on the swept values is shown once, not once a combination.
        let huge = try cli.nnbook("sweep", "gradient-descent.nnbook", "-p", "epochs=" + (100_000_000..<100_000_030).map(String.init).joined(separator: ","), "-p", "rate=0.1,0.2", "--print")
        XCTAssertEqual(huge.status, 2, huge.error)
        XCTAssertEqual(huge.output, "")
        XCTAssertEqual(huge.error.components(separatedBy: "would need").count - 1, 1, huge.error)
        XCTAssertTrue(huge.error.contains("\nnote: shown for epochs=100000000 rate=0.1; 59 more combinations fail at the same place: epochs=100000000 rate=0.2; epochs=100000001 rate=0.1; "), huge.error)
        XCTAssertTrue(huge.error.hasSuffix("; … (60 in all); nothing was run\n"), huge.error)
        // A sweep's combinations are made and checked before the first run: their number is
        // bounded whatever --max-runs says, before any is made.
        try expect(["-p", "rate=0.1,0.2", "--max-runs", "1000000000"], status: 2, error: "Error: --max-runs must be from 1 to 100000, the most runs one sweep makes; a larger study is several sweeps")
        let grid = ["-p", "epochs=" + (1...400).map(String.init).joined(separator: ","), "-p", "rate=" + (1...300).map(String.init).joined(separator: ",")]
        try expect(grid + ["--max-runs", "100000"], status: 2, error: "gradient-descent.nnbook: error: this sweep has 120000 runs, more than 100000")
        XCTAssertEqual(try runs().count, 0, "nothing ran")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gradient-descent.sweep.md").path))

    }

    /// long.nnbook: one cell, `fit`, that trains with the parameter `rate` until it is stopped.
    private func writeLongTraining() throws {
        let text = """
            ---
            params:
              rate: 0.1
            ---
            ```nnbook label=fit
            load csv "data/insurance.csv" as insurance target=bought_insurance
            model neuron
              dense 1 activation=sigmoid
            compile neuron loss=binary_crossentropy optimizer=sgd rate=$rate
            train neuron on insurance descent=stochastic epochs=10000000
            ```
            """
        try text.write(to: cli.folder.appendingPathComponent("long.nnbook"), atomically: true, encoding: .utf8)
    }

    func testCtrlCStopsTheSweepAndMarksTheRunsNotStarted() throws {
        try writeLongTraining()
        var sweep = try cli.start(["sweep", "long.nnbook", "-p", "rate=0.1,0.2,0.3", "--jobs", "1"], until: "1 at a time")
        // The first run has started; give it time to reach training, however slow the machine.
        Thread.sleep(forTimeInterval: 3)
        kill(sweep.process.processIdentifier, SIGINT)
        sweep.finish()
        let said = sweep.said

        XCTAssertEqual(sweep.process.terminationStatus, 130, said)
        XCTAssertTrue(said.contains("[1/3] rate=0.1: interrupted ("), said)
        XCTAssertTrue(said.contains("interrupted: 2 runs not started\n"), said)
        XCTAssertTrue(said.hasSuffix("wrote long.sweep.md: 1 interrupted, 2 not run\n"), said)
        let page = try String(contentsOf: cli.folder.appendingPathComponent("long.sweep.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("| 1 | 0.1 | interrupted |"), page)
        XCTAssertTrue(page.contains("| - | 0.2 | not run |"), page)
        XCTAssertTrue(page.contains("| - | 0.3 | not run |"), page)
    }

    /// The sweep killed by SIGKILL (as the out-of-memory killer, `timeout -s KILL` or a CI
    /// runner's group kill would): its runs, each in a process group of its own, stop too
    /// (they are sent SIGTERM and record themselves interrupted) instead of training on.
    func testTheRunsOfAKilledSweepStop() throws {
        try writeLongTraining()
        // A process killed by SIGKILL cannot remove its scratch folder: it is made in the
        // test's own folder, which the fixture removes, not in the machine's /tmp.
        let scratch = cli.folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var sweep = try cli.start(["sweep", "long.nnbook", "-p", "rate=0.1,0.2", "--jobs", "2"], until: "2 at a time", environment: ["TMPDIR": scratch.path])
        let sweepID = sweep.process.processIdentifier
        let runs = ProcessTable.children(of: sweepID, count: 2)
        XCTAssertEqual(runs.count, 2, sweep.said)
        defer { runs.forEach { kill(-$0, SIGKILL) } }
        kill(sweepID, SIGKILL)
        sweep.finish()
        // A run that has ended is a zombie until init reaps it.
        let running = { (pid: pid_t) in ProcessTable.state(of: pid).map { $0 != "Z" } ?? false }
        let gone = Date().addingTimeInterval(20)
        while runs.contains(where: running), Date() < gone { usleep(20_000) }
        XCTAssertFalse(runs.contains(where: running), "the runs end with the sweep")
    }

    /// Ctrl-Z (SIGTSTP to the sweep's process group, which its runs are not in) stops the runs
    /// with the sweep, and `fg` (SIGCONT to the sweep) continues them, as one job.
    func testCtrlZStopsTheRunsWithTheSweepAndFgContinuesThem() throws {
        try writeLongTraining()
        var sweep = try cli.start(["sweep", "long.nnbook", "-p", "rate=0.1,0.2", "--jobs", "2"], until: "2 at a time")
        let sweepID = sweep.process.processIdentifier
        let runs = ProcessTable.children(of: sweepID, count: 2)
        XCTAssertEqual(runs.count, 2, sweep.said)
        defer { runs.forEach { kill(-$0, SIGKILL) } }
        kill(sweepID, SIGTSTP)
        ProcessTable.waitUntil { ([sweepID] + runs).allSatisfy { ProcessTable.state(of: $0) == "T" } }
        XCTAssertEqual(([sweepID] + runs).map { ProcessTable.state(of: $0) }, ["T", "T", "T"], "the sweep and both runs are stopped")
        // Still stopped a moment later: nothing continues them but the shell.
        usleep(300_000)
        XCTAssertEqual(runs.map { ProcessTable.state(of: $0) }, ["T", "T"])
        kill(sweepID, SIGCONT)
        ProcessTable.waitUntil { ([sweepID] + runs).allSatisfy { ProcessTable.state(of: $0) != "T" } }
        XCTAssertFalse(([sweepID] + runs).contains { ProcessTable.state(of: $0) == "T" }, "fg continues the runs too")
        kill(sweepID, SIGINT)
        sweep.finish()
        XCTAssertEqual(sweep.process.terminationStatus, 130, sweep.said)
        XCTAssertTrue(sweep.said.contains("rate=0.1: interrupted"), sweep.said)
    }
}

/// A printed command's words, as a POSIX shell would split this simple form (no quotes needed).
private func shellWords(_ command: String) -> [String] {
    command.split(separator: " ").map(String.init)
}
