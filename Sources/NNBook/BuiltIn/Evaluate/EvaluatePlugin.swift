// The evaluate plugin: measure a trained model, and use it to predict.

/// Commands that use trained models.
public struct EvaluatePlugin: Plugin {
    public init() {}
    public var name: String { "evaluate" }
    public var summary: String { "evaluate a trained model on a data set; predict from new inputs; its confusion matrix; expect what it must achieve" }
    public var commands: [any CellCommand] { [EvaluateCommand(), PredictCommand(), ConfusionCommand(), ExpectCommand()] }
}
