// The largest number a network's 32-bit values hold: a weight, bias, slope or filled-in value
// given beyond it would start as infinity, and the run would fail later with a NaN loss.

/// Numbers written for what computes in Float32, as Keras' float32 default does.
enum Float32Limit {
    /// Float32's largest finite value, about 3.4e38, as a learner reads it.
    static let largest = "3.4e38"

    /// The problem with `value` (written as `text`) when Float32 cannot hold it; `what` says
    /// what the number is for, in the hint.
    /// leaky_relu's `slope=` beyond Float32, on a layer or on the `activation` lesson alike.
    static func slopeProblem(_ slope: Double, at range: SourceRange) -> Diagnostic? {
        problem(slope, written: NumberText.plain(slope), at: range, what: "Keras' slope is 0.2, the course's 0.1")
    }

    /// Float32's smallest value above 0, about 1.4e-45, as a learner reads it.
    static let smallest = "1.4e-45"

    /// The problem with a `value` above 0 that Float32 rounds to 0 (`rate=1e-50`), where 0 is
    /// refused: the run would compute with 0, and learn nothing.
    static func underflow(_ value: Double, written text: String, at range: SourceRange, what: String) -> Diagnostic? {
        guard value > 0, Float(value) == 0 else { return nil }
        return Diagnostic(
            "\(text) is below the smallest 32-bit number above 0, \(smallest), so it would be 0", at: range,
            hint: "nnbook computes in 32-bit numbers (Float32), as Keras does: \(what)")
    }

    static func problem(_ value: Double, written text: String, at range: SourceRange, what: String) -> Diagnostic? {
        guard value.isFinite, !Float(value).isFinite else { return nil }
        return Diagnostic(
            "\(text) is beyond the largest 32-bit number, \(largest)", at: range,
            hint: "nnbook computes in 32-bit numbers (Float32), as Keras does, so \(text) would be infinite: \(what)")
    }
}
