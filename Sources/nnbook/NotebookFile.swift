// Reading a notebook file and preparing its plan, shared by `run` and `check`.

import ArgumentParser
import Foundation
import NNBook
import NNCore
import NNData

/// A notebook on disk, read and prepared, or the exit code and messages of why not.
struct NotebookFile {
    let path: String
    let url: URL

    init(path: String) {
        self.path = path
        url = URL(fileURLWithPath: path)
    }

    var folder: URL { url.deletingLastPathComponent() }

    /// The checked plan (for a run under `memory`) and the text it came from; on failure the
    /// diagnostics are printed and the exit code returned.
    func plan(overrides: [(name: String, value: String)], plugins: PluginSetup, memory: MemoryLimit) -> Result<(plan: Plan, text: String), ExitCode> {
        plan(overrides: overrides, memory: memory) { notebook in plugins.registry(checking: notebook, folder: folder) }
    }

    /// The same, with the plugins given by `registry` (a sweep checks every combination against
    /// one registry, so that each external plugin describes itself once, not once a combination),
    /// and the notebook's diagnostics given to `report` (a sweep gathers those of combinations
    /// that fail alike).
    func plan(
        overrides: [(name: String, value: String)], memory: MemoryLimit, registry: (Notebook) -> PluginRegistry,
        report: (String) -> Void = { Console.error($0) }
    ) -> Result<(plan: Plan, text: String), ExitCode> {
        if let refusal = notANotebook() { return .failure(refusal) }
        let text: String
        do {
            guard let decoded = String(data: try contents(memory: memory), encoding: .utf8) else {
                Console.error("\(path): error: the notebook is not UTF-8 text")
                return .failure(ExitCode(NNBookExit.notebookFailed))
            }
            text = decoded
        } catch {
            return .failure(cannotRead(error))
        }
        let prepared = NotebookPreparation.plan(text: text, path: path, folder: folder, overrides: overrides, memory: memory, registry: registry)
        // Ctrl-C while a plugin described itself or checked a line: the errors it caused are not
        // the notebook's, and nothing runs. (A check that passed goes on to the run, which
        // stops before its first command and is recorded as interrupted.)
        if case .failure = prepared, Interruption.requested() {
            Console.error("\(path): interrupted before the run began; nothing was run or recorded")
            return .failure(ExitCode(NNBookExit.interrupted))
        }
        switch prepared {
        case .success(let plan):
            return .success((plan, text))
        case .failure(.notebook(let list, _)):
            let printer = DiagnosticPrinter(path: path, lines: NotebookParser.splitLines(text))
            report(printer.format(list.diagnostics))
            report(summary(list.diagnostics))
            return .failure(ExitCode(NNBookExit.notebookFailed))
        case .failure(.parameters(let list, let notebook)):
            report(DiagnosticPrinter(notebook: notebook).format(list.diagnostics))
            return .failure(ExitCode(NNBookExit.usage))
        }
    }

    /// Prints what the check noticed without stopping the notebook (``Plan/notes``), each as
    /// `file:line:col: note:` with its line, caret and hint; the exit status stays the check's.
    func printNotes(of plan: Plan, text: String) {
        guard !plan.notes.isEmpty else { return }
        Console.error(DiagnosticPrinter(path: path, lines: NotebookParser.splitLines(text)).format(plan.notes, as: "note"))
    }

    /// The notebook's bytes, read as a data file is: only from a regular file, so that a pipe
    /// or a device named as the notebook (`nnbook run /dev/zero`) is refused saying what it is,
    /// and only when it fits in `memory`, so that a huge file is refused before it is read.
    func contents(memory: MemoryLimit = .unlimited) throws(DataError) -> Data {
        try DataFile.contents(of: url, path: path, memory: memory)
    }

    /// Says why the file cannot be read (never what it holds) and returns the exit code for it:
    /// a path that names no readable notebook is a mistake in the command line, as in `python3`.
    func cannotRead(_ error: DataError) -> ExitCode {
        let reason = error.message.replacingOccurrences(of: "cannot read the file", with: "cannot read the notebook")
        Console.error("\(path): error: \(reason)" + (error.hint.map { "\nhint: \($0)" } ?? ""))
        return ExitCode(NNBookExit.usage)
    }

    /// A file named with another extension than `.nnbook` is refused before it is read: a CSV
    /// file or a page given by mistake would otherwise read as a notebook of prose, and `run`
    /// would write a page beside it. A name without an extension is taken, as a script's is.
    func notANotebook() -> ExitCode? {
        guard !url.pathExtension.isEmpty, url.pathExtension != "nnbook" else { return nil }
        let name = url.lastPathComponent.excerpt()
        let kind = url.pathExtension.lowercased()
        let hint: String
        if let format = ["csv": "csv", "npy": "npy", "npz": "npz", "idx": "idx", "gz": "idx"][kind] {
            hint = "a data file is read by a notebook's `load` command, e.g. load \(format) \"\(name)\" as NAME"
        } else if kind == "md" || kind == "html" || kind == "ipynb" {
            hint = "\(name) may be a page nnbook wrote; it runs the notebook it came from, \(url.deletingPathExtension().lastPathComponent.excerpt()).nnbook"
        } else {
            hint = "a notebook is a Markdown file whose name ends in .nnbook, with its commands in ```nnbook cells"
        }
        Console.error("\(path): error: not a notebook: nnbook reads .nnbook files\nhint: \(hint)")
        return ExitCode(NNBookExit.usage)
    }

    private func summary(_ diagnostics: [Diagnostic]) -> String {
        let count = diagnostics.count
        return "\(count) error\(count == 1 ? "" : "s") in \(path); nothing was run"
    }
}

/// `-p name=value` split at the first `=`.
func parseOverrides(_ values: [String]) throws -> [(name: String, value: String)] {
    try values.map { text in
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ValidationError("-p takes NAME=VALUE, e.g. -p rate=0.1, not '\(text.excerpt())'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
