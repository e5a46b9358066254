// What can go wrong with run history, written for the learner at the keyboard.

import NNBook
import NNCore
import NNData

/// A run history problem.
public enum HistoryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// git's lock file on the reference stayed `seconds` old and could not be taken over.
    case staleLock(path: String, seconds: Int)
    /// The notebook has no recorded runs yet.
    case noRuns(notebook: String)
    /// Every recorded run failed or was interrupted, and no run was named.
    case noSuccessfulRun(notebook: String, available: Int)
    /// A RUN argument that names no run.
    case unknownRun(String, available: Int)
    /// `nnbook log --metric NAME` where no run recorded a metric NAME names; `available` holds
    /// the metrics the runs did record.
    case unknownMetric(String, available: [MetricColumn])
    /// A run that lacks the requested file.
    case noSuchFile(String, available: [String])
    /// A file stands where the history of a notebook outside git should be kept.
    case storeBlocked(path: String)
    /// The notebook's reference names another reference instead of a run.
    case symbolicReference(String, target: String)
    /// Another reference is named like a folder of the notebook's, or lies inside it, so git
    /// cannot create the notebook's.
    case referenceInTheWay(String, blocking: String)
    /// A record in history that nnbook cannot read.
    case unreadable(String)
    /// A run named on the command line whose record cannot be read: its title and why.
    case unreadableRun(String, why: String)
    case git(GitError)

    /// Any error met while reading or writing history, as a HistoryError; anything else than
    /// git's errors and nnbook's own is a stored document that could not be read or written,
    /// described in words (`StoredDataProblem`), never as Swift prints it.
    static func wrapping(_ error: any Error) -> HistoryError {
        if let history = error as? HistoryError { return history }
        if let git = error as? GitError { return .git(git) }
        return .unreadable(StoredDataProblem.describe(error))
    }

    public var description: String {
        switch self {
        case .staleLock(let path, let seconds):
            return "cannot record the run: git's lock file \(path) is \(seconds) s old, and nnbook could not take it over (a live nnbook holds it for milliseconds; one older than ten seconds was left by a run killed while recording, or a git program keeps it): remove \(path) and run again"
        case .noRuns(let notebook):
            return "\(notebook) has no recorded runs yet: `nnbook run \(notebook)` records one"
        case .noSuccessfulRun(let notebook, let available):
            return "\(notebook) has no successful run: every one of its \(available) run\(available == 1 ? "" : "s") failed or was interrupted; name the run to export (1 to \(available), or last) or fix the notebook and run it again"
        case .unknownRun(let spec, let available):
            return "there is no run '\(spec)': name a run by its number (1 to \(available)), its id, or last, last~1, …"
        case .unknownMetric(let name, let available):
            // The names come from the runs' records, which may have been fetched: escaped.
            let measures = Array(Set(available.map(\.measure))).sorted().map { $0.visible() }
            let suggestion = Suggestions.suggestion(for: name, in: measures + available.map(\.name), otherSpellings: Metric.kerasSpellingsWithValidation)?.visible()
            let recorded = measures.isEmpty
                ? "the runs recorded no metrics"
                : "the runs recorded \(measures.joined(separator: ", ").clipped()); `nnbook log FILE --table` shows every metric's whole key"
            return "no run recorded a metric '\(name.excerpt())'\nhint: " + (suggestion.map { $0 + ($0.hasSuffix("?") ? " " : "; ") } ?? "") + recorded
        case .noSuchFile(let name, let available):
            return "the run has no file \(name.visible()); it has \(available.map { $0.visible() }.joined(separator: ", ").clipped())"
        case .storeBlocked(let path):
            return "cannot record the run: \(path) is a file, but nnbook keeps the history of notebooks outside a git repository in a folder of that name; move the file away"
        case .symbolicReference(let name, let target):
            return "cannot record the run: \(name) is a symbolic reference to \(target), not a chain of runs; remove it with `git update-ref -d --no-deref \(name)` (in the notebook's repository) and run again"
        case .referenceInTheWay(let name, let blocking):
            let kept = "refs/nnbook/kept/" + blocking.dropFirst("refs/nnbook/".count)
            return "cannot record the run: git cannot create its reference \(name) because \(blocking) exists, and a reference cannot be both a name and a folder of names (an earlier nnbook named references so, or one was made by hand). Keep that reference's runs under another name, then run again: `git update-ref \(kept) \(blocking) && git update-ref -d \(blocking)` in the notebook's repository"
        case .unreadable(let what):
            return "the run history is damaged: \(what)"
        case .unreadableRun(let title, let why):
            return "\(title) cannot be read: \(why)\nhint: it was damaged, made by hand, or recorded by a newer nnbook; the other runs can still be shown and compared (`nnbook log FILE` lists them)"
        case .git(let error):
            return error.description
        }
    }
}
