// Which way a metric improves: accuracy up, loss down. `nnbook diff` says "better" or "worse"
// with it, and a sweep's page marks each column's best run.

/// Whether a higher or a lower value of a metric is better.
public enum MetricGoal: Sendable {
    case higher, lower

    /// The goal for a metric named like Keras' (`accuracy`, `val_loss`, `mae`); nil for a
    /// metric nnbook cannot judge, such as an external plugin's.
    public init?(metric: String) {
        let name = metric.lowercased()
        if ["accuracy", "precision", "recall", "f1"].contains(where: { name.contains($0) }) {
            self = .higher
        } else if ["loss", "error", "mae", "mse", "crossentropy"].contains(where: { name.contains($0) }) {
            self = .lower
        } else {
            return nil
        }
    }

    /// Whether `value` is better than `other`.
    public func prefers(_ value: Double, over other: Double) -> Bool {
        self == .higher ? value > other : value < other
    }
}
