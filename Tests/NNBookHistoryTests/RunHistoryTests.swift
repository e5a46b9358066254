// Recording runs in real repositories and reading them back, with libgit2 and the git CLI.

import Foundation
import XCTest
@testable import NNBookHistory

final class RunHistoryTests: XCTestCase {
    private let time = Date(timeIntervalSince1970: 1_700_000_000)

    func testTwoRunsMakeTwoCommitsOnTheHiddenReference() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("Notebooks/lesson.nnbook"), create: true))
        XCTAssertEqual(history.referenceName, "refs/nnbook/runs/Notebooks@/lesson.nnbook")
        let first = try history.record(GitFixture.snapshot(), time: time)
        let second = try history.record(GitFixture.snapshot(rate: "0.1", loss: 0.5), time: time.addingTimeInterval(60))

        let runs = try history.runs()
        XCTAssertEqual(runs.map(\.number), [2, 1])
        XCTAssertEqual(runs.map(\.id), [second, first])
        XCTAssertEqual(try history.repository.commit(second).parent, first)
        XCTAssertNil(try history.repository.commit(first).parent)

        XCTAssertEqual(try fixture.git("log", "--format=%s", "refs/nnbook/runs/Notebooks@/lesson.nnbook"), "lesson: accuracy 0.7500, loss 0.5000\nlesson: accuracy 0.7500, loss 0.2500\n")
        XCTAssertEqual(try fixture.git("ls-tree", "-r", "--name-only", "refs/nnbook/runs/Notebooks@/lesson.nnbook"),
                       "assets/fit-loss.svg\nmetrics.json\nnotebook.md\nnotebook.nnbook\nrun.json\n")
        XCTAssertEqual(try fixture.git("show", "refs/nnbook/runs/Notebooks@/lesson.nnbook:metrics.json"), """
            {
              "fit" : {
                "accuracy" : 0.75,
                "loss" : 0.5
              }
            }

            """)
        XCTAssertTrue(try fixture.git("show", "refs/nnbook/runs/Notebooks@/lesson.nnbook:run.json").contains("\"rate\" : \"0.1\""))
        XCTAssertEqual(try fixture.git("fsck", "--no-progress"), "")
    }

    func testALossThatDivergedIsRecordedAsTheStringsPythonPrintsForIt() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        try history.record(GitFixture.snapshot(loss: .nan, accuracy: -.infinity), time: time)
        try history.record(GitFixture.snapshot(loss: .infinity), time: time)

        XCTAssertEqual(try fixture.git("show", "refs/nnbook/runs/lesson.nnbook~1:metrics.json"), """
            {
              "fit" : {
                "accuracy" : "-Infinity",
                "loss" : "NaN"
              }
            }

            """)
        let runs = try history.runs()
        XCTAssertEqual(runs[0].record.metrics["fit"]?["loss"], .infinity)
        XCTAssertTrue(try XCTUnwrap(runs[1].record.metrics["fit"]?["loss"]).isNaN)
        XCTAssertEqual(runs[1].record.metrics["fit"]?["accuracy"], -.infinity)
        let json = try JSONSerialization.jsonObject(with: Data(try HistoryText(colour: false).logJSON(runs).utf8)) as? [[String: Any]]
        XCTAssertEqual((json?[1]["metrics"] as? [String: [String: String]])?["fit"], ["loss": "NaN", "accuracy": "-Infinity"])
        let headline = json?[0]["headline"] as? [String: Any]
        XCTAssertEqual(headline?["loss"] as? String, "Infinity")
        XCTAssertEqual(headline?["accuracy"] as? Double, 0.75)
    }

    func testHeadIndexAndWorkTreeAreUntouchedEvenFromASubfolder() throws {
        let fixture = try GitFixture(repository: true)
        try "staged\n".write(to: fixture.folder.appendingPathComponent("staged.txt"), atomically: true, encoding: .utf8)
        try fixture.git("add", "staged.txt")
        try "changed\n".write(to: fixture.folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let notebook = try fixture.notebook("lessons/week1/lesson.nnbook")
        let head = try fixture.git("rev-parse", "HEAD"), index = try fixture.git("diff", "--cached"), status = try fixture.git("status", "--porcelain")

        let history = try XCTUnwrap(try RunHistory.forNotebook(at: notebook, create: true))
        try history.record(GitFixture.snapshot(), time: time)
        try history.record(GitFixture.snapshot(), time: time)

        XCTAssertEqual(try fixture.git("rev-parse", "HEAD"), head)
        XCTAssertEqual(try fixture.git("diff", "--cached"), index)
        XCTAssertEqual(try fixture.git("status", "--porcelain"), status)
        XCTAssertEqual(history.notebookPath, "lessons/week1/lesson.nnbook")
        XCTAssertEqual(try fixture.git("rev-list", "--count", "refs/nnbook/runs/lessons@/week1@/lesson.nnbook"), "2\n")
    }

    func testWithoutARepositoryAStoreIsCreatedBesideTheNotebookAndReused() throws {
        let fixture = try GitFixture(repository: false)
        let notebook = try fixture.notebook("lesson.nnbook")
        XCTAssertNil(try RunHistory.forNotebook(at: notebook, create: false))
        try XCTUnwrap(try RunHistory.forNotebook(at: notebook, create: true)).record(GitFixture.snapshot(), time: time)
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent(".nnbook-history/HEAD").path))
        let again = try XCTUnwrap(try RunHistory.forNotebook(at: notebook, create: false))
        try again.record(GitFixture.snapshot(), time: time)
        XCTAssertEqual(try again.runs().count, 2)
    }

    /// git's lock on the reference left by a run killed while recording: once older than ten
    /// seconds it is taken over, and a younger one is waited for until it is.
    func testALockLeftByAKilledRunIsTakenOver() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        try history.record(GitFixture.snapshot(), time: time)
        let lock = fixture.folder.appendingPathComponent(".git/refs/nnbook/runs/lesson.nnbook.lock")
        for age in [60.0, RunHistory.staleLockAge - 1] {
            try "".write(to: lock, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: lock.path)
            let started = Date()
            try history.record(GitFixture.snapshot(), time: time)
            XCTAssertFalse(FileManager.default.fileExists(atPath: lock.path))
            XCTAssertEqual(Date().timeIntervalSince(started) >= 0.9, age < RunHistory.staleLockAge, "a lock \(age) s old")
        }
        XCTAssertEqual(try history.runs().count, 3)

        // One that cannot be removed is an error that says how old it is.
        try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: lock.path)
        XCTAssertThrowsError(try history.record(GitFixture.snapshot(), time: time)) { error in
            guard case .staleLock(let path, let seconds) = error as? HistoryError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, lock.path)
            XCTAssertTrue((3600...3700).contains(seconds), "\(seconds)")
            XCTAssertTrue("\(error)".contains("is \(seconds) s old"), "\(error)")
        }
    }

    func testRunsAreNamedByNumberIdOrPosition() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        let first = try history.record(GitFixture.snapshot(), time: time)
        let second = try history.record(GitFixture.snapshot(rate: "0.1"), time: time)
        XCTAssertEqual(try history.run("1").id, first)
        XCTAssertEqual(try history.run("last").id, second)
        XCTAssertEqual(try history.run("last~1").id, first)
        XCTAssertEqual(try history.run(String(first.hex.prefix(6))).id, first)
        XCTAssertThrowsError(try history.run("7")) { error in
            XCTAssertEqual("\(error)", "there is no run '7': name a run by its number (1 to 2), its id, or last, last~1, …")
        }
        XCTAssertEqual(try history.text("notebook.nnbook", of: try history.run("2")).contains("rate: 0.1"), true)
        XCTAssertThrowsError(try history.file("nothing.txt", of: try history.run("2"))) { error in
            XCTAssertEqual("\(error)", "the run has no file nothing.txt; it has assets/fit-loss.svg, metrics.json, notebook.md, notebook.nnbook, run.json")
        }
    }

    func testReferenceNamesAreValidForAnyNotebookPath() {
        XCTAssertEqual(RunReference.name(forNotebookAt: "gradient-descent.nnbook"), "refs/nnbook/runs/gradient-descent.nnbook")
        XCTAssertEqual(RunReference.name(forNotebookAt: "Notebooks/gradient-descent.nnbook"), "refs/nnbook/runs/Notebooks@/gradient-descent.nnbook")
        XCTAssertEqual(RunReference.name(forNotebookAt: "my lessons/week 1..2/.hidden.lock"), "refs/nnbook/runs/my%20lessons@/week%201.%2E2@/%2Ehidden%2Elock")
        for path in ["a b/c.nnbook", "ü/ñ.nnbook", "x~y^z:?*[.nnbook", "..nnbook", "a//b.nnbook", "a@{1}.nnbook", "@", "x.lock", "trailing."] {
            XCTAssertTrue(GitRepository.isValidReferenceName(RunReference.name(forNotebookAt: path)), path)
        }
    }

    /// Paths that the old slug made alike: accents, spaces against dashes, a file and a folder
    /// of one name (`plain` and `plain/q.nnbook`: no name may be a folder of another), the
    /// escape character and the folder mark themselves.
    func testReferenceNamesNeverCollide() {
        let paths = ["é.nnbook", "ü.nnbook", "a b.nnbook", "a-b.nnbook", "a_b.nnbook", "a.nnbook", "a/b.nnbook", "a%20b.nnbook", "a.b.nnbook", "a..b.nnbook", "a.%2Eb.nnbook", ".a.nnbook", "%2Ea.nnbook", "notes.md", "notes.md.nnbook",
                     "plain", "plain/q.nnbook", "plain/q.nnbook/r", "plain@/q.nnbook", "plain%40/q.nnbook", "a/plain", "a/plain/q.nnbook", "a//b.nnbook", "a/%/b.nnbook"]
        let names = paths.map(RunReference.name(forNotebookAt:))
        XCTAssertEqual(Set(names).count, paths.count, "\(names)")
        for (index, name) in names.enumerated() {
            XCTAssertTrue(GitRepository.isValidReferenceName(name), name)
            for other in names where other != name {
                XCTAssertFalse(other.hasPrefix(name + "/"), "\(paths[index]) would be a folder of another run's reference")
            }
        }
    }

    /// The names an earlier nnbook gave a notebook, read but never written: the unmarked one
    /// only where it differs (a notebook in a folder), the slug for every notebook.
    func testEarlierNamesAreTheUnmarkedThenTheSluggedOne() {
        XCTAssertEqual(RunReference.earlierNames(forNotebookAt: "Notebooks/gradient-descent.nnbook").map(\.name), ["refs/nnbook/runs/Notebooks/gradient-descent.nnbook", "refs/nnbook/runs/Notebooks/gradient-descent"])
        XCTAssertEqual(RunReference.earlierNames(forNotebookAt: "Notebooks/gradient-descent.nnbook").map(\.shared), [false, true])
        XCTAssertEqual(RunReference.earlierNames(forNotebookAt: "é.nnbook").map(\.name), ["refs/nnbook/runs/-"])
        XCTAssertEqual(RunReference.earlierNames(forNotebookAt: "plain").map(\.name), [])
    }

    /// The first runs of a notebook race to create its reference: only one may, the others
    /// must see it taken (and commit again on top), never overwrite it.
    func testCreatingAReferenceThatExistsIsAConcurrentUpdate() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        let first = try history.record(GitFixture.snapshot(), time: time)
        let tree = try history.repository.writeTree(files: ["a": Data("b".utf8)])
        let other = try history.repository.createCommit(tree: tree, parent: nil, message: "other", time: time)
        XCTAssertThrowsError(try history.repository.updateReference(history.referenceName, to: other, expecting: nil, message: "create")) { error in
            XCTAssertTrue((error as? GitError)?.isConcurrentUpdate == true, "\(error)")
        }
        XCTAssertEqual(try history.repository.reference(history.referenceName), first)
    }

    /// The same, as a sweep meets it: many processes create the reference at the same moment,
    /// and exactly one creation may succeed (libgit2 checks "must not exist" before its lock).
    func testOnlyOneOfManySimultaneousCreationsOfAReferenceSucceeds() throws {
        let fixture = try GitFixture(repository: true)
        let repository = try GitRepository.open(fixture.folder)
        let tree = try repository.writeTree(files: ["a": Data("a".utf8)])
        let commits = try (0..<6).map { try repository.createCommit(tree: tree, parent: nil, message: "run \($0)\n", time: Date()) }
        for round in 0..<40 {
            let name = "refs/nnbook/runs/race-\(round)"
            let folder = fixture.folder
            let start = DispatchSemaphore(value: 0)
            let successes = Successes()
            let group = DispatchGroup()
            for commit in commits {
                DispatchQueue.global().async(group: group) {
                    do {
                        let handle = try GitRepository.open(folder)
                        start.wait()
                        try handle.updateReference(name, to: commit, expecting: nil, message: "race")
                        successes.add()
                    } catch let error as GitError {
                        XCTAssertTrue(error.isConcurrentUpdate, "\(error)")
                    } catch {
                        XCTFail("\(error)")
                    }
                }
            }
            for _ in commits { start.signal() }
            group.wait()
            XCTAssertEqual(successes.count, 1, "round \(round)")
        }
    }

    func testFailedRunsAreRecordedWithTheirError() throws {
        let fixture = try GitFixture(repository: true)
        let history = try XCTUnwrap(try RunHistory.forNotebook(at: try fixture.notebook("lesson.nnbook"), create: true))
        try history.record(GitFixture.snapshot(status: .failed), time: time)
        let run = try history.run("last")
        XCTAssertEqual(run.record.status, .failed)
        XCTAssertEqual(run.record.error?.message, "it broke")
        XCTAssertEqual(try fixture.git("log", "--format=%s", "refs/nnbook/runs/lesson.nnbook"), "lesson: failed in cell 1: it broke\n")
    }
}

/// A counter the racing threads share.
private final class Successes: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}
