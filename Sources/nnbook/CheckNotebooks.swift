// `nnbook check FILE…`: validate notebooks without running anything or writing any file.

import ArgumentParser
import NNBook

struct CheckNotebooks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check notebooks without running them: commands, options, types, names and parameters.",
        discussion: "Exits with 1 if any notebook has an error. Writes no file.")

    @Argument(help: "The notebooks to check.")
    var files: [String]

    @Option(name: .customShort("p"), help: ArgumentHelp("Set a parameter for the check.", valueName: "name=value"))
    var parameters: [String] = []

    @OptionGroup var plugins: PluginOptions

    /// The limit the run will have: a model it would refuse is refused here.
    @OptionGroup var memory: MemoryOptions

    func run() throws {
        let overrides = try parseOverrides(parameters)
        let setup = plugins.setup
        var worst: Int32 = NNBookExit.success
        for file in files {
            let notebookFile = NotebookFile(path: file)
            switch notebookFile.plan(overrides: overrides, plugins: setup, memory: memory.limit) {
            case .success(let checked):
                notebookFile.printNotes(of: checked.plan, text: checked.text)
                // Valid, as an empty Jupyter notebook is; but a file with nothing to run is
                // more often a mistake than a wish.
                Console.error(checked.plan.cells.isEmpty ? "\(file): ok, but it has no cells (```nnbook blocks), so it runs nothing" : "\(file): ok")
            case .failure(let code): worst = max(worst, code.rawValue)
            }
        }
        if worst != NNBookExit.success { throw ExitCode(worst) }
    }
}
