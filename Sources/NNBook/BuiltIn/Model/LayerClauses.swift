// The lines that can stand under `model`: dense, dropout, flatten — with Keras' arguments.

import NNCore

/// The schemas of a model's layer lines, and how each becomes a layer.
enum LayerClauses {
    static let dense = CommandSchema(
        verb: "dense",
        summary: "a fully connected layer",
        arguments: [ArgumentSchema("units", .integer, summary: "the number of units (outputs)")],
        options: [
            OptionSchema("activation", .choice(Activations.names), summary: "the activation function", default: .string("linear")),
            OptionSchema("slope", .number, summary: "leaky_relu's slope for negative inputs (Keras: 0.2)"),
            OptionSchema("weights", .word, summary: "the initial weights: \(Initializer.names.joined(separator: ", ")) or a number", default: .string("glorot_uniform")),
            OptionSchema("bias", .word, summary: "the initial biases, named like weights", default: .string("zeros")),
        ],
        examples: ["dense 10 activation=sigmoid", "dense 1 activation=sigmoid weights=ones bias=zeros"])

    static let dropout = CommandSchema(
        verb: "dropout",
        summary: "while training, silence this share of the values at random",
        arguments: [ArgumentSchema("rate", .number, summary: "the share to drop, from 0 to below 1")],
        examples: ["dropout 0.2"])

    static let flatten = CommandSchema(
        verb: "flatten",
        summary: "line up each sample's numbers into one list (a 28×28 image becomes 784 numbers)",
        examples: ["flatten"])

    static let all = [dense, dropout, flatten]

    /// Problems with a layer line's values.
    static func check(_ clause: Invocation) -> [Diagnostic] {
        switch clause.verb {
        case "dense":
            var diagnostics: [Diagnostic] = []
            let units = clause.integer("units") ?? 0
            if units < 1 {
                diagnostics.append(Diagnostic("a dense layer needs at least 1 unit, not \(units)", at: clause.range(of: "units")))
            } else if units > 1_000_000 {
                diagnostics.append(Diagnostic("\(units) units is more than nnbook allows in one layer (1,000,000)", at: clause.range(of: "units")))
            }
            for option in ["weights", "bias"] {
                let name = clause.string(option) ?? ""
                if Initializer.named(name) == nil {
                    diagnostics.append(Diagnostic(
                        "unknown initializer '\(name)'", at: clause.range(of: option),
                        hint: Suggestions.hint(for: name, in: Initializer.names, kind: "initializers") + " (or a number)"))
                }
            }
            if clause.values["slope"] != nil, clause.string("activation") != "leaky_relu" {
                diagnostics.append(Diagnostic("slope applies only to activation=leaky_relu", at: clause.range(of: "slope")))
            }
            return diagnostics
        case "dropout":
            let rate = clause.number("rate") ?? -1
            return rate >= 0 && rate < 1 ? [] : [Diagnostic(
                "the dropout rate must be at least 0 and below 1, not \(NumberText.plain(rate))", at: clause.range(of: "rate"),
                hint: "dropout 0.2 silences a fifth of the values")]
        default:
            return []
        }
    }

    /// The layer a checked line describes.
    static func layer(_ clause: Invocation) -> any Layer {
        switch clause.verb {
        case "dense":
            let activation = Activations.named(clause.string("activation") ?? "linear", slope: clause.number("slope")) ?? Linear()
            return Dense(
                units: clause.integer("units") ?? 1, activation: activation,
                weights: Initializer.named(clause.string("weights") ?? "") ?? .glorotUniform,
                bias: Initializer.named(clause.string("bias") ?? "") ?? .zeros)
        case "dropout":
            return Dropout(rate: Float(clause.number("rate") ?? 0))
        default:
            return Flatten()
        }
    }
}
