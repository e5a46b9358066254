// A notebook's runs as `nnbook log` lists them: those whose record reads, and those whose record
// (fetched from someone else, damaged or made by hand) does not, which hide none of the others.

import Foundation

/// Every run on a notebook's chain, newest first, each kept under the number its place gives it.
public struct RunListing: Sendable {
    /// The runs whose record can be read.
    public internal(set) var runs: [Run]
    /// The runs whose record cannot be read.
    public internal(set) var unreadable: [UnreadableRun]

    /// A run of either kind.
    public enum Entry: Sendable {
        case run(Run)
        case unreadable(UnreadableRun)

        public var number: Int {
            switch self {
            case .run(let run): run.number
            case .unreadable(let run): run.number
            }
        }

        public var id: ObjectID {
            switch self {
            case .run(let run): run.id
            case .unreadable(let run): run.id
            }
        }
    }

    /// Both kinds together, newest first.
    public var entries: [Entry] {
        (runs.map(Entry.run) + unreadable.map(Entry.unreadable)).sorted { $0.number > $1.number }
    }
}

/// A run whose `run.json` or `metrics.json` cannot be read: a status this nnbook does not know,
/// a missing field, a document that is not JSON.
public struct UnreadableRun: Equatable, Sendable {
    public let number: Int
    public let id: ObjectID
    public let time: Date
    /// Why, escaped for the terminal.
    public let why: String

    /// `run 3 (1a2b3c4)`, as a readable run is named.
    public var title: String { "run \(number) (\(id.short))" }
}
