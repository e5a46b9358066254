// Which external plugins may run: a notebook is data, and running it must not silently run programs.

import Foundation

/// The external plugins the user allowed: by `--allow-plugin NAME`, or listed (one name per
/// line, `#` comments) in `$XDG_CONFIG_HOME/nnbook/trusted-plugins`
/// (`~/.config/nnbook/trusted-plugins` by default). Built-in plugins need no permission.
public struct PluginTrust: Sendable {
    public let allowed: Set<String>

    public init(allowed: Set<String>) { self.allowed = allowed }

    /// The per-user list of trusted plugins.
    public static func configFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("nnbook/trusted-plugins")
    }

    /// The names allowed on the command line and in the config file.
    public static func load(commandLine: [String], config: URL = configFile()) -> PluginTrust {
        let text = (try? String(contentsOf: config, encoding: .utf8)) ?? ""
        let listed = text.split(separator: "\n").map { line in
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return PluginTrust(allowed: Set(commandLine + listed))
    }

    public func allows(_ name: String) -> Bool { allowed.contains(name) }
}
