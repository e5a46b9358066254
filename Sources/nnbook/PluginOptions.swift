// The command-line options that govern external plugins, shared by run, check, plugins and help.

import ArgumentParser
import NNBook

/// `--allow-plugin NAME` and `--plugin-timeout SECONDS`.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("allow-plugin"), help: ArgumentHelp("Allow the external plugin nnbook-plugin-NAME, or the plugin program at a path (a value with a /), to run (repeatable).", valueName: "name"))
    var allowed: [String] = []

    // Unconditional parsing takes `-1` as the value it is, so that the check below can say
    // what is wrong with it instead of "missing value".
    @Option(name: .customLong("plugin-timeout"), parsing: .unconditional, help: ArgumentHelp("Seconds an external plugin may take for one request.", valueName: "seconds"))
    var timeout: Double = PluginSetup.defaultTimeLimit

    var setup: PluginSetup {
        PluginSetup(trust: PluginTrust.load(commandLine: allowed), timeLimit: timeout, shouldStop: Interruption.requested)
    }

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--plugin-timeout must be a number of seconds above 0, not \(timeout)") }
    }
}
