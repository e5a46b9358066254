// `nnbook plugins` and `nnbook help COMMAND`: generated from the plugins' schemas.

import ArgumentParser
import Foundation
import NNBook
import NNData

struct ListPlugins: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins and their commands: built-in, external, and external ones not allowed to run.",
        discussion: """
            --trust NAME allows for good the program nnbook-plugin-NAME that a run would find (in
            the notebook's plugin folders, beside nnbook, then on PATH): its path and the SHA-256
            of its contents are recorded in the trusted-plugins file. A changed program, or another
            program of the same name, is then refused until it is trusted again.
            """)

    @Argument(help: "A notebook whose front matter names plugin folders.")
    var file: String?

    @Option(help: ArgumentHelp("Allow for good the program this plugin name resolves to, by path and contents (repeatable).", valueName: "name"))
    var trust: [String] = []

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        guard !trust.isEmpty else {
            print(CommandHelp.plugins(registry(for: file, plugins: plugins)), terminator: "")
            return
        }
        let (notebook, folder) = notebook(at: file)
        let found = plugins.setup.folders(for: notebook, folder: folder)
        let programs = ExternalPlugin.find(in: found)
        let config = PluginTrust.configFile()
        for name in trust {
            guard let program = programs.first(where: { $0.name == name }) else {
                Console.error("error: no program named \(ExternalPlugin.prefix)\(name.excerpt()) is in the plugin folders\nhint: nnbook looks in the notebook's `plugins:` folders, beside nnbook, then on PATH")
                throw ExitCode(NNBookExit.notebookFailed)
            }
            do {
                let grant = try PluginTrust.Grant.of(name: name, executable: program.executable)
                try PluginTrust.record(grant, in: config)
                print("trusted \(name): \(grant.path) (sha256 \(grant.digest.prefix(12))…) in \(config.path)")
            } catch {
                Console.error("error: cannot trust \(program.executable.path): \(error.localizedDescription)")
                throw ExitCode(NNBookExit.notebookFailed)
            }
        }
    }
}

struct HelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help",
        abstract: "Show how to use a notebook command: usage, arguments, options, examples.")

    @Argument(help: "The command, e.g. train; without one, the list of commands.")
    var command: String?

    @Option(help: ArgumentHelp("A notebook whose front matter names plugin folders.", valueName: "file"))
    var notebook: String?

    @OptionGroup var plugins: PluginOptions

    func run() throws {
        let registry = registry(for: notebook, plugins: plugins)
        guard let command else {
            // `nnbook help`, as `git help`: what there is to ask about.
            print("nnbook help COMMAND shows how to write a notebook command (nnbook help train) or a layer (nnbook help dense), and how to use nnbook's own (nnbook help run).\n")
            print("The notebook commands, by plugin:\n")
            print(CommandHelp.plugins(registry))
            print("nnbook's own commands: " + NNBookCLI.configuration.subcommands.map { $0.configuration.commandName ?? "" }.joined(separator: ", "))
            return
        }
        if let (owner, clause) = registry.line(command), registry.command(command) == nil {
            print(CommandHelp.text(for: clause, plugin: registry.plugin(owning: owner.verb), lineOf: owner), terminator: "")
            return
        }
        if registry.command(command) == nil, let subcommand = NNBookCLI.configuration.subcommands.first(where: { $0.configuration.commandName == command }) {
            // `nnbook help run`: the nnbook command, as `nnbook run --help` prints it.
            print(NNBookCLI.helpMessage(for: subcommand))
            return
        }
        guard let found = registry.command(command) else {
            let unknown = registry.unknown(command)
            let hint = unknown.hint.map { (hint: String) in "\nhint: " + hint.visible(keepingNewlines: true) } ?? ""
            Console.error("error: " + unknown.message.visible() + hint)
            throw ExitCode(NNBookExit.usage)
        }
        print(CommandHelp.text(for: found.schema, plugin: registry.plugin(owning: command)), terminator: "")
    }
}

/// The registry for a notebook (its front matter may name plugin folders), or for none.
private func registry(for file: String?, plugins: PluginOptions) -> PluginRegistry {
    let (notebook, folder) = notebook(at: file)
    return plugins.setup.registry(for: notebook, folder: folder)
}

/// The notebook at `file` as far as it parses, and the folder its paths are read from.
private func notebook(at file: String?) -> (Notebook?, URL) {
    guard let file else { return (nil, URL(fileURLWithPath: ".")) }
    let url = URL(fileURLWithPath: file)
    let text = (try? NotebookFile(path: file).contents()).flatMap { String(data: $0, encoding: .utf8) } ?? ""
    return (try? NotebookParser.parse(text, path: file).get(), url.deletingLastPathComponent())
}
