// Refusing work that would not fit in memory before allocating it, with the size it would need.

import Foundation

/// The most memory a run may ask for at once: a model's weights and buffers, or a data set
/// being read. Checked before anything is allocated, so that an absurd request becomes a clear
/// error instead of a machine swapping or a process killed.
public struct MemoryLimit: Equatable, Sendable {
    public let bytes: Int

    public init(bytes: Int) { self.bytes = bytes }

    /// Three quarters of the machine's physical memory.
    public static var standard: MemoryLimit {
        MemoryLimit(bytes: Int(ProcessInfo.processInfo.physicalMemory / 4 * 3))
    }

    public static let unlimited = MemoryLimit(bytes: Int.max)

    /// Whether `bytes` fit; when they do not, why, for a learner.
    public func refusal(_ bytes: Int, for what: String) -> String? {
        guard bytes > self.bytes else { return nil }
        if bytes == Int.max {
            return "\(what) would need more memory than a 64-bit machine can address, far more than the limit of \(MemoryLimit.describe(self.bytes))"
        }
        var (needed, limit) = (MemoryLimit.describe(bytes), MemoryLimit.describe(self.bytes))
        // Sizes that round alike are given in bytes, so that the message never reads "2.0 GB,
        // more than the limit of 2.0 GB".
        if needed == limit { (needed, limit) = ("\(bytes) bytes", "\(self.bytes) bytes") }
        return "\(what) would need \(needed) of memory, more than the limit of \(limit)"
    }

    /// The hint that goes with the refusal of `bytes`: a larger limit helps only a size some
    /// machine can have, not one beyond what 64 bits address.
    public static func hint(needing bytes: Int) -> String {
        bytes == Int.max
            ? "make it smaller: no machine can address that much memory, whatever --memory-limit says"
            : "make it smaller, or raise the limit with --memory-limit GB if the machine really has the memory"
    }

    /// `1.5 GB`, `312 MB`, `4 KB`.
    public static func describe(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return String(format: "%.1f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.0f MB", value / 1e6) }
        return String(format: "%.0f KB", max(value / 1e3, 1))
    }

    /// The sum of `terms` (each a count of bytes or values), or Int.max when it overflows.
    public static func sum(_ terms: [Int]) -> Int {
        var total = 0
        for term in terms {
            let (result, overflow) = total.addingReportingOverflow(max(term, 0))
            if overflow { return Int.max }
            total = result
        }
        return total
    }

    /// `count × size` bytes, or Int.max when that overflows: huge shapes must be refused, not wrap.
    public static func product(_ factors: [Int], size: Int) -> Int {
        var total = size
        for factor in factors {
            let (result, overflow) = total.multipliedReportingOverflow(by: max(factor, 0))
            if overflow { return Int.max }
            total = result
        }
        return total
    }
}
