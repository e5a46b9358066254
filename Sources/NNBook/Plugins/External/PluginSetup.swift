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

    /// The registry for `notebook` (read from `folder`): built-in plugins, and every allowed
    /// external plugin found in the front matter's `plugins` folders or the search folders.
    /// A program that is not allowed is never started, whichever command asks (`run`, `check`,
    /// `plugins`, `help`); it is listed, with why, so that an unknown command can say so, as
    /// are plugins that fail to describe themselves.
    public func registry(for notebook: Notebook?, folder: URL) -> PluginRegistry {
        var plugins = BuiltInPlugins.all
        var taken = Set(plugins.flatMap { $0.commands.map(\.schema.verb) })
        var blocked: [PluginTrust.Refusal] = []
        var broken: [String: PluginFailure] = [:]
        // A notebook's own program that takes the place of one installed under its name is
        // told apart: --allow-plugin NAME means the installed one.
        let installed = Dictionary(ExternalPlugin.find(in: searchFolders).map { ($0.name, $0.executable) }) { first, _ in first }
        for (name, executable) in ExternalPlugin.find(in: folders(for: notebook, folder: folder)) {
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
