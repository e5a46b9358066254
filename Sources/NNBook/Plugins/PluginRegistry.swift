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

    /// The command whose indented lines `verb` writes (`model` for `dense`), with that line's
    /// schema; nil when no command has such a line.
    public func line(_ verb: String) -> (owner: CommandSchema, clause: CommandSchema)? {
        for owner in verbs.compactMap({ commandsByVerb[$0]?.schema }) {
            if let clause = owner.clauses.first(where: { $0.verb == verb }) { return (owner, clause) }
        }
        return nil
    }

    /// What Keras, scikit-learn or pandas call the commands (`fit` for `train`).
    public var otherSpellings: [(name: String, spellings: [String])] {
        verbs.compactMap { verb in commandsByVerb[verb].map { (verb, $0.schema.otherSpellings) } }
    }

    /// The command a learner most likely meant by `verb`, which no plugin provides: the one
    /// another library calls so (`train` for `fit`), else the nearest by spelling.
    public func command(meantBy verb: String) -> String? {
        Suggestions.meant(by: verb, in: verbs, otherSpellings: otherSpellings)
    }

    /// What to tell a learner about a command no plugin provides. An allowed plugin that could
    /// not be used comes first, since the command may well be its own and its reason is the
    /// real one. A refused plugin that bears the command's very name (`fake` from
    /// `nnbook-plugin-fake`) is the likeliest story, named in the message with how to allow it.
    /// Otherwise a command near a built-in one, or another library's name for one (`fit`), is
    /// a slip answered with that command alone: nnbook cannot ask a refused program what it
    /// provides without starting it, and a hint to allow an unrelated plugin sends a learner the
    /// wrong way. Only a command near none may come from a refused plugin, which is then listed
    /// (its file and why), each with how to allow it.
    public func unknown(_ verb: String) -> (message: String, hint: String?) {
        var message = "unknown command '\(verb.excerpt())'"
        var hints: [String] = []
        let unusable = broken.sorted { $0.key < $1.key }
        let reasons = unusable.map { "the plugin '\($0.key)' could not be used: it \($0.value.message)" }
        if !reasons.isEmpty { message += "; " + reasons.joined(separator: "; ") }
        let namesakes = blocked.filter { $0.name == verb }
        // A layer written as a command (`flatten insurance`): where it belongs is the answer.
        let near = namesakes.isEmpty
            ? line(verb).map { "'\(verb)' is a line of `\($0.owner.verb)`, not a command: write it indented by two spaces under a `\($0.owner.verb) NAME` line" }
                ?? Suggestions.suggestion(for: verb, in: verbs, otherSpellings: otherSpellings)
            : nil
        let refused = near == nil ? (namesakes.isEmpty ? blocked : namesakes) : []
        if near == nil, refused.isEmpty, broken.isEmpty {
            hints.append(Suggestions.hint(for: verb, in: verbs, kind: "commands"))
        }
        if !refused.isEmpty {
            message += "; it may come from a plugin that was not started: "
                + refused.map { "\($0.path) (plugin '\($0.name)') was refused: \($0.why)" }.joined(separator: "; ")
            hints += refused.map { "for '\($0.name)': \($0.howToAllow)" }
        }
        // What an unusable plugin wrote (a traceback of several lines) comes first, named
        // unless it is all the hint says.
        let said = unusable.compactMap { name, failure in failure.hint.map { (name, $0) } }
        hints = said.map { said.count == 1 && hints.isEmpty ? $0.1 : "for '\($0.0)': \($0.1)" } + hints
        let rest = hints.joined(separator: hints.contains { $0.contains("\n") } ? "\n" : "; ")
        guard let near else { return (message, rest.isEmpty ? nil : rest) }
        return (message, near + (rest.isEmpty ? "" : "\n" + rest))
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
