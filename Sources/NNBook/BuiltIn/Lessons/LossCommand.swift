// `loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]`: a loss by hand.

import NNCore

/// Computes a loss on written samples and shows every sample's error, the total and the
/// mean — the course's loss lesson.
///
/// A flat list is one value per sample; a nested list one row per sample, which the
/// categorical cross-entropies need (`y_pred=[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]`, with one-hot
/// rows or, for the sparse loss, class numbers as `y_true`); see `LossSamples`.
/// `dtype=float32` (the default) computes as Keras does; `dtype=float64` as NumPy does, which
/// the course's hand-written log loss with `epsilon=1e-15` needs (in Float32, 1 − 1e-15 is 1).
struct LossCommand: NotebookCommand, PrintsNumbers {
    static let configuration = CommandConfiguration(
        verb: "loss",
        summary: "compute a loss on numbers written in the cell: each sample's error, the total and the mean",
        examples: [
            "loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]",
            "loss binary_crossentropy y_true=[1, 0] y_pred=[0.9, 0.2] epsilon=1e-15 dtype=float64",
            "loss sparse_categorical_crossentropy y_true=[0, 1] y_pred=[[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]",
        ])

    /// The precision to compute in.
    enum Precision: String, ChoiceValue, CaseIterable {
        case float32, float64
    }

    @Argument(help: "the loss function") var loss: LossName
    /// A flat list is read as rows of one value each, a nested list as rows; see `LossSamples`.
    @Option(help: "the true values, or one row (or class number) per sample") var yTrue: [[Double]]
    @Option(help: "the predicted values, or one row per sample") var yPred: [[Double]]
    @Option(help: "cross-entropy's clipping bound (Keras: 1e-7)") var epsilon: Double?
    @Option(help: "y_pred holds scores, not probabilities") var fromLogits = false
    @Option(help: "compute as Keras (float32) or NumPy (float64)") var dtype = Precision.float32
    @Option(help: DecimalPlaces.help) var precision: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if case .failure(let problem) = LossSamples.read(self) { diagnostics.append(problem) }
        if let problem = CompileCommand.epsilonProblem(epsilon, float32: dtype == .float32, at: $epsilon) { diagnostics.append(problem) }
        diagnostics += CompileCommand.crossEntropyOptionProblems(
            of: loss.choice, fromLogits: fromLogits ? $fromLogits : nil, epsilon: epsilon == nil ? nil : $epsilon,
            instead: "compute a cross-entropy such as binary_crossentropy")
        // Keras' float32 cannot hold them; NumPy's float64 can.
        if dtype == .float32 {
            for (values, range) in [(yTrue, $yTrue), (yPred, $yPred)] {
                if let problem = values.joined().lazy.compactMap({ Float32Limit.problem($0, written: NumberText.plain($0), at: range, what: "compute with dtype=float64 for such numbers") }).first {
                    diagnostics.append(problem)
                }
            }
        }
        return diagnostics
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        guard let loss = Losses.named(loss.choice, epsilon: epsilon, fromLogits: fromLogits) else { throw RunError("unknown loss", at: command) }
        let samples: LossSamples
        switch LossSamples.read(self) {
        case .success(let read): samples = read
        case .failure(let problem): throw RunError(problem.message, hint: problem.hint, at: problem.range ?? command)
        }
        let errors: [Double] = if dtype == .float64 {
            samples.predicted.indices.map { LossCommand.sampleLoss(loss, samples.truth[$0], samples.predicted[$0]) }
        } else {
            samples.predicted.indices.map {
                Double(LossCommand.sampleLoss(loss, samples.truth[$0].map { Float($0) }, samples.predicted[$0].map { Float($0) }))
            }
        }
        let total = errors.reduce(0, +)
        let mean = total / Double(errors.count)
        let rows = errors.indices.map {
            [String($0 + 1), LossCommand.written(samples.truth[$0]), LossCommand.written(samples.predicted[$0]), state.format(errors[$0])]
        }
        return [
            .table(Table(headers: ["sample", "y_true", fromLogits ? "y_pred (logits)" : "y_pred", "error"], rows: rows)),
            .table(Table(headers: ["", loss.name], rows: [["total", state.format(total)], ["mean", state.format(mean)]])),
            .metric(name: "\(loss.name)_total", value: total), .metric(name: loss.name, value: mean),
        ]
    }

    /// One sample's loss, computed in the scalar type of its rows.
    static func sampleLoss<T: LossScalar>(_ loss: any Loss, _ truth: [T], _ predicted: [T]) -> T {
        truth.withUnsafeBufferPointer { t in predicted.withUnsafeBufferPointer { p in loss.sampleLoss(truth: t, predicted: p) } }
    }

    /// A row as the learner wrote it: `0.7` alone, `[0.7, 0.2, 0.1]` for several values.
    private static func written(_ row: [Double]) -> String {
        row.count == 1 ? NumberText.plain(row[0]) : "[" + row.map(NumberText.plain).joined(separator: ", ") + "]"
    }
}
