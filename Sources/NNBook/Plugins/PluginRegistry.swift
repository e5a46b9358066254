// Where the checker and interpreter find commands: every plugin's commands by name.

/// The commands available to a notebook, from built-in and added plugins.
public struct PluginRegistry: Sendable {
    public let plugins: [any Plugin]
    /// External plugins found on the machine but not allowed to run, with why (which file,
    /// and how to allow it).
    public var blocked: [String: String] = [:]
    /// External plugins that are allowed but failed to describe themselves, with why.
    public var broken: [String: String] = [:]
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

    /// What to tell a learner about a command no plugin provides: a near name, or any external
    /// plugin that might provide it if allowed; and always an allowed plugin that could not be
    /// used, since the command may well be its own.
    public func hint(forUnknown verb: String) -> String {
        var parts: [String] = []
        if let near = Suggestions.closest(to: verb, in: verbs) {
            parts.append("did you mean '\(near)'?")
        } else {
            if blocked.isEmpty { parts.append(Suggestions.hint(for: verb, in: verbs, kind: "commands")) }
            for (name, reason) in blocked.sorted(by: { $0.key < $1.key }) {
                parts.append("the external plugin '\(name)' may provide it, but \(reason)")
            }
        }
        for (name, reason) in broken.sorted(by: { $0.key < $1.key }) {
            parts.append("the plugin '\(name)' could not be used: \(reason)")
        }
        return parts.joined(separator: "; ")
    }
}

/// Two plugins declaring one command.
public struct RegistryError: Error, Equatable, CustomStringConvertible {
    public let verb: String
    public let plugins: [String]

    public var description: String {
        "the command '\(verb)' is declared by both the \(plugins[0]) and the \(plugins[1]) plugin"
    }
}
