// What can stop training: a loss that blew up, or data that does not fit the model.

/// Why training stopped before its last epoch.
public enum TrainingError: Error, Equatable, Sendable {
    /// The loss became NaN or infinite: almost always a learning rate that is too large.
    case diverged(epoch: Int, step: Int, rate: Float)
    /// The data does not fit the model.
    case shape(ShapeError)
    /// Training was interrupted (Ctrl-C) after the given number of complete epochs.
    case interrupted(completedEpochs: Int)

    public var message: String {
        switch self {
        case .diverged(let epoch, let step, _):
            return "the loss became NaN or infinite at epoch \(epoch), step \(step)"
        case .shape(let error):
            return error.message
        case .interrupted(let completed):
            return "training was interrupted after \(completed) complete epoch\(completed == 1 ? "" : "s")"
        }
    }

    public var hint: String? {
        switch self {
        case .diverged(_, _, let rate):
            // A tenth of the rate as written (0.001 → 0.0001): a tenth of the Float32 itself
            // would show its rounding, 0.000100000005.
            let tenth = Float((Double(rate.description) ?? Double(rate)) / 10)
            return "the steps are too large for this data: try a smaller learning rate, e.g. rate=\(tenth)"
        case .shape(let error):
            return error.hint
        case .interrupted:
            return nil
        }
    }
}
