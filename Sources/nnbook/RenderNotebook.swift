// `nnbook render FILE [RUN] --to html|ipynb`: a self-contained HTML page or a Jupyter notebook of
// a recorded run (the latest successful one unless RUN names another), or of a fresh one with --run.

import ArgumentParser
import Foundation
import NNBook
import NNBookHistory
import NNBookRender

struct RenderNotebook: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, ipynb

        /// What the file is, for a learner choosing one.
        var summary: String {
            switch self {
            case .html: "one self-contained web page"
            case .ipynb: "a Jupyter notebook"
            }
        }
    }

    /// What to say when the command line does not name the format as `--to` does: given as
    /// other tools give it (`--format ipynb`, pandoc's `-t ipynb`), not given, or not one of the
    /// formats (`--to md`, the page `nnbook run` writes). Nil for any other mistake, which the
    /// parser tells.
    static func formatMistake(in arguments: [String]) -> String? {
        guard arguments.first == "render" else { return nil }
        let formats = Format.allCases.map { "--to \($0.rawValue) (\($0.summary))" }.joined(separator: " or ")
        func value(of names: [String]) -> (name: String, value: String?)? {
            for (index, argument) in arguments.enumerated() {
                if names.contains(argument) { return (argument, index + 1 < arguments.count ? arguments[index + 1] : nil) }
                if let name = names.first(where: { argument.hasPrefix($0 + "=") }) { return (name, String(argument.dropFirst(name.count + 1))) }
            }
            return nil
        }
        if let given = value(of: ["--to"]) {
            guard let written = given.value, Format(rawValue: written) == nil else { return nil }
            let markdown = ["md", "markdown"].contains(written.lowercased())
                ? "; the Markdown page is the one `nnbook run` writes (NAME.md)" : ""
            return "nnbook render exports \(formats), not '\(written)'\(markdown)"
        }
        if let other = value(of: ["--format", "-t", "-f"]) {
            let meant = other.value.flatMap { Format(rawValue: $0.lowercased()) }
            return "nnbook render names the format with --to, as jupyter nbconvert does, not with \(other.name): "
                + (meant.map { "write --to \($0.rawValue)" } ?? "write \(formats)")
        }
        return "say which format to export: \(formats)"
    }

    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Export a run as one self-contained HTML page or as a Jupyter notebook.",
        discussion: "Uses the latest successful run in history, or the run RUN names (a number, an id, or last, last~1, …); --run runs the notebook first (and records that run) and exits as run does: 1 when that run failed (its export, with the error, is still written), 130 when it was interrupted (nothing is written).")

    @Argument(help: "The notebook.")
    var file: String

    @Argument(help: "The recorded run to export (default: the latest successful one).")
    var runName: String?

    @Option(help: "html or ipynb.")
    var to: Format

    @Flag(name: .customLong("run"), help: "Run the notebook now instead of using its latest recorded run.")
    var runFirst = false

    @Option(name: .customShort("p"), help: ArgumentHelp("With --run: override a parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Write the file into this folder instead of beside the notebook.", valueName: "dir"))
    var out: String?

    @Flag(help: "With --run: do not stop at a failed expect; show it as ✗.")
    var noExpect = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        if runFirst, let runName { throw ValidationError("--run exports a fresh run, so it takes no RUN ('\(runName)')") }
        // A recorded run keeps the parameters it ran with: a -p would be ignored without a word.
        if !runFirst, let first = parameters.first {
            throw ValidationError("-p \(first) applies to a fresh run: add --run to run the notebook with it and export that run (a recorded run keeps the parameters it ran with; `nnbook log` lists them)")
        }
        if !runFirst, noExpect { throw ValidationError("--no-expect applies to a fresh run: add --run, or leave it out to export a recorded run") }
    }

    func run() throws {
        Interruption.install()
        let notebook = URL(fileURLWithPath: file)
        let name = notebook.deletingPathExtension().lastPathComponent
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebook.deletingLastPathComponent()
        let target = folder.appendingPathComponent("\(name).\(to.rawValue)")
        let format: PageOwnership.Format = to == .html ? .html : .jupyter
        let page: Page, source: String
        // A fresh run ends as `nnbook run` ends: interrupted, nothing is exported (exit 130);
        // failed, its export shows the error and the exit code is 1.
        var failed = false
        if runFirst {
            let runner = NotebookRunner(
                file: file, overrides: try parseOverrides(parameters), plugins: plugins.setup, out: out, quiet: quiet, snapshot: true, memory: memory.limit,
                enforcesExpectations: !noExpect, export: target)
            let outcome = try runner.run()
            if outcome.interrupted { throw ExitCode(NNBookExit.interrupted) }
            failed = outcome.result.failure != nil
            page = outcome.page
            source = "a fresh run"
        } else {
            let history = try NotebookHistoryOptions(file: file).history()
            (page, source) = try reportingHistoryErrors(file) { () throws -> (Page, String) in
                let run = try runName.map { spec throws(HistoryError) in try history.run(spec) } ?? history.latestSuccessful()
                let data = try history.file("page.json", of: run)
                let said = runName == nil ? "run \(run.number), the latest successful one" : "run \(run.number) (\(run.record.status.rawValue))"
                do {
                    return (try PageFile.read(data) { try history.file("assets/" + $0, of: run) }, said)
                } catch let error as PageFile.ReadError {
                    throw HistoryError.unreadable("run \(run.number): \(error)")
                }
            }
        }
        let text = to == .html ? HTMLRenderer.document(page) : try JupyterRenderer.ipynb(page)
        // Ctrl-C or `timeout` while the export was drawn: the file is not replaced.
        if Interruption.requested() {
            Console.error("interrupted while \(Console.display(target)) was drawn; it was left as it was")
            throw ExitCode(NNBookExit.interrupted)
        }
        // A fresh run checked before its first cell; checked again, as the file may have come since.
        try NotebookRunner.checkReplaceable(target, format: format, file: file, nothing: runFirst ? "it was left as it was (the run is written and recorded)" : "nothing was exported")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .atomic)
        } catch {
            Console.error("\(target.path): error: cannot write: \(error.localizedDescription)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        if Interruption.requested() {
            Console.error("interrupted once \(Console.display(target)) was written, from \(source)")
            throw ExitCode(NNBookExit.interrupted)
        }
        if !quiet { Console.error("wrote \(Console.display(target)) from \(source)") }
        if failed { throw ExitCode(NNBookExit.notebookFailed) }
    }
}
