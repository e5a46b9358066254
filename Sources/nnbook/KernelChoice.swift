// NNBOOK_KERNEL: forcing one code path of the kernels, and naming the path in `--version`.

import Foundation
import NNCore

enum KernelChoice {
    /// Applies NNBOOK_KERNEL when it is set; an unknown path, or one this CPU lacks, is a usage
    /// error (exit 2), since a run on some other path than the one asked for would mislead.
    static func applyEnvironment() {
        guard let name = ProcessInfo.processInfo.environment["NNBOOK_KERNEL"], !name.isEmpty else { return }
        do {
            try KernelPath.use(named: name)
        } catch {
            Console.error("error: NNBOOK_KERNEL=\(name): \(error.message)\nhint: \(error.hint), or unset NNBOOK_KERNEL for the fastest")
            Foundation.exit(NNBookExit.usage)
        }
    }

    /// The lines `nnbook --version` adds after the version number.
    static var description: String {
        "kernel: \(KernelPath.current)\nkernels available: \(KernelPath.available.map(\.name).joined(separator: ", "))"
    }
}
