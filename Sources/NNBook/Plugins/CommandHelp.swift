// `nnbook help COMMAND` and `nnbook plugins`, generated from the schemas: help is never written twice.

import NNData

/// Help text made from command schemas.
public enum CommandHelp {
    /// Everything about one command: summary, usage, arguments, options, lines, examples. A
    /// line written under another command (`dense` under `model`) is given with its `owner`,
    /// whose examples that use it are its own.
    public static func text(for schema: CommandSchema, plugin: String?, lineOf owner: CommandSchema? = nil) -> String {
        let place = owner.map { ", a line indented by two spaces under `\($0.verb) NAME`" } ?? ""
        var lines = ["\(schema.verb) — \(schema.summary)\(place)" + (plugin.map { " (plugin: \($0))" } ?? ""), "", "usage: \(schema.usage)"]
        if !schema.arguments.isEmpty {
            lines += ["", "arguments:"]
            lines += aligned(schema.arguments.map { argument in
                ((argument.keyword.map { "\($0) " } ?? "") + argument.type.placeholder + (argument.isVariadic ? " …" : ""),
                 argument.summary + (argument.isOptional ? " (optional)" : ""))
            })
        }
        if !schema.options.isEmpty {
            lines += ["", "options:"]
            lines += aligned(schema.options.map { option in
                var summary = option.summary
                if case .choice(let choices) = option.type, choices.count > 4 { summary += "; one of " + choices.joined(separator: ", ") }
                if let least = option.minimum { summary += " (\(least) or more)" }
                if let value = option.defaultValue { summary += " (default \(value.text.isEmpty ? "\"\"" : value.text))" }
                if option.isRequired { summary += " (required)" }
                return ("\(option.name)=\(CommandSchema.placeholder(option))", summary)
            })
        }
        if !schema.clauses.isEmpty {
            lines += ["", "indented lines under it:"]
            lines += aligned(schema.clauses.map { ($0.usage, $0.summary) })
        }
        let examples = owner.map { owner in
            owner.examples.filter { $0.split(separator: "\n").dropFirst().contains { $0.split(separator: " ").first.map(String.init) == schema.verb } }
        } ?? schema.examples
        if !examples.isEmpty {
            lines += ["", "examples:"]
            lines += examples.flatMap { $0.split(separator: "\n").map { "  " + $0 } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every plugin with its commands, one line each.
    public static func plugins(_ registry: PluginRegistry) -> String {
        var lines: [String] = []
        for plugin in registry.plugins {
            let kind = plugin is ExternalPlugin ? "external" : "built-in"
            lines.append("\(plugin.name) (\(kind)) — \(plugin.summary)")
            lines += aligned(plugin.commands.map { ($0.schema.verb, $0.schema.summary) })
            lines.append("")
        }
        for refusal in registry.blocked {
            lines.append("\(refusal.name) (external, not allowed) — \(refusal)")
        }
        for (name, failure) in registry.broken.sorted(by: { $0.key < $1.key }) {
            lines.append("\(name) (external, unusable) — it \(failure.message.visible())")
        }
        return lines.joined(separator: "\n").trimmingTrailingNewlines + "\n"
    }

    private static func aligned(_ rows: [(String, String)]) -> [String] {
        let width = min(rows.map(\.0.count).max() ?? 0, 36)
        return rows.map { name, summary in
            "  " + name + String(repeating: " ", count: max(width - name.count, 0) + 2) + summary
        }
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
