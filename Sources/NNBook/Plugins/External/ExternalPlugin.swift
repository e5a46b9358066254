// An external plugin found on this machine: an executable named nnbook-plugin-NAME.

import Foundation
import NNData

/// A plugin whose commands come from an executable, once it has described itself.
public struct ExternalPlugin: Plugin {
    public static let prefix = "nnbook-plugin-"

    public let name: String
    public let summary: String
    public let commands: [any CellCommand]
    public let executable: URL

    /// Asks the executable to describe itself.
    public init(process: PluginProcess) throws(PluginFailure) {
        let response = try process.send(PluginProtocol.Request(request: "describe"))
        let (summary, commands) = try ExternalPlugin.described(by: response, process: process)
        name = process.name
        self.summary = summary
        self.commands = commands
        executable = process.executable
    }

    /// The summary and commands a `describe` answer declares, checked: the protocol version,
    /// every command's schema, and each verb once. Starts nothing (the fuzz target feeds it).
    public static func described(by response: PluginProtocol.Response, process: PluginProcess) throws(PluginFailure) -> (summary: String, commands: [any CellCommand]) {
        guard let description = response.plugin else {
            throw PluginFailure(plugin: process.name, message: "did not describe itself", hint: "answer {\"request\": \"describe\"} with {\"plugin\": {\"name\": …, \"summary\": …, \"commands\": […]}}")
        }
        if let version = response.protocolVersion, version != PluginProtocol.version {
            throw PluginFailure(plugin: process.name, message: "speaks protocol version \(version); this nnbook speaks version \(PluginProtocol.version)")
        }
        var commands: [any CellCommand] = []
        var verbs: Set<String> = []
        for message in description.commands {
            let command = try ExternalCommand(process: process, message: message)
            guard verbs.insert(command.schema.verb).inserted else {
                throw PluginFailure(plugin: process.name, message: "declares the command '\(command.schema.verb.excerpt())' twice in its description", hint: "list each verb once under \"commands\"")
            }
            commands.append(command)
        }
        return (description.summary, commands)
    }

    /// Executables named `nnbook-plugin-NAME` in `folders`, by NAME; the first folder that has
    /// a name wins.
    public static func find(in folders: [URL]) -> [(name: String, executable: URL)] {
        var found: [(name: String, executable: URL)] = []
        for folder in folders {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            // Only the few plugin names are sorted, not the thousands of programs in /usr/bin.
            for entry in entries.filter({ $0.hasPrefix(prefix) && $0.count > prefix.count }).sorted() {
                let url = folder.appendingPathComponent(entry)
                let name = String(entry.dropFirst(prefix.count))
                var isFolder: ObjCBool = false
                guard !name.contains("."), FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isExecutableFile(atPath: url.path), !found.contains(where: { $0.name == name })
                else { continue }
                found.append((name, url))
            }
        }
        return found
    }
}
