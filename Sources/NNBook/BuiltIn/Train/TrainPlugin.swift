// The train plugin: choose the loss and optimizer, then train with a descent mode.

/// Commands that train models.
public struct TrainPlugin: Plugin {
    public init() {}
    public var name: String { "train" }
    public var summary: String { "compile a model with a loss and an optimizer; train it by batch, stochastic or mini-batch descent; explain one step by hand" }
    public var commands: [any CellCommand] { [CompileCommand(), TrainCommand(), ExplainCommand()] }
}
