// The plugins that ship with nnbook: every built-in command, grouped by concern.

/// The built-in plugins, in the order `nnbook plugins` lists them.
public enum BuiltInPlugins {
    public static let all: [any Plugin] = [DataPlugin(), ModelPlugin(), TrainPlugin(), EvaluatePlugin(), PlotPlugin(), LessonsPlugin()]

    /// Every command the built-in plugins provide.
    public static let verbs: Set<String> = Set(all.flatMap { $0.commands.map(\.schema.verb) })

    /// A registry of the built-in plugins alone.
    public static func registry() -> PluginRegistry {
        // The built-in plugins declare distinct commands; a clash is a programming error.
        try! PluginRegistry(plugins: all)
    }
}
