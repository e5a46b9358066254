// `nnbook run FILE`: check, run, render the page beside the notebook.

import ArgumentParser
import Foundation
import NNBook
import NNBookHistory
import NNBookRender

struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check and run a notebook, and render it with every cell's output to Markdown.",
        discussion: """
            Writes NAME.md (and NAME.assets/ for pictures) beside the notebook, or in --out.
            Nothing runs when the check finds an error. A failing cell stops the run; the page
            is still written, with the error at that cell, and the exit code is 1.
            """)

    @Argument(help: "The notebook to run.")
    var file: String

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a parameter declared in the front matter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Write the page into this folder instead of beside the notebook.", valueName: "dir"))
    var out: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Do not record the run in history.")
    var noSnapshot = false

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let overrides = try parseOverrides(parameters)
        let notebookFile = NotebookFile(path: file)
        let plan: Plan, source: String
        switch notebookFile.plan(overrides: overrides, plugins: plugins.setup) {
        case .success(let checked): (plan, source) = checked
        case .failure(let code): throw code
        }
        let started = Date()
        let progress = quiet ? nil : ProgressPrinter()
        let state = RunState(
            folder: notebookFile.folder, seed: plan.notebook.frontMatter.seed,
            precision: plan.notebook.frontMatter.precision, observer: progress)
        var interpreter = Interpreter()
        if let progress {
            interpreter.cellWillRun = progress.cellWillRun
            interpreter.cellDidRun = progress.cellDidRun
        }
        let result = interpreter.run(plan, state: state)

        let name = notebookFile.url.deletingPathExtension().lastPathComponent
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebookFile.folder
        let pageURL = folder.appendingPathComponent(name + ".md")
        let page = MarkdownRenderer(assetsFolder: name + ".assets").render(result)
        do {
            try PageWriter().write(page, to: pageURL, assetsURL: folder.appendingPathComponent(name + ".assets"))
        } catch {
            Console.error("\(pageURL.path): error: cannot write the page: \(error.localizedDescription)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        let seconds = Date().timeIntervalSince(started)
        if !noSnapshot {
            do {
                try record(result, page: page, source: source, started: started, seconds: seconds, name: name, notebook: notebookFile.url)
            } catch {
                Console.error("\(file): error: \(error)")
                throw ExitCode(NNBookExit.notebookFailed)
            }
        }
        if let failure = result.failure {
            Console.error(DiagnosticPrinter(notebook: plan.notebook).format(failure.diagnostic))
            Console.error("the run stopped in cell \(failure.cell.number); the page with the outputs so far is \(pageURL.relativePath)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        if !quiet { Console.error("wrote \(pageURL.relativePath)") }
    }

    /// Commits the run to the notebook's history.
    private func record(_ result: RunResult, page: RenderedPage, source: String, started: Date, seconds: Double, name: String, notebook: URL) throws {
        guard let history = try RunHistory.forNotebook(at: notebook, create: true) else { return }
        let record = RunRecord(result: result, notebookPath: history.notebookPath, version: NNBookCLI.version, started: started, seconds: seconds)
        let snapshot = RunSnapshot(
            notebookName: name, source: source, page: page.markdown,
            assets: Dictionary(page.assets.map { ($0.name, $0.contents) }, uniquingKeysWith: { a, _ in a }), record: record)
        let id = try history.record(snapshot, time: started)
        if !quiet { Console.error("recorded run \(id.short) on \(history.referenceName)") }
    }
}
