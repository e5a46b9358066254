// Where the checker and interpreter find commands: every plugin's commands by name.

/// The commands available to a notebook, from built-in and added plugins.
public struct PluginRegistry: Sendable {
    public let plugins: [any Plugin]
    private let commandsByVerb: [String: any CellCommand]
    private let pluginByVerb: [String: String]

    /// Fails when two plugins declare the same command: a notebook must mean one thing.
    public init(plugins: [any Plugin]) throws(RegistryError) {
        var commands: [String: any CellCommand] = [:]
        var owners: [String: String] = [:]
        for plugin in plugins {
            for command in plugin.commands {
                let verb = command.schema.verb
                if let owner = owners[verb] {
                    throw RegistryError(verb: verb, plugins: [owner, plugin.name])
                }
                commands[verb] = command
                owners[verb] = plugin.name
            }
        }
        self.plugins = plugins
        commandsByVerb = commands
        pluginByVerb = owners
    }

    public func command(_ verb: String) -> (any CellCommand)? { commandsByVerb[verb] }

    public func plugin(owning verb: String) -> String? { pluginByVerb[verb] }

    public var verbs: [String] { commandsByVerb.keys.sorted() }
}

/// Two plugins declaring one command.
public struct RegistryError: Error, Equatable, CustomStringConvertible {
    public let verb: String
    public let plugins: [String]

    public var description: String {
        "the command '\(verb)' is declared by both the \(plugins[0]) and the \(plugins[1]) plugin"
    }
}
