// Binds a notebook's parameters: the front matter's defaults, then `-p name=value` overrides.

/// Resolves parameter values for a run.
public enum ParameterBinding {
    /// The value of every declared parameter; an unknown name or a value of the wrong type is
    /// an error that lists the declared parameters.
    public static func resolve(_ frontMatter: FrontMatter, overrides: [(name: String, value: String)]) -> Result<[String: ParameterValue], DiagnosticList> {
        var values: [String: ParameterValue] = [:]
        for parameter in frontMatter.parameters { values[parameter.name] = parameter.defaultValue }
        var diagnostics: [Diagnostic] = []
        let declared = frontMatter.parameters.isEmpty
            ? "this notebook declares no parameters"
            : "the parameters are: " + frontMatter.parameters.map(\.summary).joined(separator: ", ")
        for (name, text) in overrides {
            guard let parameter = frontMatter.parameter(named: name) else {
                let suggestion = Suggestions.closest(to: name, in: frontMatter.parameters.map(\.name))
                diagnostics.append(Diagnostic(
                    "unknown parameter '\(name)'", at: nil,
                    hint: (suggestion.map { "did you mean '\($0)'? " } ?? "") + declared))
                continue
            }
            guard let value = parameter.type.value(from: text) else {
                diagnostics.append(Diagnostic(
                    "the parameter '\(name)' must be \(parameter.type.expectation), not '\(text)'", at: nil,
                    hint: declared))
                continue
            }
            values[name] = value
        }
        return diagnostics.isEmpty ? .success(values) : .failure(DiagnosticList(diagnostics))
    }
}
