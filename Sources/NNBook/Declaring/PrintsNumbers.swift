// `precision=N` on a command that prints computed numbers: decimal places for its own output,
// where the notebook's `precision` sets them for every command.

/// A command whose output holds computed numbers (losses, weights, probabilities), formatted
/// with `RunState.format`. It declares
///
/// ```swift
/// @Option(help: DecimalPlaces.help) var precision: Int?
/// ```
///
/// and the command then prints with that many decimal places, while the others keep the
/// notebook's. A loss of 0.09 and a price of 276.35 can then share a page: Keras prints four
/// places everywhere, and a lesson needs fewer or more where it says so.
public protocol PrintsNumbers {
    /// `precision=N` as written; nil for the notebook's precision.
    var precision: Int? { get }
}

/// The words of the `precision=` option, the same on every command that has it.
public enum DecimalPlaces {
    public static let help = "decimal places for the numbers this command prints (the notebook's precision otherwise)"
}

extension PrintsNumbers {
    /// A place count outside what the front matter allows, reported where it was written.
    func precisionDiagnostics(at range: SourceRange) -> [Diagnostic] {
        guard let precision, !FrontMatter.precisionRange.contains(precision) else { return [] }
        return [Diagnostic(
            "precision must be a whole number of decimal places from 0 to 12, not \(precision)", at: range,
            hint: "precision=2 prints 0.09; leave it out for the notebook's precision")]
    }
}
