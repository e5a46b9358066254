// Timing helpers for the benchmark: wall-clock seconds, and child processes with their peak memory.

import Foundation

/// Seconds taken by `work`.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds the calling thread spends in `work`. Unlike wall-clock time it leaves out the
/// time other programs held the core, so a ratio of two such figures holds on a shared, busy
/// machine; every training figure is single-threaded, so it is also the time the work takes.
func cpuSeconds(_ work: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
    let start = now()
    try work()
    return now() - start
}

/// The least of `runs` measurements of `work` in CPU seconds: interference (another program's
/// use of the caches, an interrupt) only ever adds time.
func bestCPUSeconds(runs: Int, _ work: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<runs { best = min(best, try cpuSeconds(work)) }
    return best
}

/// A finished child process: its wall-clock time, CPU time (user and system, all threads, and
/// the children it waited for: a sweep's runs),
/// peak resident memory and exit status.
struct ProcessMeasurement {
    let seconds: Double
    let cpuSeconds: Double
    let peakMegabytes: Double
    let status: Int32
}

/// Runs `executable` with `arguments`, output discarded, and measures it.
func measureProcess(_ executable: URL, _ arguments: [String]) throws -> ProcessMeasurement {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else {
        throw BenchmarkError("cannot start \(executable.path)")
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return ProcessMeasurement(seconds: elapsed, cpuSeconds: cpu, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
}

/// What `executable` prints on standard output.
func capturedOutput(_ executable: URL, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The system's load average over the last minute: on a shared machine, what the wall-clock
/// figures competed with.
func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "unknown"
}

/// The median of some timings: robust to one slow run on a noisy machine.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
