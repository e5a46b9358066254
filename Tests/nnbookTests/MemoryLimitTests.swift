// `--memory-limit` as a process meets it: a model's working memory stays under the limit it
// was checked against, however many epochs it trains.

import Foundation
import XCTest

final class MemoryLimitTests: XCTestCase {
    /// The peak resident memory of `nnbook` run with `arguments`, in bytes, and its exit
    /// status. A small Python process starts it and reads its peak: a process spawned from
    /// this one (hundreds of megabytes during the whole suite) would inherit this one's peak
    /// as its own, since Linux keeps the larger peak across the `exec`.
    private func peak(_ cli: CLIFixture, _ arguments: [String]) throws -> (bytes: Int, status: Int32) {
        let measure = "import resource, subprocess, sys; status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", measure, cli.executable.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        process.waitUntilExit()
        guard said.count == 2 else { throw CocoaError(.executableLoad) }
        return (said[0] * 1024, Int32(said[1]))
    }

    /// `one_hot g classes=25000000` on two rows under a limit of 0.3 GB: the numbers take 200 MB,
    /// the 25 million column names (`y=7`) twice that, uncounted, so the run peaked at 620 MB.
    /// Both are counted: the run is refused at classes=, within the limit.
    func testOneHotCountsItsColumnNamesAgainstTheLimit() throws {
        let cli = try CLIFixture()
        try "```csv name=g\nx,y\n0,0\n1,1\n```\n```nnbook\nload inline g as g target=y\none_hot g classes=25000000\nshape g\n```\n"
            .write(to: cli.folder.appendingPathComponent("wide.nnbook"), atomically: true, encoding: .utf8)
        let run = try peak(cli, ["run", cli.folder.appendingPathComponent("wide.nnbook").path, "--quiet", "--no-snapshot", "--memory-limit", "0.3"])
        XCTAssertEqual(run.status, 1, "refused")
        XCTAssertLessThan(run.bytes, 300_000_000, "peak \(run.bytes / 1_000_000) MB under a limit of 300 MB")
        let said = try cli.nnbookArguments(["run", "wide.nnbook", "--quiet", "--no-snapshot", "--memory-limit", "0.3"])
        XCTAssertTrue(said.error.contains("wide.nnbook:8:11: error: 25000000 one-hot columns for 2 rows would need 600 MB of memory, more than the limit of 300 MB"), said.error)
    }

    /// A 2000-2000-1 model (4 million weights: 64 MB with gradients and Adam's two slots)
    /// trained 30 epochs under a limit of 0.25 GB. Its weights were copied after every epoch
    /// for `landscape` (16 MB an epoch, uncounted), which drew the process past the limit; a
    /// model too large for a landscape keeps no such path now, and a smaller one keeps it
    /// within a budget the check counts.
    func testTrainingALargeModelForManyEpochsStaysUnderTheLimit() throws {
        let cli = try CLIFixture()
        try "x1,x2,y\n0.1,0.2,0\n0.3,0.4,1\n0.5,0.1,1\n0.7,0.9,0\n".write(to: cli.folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        try """
            ```nnbook
            load csv "d.csv" as d target=y
            model m
              dense 2000 activation=relu
              dense 2000 activation=relu
              dense 1 activation=sigmoid
            compile m loss=binary_crossentropy optimizer=adam
            train m on d epochs=30
            ```

            """.write(to: cli.folder.appendingPathComponent("big.nnbook"), atomically: true, encoding: .utf8)
        let run = try peak(cli, ["run", cli.folder.appendingPathComponent("big.nnbook").path, "--quiet", "--no-snapshot", "--memory-limit", "0.25"])
        XCTAssertEqual(run.status, 0)
        XCTAssertLessThan(run.bytes, 250_000_000, "peak \(run.bytes / 1_000_000) MB under a limit of 250 MB")
    }

    /// A first line that never ends (150 MB without a line break, of one field, then of
    /// empty fields) read by `check` under a limit of 0.1 GB: refused with the process's peak
    /// within the limit of its peak for a two-line file. The line's buffers grow by doubling,
    /// holding two copies at each growth, and a megabyte of commas adds 40 MB of field places
    /// at once: the refusal came at the limit, past it by two thirds (by 90 % for commas).
    func testALineThatNeverEndsIsRefusedWithinTheLimit() throws {
        let cli = try CLIFixture()
        let folder = cli.folder
        try "x,y\n1,0\n".write(to: folder.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        for (name, data) in [("small", "small.csv"), ("one", "one.csv"), ("commas", "commas.csv")] {
            try "```nnbook\nload csv \"\(data)\" as d target=y\n```\n".write(to: folder.appendingPathComponent("\(name).nnbook"), atomically: true, encoding: .utf8)
        }
        let base = try peak(cli, ["check", folder.appendingPathComponent("small.nnbook").path, "--memory-limit", "0.1"])
        XCTAssertEqual(base.status, 0)
        for (file, byte) in [("one", UInt8(ascii: "s")), ("commas", UInt8(ascii: ","))] {
            try Data(repeating: byte, count: 150_000_000).write(to: folder.appendingPathComponent("\(file).csv"))
            let check = try peak(cli, ["check", folder.appendingPathComponent("\(file).nnbook").path, "--memory-limit", "0.1"])
            try FileManager.default.removeItem(at: folder.appendingPathComponent("\(file).csv"))
            XCTAssertEqual(check.status, 1)
            XCTAssertLessThan(check.bytes - base.bytes, 100_000_000, "\(file): peak \(check.bytes / 1_000_000) MB, \(base.bytes / 1_000_000) MB for a small file, under a limit of 100 MB")
        }
    }
}
