// `nnbook run FILE`: check, run, render the page beside the notebook, record the run.

import ArgumentParser
import Foundation
import NNBook

struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check and run a notebook, and render it with every cell's output to Markdown.",
        discussion: """
            Writes NAME.md (and NAME.assets/ for pictures) beside the notebook, or in --out, and
            records the run in history. Nothing runs when the check finds an error. A failing
            cell stops the run; the page is still written, with the error at that cell, and the
            exit code is 1.
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

    @Flag(help: "Do not stop at a failed expect: show it as ✗ in the page and go on.")
    var noExpect = false

    @Option(help: ArgumentHelp("Record the run as one of the sweep ID and write no page (what `nnbook sweep --print` prints).", valueName: "id"))
    var sweep: String?

    func validate() throws {
        // A run under an id no sweep makes would be left out of every sweep's page: refused
        // before it runs, however well-formed the id.
        if let sweep, !SweepGrid.isSweepID(sweep) {
            throw ValidationError("--sweep \(sweep.excerpt()) names no sweep: a sweep's id is the one `nnbook sweep FILE -p NAME=V1,V2 --print` prints, 16 hexadecimal digits whose last 4 check the others (ids of 12 digits came from an earlier nnbook: print the commands again); to record a run of no sweep, leave --sweep out")
        }
        if sweep != nil, noSnapshot { throw ValidationError("--sweep records the run in history; it cannot go with --no-snapshot") }
    }

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var memory: MemoryOptions

    func run() throws {
        Interruption.install()
        let runner = NotebookRunner(
            file: file, overrides: try parseOverrides(parameters), plugins: plugins.setup, out: out, quiet: quiet, snapshot: !noSnapshot, memory: memory.limit,
            sweep: sweep, enforcesExpectations: !noExpect)
        let status = runner.exitStatus()
        if status != NNBookExit.success { throw ExitCode(status) }
    }
}
