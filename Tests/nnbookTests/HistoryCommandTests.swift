// Run history from the command line: snapshots on every run, log, show, diff, concurrency, locks.

import Foundation
import XCTest

final class HistoryCommandTests: XCTestCase {
    private var cli: CLIFixture!

    override func setUpWithError() throws { cli = try CLIFixture() }
    override func tearDown() { cli = nil }

    private func git(_ arguments: String...) throws -> String {
        try cli.gitArguments(arguments)
    }

    func testTwoRunsThenLogAndDiffShowTheChangedParameterMetricsAndOutput() throws {
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "-p", "rate=0.1", "--quiet", "--no-expect").status, 0)

        let log = try cli.nnbook("log", "gradient-descent.nnbook")
        XCTAssertEqual(log.status, 0)
        let lines = log.output.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].hasPrefix("2 ") && lines[1].contains("succeeded  rate=0.1"), log.output)
        XCTAssertTrue(lines[2].hasPrefix("1 ") && lines[2].contains("succeeded  defaults"), log.output)

        let diff = try cli.nnbook("diff", "gradient-descent.nnbook")
        XCTAssertEqual(diff.status, 0)
        XCTAssertTrue(diff.output.contains("Parameters\n  rate: 0.5 → 0.1\n"), diff.output)
        XCTAssertTrue(diff.output.contains("  test        evaluate/neuron/insurance.test       loss      0.3232  0.5066  +0.1834  worse"), diff.output)
        XCTAssertTrue(diff.output.contains("  adam        train/neuron_adam/insurance          loss      0.4555  0.4555           same"), diff.output)
        XCTAssertTrue(diff.output.contains("Source\n  unchanged\n"), diff.output)
        XCTAssertTrue(diff.output.contains("\n-| w1 (age) | 11.5261 |\n"), diff.output)
        XCTAssertTrue(diff.output.contains("\n+| w1 (age) | 3.8790 |\n"), diff.output)
        XCTAssertFalse(diff.output.contains("\u{1B}["), "no colour when writing to a pipe")

        let chosen = try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "insurance.test/loss")
        XCTAssertEqual(chosen.status, 0, chosen.error)
        let chosenLines = chosen.output.split(separator: "\n")
        XCTAssertTrue(chosenLines[0].hasSuffix("  insurance.test/loss"), chosen.output)
        XCTAssertTrue(chosenLines[1].hasSuffix("  neuron/insurance.test/loss 0.5066, neuron_adam/insurance.test/loss 0.5210"), "every cell's, each saying whose: " + chosen.output)
        XCTAssertTrue(chosenLines[2].hasSuffix("  neuron/insurance.test/loss 0.3232, neuron_adam/insurance.test/loss 0.5210"), chosen.output)
        // The same keys with and without --table, and a column headed by the key asked for.
        let accuracy = try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "accuracy").output.split(separator: "\n")[1]
        let accuracyTable = try cli.nnbook("log", "gradient-descent.nnbook", "--table", "--metric", "accuracy").output.split(separator: "\n")[0]
        let keys = accuracy.split(separator: ", ").map { String($0.split(separator: " ").dropLast().last ?? "") }
        XCTAssertGreaterThan(keys.count, 1, String(accuracy))
        XCTAssertEqual(accuracyTable.split(separator: " ").suffix(keys.count).map(String.init), keys, String(accuracyTable))
        let testTable = try cli.nnbook("log", "gradient-descent.nnbook", "--table", "--metric", "test/evaluate/neuron/insurance.test/loss")
        XCTAssertTrue(testTable.output.hasPrefix("run  status     adam_epochs  epochs  rate  test/evaluate/neuron/insurance.test/loss\n"), testTable.output)
        let test = try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "test/evaluate/neuron/insurance.test/loss")
        XCTAssertEqual(test.output.split(separator: "\n").map { $0.split(separator: " ").last ?? "" }, ["test/evaluate/neuron/insurance.test/loss", "0.5066", "0.3232"])
        let misspelt = try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "acuracy")
        XCTAssertEqual(misspelt.status, 2, "a metric no run recorded is a command-line mistake")
        XCTAssertEqual(misspelt.output, "")
        XCTAssertEqual(misspelt.error, """
            gradient-descent.nnbook: error: no run recorded a metric 'acuracy'
            hint: did you mean 'accuracy'? the runs recorded accuracy, loss; `nnbook log FILE --table` shows every metric's whole key

            """)
        let keras = try cli.nnbook("log", "gradient-descent.nnbook", "--table", "--metric", "acc")
        XCTAssertEqual(keras.status, 2)
        XCTAssertTrue(keras.error.contains("\nhint: did you mean 'accuracy'? nnbook calls acc accuracy; the runs recorded accuracy, loss;"), keras.error)
        let unknown = try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "nope")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.error, """
            gradient-descent.nnbook: error: no run recorded a metric 'nope'
            hint: the runs recorded accuracy, loss; `nnbook log FILE --table` shows every metric's whole key

            """)
        XCTAssertEqual(try cli.nnbook("log", "gradient-descent.nnbook", "--metric", "loss", "--json").status, 2)

        let json = try cli.nnbook("diff", "gradient-descent.nnbook", "1", "2", "--json", "--metrics-only")
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        XCTAssertNil(object?["output_diff"])
        XCTAssertEqual((object?["parameters"] as? [[String: Any]])?.first?["name"] as? String, "rate")

        let shown = try cli.nnbook("show", "gradient-descent.nnbook", "1")
        XCTAssertEqual(shown.output, try String(contentsOf: CLIFixture.goldenPage, encoding: .utf8))
        let metrics = try cli.nnbook("show", "gradient-descent.nnbook", "last", "--file", "run.json")
        XCTAssertTrue(metrics.output.contains("\"rate\" : \"0.1\""))
    }

    /// Runs travel with plain git and a refspec; `nnbook log` then reads them in the clone.
    func testRunsFetchedIntoACloneAreListedThere() throws {
        _ = try git("init", "-q")
        _ = try git("add", "gradient-descent.nnbook", "data/insurance.csv")
        _ = try git("-c", "user.name=Teacher", "-c", "user.email=t@example.com", "commit", "-qm", "lesson")
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        let clone = cli.folder.appendingPathComponent("clone")
        _ = try git("clone", "-q", cli.folder.path, clone.path)
        _ = try cli.gitArguments(["-C", clone.path, "fetch", "-q", "origin", "refs/nnbook/*:refs/nnbook/*"])
        let log = try cli.nnbookArguments(["log", clone.appendingPathComponent("gradient-descent.nnbook").path])
        XCTAssertEqual(log.status, 0, log.error)
        XCTAssertEqual(log.output.split(separator: "\n").count, 2, log.output)
    }

    /// Runs recorded by an nnbook whose reference names were not injective: `é.nnbook` and
    /// `ü.nnbook` both on `refs/nnbook/runs/-`, `gradient-descent.nnbook` on
    /// `refs/nnbook/runs/gradient-descent`. Each notebook finds its own runs there, and only
    /// its own, and its new runs follow them.
    func testRunsOnReferencesOfTheEarlierNamingAreFound() throws {
        _ = try git("init", "-q")
        for name in ["é", "ü"] {
            try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".write(to: cli.folder.appendingPathComponent("\(name).nnbook"), atomically: true, encoding: .utf8)
        }
        for notebook in ["é.nnbook", "ü.nnbook", "gradient-descent.nnbook"] {
            let run = try cli.nnbook("run", notebook, "--quiet")
            XCTAssertEqual(run.status, 0, run.error)
        }
        // The earlier layout: é's run, then ü's on top of it, on one reference.
        let acute = try git("rev-parse", "refs/nnbook/runs/%C3%A9.nnbook").trimmingCharacters(in: .newlines)
        let umlautTree = try git("rev-parse", "refs/nnbook/runs/%C3%BC.nnbook^{tree}").trimmingCharacters(in: .newlines)
        let umlaut = try git("-c", "user.name=n", "-c", "user.email=n@example.com", "commit-tree", umlautTree, "-p", acute, "-m", "run").trimmingCharacters(in: .newlines)
        _ = try git("update-ref", "refs/nnbook/runs/-", umlaut)
        _ = try git("update-ref", "refs/nnbook/runs/gradient-descent", "refs/nnbook/runs/gradient-descent.nnbook")
        for reference in ["%C3%A9.nnbook", "%C3%BC.nnbook", "gradient-descent.nnbook"] { _ = try git("update-ref", "-d", "refs/nnbook/runs/" + reference) }

        for (notebook, id) in [("é.nnbook", acute), ("ü.nnbook", umlaut)] {
            let log = try cli.nnbook("log", notebook)
            XCTAssertEqual(log.status, 0, log.error)
            XCTAssertEqual(log.output.split(separator: "\n").count, 2, "\(notebook): its one run, not the other notebook's: \(log.output)")
            XCTAssertTrue(log.output.contains(String(id.prefix(7))), log.output)
        }
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "-p", "rate=0.1", "--no-expect").status, 0)
        let log = try cli.nnbook("log", "gradient-descent.nnbook")
        XCTAssertEqual(log.output.split(separator: "\n").count, 3, "the new run, then the one on the earlier reference: \(log.output)")
        let diff = try cli.nnbook("diff", "gradient-descent.nnbook", "1", "2")
        XCTAssertEqual(diff.status, 0, diff.error)
        XCTAssertTrue(diff.output.contains("rate: 0.5 → 0.1"), diff.output)
        XCTAssertEqual(try cli.nnbook("show", "gradient-descent.nnbook", "1").output, try String(contentsOf: CLIFixture.goldenPage, encoding: .utf8))
    }

    /// A notebook file `plain` recorded, then a folder `plain/` of notebooks in its place, and
    /// the reverse: git cannot keep a reference that is both a name and a folder, so the names
    /// must be prefix-free. Each notebook keeps its own runs.
    func testAFileAndAFolderOfOneNameAreBothRecorded() throws {
        _ = try git("init", "-q")
        let plain = cli.folder.appendingPathComponent("plain")
        func put(_ notebook: String) throws {
            try? FileManager.default.removeItem(at: plain)
            let file = cli.folder.appendingPathComponent(notebook)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".write(to: file, atomically: true, encoding: .utf8)
        }
        for notebook in ["plain", "plain/q.nnbook", "plain", "plain/q.nnbook"] {
            try put(notebook)
            let run = try cli.nnbook("run", notebook, "--quiet")
            XCTAssertEqual(run.status, 0, "\(notebook): \(run.error)")
        }
        for notebook in ["plain", "plain/q.nnbook"] {
            try put(notebook)
            let log = try cli.nnbook("log", notebook)
            XCTAssertEqual(log.status, 0, log.error)
            XCTAssertEqual(log.output.split(separator: "\n").count, 3, "\(notebook): its two runs: \(log.output)")
        }
    }

    /// A reference an earlier nnbook left where the notebook's must go (the runs of a folder's
    /// notebook, named before folders were marked): the run says which and how to move it, and
    /// once moved the notebook records.
    func testAReferenceInTheWayIsNamedWithHowToMoveIt() throws {
        _ = try git("init", "-q")
        let cell = "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n"
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("plain"), withIntermediateDirectories: true)
        try cell.write(to: cli.folder.appendingPathComponent("plain/q.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "plain/q.nnbook", "--quiet").status, 0)
        _ = try git("update-ref", "refs/nnbook/runs/plain/q.nnbook", "refs/nnbook/runs/plain@/q.nnbook")
        _ = try git("update-ref", "-d", "refs/nnbook/runs/plain@/q.nnbook")
        let earlier = try cli.nnbook("log", "plain/q.nnbook")
        XCTAssertEqual(earlier.output.split(separator: "\n").count, 2, "the run on the unmarked name is found: \(earlier.output) \(earlier.error)")
        try FileManager.default.removeItem(at: cli.folder.appendingPathComponent("plain"))
        try cell.write(to: cli.folder.appendingPathComponent("plain"), atomically: true, encoding: .utf8)

        let blocked = try cli.nnbook("run", "plain", "--quiet")
        XCTAssertEqual(blocked.status, 1)
        let move = "git update-ref refs/nnbook/kept/runs/plain/q.nnbook refs/nnbook/runs/plain/q.nnbook && git update-ref -d refs/nnbook/runs/plain/q.nnbook"
        XCTAssertTrue(blocked.error.hasPrefix("plain: error: cannot record the run: git cannot create its reference refs/nnbook/runs/plain because refs/nnbook/runs/plain/q.nnbook exists"), blocked.error)
        XCTAssertTrue(blocked.error.contains("`\(move)`"), blocked.error)
        XCTAssertEqual(try git("for-each-ref", "--format=%(refname)"), "refs/nnbook/runs/plain/q.nnbook\n", "nothing recorded")

        _ = try git("update-ref", "refs/nnbook/kept/runs/plain/q.nnbook", "refs/nnbook/runs/plain/q.nnbook")
        _ = try git("update-ref", "-d", "refs/nnbook/runs/plain/q.nnbook")
        let run = try cli.nnbook("run", "plain", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(try git("rev-list", "--count", "refs/nnbook/kept/runs/plain/q.nnbook"), "1\n")
    }

    /// A parameter sweep in a shell loop: 16 runs of one notebook at once, half of them with
    /// another parameter (and so other pictures), inside a git repository and in a folder
    /// outside any. Every run is recorded, and the page left standing is one run's page whole:
    /// the page a lone run with its parameter writes, beside exactly that run's pictures.
    func testSixteenConcurrentRunsAreAllRecordedAndLeaveNothingBehind() throws {
        let lesson = "---\nparams:\n  p: 1\n---\n```nnbook label=mae\nloss mae y_true=[0.30, 0.7, 1, 0, $p] y_pred=[1, 1, 0, 0, 1]\ncurve sigmoid to=$p\n```\n"
        for inRepository in [true, false] {
            let cli = try CLIFixture()
            if inRepository { _ = try cli.gitArguments(["init", "-q"]) }
            try lesson.write(to: cli.folder.appendingPathComponent("lesson.nnbook"), atomically: true, encoding: .utf8)
            var alone: [(page: Data, pictures: [String: Data])] = []
            for p in 0..<2 {
                let out = cli.folder.appendingPathComponent("alone-\(p)")
                let run = try cli.nnbook("run", "lesson.nnbook", "--quiet", "--no-snapshot", "-p", "p=\(p)", "--out", out.path)
                XCTAssertEqual(run.status, 0, run.error)
                alone.append((try Data(contentsOf: out.appendingPathComponent("lesson.md")), try files(in: out.appendingPathComponent("lesson.assets"))))
                try FileManager.default.removeItem(at: out)
            }
            XCTAssertNotEqual(alone[0].pictures, alone[1].pictures, "the two parameters draw different pictures")

            let processes = try (0..<16).map { index -> (Process, Pipe) in
                let process = Process(), errors = Pipe()
                process.executableURL = cli.executable
                process.arguments = ["run", "lesson.nnbook", "--quiet", "-p", "p=\(index % 2)"]
                process.currentDirectoryURL = cli.folder
                process.standardError = errors
                try process.run()
                return (process, errors)
            }
            for (process, errors) in processes {
                let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0, said)
            }
            let git = inRepository ? ["-C", cli.folder.path] : ["--git-dir", cli.folder.appendingPathComponent(".nnbook-history").path]
            XCTAssertEqual(try cli.gitArguments(git + ["rev-list", "--count", "refs/nnbook/runs/lesson.nnbook"]), "16\n")
            XCTAssertEqual(try cli.gitArguments(git + ["fsck", "--no-progress", "--no-dangling"]), "")
            XCTAssertEqual(try cli.nnbook("log", "lesson.nnbook").output.split(separator: "\n").count, 17)
            let left = try FileManager.default.subpathsOfDirectory(atPath: cli.folder.path).filter { $0.hasSuffix(".tmp") || $0.contains(".tmp/") }
            XCTAssertEqual(left, [], "temporary files left behind")
            let page = try Data(contentsOf: cli.folder.appendingPathComponent("lesson.md"))
            let winner = try XCTUnwrap(alone.first { $0.page == page }, "the page is one run's page, whole: \(String(decoding: page, as: UTF8.self))")
            var pictures = try files(in: cli.folder.appendingPathComponent("lesson.assets"))
            XCTAssertNotNil(pictures.removeValue(forKey: ".nnbook-assets"))
            XCTAssertEqual(pictures, winner.pictures.filter { $0.key != ".nnbook-assets" }, "beside the page are its run's pictures, and only those")
            for link in String(decoding: page, as: UTF8.self).split(separator: "](").dropFirst().map({ String($0.prefix { $0 != ")" }) }) {
                XCTAssertTrue(link.hasPrefix("lesson.assets/") && pictures[String(link.dropFirst("lesson.assets/".count))] != nil, "the page links \(link)")
            }
        }
    }

    /// Every file under `folder` by its path inside it.
    private func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    /// An empty lock file at `path`, made 30 seconds ago, as a run killed while recording
    /// leaves git's lock on its reference.
    @discardableResult
    private func plantLock(_ path: String) throws -> URL {
        let lock = cli.folder.appendingPathComponent(path)
        try "".write(to: lock, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-30)], ofItemAtPath: lock.path)
        return lock
    }

    /// git's lock file on the reference, as a run killed while recording leaves it (SIGKILL,
    /// `timeout -s KILL`, the OOM killer): the next run takes it over and is recorded.
    func testALockLeftByAKilledRunIsTakenOverByTheNextRun() throws {
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet").status, 0)
        let lock = try plantLock(".nnbook-history/refs/nnbook/runs/gradient-descent.nnbook.lock")
        let outcome = try cli.nnbook("run", "gradient-descent.nnbook", "--quiet")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path))
        XCTAssertEqual(try cli.nnbook("log", "gradient-descent.nnbook").output.split(separator: "\n").count, 3)
    }

    /// In a worktree made by `git worktree add`, git keeps the references, and its locks on
    /// them, in the main repository's folder: a lock left there is taken over as well.
    func testALockLeftInAWorktreesSharedFolderIsTakenOver() throws {
        try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".write(to: cli.folder.appendingPathComponent("q.nnbook"), atomically: true, encoding: .utf8)
        let made = try cli.shell("git init -q && git add q.nnbook && git -c user.name=t -c user.email=t@t commit -qm q && git worktree add -q tree")
        XCTAssertEqual(made.status, 0, made.error)
        XCTAssertEqual(try cli.nnbook("run", "tree/q.nnbook", "--quiet").status, 0)
        try plantLock(".git/refs/nnbook/runs/q.nnbook.lock")
        let outcome = try cli.nnbook("run", "tree/q.nnbook", "--quiet")
        XCTAssertEqual(outcome.status, 0, outcome.error)
        XCTAssertEqual(try cli.shell("git rev-list --count refs/nnbook/runs/q.nnbook").output, "2\n")
    }

    /// A run killed with SIGKILL at any moment, recording included, never keeps a later run
    /// from being recorded: each later run is.
    func testRunsKilledWhileTheyRecordNeverStopTheHistory() throws {
        try "```nnbook label=a\nactivation relu x=[1,-1]\ncurve relu\n```\n".write(to: cli.folder.appendingPathComponent("quick.nnbook"), atomically: true, encoding: .utf8)
        for delay in stride(from: 0, to: 60_000, by: 5_000) {
            let process = Process()
            process.executableURL = cli.executable
            process.arguments = ["run", "quick.nnbook", "--quiet"]
            process.currentDirectoryURL = cli.folder
            try process.run()
            usleep(useconds_t(20_000 + delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let before = try cli.nnbook("log", "quick.nnbook").output.split(separator: "\n").count
        let run = try cli.nnbook("run", "quick.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertEqual(try cli.nnbook("log", "quick.nnbook").output.split(separator: "\n").count, max(before, 1) + 1)
    }

    /// A history that could not take the run (here a store that is no repository) is found
    /// before the cells run, not after the whole training.
    func testAnUnrecordableHistoryStopsTheRunBeforeItsCells() throws {
        let elsewhere = cli.folder.appendingPathComponent("not-a-repository")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: cli.folder.appendingPathComponent(".nnbook-history"), withDestinationURL: elsewhere)
        let outcome = try cli.nnbook("run", "gradient-descent.nnbook")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.hasPrefix("gradient-descent.nnbook: error: "), outcome.error)
        XCTAssertTrue(outcome.error.hasSuffix("; nothing was run\n"), outcome.error)
        XCTAssertFalse(outcome.error.contains("[1/"), "no cell ran: \(outcome.error)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("gradient-descent.md").path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    /// A notebook that is a symbolic link to one in another repository: its page and its
    /// history are both where the user named it, and the other repository gets nothing.
    func testASymlinkedNotebookIsRecordedBesideTheLinkAsItsPageIs() throws {
        let real = cli.folder.appendingPathComponent("real"), other = cli.folder.appendingPathComponent("other")
        for folder in [real, other] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            XCTAssertEqual(try cli.shell("git init -q \(folder.lastPathComponent)").status, 0)
        }
        try "```nnbook label=a\nactivation relu x=[1]\n```\n".write(to: real.appendingPathComponent("r.nnbook"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: other.appendingPathComponent("l.nnbook").path, withDestinationPath: "../real/r.nnbook")
        let run = try cli.nnbook("run", "other/l.nnbook", "--quiet")
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.appendingPathComponent("l.md").path))
        XCTAssertEqual(try cli.shell("git -C other for-each-ref --format='%(refname)'").output, "refs/nnbook/runs/l.nnbook\n")
        XCTAssertEqual(try cli.shell("git -C real for-each-ref --format='%(refname)'").output, "", "the target's repository gets nothing")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: real.path).sorted(), [".git", "r.nnbook"])
        let log = try cli.nnbook("log", "other/l.nnbook")
        XCTAssertEqual(log.output.split(separator: "\n").count, 2, log.output + log.error)
    }

    func testNoSnapshotRecordsNothing() throws {
        XCTAssertEqual(try cli.nnbook("run", "gradient-descent.nnbook", "--quiet", "--no-snapshot").status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".nnbook-history").path))
        let log = try cli.nnbook("log", "gradient-descent.nnbook")
        XCTAssertEqual(log.status, 1)
        XCTAssertEqual(log.error, "gradient-descent.nnbook: error: gradient-descent.nnbook has no recorded runs yet: `nnbook run gradient-descent.nnbook` records one\n")
    }

    /// Names as long as a file system takes (255 bytes, `.nnbook` included): the page's
    /// temporary name, the history's reference (and git's lock beside it) and the sweep's page
    /// all fit, so the run and the sweep are recorded as any other.
    func testNotebookNamesAsLongAsAFileSystemTakesRunAndSweep() throws {
        let notebook = "---\nparams:\n  s: 0.1\n---\n```nnbook\nactivation leaky_relu x=[-1, 0, 1] slope=$s\n```\n"
        for name in [String(repeating: "M", count: 213), String(repeating: "M", count: 248), String(repeating: "é", count: 124)] {
            let file = name + ".nnbook"
            XCTAssertEqual(file.utf8.count, name.count == 213 ? 220 : 255)
            try notebook.write(to: cli.folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let run = try cli.nnbook("run", file, "--quiet")
            XCTAssertEqual(run.status, 0, run.error)
            XCTAssertTrue(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(name + ".md").path))
            let sweep = try cli.nnbook("sweep", file, "-p", "s=0.1,0.2", "--quiet")
            XCTAssertEqual(sweep.status, 0, sweep.error)
            let log = try cli.nnbook("log", file)
            XCTAssertEqual(log.status, 0, log.error)
            XCTAssertEqual(log.output.split(separator: "\n").count, 4, log.output)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
        XCTAssertFalse(left.contains { $0.hasSuffix(".tmp") }, "no temporary file is left: \(left)")
        XCTAssertEqual(left.filter { $0.hasSuffix(".sweep.md") }.count, 3, "\(left)")
    }

    func testAFailedRunIsRecordedAsFailed() throws {
        // A diverging loss is found only by running; a mistake the check finds is never a run.
        try "```csv name=t\nx,y\n100,1\n300,0\n```\n```nnbook\nload inline t as d target=y\nmodel m\n  dense 1\ncompile m loss=mse optimizer=sgd rate=1000\ntrain m on d descent=batch epochs=100\n```\n"
            .write(to: cli.folder.appendingPathComponent("broken.nnbook"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.nnbook("run", "broken.nnbook", "--quiet").status, 1)
        let log = try cli.nnbook("log", "broken.nnbook", "--json")
        let runs = try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]]
        XCTAssertEqual(runs?.first?["status"] as? String, "failed")
    }
}
