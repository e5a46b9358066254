// Reading a notebook file and preparing its plan, shared by `run` and `check`.

import ArgumentParser
import Foundation
import NNBook
import NNCore

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
        plan(overrides: overrides, memory: memory) { notebook in plugins.registry(for: notebook, folder: folder) }
    }

    /// The same, with the plugins given by `registry` (a sweep checks every combination against
    /// one registry, so that each external plugin describes itself once, not once a combination).
    func plan(
        overrides: [(name: String, value: String)], memory: MemoryLimit, registry: (Notebook) -> PluginRegistry
    ) -> Result<(plan: Plan, text: String), ExitCode> {
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                Console.error("\(path): error: the notebook is not UTF-8 text")
                return .failure(ExitCode(NNBookExit.notebookFailed))
            }
            text = decoded
        } catch {
            return .failure(cannotRead())
        }
        switch NotebookPreparation.plan(text: text, path: path, folder: folder, overrides: overrides, memory: memory, registry: registry) {
        case .success(let plan):
            return .success((plan, text))
        case .failure(.notebook(let list, _)):
            let printer = DiagnosticPrinter(path: path, lines: NotebookParser.splitLines(text))
            Console.error(printer.format(list.diagnostics))
            Console.error(summary(list.diagnostics))
            return .failure(ExitCode(NNBookExit.notebookFailed))
        case .failure(.parameters(let list, let notebook)):
            Console.error(DiagnosticPrinter(notebook: notebook).format(list.diagnostics))
            return .failure(ExitCode(NNBookExit.usage))
        }
    }

    /// Says why the file cannot be read (never what it holds) and returns the exit code for it.
    func cannotRead() -> ExitCode {
        Console.error("\(path): error: cannot read the notebook: \(FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")")
        return ExitCode(NNBookExit.notebookFailed)
    }

    private func summary(_ diagnostics: [Diagnostic]) -> String {
        let count = diagnostics.count
        return "\(count) error\(count == 1 ? "" : "s") in \(path); nothing was run"
    }
}

/// `-p name=value` split at the first `=`.
func parseOverrides(_ values: [String]) throws -> [(name: String, value: String)] {
    try values.map { text in
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("-p takes name=value, e.g. -p rate=0.1; got '\(text)'")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }
}
