// The command-line options that govern external plugins, shared by run, check, plugins and help.

import ArgumentParser
import NNBook
import NNData

/// `--allow-plugin NAME` and `--plugin-timeout SECONDS`.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("allow-plugin"), help: ArgumentHelp("Allow the external plugin nnbook-plugin-NAME, or the plugin program at a path (a value with a /), to run (repeatable).", valueName: "name"))
    var allowed: [String] = []

    // Read as text and parsing unconditionally, so that `-1` is taken as the value it is and
    // `abc` reaches the check below: both are then told what the option wants, instead of
    // "missing value" or "invalid".
    @Option(name: .customLong("plugin-timeout"), parsing: .unconditional, help: ArgumentHelp("Seconds an external plugin may take for one request; default: \(Int(PluginSetup.defaultTimeLimit)).", valueName: "seconds"))
    var text: String?

    var timeout: Double { text.flatMap { Double(decimal: $0) } ?? PluginSetup.defaultTimeLimit }

    var setup: PluginSetup {
        PluginSetup(trust: PluginTrust.load(commandLine: allowed), timeLimit: timeout, shouldStop: Interruption.requested)
    }

    func validate() throws {
        // Said once, as the command line is read: a sweep's runs are forks of it.
        for warning in PluginTrust.load(commandLine: []).warnings { Console.error(warning) }
        guard let text else { return }
        guard let seconds = Double(decimal: text), seconds > 0, seconds.isFinite else {
            throw ValidationError("--plugin-timeout must be a number of seconds above 0, such as 5 or 60, not '\(text.excerpt())'")
        }
    }
}
