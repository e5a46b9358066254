// A model's layer written at the margin (`dense 3` under `model m`, its indent lost): one error
// at the layer, and the layer read where it belongs, so the model is checked whole.

extension Checker {
    /// The cell's commands with each line that is no command but a clause of the command above
    /// it (a layer under `model`) put back under that command, and a diagnostic for each.
    func nestingUnindentedClauses(_ commands: [CommandSyntax]) -> (commands: [CommandSyntax], diagnostics: [Diagnostic]) {
        var nested: [CommandSyntax] = []
        var diagnostics: [Diagnostic] = []
        for syntax in commands {
            guard registry.command(syntax.verb) == nil, var parent = nested.last,
                registry.command(parent.verb)?.schema.clauses.contains(where: { $0.verb == syntax.verb }) == true
            else {
                nested.append(syntax)
                continue
            }
            diagnostics.append(Diagnostic(
                "'\(syntax.verb)' is not a command: it belongs under the `\(parent.verb)` on line \(parent.line)", at: syntax.verbRange,
                hint: "indent it by two spaces, as the lines under `\(parent.verb)` are"))
            var clause = CommandSyntax(verb: syntax.verb, verbRange: syntax.verbRange, arguments: syntax.arguments)
            // A layer that could not be read leaves the model's other layers read.
            if let names = syntax.unreadNames { clause.markUnread(names: names) }
            parent.add(clause: clause)
            for clause in syntax.clauses { parent.add(clause: clause) }
            nested[nested.count - 1] = parent
        }
        return (nested, diagnostics)
    }
}
