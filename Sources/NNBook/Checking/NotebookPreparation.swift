// From text to a runnable plan: parse, bind parameters, check — the steps `check` and `run` share.

import Foundation
import NNCore

/// Prepares a notebook's text for running, collecting every problem along the way.
public enum NotebookPreparation {
    /// Where preparation stopped.
    public enum Failure: Error {
        /// The notebook itself has problems (syntax, unknown commands, …).
        case notebook(DiagnosticList, Notebook?)
        /// A `-p` override names an unknown parameter or has the wrong type: a usage error.
        case parameters(DiagnosticList, Notebook)
    }

    /// Parses `text`, binds `overrides`, and checks the notebook against `registry` for a run
    /// under `memory`. `folder` is where relative paths are read from.
    public static func plan(
        text: String, path: String, folder: URL, overrides: [(name: String, value: String)], registry: PluginRegistry,
        memory: MemoryLimit = .standard
    ) -> Result<Plan, Failure> {
        plan(text: text, path: path, folder: folder, overrides: overrides, memory: memory) { _ in registry }
    }

    /// The same, with the registry made for the parsed notebook (whose front matter may name
    /// folders of external plugins).
    public static func plan(
        text: String, path: String, folder: URL, overrides: [(name: String, value: String)], memory: MemoryLimit = .standard,
        registry makeRegistry: (Notebook) -> PluginRegistry
    ) -> Result<Plan, Failure> {
        let (notebook, syntaxErrors) = NotebookParser.read(text, path: path)
        var parameters: [String: TypedValue]
        switch ParameterBinding.resolve(notebook.frontMatter, overrides: overrides) {
        case .success(let values): parameters = values
        case .failure(let diagnostics):
            guard !syntaxErrors.isEmpty else { return .failure(.parameters(diagnostics, notebook)) }
            // The notebook's own mistakes come first; its cells are checked with its defaults.
            parameters = ParameterBinding.defaults(of: notebook.frontMatter)
        }
        // The check looks past the lines with syntax errors, so that one unclosed list does not
        // hide the mistakes after it.
        // A default that does not fit where it is used is one mistake, at the front matter.
        let checker = Checker(registry: makeRegistry(notebook))
        let unplaced = checker.check(notebook, parameters: parameters, folder: folder, memory: memory)
        let checked = unplaced
            .mapError { DiagnosticList(ParameterBinding.defaultProblems($0.diagnostics, in: notebook, overridden: Set(overrides.map(\.name)))) }
        if syntaxErrors.isEmpty, case .failure(let list) = unplaced, !overrides.isEmpty {
            // A `-p` value that does not fit where it is used is a mistake of the command line,
            // as one of the wrong type is, told once however many lines use it.
            if let problems = ParameterBinding.overrideProblems(list.diagnostics, in: notebook, overrides: overrides) {
                return .failure(.parameters(problems, notebook))
            }
            // So is one that breaks another line, when the notebook passes with its defaults.
            func failures(with given: [(name: String, value: String)]) -> [Diagnostic] {
                guard case .success(let values) = ParameterBinding.resolve(notebook.frontMatter, overrides: given),
                    case .failure(let list) = checker.check(notebook, parameters: values, folder: folder, memory: memory)
                else { return [] }
                return list.diagnostics
            }
            if failures(with: []).isEmpty {
                let alone = overrides.count == 1 ? [list.diagnostics] : overrides.map { failures(with: [$0]) }
                let effects = ParameterBinding.overrideEffects(list.diagnostics, in: notebook, overrides: overrides) { diagnostic in
                    overrides.indices.filter { alone[$0].contains(diagnostic) }.map { overrides[$0] }
                }
                return .failure(.parameters(effects, notebook))
            }
        }
        guard !syntaxErrors.isEmpty else { return checked.mapError { .notebook($0, notebook) } }
        var found = syntaxErrors
        if case .failure(let list) = checked { found += list.diagnostics }
        return .failure(.notebook(DiagnosticList(Diagnostic.inSourceOrder(found)), nil))
    }
}
