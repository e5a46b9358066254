// `--memory-limit GB`: how much memory a model or a data set being read may need.

import ArgumentParser
import NNCore
import NNData

struct MemoryOptions: ParsableArguments {
    // Read as text and parsing unconditionally, so that `-1` is taken as the value it is and
    // `abc` reaches the check below: both are then told what the option wants, instead of
    // "missing value" or "invalid".
    @Option(name: .customLong("memory-limit"), parsing: .unconditional, help: ArgumentHelp("The most memory (in GB) a model or a data set may need; default: three quarters of this machine's.", valueName: "GB"))
    var text: String?

    var gigabytes: Double? { text.flatMap { Double(decimal: $0) } }

    var limit: MemoryLimit {
        gigabytes.map { MemoryLimit(bytes: Int($0 * 1e9)) } ?? .standard
    }

    func validate() throws {
        guard let text else { return }
        guard let gigabytes, gigabytes > 0 else {
            throw ValidationError("--memory-limit must be a number of GB above 0, such as 0.5 or 8, not '\(text.excerpt())'")
        }
        if !(gigabytes < 1e9) {
            throw ValidationError("--memory-limit \(text.excerpt()) GB is more than any machine has: give at most 1000000000 GB, or leave the option out for three quarters of this machine's memory")
        }
    }
}
