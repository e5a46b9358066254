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

    public static let defaultTimeLimit = 30.0

    public init(trust: PluginTrust, timeLimit: Double = PluginSetup.defaultTimeLimit, searchFolders: [URL] = PluginSetup.standardFolders()) {
        self.trust = trust
        self.timeLimit = timeLimit
        self.searchFolders = searchFolders
    }

    /// The folder of the running executable, then every folder on PATH.
    public static func standardFolders(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = (environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        return [beside] + path
    }

    /// The registry for `notebook` (read from `folder`): built-in plugins, and every allowed
    /// external plugin found in the front matter's `plugins` folders or the search folders.
    /// Plugins that are found but not allowed, or that fail to describe themselves, are listed
    /// so that an unknown command can say why.
    public func registry(for notebook: Notebook?, folder: URL) -> PluginRegistry {
        let folders = (notebook?.frontMatter.pluginFolders ?? []).map { folder.resolvingNotebookPath($0) } + searchFolders
        var plugins = BuiltInPlugins.all
        var blocked: [String] = []
        var broken: [String: String] = [:]
        for (name, executable) in ExternalPlugin.find(in: folders) {
            guard trust.allows(name) else {
                blocked.append(name)
                continue
            }
            do {
                let plugin = try ExternalPlugin(process: PluginProcess(name: name, executable: executable, timeLimit: timeLimit))
                let taken = Set(plugins.flatMap { $0.commands.map(\.schema.verb) })
                if let clash = plugin.commands.map(\.schema.verb).first(where: taken.contains) {
                    broken[name] = "it declares the command '\(clash)', which another plugin already provides"
                    continue
                }
                plugins.append(plugin)
            } catch {
                broken[name] = error.description
            }
        }
        // Each plugin above declares distinct verbs: clashes were skipped.
        var registry = try! PluginRegistry(plugins: plugins)
        registry.blocked = blocked
        registry.broken = broken
        return registry
    }
}
