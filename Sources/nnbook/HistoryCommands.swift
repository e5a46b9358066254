// `nnbook log`, `nnbook show` and `nnbook diff`: reading a notebook's recorded runs.

import ArgumentParser
import Foundation
import NNBookHistory
import NNBookRender
import NNData

/// The notebook argument shared by the history commands, and opening its history.
struct NotebookHistoryOptions: ParsableArguments {
    @Argument(help: "The notebook whose runs to read.")
    var file: String

    init() {}

    init(file: String) { self.file = file }

    /// The notebook's history; an error when it has none, unless `creating` it (a sweep about to
    /// record its runs, outside any repository, makes `.nnbook-history/` as a run does).
    func history(creating: Bool = false) throws -> RunHistory {
        if let refusal = NotebookFile(path: file).notANotebook() { throw refusal }
        guard FileManager.default.fileExists(atPath: file) else {
            Console.error("\(file): error: there is no notebook \(file)\nhint: the history commands take the notebook first: nnbook log FILE, nnbook show FILE [RUN], nnbook diff FILE [RUN_A [RUN_B]]")
            throw ExitCode(NNBookExit.usage)
        }
        do {
            guard let history = try RunHistory.forNotebook(at: URL(fileURLWithPath: file), create: creating) else {
                throw HistoryError.noRuns(notebook: file)
            }
            return history
        } catch let error as HistoryError {
            Console.error("\(file): error: \(error)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
    }
}

/// Runs a history operation, turning a history error into a message and exit code 1.
func reportingHistoryErrors<T>(_ file: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as HistoryError {
        Console.error("\(file): error: \(error)")
        // A RUN that names no run is a mistake on the command line, as an unknown --metric is.
        if case .unknownRun = error { throw ExitCode(NNBookExit.usage) }
        throw ExitCode(NNBookExit.notebookFailed)
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
var useColour: Bool {
    isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

struct LogRuns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List a notebook's recorded runs, newest first.")

    @OptionGroup var notebook: NotebookHistoryOptions

    @Flag(help: "Print JSON for tools: typed parameters, metrics by cell label and command (see the README).")
    var json = false

    @Flag(help: "Print the runs as a table of parameters and final metrics by cell label and command.")
    var table = false

    @Option(help: ArgumentHelp(
        "The metric to show per run instead of accuracy and loss: a key as --table heads it (test/evaluate/net/images.test/accuracy) or its end (images.test/accuracy, accuracy); with --table, only the metric columns it names.",
        valueName: "name"))
    var metric: String?

    func validate() throws {
        if json && table { throw ValidationError("--json and --table do not go together") }
        if json && metric != nil { throw ValidationError("--metric chooses what log and log --table show; --json has every metric") }
    }

    func run() throws {
        let history = try notebook.history()
        let listing = try reportingHistoryErrors(notebook.file) { try history.listing() }
        let runs = listing.runs
        for run in listing.unreadable {
            Console.error("\(notebook.file): note: \(run.title) cannot be read: \(run.why); it is listed as \(HistoryText.unreadableStatus)")
        }
        // A metric no run recorded is a mistake on the command line, like an unknown parameter
        // in `-p`: exit 2, with the names it could have been.
        if let metric, !runs.isEmpty, runs.allSatisfy({ $0.record.values(matching: metric).isEmpty }) {
            Console.error("\(notebook.file): error: \(HistoryError.unknownMetric(metric, available: RunRecord.metricColumns(of: runs.map(\.record))))")
            throw ExitCode(NNBookExit.usage)
        }
        let text = HistoryText(colour: false)
        let unreadable = listing.unreadable
        print(
            json ? try text.logJSON(runs, unreadable: unreadable)
                : table ? text.logTable(runs, unreadable: unreadable, notebook: notebook.file, metric: metric)
                : text.log(runs, unreadable: unreadable, notebook: notebook.file, metric: metric),
            terminator: "")
    }
}

struct ShowRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the rendered page (or another file) of a recorded run.",
        discussion: "RUN is a run number, an id, or last, last~1, …; the default is last.")

    @OptionGroup var notebook: NotebookHistoryOptions

    @Argument(help: "The run to show.")
    var runName: String = "last"

    @Option(help: ArgumentHelp("The file of the run: notebook.md, notebook.nnbook, metrics.json, run.json, assets/…", valueName: "name"))
    var file: String = "notebook.md"

    func run() throws {
        let history = try notebook.history()
        let data = try reportingHistoryErrors(notebook.file) { try history.file(file, of: try history.run(runName)) }
        // A run's files may come from someone else's clone: on a terminal, control characters
        // are shown as escapes; to a pipe or a file, the bytes go as recorded.
        if isatty(STDOUT_FILENO) == 1 {
            print(String(decoding: data, as: UTF8.self).visible(keepingNewlines: true), terminator: "")
        } else {
            StandardStream.write(data, to: StandardStream.output)
        }
    }
}

struct DiffRuns: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two runs: parameters, metrics, source and output.",
        discussion: "With no runs named, compares the last two; with one, compares it with the last.")

    @OptionGroup var notebook: NotebookHistoryOptions

    @Argument(help: "The earlier run (default last~1).")
    var before: String?

    @Argument(help: "The later run (default last).")
    var after: String?

    @Flag(help: "Print JSON for tools.")
    var json = false

    @Flag(help: "Only the parameters and metrics.")
    var metricsOnly = false

    func run() throws {
        let history = try notebook.history()
        let text = try reportingHistoryErrors(notebook.file) { () throws -> String in
            let runs = try history.listing().entries
            // Two runs named may be a sweep's, fetched from another clone, with none on the chain.
            if runs.isEmpty, before == nil || after == nil { throw HistoryError.noRuns(notebook: notebook.file) }
            guard runs.count >= 2 || (before != nil && after != nil) else {
                throw HistoryError.unknownRun(before ?? "last~1", available: runs.count)
            }
            let comparison = try RunComparison(
                history: history, before: try history.run(before ?? "last~1"), after: try history.run(after ?? "last"))
            let formatter = HistoryText(colour: !json && useColour)
            return json ? try formatter.diffJSON(comparison, metricsOnly: metricsOnly) : formatter.diff(comparison, metricsOnly: metricsOnly)
        }
        print(text, terminator: "")
    }
}
