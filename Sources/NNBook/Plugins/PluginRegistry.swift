// Where the checker and interpreter find commands: every plugin's commands by name.

import NNData

/// The commands available to a notebook, from built-in and added plugins.
public struct PluginRegistry: Sendable {
    public let plugins: [any Plugin]
    /// External plugins found on the machine but not allowed to run, with why (which file,
    /// and how to allow it), in the order they were found: the notebook's own folders first.
    public var blocked: [PluginTrust.Refusal] = []
    /// External plugins that are allowed but failed to describe themselves, with why (and what
    /// a crashed one wrote to standard error, in its hint).
    public var broken: [String: PluginFailure] = [:]
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

    /// What to tell a learner about a command no plugin provides. An allowed plugin that could
    /// not be used comes first, since the command may well be its own and its reason is the
    /// real one; then every external program that was refused (its file and why: it may be the
    /// one that provides the command, and nnbook did not start it to ask). When a built-in name
    /// is near, a misspelling is the likelier story: the message stays short and the hint offers
    /// the near name first, then the refused programs on a line of their own — unless a refused
    /// plugin bears the command's very name (`fake` from `nnbook-plugin-fake`), which is then
    /// named in the message, since `take` is not what that notebook meant.
    public func unknown(_ verb: String) -> (message: String, hint: String?) {
        var message = "unknown command '\(verb.excerpt())'"
        var hints: [String] = []
        let unusable = broken.sorted { $0.key < $1.key }
        let reasons = unusable.map { "the plugin '\($0.key)' could not be used: it \($0.value.message)" }
        if !reasons.isEmpty { message += "; " + reasons.joined(separator: "; ") }
        let near = Suggestions.closest(to: verb, in: verbs)
        if near == nil, blocked.isEmpty, broken.isEmpty {
            hints += [Suggestions.hint(for: verb, in: verbs, kind: "commands")].filter { !$0.isEmpty }
        }
        if !blocked.isEmpty {
            let refused = "it may come from a plugin that was not started: " + blocked.map { "\($0.path) (plugin '\($0.name)') was refused: \($0.why)" }.joined(separator: "; ")
            if near == nil || blocked.contains(where: { $0.name == verb }) {
                message += "; " + refused
            } else {
                hints.append("or " + refused)
            }
            hints += blocked.map { "for '\($0.name)': \($0.howToAllow)" }
        }
        // What an unusable plugin wrote (a traceback of several lines) comes first, named
        // unless it is all the hint says.
        let said = unusable.compactMap { name, failure in failure.hint.map { (name, $0) } }
        hints = said.map { said.count == 1 && hints.isEmpty ? $0.1 : "for '\($0.0)': \($0.1)" } + hints
        let rest = hints.joined(separator: hints.contains { $0.contains("\n") } ? "\n" : "; ")
        guard let near else { return (message, rest.isEmpty ? nil : rest) }
        return (message, "did you mean '\(near)'?" + (rest.isEmpty ? "" : "\n" + rest))
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
