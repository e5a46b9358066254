// The command-line options that govern external plugins, shared by run, check, plugins and help.

import ArgumentParser
import NNBook

/// `--allow-plugin NAME` and `--plugin-timeout SECONDS`.
struct PluginOptions: ParsableArguments {
    @Option(name: .customLong("allow-plugin"), help: ArgumentHelp("Allow the external plugin nnbook-plugin-NAME to run (repeatable).", valueName: "name"))
    var allowed: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds an external plugin may take for one request.", valueName: "seconds"))
    var timeout: Double = PluginSetup.defaultTimeLimit

    var setup: PluginSetup {
        PluginSetup(trust: PluginTrust.load(commandLine: allowed), timeLimit: timeout)
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--plugin-timeout must be above 0") }
    }
}
