// `loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]`: a loss by hand.

import NNCore

/// Computes a loss on two written vectors, each element one sample, and shows every sample's
/// error, the total and the mean — the course's loss lesson.
///
/// `dtype=float32` (the default) computes as Keras does; `dtype=float64` as NumPy does, which
/// the course's hand-written log loss with `epsilon=1e-15` needs (in Float32, 1 − 1e-15 is 1).
/// For the categorical cross-entropies both vectors form one sample.
struct LossCommand: CellCommand {
    let schema = CommandSchema(
        verb: "loss",
        summary: "compute a loss on numbers written in the cell: each sample's error, the total and the mean",
        arguments: [ArgumentSchema("loss", .choice(Losses.names), summary: "the loss function")],
        options: [
            OptionSchema("y_true", .list(.number), summary: "the true values", isRequired: true),
            OptionSchema("y_pred", .list(.number), summary: "the predicted values", isRequired: true),
            OptionSchema("epsilon", .number, summary: "cross-entropy's clipping bound (Keras: 1e-7)"),
            OptionSchema("from_logits", .boolean, summary: "y_pred holds scores, not probabilities", default: .boolean(false)),
            OptionSchema("dtype", .choice(["float32", "float64"]), summary: "compute as Keras (float32) or NumPy (float64)", default: .string("float32")),
        ],
        examples: ["loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]", "loss binary_crossentropy y_true=[1, 0] y_pred=[0.9, 0.2] epsilon=1e-15 dtype=float64"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let truth = invocation.numbers("y_true") ?? [], predicted = invocation.numbers("y_pred") ?? []
        if truth.count != predicted.count {
            return [Diagnostic(
                "y_true has \(truth.count) values but y_pred has \(predicted.count)", at: invocation.range(of: "y_pred"),
                hint: "give one prediction for each true value")]
        }
        if truth.isEmpty {
            return [Diagnostic("y_true and y_pred need at least one value", at: invocation.range(of: "y_true"))]
        }
        if invocation.string("loss") == "sparse_categorical_crossentropy" {
            return [Diagnostic(
                "sparse_categorical_crossentropy takes a class number, not a vector of true values", at: invocation.range(of: "loss"),
                hint: "use categorical_crossentropy with a one-hot y_true")]
        }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        guard let loss = Losses.named(
            invocation.string("loss") ?? "", epsilon: invocation.number("epsilon"), fromLogits: invocation.boolean("from_logits") ?? false)
        else { throw RunError("unknown loss", at: invocation.range) }
        let truth = invocation.numbers("y_true") ?? [], predicted = invocation.numbers("y_pred") ?? []
        let errors: [Double]
        let categorical = loss is CategoricalCrossEntropy
        let width = categorical ? truth.count : 1
        if invocation.string("dtype") == "float64" {
            errors = LossCommand.sampleLosses(loss, truth, predicted, width: width)
        } else {
            errors = LossCommand.sampleLosses(loss, truth.map { Float($0) }, predicted.map { Float($0) }, width: width).map(Double.init)
        }
        let total = errors.reduce(0, +)
        let mean = total / Double(errors.count)
        var outputs: [Output] = []
        if !categorical {
            let rows = errors.indices.map { [String($0 + 1), NumberText.plain(truth[$0]), NumberText.plain(predicted[$0]), state.format(errors[$0])] }
            outputs.append(.table(Table(headers: ["sample", "y_true", "y_pred", "error"], rows: rows)))
        }
        outputs.append(.table(Table(headers: ["", loss.name], rows: [["total", state.format(total)], ["mean", state.format(mean)]])))
        outputs += [.metric(name: "\(loss.name)_total", value: total), .metric(name: loss.name, value: mean)]
        return outputs
    }

    /// Each sample's loss, computed in the scalar type of the vectors.
    static func sampleLosses<T: LossScalar>(_ loss: any Loss, _ truth: [T], _ predicted: [T], width: Int) -> [T] {
        truth.withUnsafeBufferPointer { t in
            predicted.withUnsafeBufferPointer { p in
                stride(from: 0, to: truth.count, by: width).map { start in
                    loss.sampleLoss(
                        truth: UnsafeBufferPointer(rebasing: t[start..<(start + width)]),
                        predicted: UnsafeBufferPointer(rebasing: p[start..<(start + width)]))
                }
            }
        }
    }
}
