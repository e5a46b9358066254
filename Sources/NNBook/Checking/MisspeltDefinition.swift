// The line to blame when the lines after a definition use a name that no line defines: the
// definition took another name than they use (`model nueron`, then `neuron` on every line after
// it; `model single` written again where `model hidden` was meant). That is one mistake, told at
// the definition, and the lines after it are checked as if the names agreed.

/// A definition that took another name than the lines after it use.
struct MisspeltDefinition {
    /// The name the definition wrote, and the one the lines after it use.
    let slip: String
    let meant: String
    /// The one error, at the definition.
    let diagnostic: Diagnostic

    /// The definition to blame for `name`, used at `use` and on at least one other line, and
    /// defined on none (one use alone may as well be the misspelt one, and is told where it is):
    /// - a definition of a close name that fewer lines use than use `name` (`load … as
    ///   insurnace`, then `insurance` everywhere after);
    /// - else the last line that gave a name again to a new thing of `kind`, when no line
    ///   between it and `use` names it: as a Python variable, the name then stood for the new
    ///   thing, and the lines after use another name for it.
    init?(of name: String, as kind: NameKind, usedAt use: SourceRange, in context: CheckContext) {
        let uses = context.mentions[name]?.count ?? 0
        guard uses >= 2 else { return nil }
        if let near = Suggestions.closest(to: name, in: context.names(of: kind)), let defined = context.definitions[near],
            (context.mentions[near]?.count ?? 0) - 1 < uses
        {
            self.init(
                slip: near, meant: name,
                diagnostic: Diagnostic(
                    "this line names the \(kind.rawValue) '\(near.excerpt())', but \(uses) other lines use '\(name.excerpt())' (the first at line \(use.line))",
                    at: defined, hint: "a typo? write \(name.excerpt()) here, as they do"))
            return
        }
        let replaced = context.replacements.filter { slip, replacement in
            context.kind(of: slip) == kind && context.definitions[slip] == replacement.replacedAt && replacement.replacedAt.line < use.line
                && !(context.mentions[slip] ?? []).contains { $0 > replacement.replacedAt.line && $0 < use.line }
        }
        guard let (slip, replacement) = replaced.max(by: { $0.value.replacedAt.line < $1.value.replacedAt.line }) else { return nil }
        let before = replacement.entry.definedAt.map { " of line \($0.line)" } ?? ""
        self.init(
            slip: slip, meant: name,
            diagnostic: Diagnostic(
                "this line gives the name '\(slip.excerpt())' to a new \(kind.rawValue), replacing the \(kind.rawValue)\(before), but \(uses) lines after it use '\(name.excerpt())', which no line defines (the first at line \(use.line))",
                at: replacement.replacedAt,
                hint: "a slip? write \(name.excerpt()) here, as they do: a name stands for one \(kind.rawValue) at a time, as a Python variable does"))
    }

    private init(slip: String, meant: String, diagnostic: Diagnostic) {
        self.slip = slip
        self.meant = meant
        self.diagnostic = diagnostic
    }
}
