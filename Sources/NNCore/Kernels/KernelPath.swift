// The code paths of nnbook's kernels (portable, x86-64-v3, x86-64-v4; neon on arm64) and the
// choice between them. Every path gives the same bits; they differ only in speed.

import NNKernels

/// One build of the kernels for an instruction set.
///
/// By default nnbook uses the fastest path the CPU supports; `NNBOOK_KERNEL` (read by the
/// `nnbook` command) forces one, and `nnbook --version` names the path in use.
public struct KernelPath: Equatable, Sendable, CustomStringConvertible {
    let index: Int32

    /// The path's name, e.g. `x86-64-v4`.
    public var name: String { String(cString: nnk_path_name(index)) }
    public var description: String { name }

    /// Every path this build holds for this architecture, supported by the CPU or not.
    public static var all: [KernelPath] { (0..<nnk_path_count()).map { KernelPath(index: $0) } }

    /// The paths this CPU can run, slowest first.
    public static var available: [KernelPath] { all.filter { nnk_path_supported($0.index) } }

    /// The path in use now.
    public static var current: KernelPath { KernelPath(index: nnk_path_current()) }

    /// Uses `path` from now on, for every kernel in the process.
    public static func use(_ path: KernelPath) {
        precondition(nnk_path_use(path.index), "kernel path \(path) is not supported by this CPU")
    }

    /// Uses the path called `name`, or explains why it cannot.
    public static func use(named name: String) throws(KernelPathError) {
        guard let path = all.first(where: { $0.name == name }) else {
            throw KernelPathError(message: "unknown kernel path '\(name)'", hint: "choose one of: \(available.map(\.name).joined(separator: ", "))")
        }
        guard available.contains(path) else {
            throw KernelPathError(message: "this CPU cannot run the kernel path '\(name)'", hint: "choose one of: \(available.map(\.name).joined(separator: ", "))")
        }
        use(path)
    }
}

/// Why a kernel path cannot be used, written for the person who set `NNBOOK_KERNEL`.
public struct KernelPathError: Error, Equatable {
    public let message: String
    public let hint: String
}
