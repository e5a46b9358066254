// `nnbook sweep FILE -p rate=0.05,0.5,2.5`: run a notebook once per combination of parameter
// values, several at a time, and compare the runs in NAME.sweep.md; or print the runs for a
// scheduler nnbook does not manage, and collect them from history afterwards.

import ArgumentParser
import Foundation
import NNBook
import NNBookHistory
import NNBookRender
import NNData

struct SweepNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a notebook for every combination of parameter values and compare the runs.",
        discussion: """
            Every value is checked before the first run. Each run is recorded in history with the sweep's id and writes no page of its own (nnbook show FILE RUN prints it); the sweep writes NAME.sweep.md and NAME.sweep.assets/ beside the notebook, or in --out: the parameters, a table of every run's final metrics by cell label and command with the best of each column in bold, and a picture per metric against the varied parameter.

            Exit codes: 0 all runs succeeded, 1 a run failed (after all have finished) or the notebook has an error, 2 a command-line mistake, 130 interrupted (the runs not yet started are marked not run).

            Examples:
              nnbook sweep Notebooks/gradient-descent.nnbook -p rate=0.05,0.5,2.5
              nnbook sweep lesson.nnbook -p rate=0.1,0.5 -p epochs=5,10 --jobs 4
              nnbook sweep lesson.nnbook -p rate=0.1,0.5 --print | parallel
              nnbook sweep lesson.nnbook -p rate=0.1,0.5 --collect
            """)

    @Argument(help: "The notebook to sweep.")
    var file: String

    @Option(name: .customShort("p"), help: ArgumentHelp("A parameter and the values to try, separated by commas (repeatable); a list parameter's values are lists, -p 'sizes=[64, 32],[128]'.", valueName: "name=v1,v2,…"))
    var lists: [String] = []

    @Option(help: ArgumentHelp("How many runs at once (default: the number of processors).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Allow a sweep of more than \(SweepGrid.defaultMaxRuns) runs, up to N.", valueName: "n"))
    var maxRuns: Int?

    @Option(help: ArgumentHelp("Write the sweep's page into this folder instead of beside the notebook.", valueName: "dir"))
    var out: String?

    @Flag(help: "Print the `nnbook run` command of every combination instead of running them.")
    var print = false

    @Flag(help: "Write the sweep's page from the runs in history, running nothing.")
    var collect = false

    @Flag(help: "Do not stop a run at a failed expect: show it as ✗ in its page.")
    var noExpect = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        var isFolder: ObjCBool = false
        if let out, FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--out names a folder to write the sweep's page in, but \(out.excerpt()) is a file")
        }
        if let maxRuns, maxRuns < 1 || maxRuns > SweepGrid.largestSweep {
            throw ValidationError("--max-runs must be from 1 to \(SweepGrid.largestSweep), the most runs one sweep makes; a larger study is several sweeps")
        }
        if print && collect { throw ValidationError("--print and --collect do not go together: print the runs, run them, then collect") }
    }

    func run() throws {
        let notebookFile = NotebookFile(path: file)
        // One registry for the notebook and every combination's check: each external plugin
        // describes itself once, not once a combination.
        var made: PluginRegistry?
        let registry = { (notebook: Notebook) -> PluginRegistry in
            if let made { return made }
            let registry = plugins.setup.registry(checking: notebook, folder: notebookFile.folder)
            made = registry
            return registry
        }
        let plan: Plan
        switch notebookFile.plan(overrides: [], memory: memory.limit, registry: registry) {
        case .success(let checked):
            plan = checked.plan
            // Said once for the sweep; every run's page says it under its line.
            notebookFile.printNotes(of: plan, text: checked.text)
        case .failure(let code): throw code
        }
        let frontMatter = plan.notebook.frontMatter
        let grid: SweepGrid
        switch SweepGrid.parse(try parseOverrides(lists).map { ($0.name, $0.value) }, frontMatter: frontMatter) {
        case .success(let parsed): grid = parsed
        case .failure(let list):
            Console.error(DiagnosticPrinter(notebook: plan.notebook).format(list.diagnostics))
            throw ExitCode(NNBookExit.usage)
        }
        let limit = maxRuns ?? SweepGrid.defaultMaxRuns
        // Counted before any combination is made: a grid of a billion would fill the memory.
        guard let count = grid.count, count <= limit else {
            let size = grid.count.map { "\($0) runs" } ?? "more runs than can be counted"
            Console.error("\(file): error: this sweep has \(size), more than \(limit)\nhint: "
                + (maxRuns == nil ? "pass --max-runs \(grid.count.map(String.init) ?? "N") to run them all, or list fewer values" : "list fewer values, or raise --max-runs"))
            throw ExitCode(NNBookExit.usage)
        }
        let sweep = Sweep(file: file, notebook: plan.notebook, grid: grid, count: count, pageFolder: out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebookFile.folder)
        let name = notebookFile.url.deletingPathExtension().lastPathComponent
        if !print { try NotebookRunner.checkReplaceable(pageLocation(name: name, folder: notebookFile.folder).page, format: .markdown, file: file) }
        if collect {
            let history = try NotebookHistoryOptions(file: file).history()
            let (runs, strays) = try reportingHistoryErrors(file) { try history.sweepRuns(of: grid) }
            tellUncounted(strays, sweep: grid.id)
            // A page of nothing but "not run" would replace a good page over a mistyped list:
            // the values (and their order) make the sweep's id, so say so and write nothing.
            guard runs.contains(where: { $0 != nil }) else {
                Console.error("\(file): error: none of the \(count) runs of sweep \(grid.id) is in history; the sweep's page was left as it was\nhint: a sweep is known by the values it tried, in any order: list the same values (nnbook log \(file) --json shows each run's parameters), or fetch the runs: git fetch REMOTE 'refs/nnbook/sweeps/*:refs/nnbook/sweeps/*'")
                throw ExitCode(NNBookExit.notebookFailed)
            }
            let report = sweep.report(runs: runs, outcomes: [], precision: frontMatter.precision)
            try write(report, name: name, folder: notebookFile.folder)
            let missing = runs.filter { $0 == nil }.count
            if missing > 0 {
                Console.error("\(missing) of \(count) runs are not in history: run them (nnbook sweep … --print lists them), or fetch them: git fetch REMOTE 'refs/nnbook/sweeps/*:refs/nnbook/sweeps/*'")
            }
            if report.rows.contains(where: { $0.status != .succeeded }) { throw ExitCode(NNBookExit.notebookFailed) }
            return
        }
        // Every combination is checked before the first one runs: a value that only fails the
        // check in combination with another is found now, not after an hour of runs.
        // Each combination that fails is named, not only the first; combinations that fail at
        // the same places are shown once. The plans of the first `defaultMaxRuns` are kept for
        // their runs (each is tens of kilobytes); a run beyond checks again in its own process.
        if !quiet, count > SweepGrid.defaultMaxRuns { Console.error("checking the \(count) combinations before the first run…") }
        var checked: [(plan: Plan, text: String)?] = []
        var failures: [SweepFailure] = []
        for (index, combination) in sweep.combinations.enumerated() {
            var said = ""
            switch notebookFile.plan(overrides: combination.overrides, memory: memory.limit, registry: registry, report: { said += $0 + "\n" }) {
            case .success(let combinationPlan): checked.append(index < SweepGrid.defaultMaxRuns ? combinationPlan : nil)
            case .failure(let code): SweepFailure.add(combination.label, said: said, code: code, to: &failures)
            }
        }
        if let first = failures.first {
            for failure in failures {
                Console.write(failure.said)
                if failure.labels.count > 1 {
                    Console.error("note: shown for \(failure.labels[0]); \(failure.labels.count - 1) more combination\(failure.labels.count == 2 ? " fails" : "s fail") at the same place\(failure.places.count == 1 ? "" : "s"): \(failure.labels.dropFirst().excerptList(limit: 8, nameLimit: 80, separator: "; "))")
                }
            }
            let labels = failures.flatMap(\.labels)
            let which = labels.count == 1 ? labels[0] : "\(labels.count) of \(count) combinations: " + labels.excerptList(limit: 8, nameLimit: 80, separator: "; ")
            Console.error("the check failed with \(which); nothing was run")
            throw first.code
        }
        if print {
            for combination in sweep.combinations { Swift.print(shellCommand(["nnbook"] + runArguments(combination, sweep: grid.id))) }
            return
        }
        Interruption.install()
        // Opened before the runs: a history that cannot be opened stops the sweep before it
        // starts, and the runs, forked from here, find git's library ready (loading it reads
        // the system's certificates, a few milliseconds a run).
        let history = try NotebookHistoryOptions(file: file).history(creating: true)
        let outcomes = try runAll(sweep, checked: checked)
        let (runs, strays) = try reportingHistoryErrors(file) { try history.sweepRuns(of: grid) }
        tellUncounted(strays, sweep: grid.id)
        let report = sweep.report(runs: runs, outcomes: outcomes, precision: frontMatter.precision)
        let page = try write(report, name: name, folder: notebookFile.folder)
        if !quiet || report.rows.contains(where: { $0.status != .succeeded }) {
            Console.error("wrote \(Console.display(page)): \(report.tally)")
        }
        if Interruption.requested() { throw ExitCode(NNBookExit.interrupted) }
        if report.rows.contains(where: { $0.status != .succeeded }) { throw ExitCode(NNBookExit.notebookFailed) }
    }

    /// Says which runs recorded under the sweep's id were left out of its page, and why.
    private func tellUncounted(_ strays: [(name: String, why: String)], sweep id: String) {
        for (name, why) in strays {
            Console.error("note: run \(name) was recorded with --sweep \(id) but is not counted in the sweep: \(why)")
        }
    }

    /// The arguments of `nnbook run` for one combination: the values, the sweep's id, and the
    /// options that govern how a run behaves.
    private func runArguments(_ combination: SweepGrid.Combination, sweep id: String) -> [String] {
        var arguments = ["run", file] + combination.overrides.flatMap { ["-p", "\($0.name)=\($0.value)"] } + ["--sweep", id]
        if noExpect { arguments.append("--no-expect") }
        arguments += plugins.allowed.flatMap { ["--allow-plugin", $0] }
        if plugins.timeout != PluginSetup.defaultTimeLimit { arguments += ["--plugin-timeout", NumberText.plain(plugins.timeout)] }
        if let gigabytes = memory.gigabytes { arguments += ["--memory-limit", NumberText.plain(gigabytes)] }
        return arguments
    }

    /// Runs every combination, up to `--jobs` at once, printing a line as each ends. Ctrl-C
    /// stops starting runs and passes the interruption on to those running. Each run is a
    /// child forked from this process with its checked plan, exactly what `nnbook run` with
    /// the combination's values would do, but without a process start and a second check
    /// (most of a short run's time); where forking is not safe (this process has started
    /// threads, as describing an external plugin does), each is `nnbook run` as `--print`
    /// prints it.
    private func runAll(_ sweep: Sweep, checked: [(plan: Plan, text: String)?]) throws -> [SweepCollection.Outcome] {
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var outcomes = [SweepCollection.Outcome](repeating: .notStarted, count: sweep.count)
        var running: [(index: Int, child: ChildProcess)] = []
        var next = 0, finished = 0, forwarded = false
        let width = String(sweep.count).count
        if !quiet { Console.error("sweep \(sweep.grid.id): \(sweep.count) run\(sweep.count == 1 ? "" : "s") of \(file), \(min(jobs, sweep.count)) at a time") }
        // Ctrl-Z reaches the sweep alone: it stops its runs, then itself, and continues them
        // when the shell continues it (`fg`, `bg`), as a shell user expects of one job.
        Interruption.catchSuspension()
        defer { Interruption.releaseSuspension() }
        while next < sweep.count || !running.isEmpty {
            if Interruption.suspendRequested() {
                Interruption.suspend(stopping: { ChildProcess.suspend(running.map(\.child)) }, resuming: { running.forEach { $0.child.resume() } })
            }
            let stopping = Interruption.requested()
            if stopping, !forwarded {
                running.forEach { $0.child.interrupt() }
                forwarded = true
            }
            while !stopping, running.count < jobs, next < sweep.count {
                let combination = sweep.combinations[next]
                let errors = scratch.appendingPathComponent("\(next).err")
                do {
                    if ChildProcess.mayFork {
                        let runner = NotebookRunner(
                            file: file, overrides: combination.overrides, plugins: plugins.setup, out: nil, quiet: true, snapshot: true,
                            memory: memory.limit, sweep: sweep.grid.id, enforcesExpectations: !noExpect, checked: checked[next])
                        running.append((next, try ChildProcess.fork(errors: errors) { runner.exitStatus() }))
                    } else {
                        running.append((next, try ChildProcess.spawn(runArguments(combination, sweep: sweep.grid.id) + ["--quiet"], errors: errors)))
                    }
                } catch {
                    outcomes[next] = .lost("could not start nnbook: \(error.localizedDescription)")
                    finished += 1
                }
                next += 1
            }
            if stopping, running.isEmpty { break }
            var still: [(index: Int, child: ChildProcess)] = []
            for entry in running {
                guard let status = entry.child.poll() else {
                    still.append(entry)
                    continue
                }
                finished += 1
                let errors = entry.child.takeErrors()
                let seconds = Date().timeIntervalSince(entry.child.started)
                let ending: String
                switch status {
                case NNBookExit.success: ending = RunStatus.succeeded.rawValue
                case NNBookExit.notebookFailed: ending = RunStatus.failed.rawValue
                case NNBookExit.interrupted: ending = RunStatus.interrupted.rawValue
                default: ending = status > 128 ? "ended by signal \(status - 128)" : "exited with status \(status)"
                }
                outcomes[entry.index] = [NNBookExit.success, NNBookExit.notebookFailed, NNBookExit.interrupted].contains(status)
                    ? .recorded : .lost("nnbook \(ending) without recording the run")
                let counter = String(repeating: " ", count: width - String(finished).count) + String(finished)
                if !quiet || status != NNBookExit.success {
                    Console.error("[\(counter)/\(sweep.count)] \(sweep.combinations[entry.index].label): \(ending) (\(String(format: "%.2f", seconds)) s)")
                }
                let said = errors.trimmingCharacters(in: .whitespacesAndNewlines)
                if status != NNBookExit.success, !said.isEmpty {
                    Console.error(said.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
                }
            }
            running = still
            if !running.isEmpty { usleep(1000) }
        }
        if Interruption.requested(), next < sweep.count {
            Console.error("interrupted: \(sweep.count - next) run\(sweep.count - next == 1 ? "" : "s") not started")
        }
        return outcomes
    }

    /// Where the sweep's page and pictures of the notebook `whole` go, and the pictures'
    /// folder as the page links it. A notebook's name too long for `NAME.sweep.assets` (a file
    /// name holds 255 bytes) is cut, and the SHA-256 of the whole name follows, so that every
    /// notebook a file system takes has its sweep page.
    private func pageLocation(name whole: String, folder notebookFolder: URL) -> (page: URL, assets: URL, assetsName: String) {
        let room = 255 - ".sweep.assets".utf8.count
        var name = Substring(whole)
        if whole.utf8.count > room {
            while name.utf8.count > room - 17 { name = name.dropLast() }
            name += "-" + SHA256.hex(of: Data(whole.utf8)).prefix(16)
        }
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebookFolder
        return (folder.appendingPathComponent("\(name).sweep.md"), folder.appendingPathComponent("\(name).sweep.assets"), "\(name).sweep.assets")
    }

    /// Writes the sweep's page and pictures; returns the page's location.
    @discardableResult
    private func write(_ report: SweepReport, name whole: String, folder notebookFolder: URL) throws -> URL {
        let (pageURL, assetsURL, assetsName) = pageLocation(name: whole, folder: notebookFolder)
        let page = SweepPageRenderer(assetsFolder: assetsName).render(report)
        do {
            try PageWriter().write(page, to: pageURL, assetsURL: assetsURL)
        } catch {
            Console.error("\(pageURL.path): error: cannot write the sweep's page: \(error.localizedDescription)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        return pageURL
    }
}

/// Combinations whose check failed at the same places (the same lines and columns): their
/// diagnostics differ at most in the swept values, so those of the first are shown for all.
private struct SweepFailure {
    /// The `FILE:LINE:COL: error` beginnings of the diagnostics.
    let places: [Substring]
    /// What the check said of the first combination.
    let said: String
    let code: ExitCode
    var labels: [String]

    static func add(_ label: String, said: String, code: ExitCode, to failures: inout [SweepFailure]) {
        let places = said.split(separator: "\n").compactMap { line in line.range(of: ": error:").map { line[..<$0.lowerBound] } }
        if let index = failures.firstIndex(where: { $0.places == places && !places.isEmpty }) {
            failures[index].labels.append(label)
        } else {
            failures.append(SweepFailure(places: places, said: said, code: code, labels: [label]))
        }
    }
}

/// The notebook and the grid of one sweep.
private struct Sweep {
    let file: String
    let notebook: Notebook
    let grid: SweepGrid
    let count: Int
    let combinations: [SweepGrid.Combination]
    /// The notebook as the page's hints name it (`nnbook show PATH RUN`): as the user typed it,
    /// so that the hint works where the sweep was started (`Notebooks/lesson.nnbook` from the
    /// repository's root), but an absolute path by its name when the page lies beside it.
    let shownPath: String

    init(file: String, notebook: Notebook, grid: SweepGrid, count: Int, pageFolder: URL) {
        self.file = file
        self.notebook = notebook
        self.grid = grid
        self.count = count
        combinations = grid.combinations
        let url = URL(fileURLWithPath: file)
        let besidePage = url.deletingLastPathComponent().standardizedFileURL.path == pageFolder.standardizedFileURL.path
        shownPath = shellCommand([file.hasPrefix("/") && besidePage ? url.lastPathComponent : file])
    }

    func report(runs: [SweepRun?], outcomes: [SweepCollection.Outcome], precision: Int) -> SweepReport {
        let swept = Set(grid.axes.map(\.name))
        let defaults = notebook.frontMatter.parameters.filter { !swept.contains($0.name) }.map { ($0.name, $0.defaultValue.text) }
        let name = URL(fileURLWithPath: file).lastPathComponent
        return SweepCollection.report(
            title: notebook.frontMatter.title ?? name, notebook: shownPath, id: grid.id, grid: grid, defaults: defaults, precision: precision,
            runs: runs, outcomes: outcomes)
    }
}

/// `words` as one line a POSIX shell reads back into the same words.
func shellCommand(_ words: [String]) -> String {
    words.map { word in
        let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-./=:,@%+".contains($0)) }
        return plain ? word : quotedForShell(word)
    }.joined(separator: " ")
}

/// `word` in single quotes, except that each control or invisible formatting character (of a
/// file named `$'\e[31m.nnbook'`) is written as `"$(printf '\033')"`: the printed command
/// never sends the character itself to the terminal, and `sh` (dash, which reads no `$'…'`),
/// bash and zsh all read it back. A line break stays itself, since `$(…)` drops a last one.
private func quotedForShell(_ word: String) -> String {
    var quoted = "", literal = ""
    func closeLiteral() {
        if !literal.isEmpty { quoted += "'" + literal.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        literal = ""
    }
    for scalar in word.unicodeScalars {
        guard scalar != "\n", [.control, .format].contains(scalar.properties.generalCategory) else {
            literal.unicodeScalars.append(scalar)
            continue
        }
        closeLiteral()
        quoted += "\"$(printf '" + String(scalar).utf8.map { String(format: "\\%03o", $0) }.joined() + "')\""
    }
    closeLiteral()
    return quoted.isEmpty ? "''" : quoted
}
