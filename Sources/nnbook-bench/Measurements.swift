// Timing helpers for the benchmark: wall-clock seconds, and child processes with their peak memory.

import Foundation

/// Seconds taken by `work`.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A finished child process: its wall-clock time, peak resident memory and exit status.
struct ProcessMeasurement {
    let seconds: Double
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
    return ProcessMeasurement(seconds: elapsed, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
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
