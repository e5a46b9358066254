// Real git repositories in temporary folders, and the git command line to look at them.

import Foundation
import XCTest
import NNBook
@testable import NNBookHistory

/// A temporary folder, optionally a git repository with one commit, removed after the test.
final class GitFixture {
    let folder: URL

    init(repository: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-history-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if repository {
            try git("init", "-q")
            try git("config", "user.name", "Learner")
            try git("config", "user.email", "learner@example.com")
            try "notes\n".write(to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
            try git("add", "README.md")
            try git("commit", "-qm", "start")
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Runs git in the folder and returns its standard output.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A notebook file at `path` inside the folder.
    func notebook(_ path: String) throws -> URL {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// A snapshot with fixed contents and timings, so commit ids are the same on every machine.
    /// Its cell reports `loss` and `accuracy` as runs did before metrics were kept per command,
    /// or `metrics` (named as the interpreter names them, `evaluate/m/d.test/accuracy`).
    static func snapshot(
        notebook: String = "lesson.nnbook", rate: String = "0.5", loss: Double = 0.25, accuracy: Double = 0.75,
        metrics: [(name: String, value: Double)]? = nil, units: [String: String] = [:], precision: Int = 4,
        page: String = "# Lesson\n\nloss 0.2500\n", status: RunStatus = .succeeded
    ) -> RunSnapshot {
        let text = "---\n\(precision == 4 ? "" : "precision: \(precision)\n")params:\n  rate: 0.5\n---\n```nnbook label=fit\nloss mae y_true=[1] y_pred=[0]\n```\n"
        let parsed = try! NotebookParser.parse(text, path: notebook).get()
        let result = RunResult(
            notebook: parsed, parameters: ["rate": .number(Double(rate)!)],
            cells: [.init(cell: parsed.cells[0], outputs: (metrics ?? [("loss", loss), ("accuracy", accuracy)]).map { .metric(name: $0.name, value: $0.value, units: units[$0.name]) },
                          error: status == .succeeded ? nil : Diagnostic("it broke", at: SourceRange(line: 6, column: 1)), seconds: 0.5, ran: true)],
            status: status)
        let record = RunRecord(
            result: result, notebookPath: notebook, version: "test", started: Date(timeIntervalSince1970: 1_700_000_000), seconds: 1.5,
            machine: RunRecord.Machine(system: "Linux x86_64", processors: 2, memoryGiB: 24))
        return RunSnapshot(notebookName: "lesson", source: text.replacingOccurrences(of: "0.5", with: rate), page: page, assets: ["fit-loss.svg": "<svg/>"], record: record)
    }
}
