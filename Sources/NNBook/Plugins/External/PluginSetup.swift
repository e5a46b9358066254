// Assembling the commands a notebook may use: the built-in plugins, then the external plugins
// it may run.

import Foundation

/// Builds the registry for a notebook.
public struct PluginSetup: Sendable {
    public let trust: PluginTrust
    /// Seconds an external plugin may take for one request.
    public let timeLimit: Double
    /// Folders searched after the notebook's own plugin folders: beside the nnbook executable,
    /// then PATH.
    public let searchFolders: [URL]
    /// Whether the user asked nnbook to stop: a plugin's request then ends at once.
    public let shouldStop: @Sendable () -> Bool

    public static let defaultTimeLimit = 30.0

    public init(
        trust: PluginTrust, timeLimit: Double = PluginSetup.defaultTimeLimit, searchFolders: [URL] = PluginSetup.standardFolders(),
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) {
        self.trust = trust
        self.timeLimit = timeLimit
        self.searchFolders = searchFolders
        self.shouldStop = shouldStop
    }

    /// The folder of the running executable, then every folder on PATH.
    public static func standardFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return [beside] + path
    }

    /// The folders searched for `notebook`'s plugins: its front matter's `plugins` folders
    /// (read from `folder`), then the search folders.
    public func folders(for notebook: Notebook?, folder: URL) -> [URL] {
        (notebook?.frontMatter.pluginFolders ?? []).map { folder.resolvingNotebookPath($0) } + searchFolders
    }

    /// The registry that checking and running `notebook` (read from `folder`) need. A notebook
    /// whose every command is built in needs no external plugin (one that declared a built-in
    /// command would be set aside anyway), so none is looked for or started: reading every
    /// folder on PATH took a tenth of a short run. Any other notebook gets `registry(for:folder:)`,
    /// whose blocked and broken plugins explain a command that no plugin provides.
    public func registry(checking notebook: Notebook, folder: URL) -> PluginRegistry {
        let builtIn = BuiltInPlugins.verbs
        guard notebook.cells.allSatisfy({ $0.commands.allSatisfy { builtIn.contains($0.verb) } }) else {
            return registry(for: notebook, folder: folder)
        }
        return BuiltInPlugins.registry()
    }

    /// The registry for `notebook` (read from `folder`): built-in plugins, and every allowed
    /// external plugin found in the front matter's `plugins` folders or the search folders.
    /// A program that is not allowed is never started, whichever command asks (`run`, `check`,
    /// `plugins`, `help`); it is listed, with why, so that an unknown command can say so, as
    /// are plugins that fail to describe themselves.
    public func registry(for notebook: Notebook?, folder: URL) -> PluginRegistry {
        var plugins = BuiltInPlugins.all
        var taken = BuiltInPlugins.verbs
        var blocked: [PluginTrust.Refusal] = []
        var broken: [String: PluginFailure] = [:]
        // A notebook's own program that takes the place of one installed under its name is
        // told apart: --allow-plugin NAME means the installed one. Each folder is read once:
        // the notebook's own folders come first, and a name found there hides the installed one.
        let searched = ExternalPlugin.find(in: searchFolders)
        let installed = Dictionary(searched.map { ($0.name, $0.executable) }) { first, _ in first }
        let own = ExternalPlugin.find(in: (notebook?.frontMatter.pluginFolders ?? []).map { folder.resolvingNotebookPath($0) })
        let ownNames = Set(own.map(\.name))
        for (name, executable) in own + searched.filter({ !ownNames.contains($0.name) }) {
            if case .refused(let refusal) = trust.decision(name: name, executable: executable, installed: installed[name]) {
                blocked.append(refusal)
                continue
            }
            do {
                let plugin = try ExternalPlugin(process: PluginProcess(name: name, executable: executable, timeLimit: timeLimit, shouldStop: shouldStop))
                let verbs = plugin.commands.map(\.schema.verb)
                if let clash = verbs.first(where: taken.contains) {
                    broken[name] = PluginFailure(plugin: name, message: "declares the command '\(clash)', which another plugin already provides")
                    continue
                }
                taken.formUnion(verbs)
                plugins.append(plugin)
            } catch {
                broken[name] = error
            }
        }
        // Verbs are distinct across plugins (clashes were skipped above) and within each plugin
        // (ExternalPlugin refuses a description that repeats one).
        guard var registry = try? PluginRegistry(plugins: plugins) else { preconditionFailure("plugins with distinct verbs form a registry") }
        registry.blocked = blocked
        registry.broken = broken
        return registry
    }
}
