// What the checker knows of a model before anything runs: its layers and so its shapes and
// parameter count once its input is known, how it was compiled, and how it was trained.

import NNCore

/// A model as the commands before a line have made it.
public struct ModelFacts: Sendable {
    /// The layer lines, each with where it is written: a shape mistake points at its layer.
    let layers: [Located<any LayerLine>]
    /// Whether every layer line was read and has a size the run takes: when one was wrong (a
    /// reported mistake), the shapes, outputs and sizes that follow from the layers are not
    /// known, and the checks that need them stay silent.
    let layersAreKnown: Bool
    /// Whether the outputs are as the last dense layer's units say: false once a mistake in
    /// those units was told at the layer (`dense 2` where the targets have one column). The
    /// outputs and the weight names are then not known, so the lines after it (an expectation
    /// of one number, `landscape … x=w1`) are not told that mistake again.
    var outputsAreKnown = true
    /// The shape of one input sample: from `input=`, else from the data it is first trained on.
    public var inputShape: [Int]?
    /// Where `input=` gave `inputShape` (on this model's line or on the one it was made like):
    /// data its layers would take in another shape points there.
    let inputRange: SourceRange?
    /// Set by `compile`.
    public var compilation: Compilation?
    /// What the `train` commands so far have done.
    public var training = Training()
    /// The data it was last trained on: `predict` takes inputs by its column names.
    public var trainedOn: DatasetFacts?
    /// A mistake in how data fits this model was reported already: the commands after it stay
    /// silent about the model rather than repeat the same mistake once per line.
    public var misfitReported = false
    /// An `expect … prediction` was told that this model gives more than one output: the
    /// expectations after it are the same mistake (a last layer of several units, or a
    /// classifier's distribution where a number was meant), told once.
    public var manyOutputsReported = false

    init(layers: [Located<any LayerLine>], inputShape: [Int]?, inputRange: SourceRange? = nil, layersAreKnown: Bool = true) {
        self.layers = layers
        self.layersAreKnown = layersAreKnown
        self.inputShape = inputShape
        self.inputRange = inputRange
    }

    /// `compile`'s choices, each nil where the `compile` line could not be read far enough to
    /// give it (a loss nnbook does not know, a list never closed): the checks that weigh it
    /// then stay silent, and the others still check the model.
    public struct Compilation: Sendable, Equatable {
        public let loss: CompiledLoss?
        public let optimizer: String?
        /// `loss` and the metrics asked for; nil when `metrics=` could not be read (the loss is
        /// recorded whatever they are).
        public let metrics: [String]?
        /// Where `metrics=` is written (the `compile` line when it is not).
        public let metricsRange: SourceRange
    }

    /// The loss a model is compiled with.
    public struct CompiledLoss: Sendable, Equatable {
        public let name: String
        /// Where `loss=` is written: a loss that does not fit the targets points there.
        public let range: SourceRange
        public let fromLogits: Bool

        /// A regression's loss: the model predicts numbers, not classes.
        public var predictsNumbers: Bool {
            ["mse", "mae", "mean_squared_error", "mean_absolute_error"].contains(name)
        }
    }

    /// The training so far.
    public struct Training: Sendable, Equatable {
        /// What the `train` commands so far will have recorded, and in which epochs: the
        /// compiled metrics, and their `val_` counterparts in the epochs of a validated training.
        public private(set) var recordedEpochs: [String: [ClosedRange<Int>]] = [:]
        /// The epochs trained so far, across every `train` of the model.
        public var epochs = 0

        /// Every metric recorded in some epoch.
        public var recordedMetrics: Set<String> { Set(recordedEpochs.keys) }

        /// Notes `metric` in `epochs`, which follow every epoch recorded before.
        mutating func record(_ metric: String, in epochs: ClosedRange<Int>) {
            var spans = recordedEpochs[metric] ?? []
            if let last = spans.last, last.upperBound == epochs.lowerBound - 1 {
                spans[spans.count - 1] = last.lowerBound...epochs.upperBound
            } else {
                spans.append(epochs)
            }
            recordedEpochs[metric] = spans
        }

        /// Whether a `train` recorded metrics the check does not know (its model's `compile`
        /// line could not be read as far as `metrics=`): any metric nnbook has, or its `val_`
        /// counterpart, not known to be recorded may be.
        public var recordedUnknownMetrics = false

        /// Whether `metric` was recorded in at least one of `epochs`, or may have been: `plot`
        /// has a line to draw.
        public func recorded(_ metric: String, in epochs: ClosedRange<Int>) -> Bool {
            recordedEpochs[metric].map { $0.contains { $0.overlaps(epochs) } } ?? mayBeUnknown(metric)
        }

        /// Whether `metric` was recorded in some epoch, or may have been.
        public func mayHaveRecorded(_ metric: String) -> Bool {
            recordedEpochs[metric] != nil || mayBeUnknown(metric)
        }

        private func mayBeUnknown(_ metric: String) -> Bool {
            recordedUnknownMetrics && Metric.names.contains(metric.hasPrefix("val_") ? String(metric.dropFirst(4)) : metric)
        }
    }

    /// A layer that cannot take the shape it would be given.
    struct LayerMismatch: Error {
        let line: SourceRange
        let error: ShapeError
    }

    public var isTrained: Bool { training.epochs > 0 }

    /// The units of the last dense layer: the outputs per sample, whatever the input.
    public var outputs: Int? { outputsAreKnown ? lastDense?.value.units : nil }

    /// The last dense layer, with where it is written: its units and activation make the
    /// model's outputs.
    var lastDense: Located<DenseLine>? {
        guard layersAreKnown else { return nil }
        for line in layers.reversed() {
            if let dense = line.value as? DenseLine { return Located(dense, at: line.range) }
        }
        return nil
    }

    /// Why the run would refuse to build the model for samples of `inputShape` under `memory`
    /// (its own rule, from the same layers): at the units of the dense layer that takes the
    /// most of it, the one to make smaller, else at `fallback`; nil when it fits, or when the
    /// samples do not fit the layers, a mistake reported on its own.
    func memoryProblem(named name: String, inputShape: [Int], memory: MemoryLimit, at fallback: SourceRange) -> Diagnostic? {
        guard layersAreKnown else { return nil }
        let model = sequential(named: name)
        guard let refusal = (try? model.memoryRefusal(inputShape: inputShape, memory: memory)) ?? nil else { return nil }
        guard let shares = try? model.memoryShares(inputShape: inputShape, batch: 1).layers,
            let heaviest = shares.indices.max(by: { shares[$0] < shares[$1] }),
            let dense = layers[heaviest].value as? DenseLine,
            let inputs = try? model.plannedSizes(inputShape: inputShape).layers[heaviest].inputs
        else { return Diagnostic(refusal.message, at: fallback, hint: refusal.hint) }
        let share = shares[heaviest] == Int.max ? "more than a 64-bit machine can address" : MemoryLimit.describe(shares[heaviest])
        let weights = MemoryLimit.sum([MemoryLimit.product([inputs, dense.units], size: 1), dense.units])
        return Diagnostic(
            refusal.message, at: dense.$units,
            hint: "`dense \(dense.units)` holds \(share) of it: \(ColumnWindow.grouped(weights)) weights (\(ColumnWindow.grouped(inputs)) inputs × \(ColumnWindow.grouped(dense.units)) units, and a bias per unit), each with its gradient and the optimizer's state, and \(ColumnWindow.grouped(dense.units)) outputs for each sample of a batch; " + (refusal.hint ?? ""))
    }

    /// The model the run would make of these layers, not built: what its sizes are planned on.
    func sequential(named name: String) -> Sequential {
        Sequential(name: name, layers: layers.map { $0.value.layer() })
    }

    /// Each layer's output shape and the parameter count for samples of `inputShape`, planned
    /// by the same code that builds the layers; the failing layer's line and its error when the
    /// samples do not fit; nil when the layers are not all known.
    func plan(for inputShape: [Int]) -> Result<(outputShape: [Int], parameters: Int), LayerMismatch>? {
        guard layersAreKnown else { return nil }
        var shape = inputShape, parameters = 0
        for line in layers {
            do {
                let planned = try line.value.layer().plan(inputShape: shape)
                shape = planned.outputShape
                parameters = planned.parameters == Int.max ? Int.max : parameters &+ planned.parameters
            } catch {
                return .failure(LayerMismatch(line: line.range, error: error))
            }
        }
        return .success((shape, parameters))
    }
}
