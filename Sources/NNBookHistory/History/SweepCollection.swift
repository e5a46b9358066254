// Gathering a sweep's runs from history: the newest run of each combination recorded under the
// sweep's id, whichever machine recorded it, turned into the rows of the sweep's page.

import Foundation
import NNBook
import NNData

/// A run of a sweep as `--collect` finds it: on the notebook's own chain of runs, or only under
/// the sweep's references, pushed there by a machine working in its own clone.
public struct SweepRun: Sendable {
    public let id: ObjectID
    /// The run's number on this clone's chain; nil for a run that is only under the sweep's
    /// references.
    public let number: Int?
    public let time: Date
    public let record: RunRecord

    /// The number, or the short id of a run that has none here: what the sweep's table shows.
    public var name: String { number.map(String.init) ?? id.short }
}

extension RunHistory {
    /// Where the runs of sweep `id` are marked, one reference per run:
    /// `refs/nnbook/sweeps/<notebook path>/<sweep id>/<run id>`. A machine in its own clone pushes
    /// `refs/nnbook/sweeps/*`; as every run has a reference of its own, pushes from many
    /// machines never conflict, whereas the notebook's chain of runs would.
    public func sweepReferencePrefix(_ id: String) -> String {
        sweepsPrefix(of: referenceName) + "\(id)/"
    }

    /// Where the sweeps of the notebook whose runs are on `reference` are marked.
    private func sweepsPrefix(of reference: String) -> String {
        "refs/nnbook/sweeps/" + reference.dropFirst(RunReference.prefix.count) + "/"
    }

    /// The sweep references of this notebook, `<sweep id>/<run id>` after its prefix, under every
    /// name its runs have had. Sweeps came with injective names, so only those count; under the
    /// unmarked one, `plain/q.nnbook`'s sweeps lay inside `plain`'s prefix, and are not `plain`'s.
    private func sweepReferences(under suffix: String) throws(GitError) -> [(name: String, target: ObjectID)] {
        let names = [referenceName] + RunReference.earlierNames(forNotebookAt: notebookPath).filter { !$0.shared }.map(\.name)
        var found: [(name: String, target: ObjectID)] = []
        for name in names {
            let prefix = sweepsPrefix(of: name)
            found += try repository.references(under: prefix + suffix).filter { $0.name.dropFirst(prefix.count).split(separator: "/").count == 2 }
        }
        return found
    }

    /// Marks `run` as one of sweep `id`'s.
    public func markSweepRun(_ run: ObjectID, sweep id: String) throws(HistoryError) {
        do {
            try repository.updateReference(sweepReferencePrefix(id) + run.hex, to: run, expecting: nil, message: "nnbook: sweep \(id)")
        } catch {
            throw .git(error)
        }
    }

    /// The newest recorded run of each of `grid`'s combinations under its id, in the grid's
    /// order; nil where none is recorded. Runs on the notebook's chain and runs only under the
    /// sweep's references (fetched from other clones) count alike. A run recorded under the id
    /// that is none of the combinations (`nnbook run --sweep ID` with a value the sweep does not
    /// try, or with a parameter it does not vary set away from the notebook's default of the
    /// time) is not counted: it is returned among `strays`, with the parameters that set it apart.
    /// A run under the sweep's references whose record cannot be read is among `strays` too,
    /// named by its id. Every reason is escaped for the terminal: it quotes fetched records.
    /// Runs recorded under the grid's id of earlier nnbooks (`SweepGrid.earlierID`) count too.
    public func sweepRuns(of grid: SweepGrid) throws(HistoryError) -> (runs: [SweepRun?], strays: [(name: String, why: String)]) {
        let ids = [grid.id, grid.earlierID]
        let chain = try listing()
        var candidates = chain.runs.filter { ids.contains($0.record.sweep ?? "") }.map { SweepRun(id: $0.id, number: $0.number, time: $0.time, record: $0.record) }
        let onChain = Set(chain.entries.map(\.id))
        var unreadable: [(name: String, why: String)] = []
        do {
            for reference in try ids.flatMap({ id throws(GitError) in try sweepReferences(under: "\(id)/") }) where !onChain.contains(reference.target) {
                let commit = try repository.commit(reference.target)
                switch record(of: commit.id) {
                case .success(let record): candidates.append(SweepRun(id: commit.id, number: nil, time: commit.time, record: record))
                case .failure(let problem): unreadable.append((commit.id.short, "its record cannot be read: \(problem.why)"))
                }
            }
        } catch {
            throw .wrapping(error)
        }
        let newestFirst = candidates.enumerated().sorted { ($0.element.time, -$0.offset) > ($1.element.time, -$1.offset) }.map(\.element)
        let combinations = grid.combinations
        var strays: [(name: String, why: String)] = []
        var members: [SweepRun] = []
        for run in newestFirst {
            if let why = SweepCollection.stray(run.record, of: grid, combinations: combinations) { strays.append((run.name, why.visible())) } else { members.append(run) }
        }
        let runs = combinations.map { combination in
            members.first { run in combination.overrides.allSatisfy { run.record.parameters[$0.name] == $0.value } }
        }
        return (runs, strays.reversed() + unreadable)
    }

    /// A run of one of this notebook's sweeps that is not on its chain, by id prefix.
    func sweepRun(idPrefix: String) throws(HistoryError) -> Run? {
        do {
            let matches = try sweepReferences(under: "").filter { $0.target.hex.hasPrefix(idPrefix) }
            guard Set(matches.map(\.target)).count == 1, let target = matches.first?.target else { return nil }
            switch record(of: target) {
            case .success(let record): return Run(number: 0, commit: try repository.commit(target), record: record)
            case .failure(let problem): throw HistoryError.unreadableRun("run \(target.short) (not in this clone's log)", why: problem.why)
            }
        } catch {
            throw .wrapping(error)
        }
    }
}

/// Builds a sweep's report from its runs.
public enum SweepCollection {
    /// Why `record`, recorded under `grid`'s id, is none of its combinations, or nil when it is
    /// one: its swept values must be one of the combinations, and every parameter the sweep does
    /// not vary must have been left at the default the notebook had when the run was made (a
    /// sweep's runs set nothing else; comparing with the run's own defaults, not today's, keeps
    /// the runs made before the notebook changed).
    static func stray(_ record: RunRecord, of grid: SweepGrid, combinations: [SweepGrid.Combination]) -> String? {
        let swept = grid.axes.map(\.name)
        let others = record.changedParameters.filter { setting in !swept.contains { setting.hasPrefix($0 + "=") } }
        if !others.isEmpty {
            return "it set " + others.joined(separator: ", ") + ", which the sweep does not vary (its runs set only " + swept.joined(separator: ", ") + ")"
        }
        guard combinations.contains(where: { combination in combination.overrides.allSatisfy { record.parameters[$0.name] == $0.value } }) else {
            return "its values " + grid.axes.map { "\($0.name)=\(record.parameters[$0.name] ?? "?")" }.joined(separator: ", ") + " are none of the sweep's combinations"
        }
        return nil
    }

    /// What the sweep command knows about a combination's run beyond history.
    public enum Outcome: Sendable {
        /// The run was recorded (or, when collecting, may have been): history tells how it ended.
        case recorded
        /// The run was never started (the sweep was interrupted first).
        case notStarted
        /// The process ended without recording a run: why, in a line.
        case lost(String)
    }

    /// Values as prose reads them: "0.1", "0.1 or 0.2", "0.1, 0.2 or 0.5".
    static func either(_ values: [String]) -> String {
        guard let last = values.last, values.count > 1 else { return values.first ?? "" }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }

    /// The report of `grid`'s runs: `runs` from `RunHistory.sweepRuns`, `outcomes` in the same
    /// order. Metric columns are those the runs recorded, in the notebook's cell order. The
    /// parameters no one swept are given as the runs recorded them, not as `defaults` (the
    /// notebook's now) say: runs collected after the notebook changed used the old values.
    /// The title's `{{name}}` shows the value the runs used, or, for a parameter swept (or one
    /// the runs used several values of), its values: "Rate 0.1, 0.2 or 0.5".
    public static func report(
        title: String, notebook: String, id: String, grid: SweepGrid, defaults: [(name: String, value: String)], precision: Int,
        runs: [SweepRun?], outcomes: [Outcome]
    ) -> SweepReport {
        let recorded = runs.compactMap { $0?.record }
        var shown: [String: String] = [:]
        let used = defaults.map { name, now -> (name: String, value: String, differs: Bool) in
            let values = recorded.compactMap { $0.parameters[name] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard !values.isEmpty, values != [now] else {
                shown[name] = now
                return (name, now, false)
            }
            shown[name] = SweepCollection.either(values)
            return (name, values.joined(separator: " or ") + " (the notebook's default now: \(now))", true)
        }
        for axis in grid.axes { shown[axis.name] = SweepCollection.either(axis.values.map(\.text)) }
        let combinations = grid.combinations
        var rows: [SweepReport.Row] = []
        for (index, combination) in combinations.enumerated() {
            let outcome = index < outcomes.count ? outcomes[index] : .recorded
            switch (outcome, runs[index]) {
            case (.notStarted, _):
                rows.append(.init(combination: combination, status: .notRun, run: nil, metrics: [:], failure: nil))
            case (.lost(let why), _):
                rows.append(.init(combination: combination, status: .failed, run: nil, metrics: [:], failure: why))
            case (.recorded, nil):
                rows.append(.init(combination: combination, status: .notRun, run: nil, metrics: [:], failure: nil))
            case (.recorded, let run?):
                let record = run.record
                let metrics = Dictionary(record.metricColumns.map { ($0.column.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                let units = Dictionary(record.metricColumns.compactMap { column in record.units(in: column.column).map { (column.column.name, $0) } }, uniquingKeysWith: { a, _ in a })
                let failure = record.error.map { "\(record.status.rawValue) \($0.place)" }
                rows.append(.init(
                    combination: combination, status: record.status, run: run.name,
                    metrics: metrics, units: units, failure: failure, missedExpectations: record.missedExpectations?.count ?? 0))
            }
        }
        let columns = RunRecord.metricColumns(of: runs.compactMap { $0?.record })
        return SweepReport(
            title: ProseParameters.substitute(title, values: shown), notebook: notebook, id: id, grid: grid, fixed: used.map { ($0.name, $0.value) }, fixedDifferFromDefaults: used.contains { $0.differs },
            columns: columns, rows: rows, precision: precision)
    }
}
