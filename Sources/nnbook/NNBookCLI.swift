// The `nnbook` command: argument parsing and exit codes; the work happens in the libraries.

import ArgumentParser
import Foundation
import NNBookRender

/// The root command. Exit codes: 0 success, 1 the notebook failed (check or run), 2 bad usage
/// (a notebook file that is not there, or named `.csv` or `.md`, included), 130 interrupted.
struct NNBookCLI: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "nnbook",
        abstract: "Run plain-text neural-network notebooks: checked before they run, rendered to Markdown, reproducible with a seed.",
        discussion: """
            Examples:
              nnbook run Notebooks/gradient-descent.nnbook
              nnbook run Notebooks/gradient-descent.nnbook -p rate=0.1 --out /tmp/pages
              nnbook sweep Notebooks/gradient-descent.nnbook -p rate=0.05,0.5,2.5
              nnbook check Notebooks/*.nnbook --allow-plugin stats --allow-plugin blobs
            """,
        version: version + "\n" + KernelChoice.description,
        subcommands: [RunNotebook.self, SweepNotebook.self, PreviewNotebook.self, CheckNotebooks.self, RenderNotebook.self, LogRuns.self, ShowRun.self, DiffRuns.self, ListPlugins.self, HelpCommand.self]
    )

    /// Parses the arguments and runs the chosen subcommand, mapping every outcome to an exit code.
    static func mainWithExitCodes() -> Never {
        StandardStream.ignoreClosedReaders()
        KernelChoice.applyEnvironment()
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch let mistake as ValidationError {
                // A mistake the command finds in its arguments once it runs (`-p rate`, no `=`)
                // is told as the parser tells its own: with the command's usage, not nnbook's.
                let name = type(of: command).configuration.commandName ?? ""
                Console.error("Error: \(mistake.message)\nUsage: \(usageString(for: type(of: command)))\n  See 'nnbook \(name) --help' for more information.")
                Foundation.exit(NNBookExit.usage)
            }
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if let format = RenderNotebook.formatMistake(in: Array(CommandLine.arguments.dropFirst())) {
                // The export's format, whose option other tools spell otherwise, is told with
                // the formats there are.
                Console.error("Error: \(format)\nUsage: \(usageString(for: RenderNotebook.self))\n  See 'nnbook render --help' for more information.")
                Foundation.exit(NNBookExit.usage)
            }
            Console.error(message)
            Foundation.exit(NNBookExit.usage)
        }
    }
}

/// The exit codes nnbook promises.
enum NNBookExit {
    static let success: Int32 = 0
    static let notebookFailed: Int32 = 1
    static let usage: Int32 = 2
    /// Stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2.
    static let interrupted: Int32 = 130
}
