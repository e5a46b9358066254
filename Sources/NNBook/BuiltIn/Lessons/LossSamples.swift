// The numbers written after `loss`, read as samples: one row of truth and one row of
// predictions each, checked for the shape the loss needs.

/// `y_true` and `y_pred` as one row per sample.
///
/// A flat list is one value per sample (`y_true=[0.3, 0.7]` is two samples), as the course's
/// loss lesson counts them; a nested list is one row per sample (`y_pred=[[0.7, 0.2, 0.1],
/// [0.1, 0.8, 0.1]]`). The categorical cross-entropies compare whole rows of class
/// probabilities, so for them a flat `y_pred` is one sample, as Keras reads a 1-D vector.
/// Sparse categorical cross-entropy takes one class number per sample as its truth.
struct LossSamples: Equatable {
    let truth: [[Double]]
    let predicted: [[Double]]

    /// The samples, or the first problem with their shape, placed at the option at fault.
    static func read(_ command: LossCommand) -> Result<LossSamples, Diagnostic> {
        let lossName = command.loss.choice
        let sparse = lossName == "sparse_categorical_crossentropy"
        let categorical = sparse || lossName == "categorical_crossentropy"
        var truth = command.yTrue, predicted = command.yPred
        let truthRange = command.$yTrue, predictedRange = command.$yPred
        if truth.isEmpty || predicted.isEmpty {
            return .failure(Diagnostic("y_true and y_pred need at least one value", at: truth.isEmpty ? truthRange : predictedRange))
        }
        let flatPredictions = predicted.count > 1 && predicted.allSatisfy { $0.count == 1 }
        if categorical, flatPredictions { predicted = [predicted.map { $0[0] }] }
        if lossName == "categorical_crossentropy", let problem = classNumbersProblem(truth, predicted, at: truthRange) {
            return .failure(problem)
        }
        if !sparse, categorical, truth.count > 1, truth.allSatisfy({ $0.count == 1 }) { truth = [truth.map { $0[0] }] }
        if let problem = unevenRows(predicted, name: "y_pred", at: predictedRange) ?? unevenRows(truth, name: "y_true", at: truthRange) {
            return .failure(problem)
        }
        let width = predicted[0].count
        // A flat y_pred is one sample's row of class probabilities: class numbers for several
        // samples need one row each.
        if sparse, flatPredictions, truth.count > 1, !looksOneHot(truth, classes: width) {
            return .failure(Diagnostic(
                "y_pred is one row of \(width) class probabilities (a single sample), but y_true has \(truth.count) class numbers", at: predictedRange,
                hint: "give one row of probabilities per sample, e.g. y_pred=[[0.7, 0.3], [0.4, 0.6]]; if y_true is a one-hot row, use categorical_crossentropy"))
        }
        if sparse, let problem = classNumberProblem(truth, classes: width, samples: predicted.count, at: truthRange) {
            return .failure(problem)
        }
        if truth.count != predicted.count {
            let flat = width == 1 && truth[0].count == 1
            return .failure(Diagnostic(
                "y_true has \(count(truth.count, flat ? "value" : "sample")) but y_pred has \(predicted.count)", at: predictedRange,
                hint: flat ? "give one prediction for each true value" : "give one row of predictions for each sample"))
        }
        if !sparse, truth[0].count != width {
            return .failure(Diagnostic(
                "each sample has \(count(truth[0].count, "true value")) but \(count(width, "prediction"))", at: predictedRange,
                hint: categorical ? "give a one-hot row with one place per class" : "give one prediction for each true value"))
        }
        // Cross-entropy's true values are probabilities: 5 or -1 would give a negative loss.
        if !sparse, categorical || lossName == "binary_crossentropy", let bad = truth.joined().first(where: { !($0 >= 0 && $0 <= 1) }) {
            return .failure(Diagnostic(
                "y_true holds \(NumberText.plain(bad)), but \(lossName) takes true values from 0 to 1", at: truthRange,
                hint: lossName == "binary_crossentropy" ? "binary labels are 0 or 1" : "one-hot rows hold 0s and a single 1"))
        }
        // Without from_logits, a cross-entropy's predictions are probabilities: the log of a
        // negative number, or of more than certainty, is no loss at all. The categorical ones
        // divide each row by its sum first, as Keras does, so there only a negative value is wrong.
        if !command.fromLogits, categorical || lossName == "binary_crossentropy" {
            let binary = lossName == "binary_crossentropy"
            if let bad = predicted.joined().first(where: { binary ? !($0 >= 0 && $0 <= 1) : !($0 >= 0) }) {
                return .failure(Diagnostic(
                    "y_pred holds \(NumberText.plain(bad)), but \(lossName) takes predicted probabilities" + (binary ? " from 0 to 1" : ", which are 0 or more"),
                    at: predictedRange, hint: "a sigmoid or softmax gives probabilities; for raw scores add from_logits=true"))
            }
        }
        return .success(LossSamples(truth: truth, predicted: predicted))
    }

    private static func unevenRows(_ rows: [[Double]], name: String, at range: SourceRange) -> Diagnostic? {
        guard let odd = rows.firstIndex(where: { $0.count != rows[0].count }) else { return nil }
        return Diagnostic(
            "the rows of \(name) have different lengths: row 1 has \(count(rows[0].count, "value")), row \(odd + 1) has \(rows[odd].count)",
            at: range, hint: "give every sample the same number of values")
    }

    /// `y_true=[0, 1]` beside rows of predictions: one class number per sample, the truth the
    /// sparse loss takes, where categorical_crossentropy takes a one-hot row per sample.
    private static func classNumbersProblem(_ truth: [[Double]], _ predicted: [[Double]], at range: SourceRange) -> Diagnostic? {
        let classes = truth.compactMap { $0.count == 1 ? $0[0].classNumber : nil }
        let width = predicted[0].count
        guard classes.count == truth.count, truth.count == predicted.count, width > 1 else { return nil }
        let rows = classes.allSatisfy { $0 < width } ? classes : Array(0..<min(truth.count, width))
        let oneHot = rows.map { row in "[" + (0..<width).map { $0 == row ? "1" : "0" }.joined(separator: ", ") + "]" }
        return Diagnostic(
            "categorical_crossentropy takes one-hot rows, but y_true gives \(count(truth.count, "class number"))", at: range,
            hint: "write one row per sample with a 1 at its class, e.g. y_true=[\(oneHot.joined(separator: ", "))]; "
                + "for class numbers use sparse_categorical_crossentropy")
    }

    /// Class numbers must be whole, one per sample, and name a place in the row of probabilities.
    private static func classNumberProblem(_ truth: [[Double]], classes: Int, samples: Int, at range: SourceRange) -> Diagnostic? {
        let oneHotHint = "sparse_categorical_crossentropy takes the class number of each sample (y_true=[1] for [0, 1, 0]); "
            + "for one-hot rows use categorical_crossentropy"
        if truth[0].count > 1 {
            return Diagnostic("sparse_categorical_crossentropy takes class numbers, not one-hot rows", at: range, hint: oneHotHint)
        }
        let labels = truth.map { $0[0] }
        if labels.count != samples, looksOneHot(truth, classes: classes) {
            return Diagnostic("y_true looks like a one-hot row, but sparse_categorical_crossentropy takes class numbers", at: range, hint: oneHotHint)
        }
        if let bad = labels.first(where: { $0.classNumber == nil }) {
            return Diagnostic("\(NumberText.plain(bad)) is not a class number", at: range, hint: "classes are numbered 0, 1, 2, …")
        }
        if let beyond = labels.compactMap(\.classNumber).first(where: { $0 >= classes }) {
            return Diagnostic(
                "class \(beyond) is beyond the row: y_pred gives \(count(classes, "class")), numbered 0 to \(classes - 1)", at: range,
                hint: "give each row of y_pred one probability per class")
        }
        return nil
    }

    /// A flat y_true of 0s and a single 1, one place per class: a one-hot row.
    private static func looksOneHot(_ truth: [[Double]], classes: Int) -> Bool {
        let labels = truth.map { $0[0] }
        return labels.count == classes && labels.allSatisfy { $0 == 0 || $0 == 1 } && labels.reduce(0, +) == 1
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)" + (number == 1 ? "" : (noun.hasSuffix("s") ? "es" : "s"))
    }
}
