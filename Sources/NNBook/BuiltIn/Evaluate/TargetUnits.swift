// Which units a regression's loss and metrics are reported in when its target was scaled: the
// target's own (lakh, as `predict` answers in), or the scaled units the model learned in.

import Foundation
import NNCore
import NNData

/// A scaled target's units, and how a figure computed on the scaled target goes back into them.
///
/// Every scaling `scale` applies is affine, y′ = (y − a) / s, so a prediction off by e scaled
/// units is off by s·e in the target's own units: a mean absolute error is multiplied by |s| and
/// a mean squared error by s², exactly, whatever the batches were. scikit-learn's
/// `TransformedTargetRegressor` reports errors in the target's own units too; Keras reports
/// whatever the model was fitted on. Accuracy has no units and is left as it is; a
/// cross-entropy means nothing in the target's units and stays as computed.
struct TargetUnits {
    /// `units=original|scaled` on `train`, `evaluate`, `expect`, `plot` and `landscape`.
    enum Choice: String, ChoiceValue, CaseIterable {
        case original, scaled

        static let help = "report the loss and errors of a scaled target in its original units (the default) or in the scaled units the model learned in"
        static let drawHelp = "draw the loss and errors of a scaled target in its original units (the default) or in the scaled units the model learned in"
    }

    /// The target columns (`price`), and those of them that were scaled, in the targets' order.
    let columns: [String]
    let scaled: [(column: String, scaling: ColumnScaling)]
    /// The compiled loss, which decides the units of `loss` and `val_loss`.
    let loss: any Loss
    /// Whether figures are reported in the target's own units: only one target column's
    /// figures can be, since a loss over several averages their errors in one figure.
    let original: Bool
    /// `units=original` was asked of several target columns: the page says why it cannot be.
    let originalAskedOfSeveral: Bool

    /// The units of `data`'s targets for a model compiled with `loss`; nil when there is
    /// nothing to undo, because no target column was scaled (one-hot classes never are), and
    /// then `units=` changes nothing.
    init?(of data: Dataset, loss: any Loss, choice: Choice?) {
        let scaled = data.targetNames.compactMap { name in data.scalings[name].map { (column: name, scaling: $0) } }
        guard !scaled.isEmpty else { return nil }
        columns = data.targetNames
        self.scaled = scaled
        self.loss = loss
        original = (choice ?? .original) == .original && columns.count == 1
        originalAskedOfSeveral = choice == .original && columns.count > 1
    }

    /// The one target column, when there is one.
    private var column: String { columns.count == 1 ? columns[0] : columns.joined(separator: ", ") }

    /// s: how many of the target's units one scaled unit is (for one target column).
    var unit: Double { abs(scaled[0].scaling.invert(1) - scaled[0].scaling.invert(0)) }

    /// The power of the target's unit that `metric` is in: 2 for a squared error, 1 for an
    /// absolute error, 0 for a figure without units (accuracy); nil for one that has no meaning
    /// in the target's units (a cross-entropy).
    func power(of metric: String) -> Int? {
        let name = metric.hasPrefix("val_") ? String(metric.dropFirst(4)) : metric
        switch name == "loss" ? loss.name : name {
        case "mean_squared_error", "mse": return 2
        case "mean_absolute_error", "mae": return 1
        case "accuracy": return 0
        default: return nil
        }
    }

    /// `value` of `metric` in the units reported.
    func reported(_ metric: String, _ value: Double) -> Double {
        guard original, let power = power(of: metric) else { return value }
        return value * pow(unit, Double(power))
    }

    /// Every figure of `metrics` in the units reported.
    func reported(_ metrics: [String: Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: metrics.map { ($0.key, reported($0.key, $0.value)) })
    }

    /// The units `metric` is reported in (`price's units squared`); nil for one without units.
    /// Several target columns, some scaled, give one figure averaged over units that differ.
    func units(of metric: String) -> String? {
        let scaledNames = scaled.map(\.column).joined(separator: ", ")
        let units = original ? "\(column)'s units" : columns.count == 1 ? "scaled units" : "mixed units (\(scaledNames) scaled)"
        guard let power = power(of: metric) else { return "as computed on the scaled \(scaledNames)" }
        return power == 0 ? nil : units + (power == 2 ? " squared" : "")
    }

    /// The line under a table that says which units each of `metrics` is in.
    func statement(for metrics: [String]) -> String {
        var groups: [(units: String, names: [String])] = []
        for metric in metrics {
            guard let units = units(of: metric) else { continue }
            if let index = groups.firstIndex(where: { $0.units == units }) { groups[index].names.append(metric) } else { groups.append((units, [metric])) }
        }
        let parts = groups.map { group in
            group.names.joined(separator: ", ") + (group.units.hasPrefix("as ") ? " " : " in ") + group.units
        }
        let scalings = scaled.map { "scaled \($0.column) = \(ScaleCommand.describe($0.scaling, column: $0.column))" }.joined(separator: ", ")
        let why = original
            ? "the target's own units, as `predict` answers; units=scaled gives them as the model learned them"
            : columns.count == 1
            ? "\(scalings); units=original gives them in \(column)'s own units"
            : "each averages the errors of the target columns \(column) as the model learned them, where \(scalings); "
                + (originalAskedOfSeveral ? "units=original cannot apply: " : "")
                + "one figure cannot be in each column's own units, so train a model per target to see them"
        return parts.joined(separator: "; ") + " (" + why + ")"
    }
}
