// `--memory-limit GB`: how much memory a model or a data set being read may need.

import ArgumentParser
import NNCore

struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("The most memory (in GB) a model or a data set may need; default: three quarters of this machine's.", valueName: "GB"))
    var gigabytes: Double?

    var limit: MemoryLimit {
        gigabytes.map { MemoryLimit(bytes: Int($0 * 1e9)) } ?? .standard
    }

    func validate() throws {
        guard let gigabytes else { return }
        if !(gigabytes > 0) { throw ValidationError("--memory-limit must be a number of GB above 0, such as 0.5 or 8") }
        if !(gigabytes < 1e9) {
            throw ValidationError("--memory-limit \(gigabytes) GB is more than any machine has: give at most 1000000000 GB, or leave the option out for three quarters of this machine's memory")
        }
    }
}
