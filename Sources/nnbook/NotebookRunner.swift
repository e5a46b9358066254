// Running a notebook from the command line: check, run with progress, write the page, record
// the run — shared by `nnbook run` and `nnbook render --run`.

import ArgumentParser
import Foundation
import NNBook
import NNBookHistory
import NNCore
import NNBookRender

/// One run of a notebook file and what it produced.
struct NotebookRunner {
    let file: String
    let overrides: [(name: String, value: String)]
    let plugins: PluginSetup
    let out: String?
    let quiet: Bool
    let snapshot: Bool
    let memory: MemoryLimit
    /// The sweep this run belongs to: its page is not written (the sweep's page compares the
    /// runs, and each run's page is in history), so one combination's page never stands beside
    /// the notebook as if it were the lesson's.
    var sweep: String? = nil
    /// Whether a failed `expect` stops the run (`--no-expect` turns it into a ✗ in the page).
    var enforcesExpectations = true
    /// The plan and text, when the caller has already checked the notebook with these
    /// overrides (a sweep checks every combination before the first run).
    var checked: (plan: Plan, text: String)? = nil

    struct Outcome {
        let result: RunResult
        let page: Page
        let pageURL: URL
    }

    /// Checks and runs the notebook, writes its page and records the run. Throws the exit code
    /// when the check fails or the page cannot be written; a failed run is returned, with its
    /// error already printed.
    func run() throws -> Outcome {
        let notebookFile = NotebookFile(path: file)
        if let refusal = notebookFile.notANotebook() { throw refusal }
        let name = notebookFile.url.deletingPathExtension().lastPathComponent
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebookFile.folder
        let pageURL = folder.appendingPathComponent(name + ".md")
        if pageURL.standardizedFileURL.resolvingSymlinksInPath() == notebookFile.url.standardizedFileURL.resolvingSymlinksInPath() {
            Console.error("\(file): error: the page would be written over the notebook itself, \(Console.display(pageURL))\nhint: name the notebook \(name).nnbook, or write the page elsewhere with --out DIR")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        let plan: Plan, source: String
        switch checked.map(Result.success) ?? notebookFile.plan(overrides: overrides, plugins: plugins, memory: memory) {
        case .success(let checked): (plan, source) = checked
        case .failure(let code): throw code
        }
        let started = Date()
        let progress = quiet ? nil : ProgressPrinter.standardError()
        let state = RunState(
            folder: notebookFile.folder, seed: plan.notebook.frontMatter.seed,
            precision: plan.notebook.frontMatter.precision, observer: progress, shouldStop: Interruption.requested, memory: memory,
            enforcesExpectations: enforcesExpectations)
        var interpreter = Interpreter()
        if let progress {
            interpreter.cellWillRun = progress.cellWillRun
            interpreter.cellDidRun = progress.cellDidRun
        }
        var result = interpreter.run(plan, state: state)

        var page = Page(run: result, assetsFolder: name + ".assets")
        // An interrupted run leaves the last complete page as it was; history keeps the partial
        // one. A page that cannot be written does not stop the run from being recorded.
        var pageError: PageWriteError?
        if result.status != .interrupted, sweep == nil {
            let rendered = MarkdownRenderer.render(page)
            // A stop asked for after the last command, while the page was drawn, stops the run
            // before its page replaces the last one: `timeout` and Ctrl-C are never ignored.
            if Interruption.requested() {
                result = RunResult(notebook: result.notebook, parameters: result.parameters, cells: result.cells, status: .interrupted)
                page = Page(run: result, assetsFolder: name + ".assets")
            } else {
                do {
                    try PageWriter().write(rendered, to: pageURL, assetsURL: folder.appendingPathComponent(name + ".assets"))
                } catch {
                    pageError = error
                }
            }
        }
        var recorded = true
        var recordedRun: String?
        if snapshot {
            do {
                if let recording = try NotebookRunner.record(result, page: page, source: source, started: started, seconds: Date().timeIntervalSince(started), name: name, notebook: notebookFile.url, sweep: sweep) {
                    recordedRun = recording.run
                    if !quiet { Console.error(recording.message) }
                }
            } catch {
                Console.error("\(file): error: \(NotebookRunner.describe(recordFailure: error))")
                recorded = false
            }
        }
        if let pageError {
            Console.error("\(Console.display(pageURL)): error: cannot write the page: \(pageError)" + (snapshot && recorded ? "; the run is recorded in history" : ""))
        }
        guard recorded, pageError == nil else { throw ExitCode(NNBookExit.notebookFailed) }
        if result.status == .interrupted {
            let place: String
            if let failure = result.failure {
                Console.error(DiagnosticPrinter(notebook: plan.notebook).format(failure.diagnostic))
                place = "in cell \(failure.cell.number)"
            } else {
                place = "after the last cell, while the page was drawn"
            }
            Console.error("interrupted \(place); " + (sweep == nil ? "\(Console.display(pageURL)) was left as it was" : "no page was written") + (snapshot ? "; the partial run is recorded in history" : ""))
        } else if let failure = result.failure {
            Console.error(DiagnosticPrinter(notebook: plan.notebook).format(failure.diagnostic))
            Console.error("the run stopped in cell \(failure.cell.number); " + (sweep == nil
                ? "the page with the outputs so far is \(Console.display(pageURL))"
                : "its page is in history: nnbook show \(file)" + (recordedRun.map { " \($0)" } ?? "")))
        } else if !quiet, sweep == nil {
            Console.error("wrote \(Console.display(pageURL))")
        }
        return Outcome(result: result, page: page, pageURL: pageURL)
    }

    /// Why a run could not be recorded, in words: history's own errors say what to do, and
    /// anything else is a page that could not be stored as JSON.
    static func describe(recordFailure error: any Error) -> String {
        (error as? HistoryError)?.description ?? "cannot record the run: its page could not be stored: \(StoredDataProblem.describe(error))"
    }

    /// Runs as `nnbook run` does and returns its exit status: 0, 1 when the check or the run
    /// failed, 2 for a mistaken override, 130 when interrupted.
    func exitStatus() -> Int32 {
        do {
            let outcome = try run()
            if outcome.result.status == .interrupted { return NNBookExit.interrupted }
            return outcome.result.failure == nil ? NNBookExit.success : NNBookExit.notebookFailed
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            Console.error("\(file): error: \(error)")
            return NNBookExit.notebookFailed
        }
    }

    /// Commits the run to the notebook's history (as one of `sweep`'s runs, when given), and
    /// returns the run's short id, which names it for `nnbook show` even while a sweep's other
    /// runs are recorded beside it, and the line that says where (nil when there is no history).
    static func record(
        _ result: RunResult, page: Page, source: String, started: Date, seconds: Double, name: String, notebook: URL, sweep: String? = nil
    ) throws -> (run: String, message: String)? {
        guard let history = try RunHistory.forNotebook(at: notebook, create: true) else { return nil }
        let record = RunRecord(result: result, notebookPath: history.notebookPath, version: NNBookCLI.version, started: started, seconds: seconds, sweep: sweep)
        let markdown = MarkdownRenderer.render(page)
        let snapshot = RunSnapshot(
            notebookName: name, source: source, page: markdown.markdown, assets: page.pictures, record: record,
            pageData: try PageFile.json(page))
        let id = try history.record(snapshot, time: started)
        if let sweep { try history.markSweepRun(id, sweep: sweep) }
        return (id.short, "recorded run \(id.short) on \(history.referenceName)")
    }
}
