// A notebook's runs in git: recording a run without losing a concurrent one, and reading runs back.

import CLibGit2
import Foundation
import NNBook
import NNData

/// The history of one notebook: a chain of commits on its hidden reference.
public final class RunHistory {
    /// The bare store nnbook creates beside a notebook that is in no git repository.
    public static let storeName = ".nnbook-history"

    public let repository: GitRepository
    public let referenceName: String
    /// The notebook's path as the history names it (relative to the repository).
    public let notebookPath: String

    init(repository: GitRepository, notebookPath: String) {
        self.repository = repository
        self.notebookPath = notebookPath
        referenceName = RunReference.name(forNotebookAt: notebookPath)
    }

    /// The history of the notebook at `url`: in the store beside it if there is one, else in the
    /// git repository that contains it, else (when `create`) in a new store beside it. Nil when
    /// there is none and `create` is false. A notebook that is a symbolic link is recorded
    /// where its page is written, beside the link and under the link's name: the history of
    /// the folder the user named, never a store created in the folder of the link's target.
    public static func forNotebook(at url: URL, create: Bool) throws(HistoryError) -> RunHistory? {
        let named = url.standardizedFileURL
        let folder = named.deletingLastPathComponent().resolvingSymlinksInPath()
        let notebook = folder.appendingPathComponent(named.lastPathComponent)
        let store = folder.appendingPathComponent(storeName)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: store.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .storeBlocked(path: store.path)
        }
        do {
            if FileManager.default.fileExists(atPath: store.path) {
                return RunHistory(repository: try GitRepository.open(store), notebookPath: notebook.lastPathComponent)
            }
            if let repository = try GitRepository.containing(folder) {
                let root = (repository.workingDirectory ?? repository.gitDirectory.deletingLastPathComponent()).resolvingSymlinksInPath().path
                let full = notebook.path
                let relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : notebook.lastPathComponent
                return RunHistory(repository: repository, notebookPath: relative)
            }
            guard create else { return nil }
            return RunHistory(repository: try createStore(store), notebookPath: notebook.lastPathComponent)
        } catch {
            throw .git(error)
        }
    }

    /// Creates the store at `store`, or opens the one a concurrent run has just created: the
    /// repository is made in a folder of its own and renamed into place whole, so no process
    /// ever opens a store that another is still filling in.
    private static func createStore(_ store: URL) throws(GitError) -> GitRepository {
        let staging = store.deletingLastPathComponent().appendingPathComponent(".\(storeName).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: staging) }
        _ = try GitRepository.createBare(staging)
        if rename(staging.path, store.path) != 0, errno != EEXIST, errno != ENOTEMPTY {
            throw GitError(operation: "create the history store \(store.path)", code: -1, message: String(cString: strerror(errno)))
        }
        return try GitRepository.open(store)
    }

    /// Commits `snapshot` as the newest run. The reference moves by compare-and-swap: when
    /// another process recorded a run in between, the commit is made again on top of that run
    /// and the swap retried, so concurrent runs are all kept. The swap is made holding the
    /// repository's recording lock, under which git's lock on the reference, when it is older
    /// than `staleLockAge`, was left by a killed run and is taken over.
    @discardableResult
    public func record(_ snapshot: RunSnapshot, time: Date = Date()) throws(HistoryError) -> ObjectID {
        let tree: ObjectID
        do {
            tree = try repository.writeTree(files: try snapshot.files())
        } catch {
            throw .wrapping(error)
        }
        try checkRecordable()
        return try RecordingLock.holding(in: repository.commonDirectory) { () throws(HistoryError) -> ObjectID in
            try commitOnTip(tree: tree, message: snapshot.message, time: time)
        }
    }

    /// Why a run of the notebook could not be recorded, thrown before the run is made when
    /// it can be known then: the notebook's reference names another, or another is in its way.
    public func checkRecordable() throws(HistoryError) {
        if let target = repository.symbolicTarget(of: referenceName) { throw .symbolicReference(referenceName, target: target) }
        if let blocking = try referenceInTheWay() { throw .referenceInTheWay(referenceName, blocking: blocking) }
    }

    /// The compare-and-swap of `record`, retried while other processes move the reference, and
    /// while git's lock on it is held; a lock that stays longer than `staleLockAge` is removed.
    private func commitOnTip(tree: ObjectID, message: String, time: Date) throws(HistoryError) -> ObjectID {
        let lock = repository.commonDirectory.appendingPathComponent(referenceName + ".lock")
        let giveUp = Date().addingTimeInterval(2 * RunHistory.staleLockAge)
        for attempt in 0... {
            do {
                let tip = try repository.reference(referenceName)
                let commit = try repository.createCommit(tree: tree, parent: tip, message: message, time: time)
                try repository.updateReference(referenceName, to: commit, expecting: tip, message: "nnbook: \(message)")
                return commit
            } catch where error.isConcurrentUpdate {
                let age = error.code == GIT_ELOCKED.rawValue ? RunHistory.age(of: lock) : nil
                if let age, age > RunHistory.staleLockAge {
                    guard unlink(lock.path) == 0 || errno == ENOENT else { throw .staleLock(path: lock.path, seconds: Int(age)) }
                    continue
                }
                if Date() > giveUp || (age == nil && attempt >= RunHistory.attempts) { break }
                // A lock held by a live writer goes in milliseconds; one left by a killed run
                // is waited for until it is old enough to be taken for one.
                usleep(age == nil ? useconds_t(1000 * (1 + attempt % 20) + Int.random(in: 0..<2000)) : 50_000)
            } catch {
                throw .git(error)
            }
        }
        if let age = RunHistory.age(of: lock) { throw .staleLock(path: lock.path, seconds: Int(age)) }
        throw .git(GitError(operation: "record the run", code: -1, message: "another process kept changing \(referenceName)"))
    }

    /// A reference that keeps the notebook's from being created, when it does not exist yet:
    /// one named like a folder of it, or one inside it (git keeps a reference as a file named
    /// after it). nnbook's names never clash, but an earlier nnbook's may (`plain/q.nnbook` was
    /// recorded on `refs/nnbook/runs/plain/q.nnbook` before folders were marked, and a file
    /// `plain` now claims `refs/nnbook/runs/plain`), and so may references made by hand.
    private func referenceInTheWay() throws(HistoryError) -> String? {
        do {
            guard try repository.reference(referenceName) == nil else { return nil }
            var folder = referenceName
            while let slash = folder.lastIndex(of: "/"), folder.count > RunReference.prefix.count {
                folder = String(folder[..<slash])
                if try repository.reference(folder) != nil { return folder }
            }
            return try repository.references(under: referenceName + "/").first?.name
        } catch {
            throw .git(error)
        }
    }

    /// Enough retries for many processes recording at once (each holds the lock for about a
    /// millisecond), few enough to give up within seconds.
    static let attempts = 300

    /// A lock older than this was left by a process that died: a live writer holds it for
    /// milliseconds.
    static let staleLockAge: TimeInterval = 10

    /// How long ago the lock file at `lock` was made or written, or nil when there is none.
    private static func age(of lock: URL) -> TimeInterval? {
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: lock.path))?[.modificationDate] as? Date else { return nil }
        return max(0, Date().timeIntervalSince(modified))
    }

    /// Every run whose record can be read, newest first, numbered from 1 for the oldest (a run
    /// that cannot be read keeps its number: see `listing()`).
    public func runs() throws(HistoryError) -> [Run] {
        try listing().runs
    }

    /// Every run, newest first, numbered from 1 for the oldest: those on the notebook's
    /// reference, then those an earlier nnbook recorded under its earlier names (see
    /// `RunReference.earlierNames`). A reference of the first naming may hold the runs of
    /// several notebooks whose names collided; only the runs recorded for this notebook's path
    /// are its own. Earlier references are read where they are, never moved, so no concurrent
    /// run or other notebook is disturbed. A run whose record cannot be read (a commit fetched
    /// from someone else, damaged or made by hand) is listed apart and hides none of the others.
    public func listing() throws(HistoryError) -> RunListing {
        do {
            var found: [(commit: CommitInfo, record: Result<RunRecord, UnreadableRecord>)] = []
            for (name, shared) in [(referenceName, false)] + RunReference.earlierNames(forNotebookAt: notebookPath) {
                guard let tip = try repository.reference(name) else { continue }
                for commit in try repository.history(from: tip) {
                    let record = record(of: commit.id)
                    // An unreadable record on a shared reference may be another notebook's.
                    if !shared || (try? record.get())?.notebook == notebookPath { found.append((commit, record)) }
                }
            }
            var listing = RunListing(runs: [], unreadable: [])
            for (index, run) in found.enumerated() {
                let number = found.count - index
                switch run.record {
                case .success(let record): listing.runs.append(Run(number: number, commit: run.commit, record: record))
                case .failure(let problem): listing.unreadable.append(UnreadableRun(number: number, id: run.commit.id, time: run.commit.time, why: problem.why))
                }
            }
            return listing
        } catch {
            throw .wrapping(error)
        }
    }

    /// The run that `spec` names: a number, an id prefix (4 or more characters), `last`, `last~N`.
    /// A run whose record cannot be read is an error that names it and says why.
    public func run(_ spec: String) throws(HistoryError) -> Run {
        let all = try listing().entries
        func readable(_ entry: RunListing.Entry) throws(HistoryError) -> Run {
            switch entry {
            case .run(let run): return run
            case .unreadable(let run): throw .unreadableRun(run.title, why: run.why)
            }
        }
        if spec == "last", let newest = all.first { return try readable(newest) }
        if spec.hasPrefix("last~"), let back = Int(spec.dropFirst(5)), back >= 0, back < all.count { return try readable(all[back]) }
        if let number = Int(spec), let run = all.first(where: { $0.number == number }) { return try readable(run) }
        let lowered = spec.lowercased()
        if lowered.count >= 4, lowered.allSatisfy(\.isHexDigit) {
            let matches = all.filter { $0.id.hex.hasPrefix(lowered) }
            if matches.count == 1 { return try readable(matches[0]) }
            if matches.isEmpty, let fetched = try sweepRun(idPrefix: lowered) { return fetched }
        }
        if all.isEmpty { throw .noRuns(notebook: notebookPath) }
        throw .unknownRun(spec, available: all.count)
    }

    /// The newest run that succeeded: what `nnbook render` exports unless told which run, so
    /// that an interrupted or failed run since does not replace a whole page with a broken one.
    public func latestSuccessful() throws(HistoryError) -> Run {
        let all = try runs()
        if let run = all.first(where: { $0.record.status == .succeeded }) { return run }
        if all.isEmpty { throw .noRuns(notebook: notebookPath) }
        throw .noSuccessfulRun(notebook: notebookPath, available: all.count)
    }

    /// A file of a run (`notebook.md`, `metrics.json`, `assets/…`).
    public func file(_ name: String, of run: Run) throws(HistoryError) -> Data {
        do {
            if let data = try repository.file(name, in: run.id) { return data }
            throw HistoryError.noSuchFile(name, available: try repository.files(in: run.id))
        } catch {
            throw .wrapping(error)
        }
    }

    public func text(_ name: String, of run: Run) throws(HistoryError) -> String {
        String(decoding: try file(name, of: run), as: UTF8.self)
    }

    /// The record of the run `commit`, or why it cannot be read. Its text came from whoever
    /// made the commit, so the reason is escaped for the terminal.
    func record(of commit: ObjectID) -> Result<RunRecord, UnreadableRecord> {
        let run: Data, metrics: Data?
        do {
            guard let found = try repository.file("run.json", in: commit) else { return .failure(UnreadableRecord(why: "it has no run.json")) }
            (run, metrics) = (found, try repository.file("metrics.json", in: commit))
        } catch {
            return .failure(UnreadableRecord(why: HistoryError.wrapping(error).description.visible()))
        }
        do {
            return .success(try RunRecord.decode(run: run, metrics: metrics))
        } catch {
            return .failure(UnreadableRecord(why: ((error as? RunRecord.UnreadableFile)?.description ?? StoredDataProblem.describe(error)).visible()))
        }
    }
}

/// Why the record of a run cannot be read.
struct UnreadableRecord: Error {
    let why: String
}

/// One recorded run.
public struct Run: Equatable, Sendable {
    /// 1 for the notebook's first run, counting up; 0 for a sweep's run fetched from another
    /// clone that is not on this clone's chain (found by its id).
    public let number: Int
    public let id: ObjectID
    public let time: Date
    public let record: RunRecord

    /// `run 3 (1a2b3c4)`; a run off this clone's chain has no number, and is named by its id
    /// and its sweep: `run 1a2b3c4 (sweep 9c6135830433, not in this clone's log)`.
    public var title: String {
        number > 0 ? "run \(number) (\(id.short))" : "run \(id.short) (" + (record.sweep.map { "sweep \($0), " } ?? "") + "not in this clone's log)"
    }

    /// `3`, or the id of a run that has no number here: what a path in a diff names it by.
    var shortName: String { number > 0 ? String(number) : id.short }

    init(number: Int, commit: CommitInfo, record: RunRecord) {
        self.number = number
        id = commit.id
        time = commit.time
        self.record = record
    }
}
