// The lines that can stand under `model`: dense, dropout, flatten — with Keras' arguments.

import NNCore

/// A layer line under `model`: checked on its own, then made into a layer.
protocol LayerLine: DeclaredCommand {
    /// Problems with the line's values.
    func check(at line: SourceRange) -> [Diagnostic]
    /// The layer the checked line describes.
    func layer() -> any Layer
    /// Whether the layer has a size the run takes: the shapes after it are known only then.
    var isSized: Bool { get }
}

extension LayerLine {
    func check(at line: SourceRange) -> [Diagnostic] { [] }
    var isSized: Bool { true }
}

/// `dense 10 activation=relu`: a fully connected layer.
struct DenseLine: LayerLine {
    static let configuration = CommandConfiguration(
        verb: "dense", summary: "a fully connected layer",
        examples: ["dense 10 activation=sigmoid", "dense 1 activation=sigmoid weights=ones bias=zeros"],
        otherOptions: LayerInput.kerasOptions)

    @Argument(help: "the number of units (outputs)") var units: Int
    @Option(help: "the activation function") var activation = ActivationName(choice: "linear")!
    @Option(help: "leaky_relu's slope for negative inputs (Keras: 0.2)", spellings: ["alpha", "negative_slope"]) var slope: Double?
    @Option(help: "the initial weights: \(Initializer.names.joined(separator: ", ")) or a number", spellings: ["kernel_initializer"]) var weights = Word("glorot_uniform")
    @Option(help: "the initial biases, named like weights", spellings: ["bias_initializer"]) var bias = Word("zeros")

    var isSized: Bool { units >= 1 && units <= 1_000_000 }

    func check(at line: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if units < 1 {
            diagnostics.append(Diagnostic(
                "a dense layer needs at least 1 unit, not \(units)", at: $units,
                hint: "its units are its outputs, one number each per sample: `dense 1` for one prediction, `dense 10` for ten classes"))
        } else if units > 1_000_000 {
            diagnostics.append(Diagnostic("\(units) units is more than nnbook allows in one layer (1,000,000)", at: $units))
        }
        for initializer in [weights, bias] {
            if let number = Double(initializer.text), !number.isFinite {
                // Swift reads nan and inf as numbers; a weight of either makes every loss NaN.
                diagnostics.append(Diagnostic(
                    "a starting weight must be a number, not \(initializer)", at: initializer.range,
                    hint: "starting weights are small numbers such as 0.5, or an initializer: \(Initializer.names.joined(separator: ", "))"))
            } else if let number = Double(initializer.text) {
                diagnostics += Float32Limit.problem(number, written: initializer.text, at: initializer.range, what: "starting weights are small numbers such as 0.5, or zeros").map { [$0] } ?? []
            } else if Initializer.named(initializer.text) == nil {
                diagnostics.append(Diagnostic(
                    "unknown initializer '\(initializer)'", at: initializer.range,
                    hint: Suggestions.hint(for: initializer.text, in: Initializer.names, kind: "initializers") + " (or a number)"))
            }
        }
        if let slope, let problem = Float32Limit.slopeProblem(slope, at: $slope) {
            diagnostics.append(problem)
        }
        if units == 1, activation.choice == "softmax" {
            // Softmax shares 1 among the units: one unit gets all of it, whatever it learns.
            diagnostics.append(Diagnostic(
                "softmax over 1 unit always gives 1", at: $activation,
                hint: "use activation=sigmoid for one output (a probability from 0 to 1), or give the layer one unit per class for softmax"))
        }
        if slope != nil, let unused = activation.unusedSlope(at: $slope) { diagnostics.append(unused) }
        return diagnostics
    }

    func layer() -> any Layer {
        Dense(
            units: units, activation: Activations.named(activation.choice, slope: slope) ?? Linear(),
            weights: Initializer.named(weights.text) ?? .glorotUniform, bias: Initializer.named(bias.text) ?? .zeros)
    }
}

/// `dropout 0.2`: while training, silence a share of the values at random.
struct DropoutLine: LayerLine {
    static let configuration = CommandConfiguration(
        verb: "dropout", summary: "while training, silence this share of the values at random", examples: ["dropout 0.2"])

    @Argument(help: "the share to drop, from 0 to below 1") var rate: Double

    func check(at line: SourceRange) -> [Diagnostic] {
        rate >= 0 && rate < 1 ? [] : [Diagnostic(
            "the dropout rate must be at least 0 and below 1, not \(NumberText.plain(rate))", at: $rate,
            hint: "dropout 0.2 silences a fifth of the values")]
    }

    func layer() -> any Layer { Dropout(rate: Float(rate)) }
}

/// `flatten`: one sample's numbers in one row.
struct FlattenLine: LayerLine {
    static let configuration = CommandConfiguration(
        verb: "flatten", summary: "line up each sample's numbers into one list (a 28×28 image becomes 784 numbers)", examples: ["flatten"],
        otherOptions: LayerInput.kerasOptions)

    func layer() -> any Layer { Flatten() }
}

/// Keras gives the first layer the input's shape (`input_shape=`, `input_dim=`); nnbook gives
/// it to the model, on its line.
enum LayerInput {
    static let kerasOptions = Dictionary(uniqueKeysWithValues: ["input_shape", "input_dim"].map { option in
        (option, "the input's shape goes on the model's line, as input=: `model NAME input=[28, 28]`, or input=784 for samples of 784 numbers")
    })
}
