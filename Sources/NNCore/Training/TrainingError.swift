// What can stop training: a loss that blew up, or data that does not fit the model.

/// Why training stopped before its last epoch.
public enum TrainingError: Error, Equatable, Sendable {
    /// The loss became NaN or infinite: almost always a learning rate that is too large.
    case diverged(epoch: Int, step: Int, rate: Float)
    /// The loss of the very first step, before any update, was NaN or infinite: the learning
    /// rate played no part yet; the numbers are too large for Float32 from the start.
    case infiniteFromTheStart
    /// The data does not fit the model.
    case shape(ShapeError)
    /// Training was interrupted (Ctrl-C) after the given number of complete epochs.
    case interrupted(completedEpochs: Int)

    public var message: String {
        switch self {
        case .diverged(let epoch, let step, _):
            return "the loss became NaN or infinite at epoch \(epoch), step \(step)"
        case .infiniteFromTheStart:
            return "the loss of the first step is NaN or infinite, before any weight was changed"
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
        case .infiniteFromTheStart:
            return "the learning rate is not the cause: the inputs, the targets or the starting weights are so large that the outputs or the loss pass the largest 32-bit number (3.4e38); bring the data into a small range first (scale DATA COLUMN method=standardize, or divide= by the column's largest value)"
        case .shape(let error):
            return error.hint
        case .interrupted:
            return nil
        }
    }
}
