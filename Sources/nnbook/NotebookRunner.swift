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
    /// The file `nnbook render --run` exports to once the run is done: an interrupted run
    /// leaves it as it was, as it leaves the page, and says so.
    var export: URL? = nil

    struct Outcome {
        let result: RunResult
        let page: Page
        let pageURL: URL
        /// Whether a stop was asked for: during the run (`result` says interrupted), or while the
        /// finished run was saved (its page written and the run recorded all the same).
        let interrupted: Bool
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
        if let checked {
            (plan, source) = checked
        } else {
            switch notebookFile.plan(overrides: overrides, plugins: plugins, memory: memory) {
            case .success(let checked): (plan, source) = checked
            case .failure(let code): throw code
            }
            notebookFile.printNotes(of: plan, text: source)
        }
        if sweep == nil { try NotebookRunner.checkReplaceable(pageURL, format: .markdown, file: file) }
        if let export { try NotebookRunner.checkReplaceable(export, format: export.pathExtension == "ipynb" ? .jupyter : .html, file: file) }
        if snapshot { try NotebookRunner.checkRecordable(notebookFile.url, file: file) }
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
        // one. A page that cannot be written fails the run, which is still recorded, with why.
        let rendered = result.status != .interrupted && sweep == nil ? MarkdownRenderer.render(page) : nil
        var pageError: PageWriteError?
        var recorded = true
        var recordedRun: String?
        Interruption.saving {
            if let rendered {
                // A stop asked for after the last command, while the page was drawn, stops the
                // run before its page replaces the last one: `timeout` and Ctrl-C are never ignored.
                if Interruption.requested() {
                    result = RunResult(notebook: result.notebook, parameters: result.parameters, cells: result.cells, status: .interrupted)
                    page = Page(run: result, assetsFolder: name + ".assets")
                } else {
                    do throws(PageWriteError) {
                        try PageWriter().write(rendered, to: pageURL, assetsURL: folder.appendingPathComponent(name + ".assets"))
                    } catch {
                        pageError = error
                    }
                }
            }
            guard snapshot else { return }
            do {
                let seconds = Date().timeIntervalSince(started)
                let pageFailure = pageError.map { "cannot write the page: \($0)" }
                if let recording = try NotebookRunner.record(result, page: page, source: source, started: started, seconds: seconds, name: name, notebook: notebookFile.url, sweep: sweep, pageFailure: pageFailure) {
                    recordedRun = recording.run
                    if !quiet { Console.error(recording.message) }
                }
            } catch {
                Console.error("\(file): error: \(NotebookRunner.describe(recordFailure: error))")
                recorded = false
            }
        }
        // A stop asked for while the finished run was saved: saving went to its end, and the
        // command still ends as interrupted, saying what it left.
        let stoppedWhileSaving = result.status != .interrupted && Interruption.requested()
        if let pageError {
            Console.error("\(Console.display(pageURL)): error: cannot write the page: \(pageError)" + (snapshot && recorded ? "; the run is recorded in history as failed" : ""))
        }
        if stoppedWhileSaving {
            let saved = (rendered != nil && pageError == nil ? ["\(Console.display(pageURL)) is written"] : []) + (recordedRun.map { ["the run is recorded in history as \($0)"] } ?? [])
            Console.error("interrupted once the run had finished" + (saved.isEmpty ? "" : ": " + saved.joined(separator: " and ")) + (export.map { "; \(Console.display($0)) was left as it was" } ?? ""))
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
            let kept = sweep == nil ? [pageURL] + (export.map { [$0] } ?? []) : []
            let left = kept.isEmpty ? "no page was written"
                : kept.map(Console.display).joined(separator: " and ") + (kept.count == 1 ? " was left as it was" : " were left as they were")
            Console.error("interrupted \(place); \(left)" + (snapshot ? "; the partial run is recorded in history" : ""))
        } else if let failure = result.failure {
            Console.error(DiagnosticPrinter(notebook: plan.notebook).format(failure.diagnostic))
            Console.error("the run stopped in cell \(failure.cell.number); " + (sweep == nil
                ? "the page with the outputs so far is \(Console.display(pageURL))"
                : "its page is in history: nnbook show \(file)" + (recordedRun.map { " \($0)" } ?? "")))
        } else if !quiet, sweep == nil, !stoppedWhileSaving {
            Console.error("wrote \(Console.display(pageURL))")
        }
        return Outcome(result: result, page: page, pageURL: pageURL, interrupted: result.status == .interrupted || stoppedWhileSaving)
    }

    /// Why a run could not be recorded, in words: history's own errors say what to do, and
    /// anything else is a page that could not be stored as JSON.
    static func describe(recordFailure error: any Error) -> String {
        (error as? HistoryError)?.description ?? "cannot record the run: its page could not be stored: \(StoredDataProblem.describe(error))"
    }

    /// Refuses the run before its cells when its history is there but could not take the run
    /// (not a repository, a reference in the way), so that no training is spent on a run that
    /// would not be recorded.
    static func checkRecordable(_ notebook: URL, file: String) throws {
        do {
            try RunHistory.forNotebook(at: notebook, create: false)?.checkRecordable()
        } catch {
            Console.error("\(file): error: \(describe(recordFailure: error)); nothing was run")
            throw ExitCode(NNBookExit.notebookFailed)
        }
    }

    /// Refuses, before anything runs, to go on when `url` (the page or export a notebook's name
    /// gives) is a file nnbook did not write: a user's own `README.md` is never replaced by a
    /// `README.nnbook`'s page. `nothing` says what the refusal spared ("nothing was run").
    static func checkReplaceable(_ url: URL, format: PageOwnership.Format, file: String, nothing: String = "nothing was run") throws {
        guard let refusal = PageOwnership.refusal(at: url, format: format) else { return }
        Console.error("\(file): error: \(Console.display(url)) is in the way: \(refusal); \(nothing)\nhint: move \(url.lastPathComponent.visible()) away (rename it), or write elsewhere with --out DIR")
        throw ExitCode(NNBookExit.notebookFailed)
    }

    /// Runs as `nnbook run` does and returns its exit status: 0, 1 when the check or the run
    /// failed, 2 for a mistaken override, 130 when interrupted.
    func exitStatus() -> Int32 {
        do {
            let outcome = try run()
            if outcome.interrupted { return NNBookExit.interrupted }
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
        _ result: RunResult, page: Page, source: String, started: Date, seconds: Double, name: String, notebook: URL, sweep: String? = nil,
        pageFailure: String? = nil
    ) throws -> (run: String, message: String)? {
        guard let history = try RunHistory.forNotebook(at: notebook, create: true) else { return nil }
        let record = RunRecord(
            result: result, notebookPath: history.notebookPath, version: NNBookCLI.version, started: started, seconds: seconds, sweep: sweep,
            pageFailure: pageFailure)
        let markdown = MarkdownRenderer.render(page)
        let snapshot = RunSnapshot(
            notebookName: name, source: source, page: markdown.markdown, assets: page.pictures, record: record,
            pageData: try PageFile.json(page))
        let id = try history.record(snapshot, time: started)
        if let sweep { try history.markSweepRun(id, sweep: sweep) }
        return (id.short, "recorded run \(id.short) on \(history.referenceName)")
    }
}
