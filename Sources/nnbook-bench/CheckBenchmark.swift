// `nnbook check` of every shipped notebook as a process, against the start of the same program
// measured in the same run: the check reads file headers, never the data, so even the
// Fashion-MNIST lesson checks in milliseconds (the README promises under 100 ms).

import Foundation

/// Records the process start (`nnbook --version`) and each shipped notebook's check, in
/// wall-clock and in CPU time, each against the start. Returns the start's wall-clock seconds,
/// the baseline of the later figures.
@discardableResult
func measureChecks(_ executable: URL, notebooks folder: URL, into report: Report) throws -> Double {
    let starts = try (0..<7).map { _ in try measureProcess(executable, ["--version"]) }
    let startup = median(starts.map(\.seconds))
    report.record("process_start_ms", startup * 1000, "nnbook --version (process start alone; median of 7)", format(startup * 1000, 1) + " ms")
    // CPU time leaves out the waits of a busy machine, where wall-clock figures of a few
    // milliseconds mostly measure the scheduler; on an idle machine the two agree.
    let startupCPU = starts.map(\.cpuSeconds).min() ?? 0
    report.record("process_start_cpu_ms", startupCPU * 1000, "nnbook --version, CPU time (best of 7)", format(startupCPU * 1000, 1) + " ms")

    // In place: the check writes nothing.
    let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".nnbook") }.sorted()
    var slowestCheck = 0.0, slowestCheckCPU = 0.0
    for notebook in notebooks {
        let path = folder.appendingPathComponent(notebook).path
        let checks = try (0..<7).map { _ in try measureProcess(executable, ["check", path, "--allow-plugin", "blobs", "--allow-plugin", "stats"]) }
        let key = "check_" + notebook.dropLast(".nnbook".count).replacingOccurrences(of: "-", with: "_")
        guard checks.allSatisfy({ $0.status == 0 }) else {
            report.notes.append("nnbook check \(notebook) failed (exit \(checks.map(\.status).max() ?? 0))")
            continue
        }
        let wall = median(checks.map(\.seconds))
        slowestCheck = max(slowestCheck, wall)
        report.record(key + "_ms", wall * 1000, "nnbook check \(notebook) (process; median of 7)",
                      format(wall * 1000, 1) + " ms = \(format(wall / startup, 2))× process start (target < 100 ms)")
        // With its plugins' processes, which nnbook waits for and so counts.
        let cpu = checks.map(\.cpuSeconds).min() ?? 0
        slowestCheckCPU = max(slowestCheckCPU, cpu)
        report.record(key + "_cpu_ms", cpu * 1000, "nnbook check \(notebook), CPU time (best of 7)",
                      format(cpu * 1000, 1) + " ms = \(format(cpu / startupCPU, 2))× process start")
    }
    report.figures["check_slowest_ms"] = (slowestCheck * 1000 * 10).rounded() / 10
    report.figures["ratio_check_slowest_to_start"] = (slowestCheck / startup * 100).rounded() / 100
    report.figures["check_slowest_cpu_ms"] = (slowestCheckCPU * 1000 * 10).rounded() / 10
    report.figures["ratio_check_slowest_cpu_to_start"] = (slowestCheckCPU / startupCPU * 100).rounded() / 100
    return startup
}
