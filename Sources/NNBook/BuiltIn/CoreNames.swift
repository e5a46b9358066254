// The choices that come from the neural-net core's lists: losses, optimizers, metrics and
// activations, as values a command's properties can have.

import NNCore

/// A loss by its Keras name (`binary_crossentropy`).
public struct LossName: ChoiceValue {
    public static var choices: [String] { Losses.names }
    public let choice: String
    public init?(choice: String) {
        guard Losses.names.contains(choice) else { return nil }
        self.choice = choice
    }
}

/// An optimizer by its Keras name (`adam`).
public struct OptimizerName: ChoiceValue {
    public static var choices: [String] { Optimizers.names }
    public let choice: String
    public init?(choice: String) {
        guard Optimizers.names.contains(choice) else { return nil }
        self.choice = choice
    }
}

/// A metric by its Keras name (`accuracy`).
public struct MetricName: ChoiceValue {
    public static var choices: [String] { Metric.names }
    public let choice: String
    public init?(choice: String) {
        guard Metric.names.contains(choice) else { return nil }
        self.choice = choice
    }
}

/// An activation function by its Keras name (`relu`).
public struct ActivationName: ChoiceValue {
    public static var choices: [String] { Activations.names }
    public let choice: String
    public init?(choice: String) {
        guard Activations.names.contains(choice) else { return nil }
        self.choice = choice
    }

    /// `slope=` beside this activation, when it is not leaky_relu, which would ignore it in
    /// silence: the same words for a layer's activation and for the `activation` command.
    func unusedSlope(at range: SourceRange) -> Diagnostic? {
        guard choice != "leaky_relu" else { return nil }
        return Diagnostic(
            "slope applies only to leaky_relu, not \(choice)", at: range,
            hint: "drop slope=, or use leaky_relu: relu with that slope for negative inputs")
    }
}

/// Other libraries' names for the choices (Keras' `acc` for `accuracy`, its `None` for
/// `linear`, scikit-learn's `StandardScaler`): a choice written so is answered with nnbook's
/// name, where that name is a choice.
enum CoreSpellings {
    static let all = Metric.kerasSpellings + Losses.otherSpellings + Activations.otherSpellings + ScaleCommand.Method.otherSpellings
}
