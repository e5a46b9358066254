// A problem found while running a command, written for the learner who must fix it.

import NNCore
import NNData

/// Why a command could not finish.
public struct RunError: Error, Equatable, Sendable {
    public let message: String
    public let hint: String?
    /// Where in the notebook; nil means "at the command that failed".
    public let range: SourceRange?
    /// The learner stopped the run (Ctrl-C); it is recorded as interrupted, not failed.
    public private(set) var interrupted = false

    public init(_ message: String, hint: String? = nil, at range: SourceRange? = nil) {
        self.message = message.visible().clipped()
        self.hint = hint?.visible(keepingNewlines: true).clipped()
        self.range = range
    }

    /// A data file's problem, located in that file.
    public init(_ error: DataError, at range: SourceRange? = nil) {
        message = (error.path == nil ? error.message : error.description).visible().clipped()
        hint = error.hint?.visible(keepingNewlines: true).clipped()
        self.range = range
        interrupted = error.interrupted
    }

    /// A problem the check and the run find by the same rule: the run meets it only when the
    /// check could not know enough (a plugin's data of unknown size).
    public init(_ problem: Diagnostic) {
        self.message = problem.message
        self.hint = problem.hint
        self.range = problem.range
    }

    /// `samples`: the data given, whose samples' places in their file name the sample the
    /// error is about (`data/big.csv:200001`), not its place in a shuffled split.
    public init(_ error: ShapeError, at range: SourceRange? = nil, samples: Dataset? = nil) {
        if let (index, problem) = error.sample, let place = samples?.origins.place(of: index) {
            self.init("\(place.location): \(place.sample) \(problem)", hint: error.hint, at: range)
        } else {
            self.init(error.message, hint: error.hint, at: range)
        }
    }

    public init(_ error: TrainingError, at range: SourceRange? = nil, samples: Dataset? = nil) {
        if case .shape(let shape) = error {
            self.init(shape, at: range, samples: samples)
        } else {
            self.init(error.message, hint: error.hint, at: range)
        }
        if case .interrupted = error { interrupted = true }
    }

    /// A long command (reading, describing, drawing) stopped part-way because the run was asked
    /// to stop (Ctrl-C, SIGTERM, SIGHUP).
    public static func stopped(_ doing: String, at range: SourceRange? = nil) -> RunError {
        var error = RunError("\(doing) was stopped", at: range)
        error.interrupted = true
        return error
    }

    /// As a diagnostic at `range`, or at the failing command when the error names no place.
    public func diagnostic(defaultRange: SourceRange) -> Diagnostic {
        Diagnostic(message, at: range ?? defaultRange, hint: hint)
    }
}
