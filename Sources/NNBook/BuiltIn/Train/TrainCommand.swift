// `train neuron on insurance descent=batch epochs=1000 every=100`: Keras' fit, with the
// course's three descent modes.

import NNCore
import NNData

/// Trains a compiled model and shows the loss (and, for a small model, its weights) as it learns.
struct TrainCommand: CellCommand {
    /// Models with at most this many weights show them in the training table, as the course
    /// prints w1, w2 and bias while it trains.
    static let weightColumnsLimit = 6

    let schema = CommandSchema(
        verb: "train",
        summary: "train a compiled model on a data set (its training split, if it has one), as Keras' model.fit",
        arguments: [
            ArgumentSchema("model", .uses(.model), summary: "the model"),
            ArgumentSchema("data", .uses(.dataset), summary: "the data to learn from", keyword: "on"),
        ],
        options: [
            OptionSchema("epochs", .integer, summary: "how many passes over the training samples", default: .integer(1)),
            OptionSchema("descent", .choice(["batch", "stochastic", "mini-batch"]), summary: "how many samples each update uses", default: .string("mini-batch")),
            OptionSchema("batch", .integer, summary: "samples per update in mini-batch descent (Keras: 32)", default: .integer(32)),
            OptionSchema("shuffle", .boolean, summary: "shuffle the samples each epoch in mini-batch descent", default: .boolean(true)),
            OptionSchema("every", .integer, summary: "show a row of the table every this many epochs"),
        ],
        examples: ["train neuron on insurance descent=batch epochs=1000 every=100", "train digits on mnist epochs=5 batch=32"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let model = invocation.string("model") ?? ""
        if !context.knows("compiled:\(model)") {
            diagnostics.append(Diagnostic(
                "the model '\(model)' must be compiled before it is trained", at: invocation.range(of: "model"),
                hint: "add `compile \(model) loss=… optimizer=…` before this line"))
        }
        context.note("trained:\(model)")
        for option in ["epochs", "batch", "every"] {
            if let value = invocation.integer(option), value < 1 {
                diagnostics.append(Diagnostic("\(option) must be 1 or more, not \(value)", at: invocation.range(of: option)))
            }
        }
        return diagnostics
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let modelRange = invocation.range(of: "model")
        let entry = try state.model(invocation.string("model") ?? "", at: modelRange)
        guard let trainer = entry.trainer else { throw RunError("the model has not been compiled", at: modelRange) }
        let reference = invocation.string("data") ?? ""
        let data = try state.trainingData(reference, at: invocation.range(of: "data"))
        if !entry.model.isBuilt {
            do { try entry.model.build(inputShape: data.features.sampleShape, generator: &state.generator, memory: state.memory) } catch {
                throw RunError(error, at: modelRange)
            }
        }
        let epochs = invocation.integer("epochs") ?? 1
        let descent: DescentMode = switch invocation.string("descent") {
        case "batch": .batch
        case "stochastic": .stochastic
        default: .miniBatch(size: invocation.integer("batch") ?? 32, shuffle: invocation.boolean("shuffle") ?? true)
        }
        let every = invocation.integer("every") ?? max(1, epochs / 10)
        let showWeights = entry.model.parameterCount <= TrainCommand.weightColumnsLimit
        entry.trainedOn = data
        let metricNames = ["loss"] + trainer.metrics.map(\.name)
        let weightNames = showWeights ? WeightsCommand.named(entry).map(\.name) : []
        var rows: [[String]] = []
        let steps = descent.stepsPerEpoch(samples: data.count)
        state.observer?.trainingWillStart(model: entry.model.name, description: descent.describe(samples: data.count), epochs: epochs, steps: steps)
        let history: TrainingHistory
        do {
            history = try trainer.fit(
                features: data.features, targets: data.targets, epochs: epochs, descent: descent, generator: &state.generator,
                shouldStop: state.shouldStop,
                onStep: { progress in state.observer?.stepDidFinish(progress) },
                onEpoch: { record in
                    state.observer?.epochDidFinish(record, of: epochs)
                    guard record.epoch == 1 || record.epoch % every == 0 || record.epoch == epochs else { return }
                    let weights = showWeights ? WeightsCommand.named(entry).map { state.format($0.value) } : []
                    rows.append([String(record.epoch)] + weights + metricNames.map { state.format(record.metrics[$0] ?? .nan) })
                })
        } catch {
            throw RunError(error, at: invocation.range)
        }
        entry.history = history
        var outputs: [Output] = [
            .text(descent.describe(samples: data.count) + ", \(epochs) epoch\(epochs == 1 ? "" : "s")"),
            .table(Table(headers: ["epoch"] + weightNames + metricNames, rows: rows)),
        ]
        if let last = history.epochs.last {
            outputs += metricNames.compactMap { name in last.metrics[name].map { .metric(name: name, value: $0) } }
        }
        return outputs
    }
}
