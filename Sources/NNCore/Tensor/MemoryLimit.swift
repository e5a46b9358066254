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
        bytes <= self.bytes ? nil : "\(what) would need \(MemoryLimit.describe(bytes)) of memory, more than the limit of \(MemoryLimit.describe(self.bytes))"
    }

    /// The hint that goes with a refusal.
    public static let hint = "make it smaller, or raise the limit with --memory-limit GB if the machine really has the memory"

    /// `1.5 GB`, `312 MB`, `4 KB`.
    public static func describe(_ bytes: Int) -> String {
        let value = Double(bytes)
        if value >= 1e9 { return String(format: "%.1f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.0f MB", value / 1e6) }
        return String(format: "%.0f KB", max(value / 1e3, 1))
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
