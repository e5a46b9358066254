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
            return "the steps are too large for this data: try a smaller learning rate, e.g. rate=\(rate / 10)"
        case .shape(let error):
            return error.hint
        case .interrupted:
            return nil
        }
    }
}
