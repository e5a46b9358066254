// Entry point of the nnbook executable.

import NNBook

// The commands that stop cleanly on Ctrl-C or SIGTERM catch them before the command line is
// even parsed, so that a signal in their first moments (`timeout` with a short limit) ends them
// as an interruption (exit 130), not as a kill.
if let command = CommandLine.arguments.dropFirst().first, Interruption.commands.contains(command) {
    Interruption.install()
} else {
    Interruption.installEnding()
}
Interruption.stopPluginsWithThisProcess()
// What a plugin starts and leaves behind, even outside its process group, comes back to nnbook
// to be ended with the plugin's request.
PluginProcess.adoptOrphans()
NNBookCLI.mainWithExitCodes()
