// `nnbook plugins` and `nnbook help COMMAND`: generated from the plugins' schemas.

import ArgumentParser
import Foundation
import NNBook

struct ListPlugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins and their commands: built-in, external, and external ones not allowed to run.")

    @Argument(help: "A notebook whose front matter names plugin folders.")
    var file: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        print(CommandHelp.plugins(registry(for: file, plugins: plugins)), terminator: "")
    }
}

struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show how to use a notebook command: usage, arguments, options, examples.")

    @Argument(help: "The command, e.g. train.")
    var command: String

    @Option(help: ArgumentHelp("A notebook whose front matter names plugin folders.", valueName: "file"))
    var notebook: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let registry = registry(for: notebook, plugins: plugins)
        guard let found = registry.command(command) else {
            Console.error("error: unknown command '\(command)'\nhint: \(registry.hint(forUnknown: command))")
            throw ExitCode(NNBookExit.usage)
        }
        print(CommandHelp.text(for: found.schema, plugin: registry.plugin(owning: command)), terminator: "")
    }
}

/// The registry for a notebook (its front matter may name plugin folders), or for none.
private func registry(for file: String?, plugins: PluginOptions) -> PluginRegistry {
    guard let file else { return plugins.setup.registry(for: nil, folder: URL(fileURLWithPath: ".")) }
    let url = URL(fileURLWithPath: file)
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let notebook = try? NotebookParser.parse(text, path: file).get()
    return plugins.setup.registry(for: notebook, folder: url.deletingLastPathComponent())
}
