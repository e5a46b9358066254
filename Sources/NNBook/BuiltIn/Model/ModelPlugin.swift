// The model plugin: define a Sequential model, show its summary and its weights.

/// Commands that define and inspect models.
public struct ModelPlugin: Plugin {
    public init() {}
    public var name: String { "model" }
    public var summary: String { "define models layer by layer; show their summary and weights" }
    public var commands: [any CellCommand] { [ModelCommand(), SummaryCommand(), WeightsCommand()] }
}
