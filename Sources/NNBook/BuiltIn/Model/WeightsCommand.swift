// `weights neuron`: the learned numbers, named as the course names them (w1, w2, bias).

import NNCore
import NNData

/// Shows a model's weights: every number for a small model, a summary per array otherwise.
struct WeightsCommand: NotebookCommand, PrintsNumbers {
    /// Above this many parameters, listing each one helps nobody.
    static let listingLimit = 50

    static let configuration = CommandConfiguration(
        verb: "weights", summary: "show the model's weights and biases", examples: ["weights neuron"], spellings: ["get_weights"])

    @Argument(help: "the model") var model: ModelName
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        guard let facts = context.models[model.name], facts.inputShape == nil, !facts.isTrained else { return [] }
        return [Diagnostic(
            "the model '\(model)' has no weights yet: they are made when it first trains", at: model.range,
            hint: "train it before this line, or give input= to `model \(model)`")]
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let entry = try state.model(model)
        guard entry.model.isBuilt else {
            throw RunError("the model has no weights yet", hint: "train it first, or give input= to `model`", at: model.range)
        }
        if entry.model.parameterCount <= WeightsCommand.listingLimit {
            let rows = WeightsCommand.named(entry).map { [$0.name, state.format($0.value)] }
            return [.table(Table(headers: ["weight", "value"], rows: rows))]
        }
        var rows: [[String]] = []
        for (index, layer) in entry.model.layers.enumerated() {
            for parameter in layer.parameters {
                let values = parameter.value.scalars.map(Double.init)
                let mean = values.reduce(0, +) / Double(values.count)
                rows.append([
                    "layer \(index + 1) \(parameter.name)", Tensor.describe(parameter.value.shape),
                    state.format(mean), state.format(values.min() ?? 0), state.format(values.max() ?? 0),
                ])
            }
        }
        return [.table(Table(headers: ["array", "shape", "mean", "min", "max"], rows: rows))]
    }

    /// Each weight with the course's name: `w1 (age)`, `w2 (affordability)`, `bias` for one
    /// unit (the features named from `features`, or from the data the model was trained on);
    /// `layer 2 w[3→1]` style names otherwise, the layer counted as the large model's table and
    /// `explain` count it: its place among all the model's layers, `flatten` and `dropout` too.
    static func named(_ entry: ModelEntry, features: Dataset? = nil) -> [(name: String, value: Float)] {
        let layers = entry.model.layers.enumerated().compactMap { index, layer in (layer as? Dense).map { (index: index, dense: $0) } }
        let built = layers.compactMap { layer in
            layer.dense.kernel.flatMap { kernel in layer.dense.bias.map { (index: layer.index, kernel: kernel.value, bias: $0.value) } }
        }
        let names = WeightsCommand.names(
            ofDense: built.map { (layer: $0.index, inputs: $0.kernel.rows, units: $0.bias.scalars.count) },
            singleNeuron: layers.count == 1 && layers[0].dense.units == 1, featureNames: (features ?? entry.trainedOn)?.featureNames)
        // The kernel's values row by row (input by input), then the biases: the order of `names`.
        return Array(zip(names, built.flatMap { $0.kernel.scalars + $0.bias.scalars }))
    }

    /// The names of the weights of dense layers of the given sizes, each at its place `layer`
    /// (from 0) among the model's layers, in the order `named` lists them: what the check knows
    /// of a model before it has any weights.
    static func names(ofDense layers: [(layer: Int, inputs: Int, units: Int)], singleNeuron: Bool, featureNames: [String]?) -> [String] {
        var result: [String] = []
        for layer in layers {
            let layerIndex = layer.layer
            for input in 0..<layer.inputs {
                for unit in 0..<layer.units {
                    if singleNeuron {
                        let feature = featureNames.flatMap { input < $0.count ? " (\($0[input]))" : nil } ?? ""
                        result.append("w\(input + 1)\(feature)")
                    } else {
                        result.append("layer \(layerIndex + 1) w[\(input + 1)→\(unit + 1)]")
                    }
                }
            }
            for unit in 0..<layer.units {
                result.append(singleNeuron ? "bias" : "layer \(layerIndex + 1) bias[\(unit + 1)]")
            }
        }
        return result
    }
}
