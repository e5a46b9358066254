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
        if let gigabytes, !(gigabytes > 0 && gigabytes < 1e9) { throw ValidationError("--memory-limit must be a positive number of GB") }
    }
}
