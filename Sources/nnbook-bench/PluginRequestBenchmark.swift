// A plugin request of a whole image data set: Fashion-MNIST's 70,000 images (55 million numbers)
// sent to a plugin that reads them all, against loading them alone, measured in the same run.
// The request is written as it is made; made whole first (JSONEncoder), it took 85 s and 2.5 GB.

import Foundation

/// Records the run of `load fashion-mnist` followed by a plugin command taking the data set,
/// against `load`, the same run without the request, measured just before.
@MainActor
func measurePluginRequest(_ executable: URL, in folder: URL, load: ProcessMeasurement) throws {
    let plugins = folder.appendingPathComponent("plugins")
    try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
    let describe = #"{"protocol": 1, "plugin": {"name": "slurp", "summary": "reads a data set", "commands": [{"verb": "slurp", "summary": "read it", "arguments": [{"name": "data", "type": "dataset", "summary": "the data"}]}]}}"#
    // The request's start tells its kind; `cat` reads the rest as fast as a pipe goes.
    let script = """
        #!/bin/sh
        start=$(head -c 200)
        case "$start" in
          *'"describe"'*) echo '\(describe)' ;;
          *'"check"'*) echo '{"protocol": 1, "diagnostics": []}' ;;
          *) cat > /dev/null; echo '{"protocol": 1, "outputs": [{"text": "read"}]}' ;;
        esac
        """
    let plugin = plugins.appendingPathComponent("nnbook-plugin-slurp")
    try script.write(to: plugin, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plugin.path)
    let notebook = folder.appendingPathComponent("slurp.nnbook")
    try "---\nplugins: [plugins]\n---\n```nnbook\nload fashion-mnist as images\nslurp images\n```\n".write(to: notebook, atomically: true, encoding: .utf8)
    let request = try measureProcess(executable, ["run", notebook.path, "--quiet", "--no-snapshot", "--allow-plugin", "slurp", "--plugin-timeout", "600"])
    guard request.status == 0 else {
        report.notes.append("the plugin request of Fashion-MNIST failed (exit \(request.status))")
        return
    }
    let sent = request.seconds - load.seconds
    report.record(
        "plugin_request_fashion_mnist_s", sent, "a plugin request of Fashion-MNIST's 70,000 images (the run less the load alone)",
        format(sent) + " s = \(format(request.seconds / load.seconds, 2))× the load alone; peak \(Int(request.peakMegabytes)) MB = \(format(request.peakMegabytes / load.peakMegabytes, 2))× the load's")
    report.figures["ratio_plugin_request_run_to_load"] = (request.seconds / load.seconds * 100).rounded() / 100
    report.figures["ratio_plugin_request_peak_to_load"] = (request.peakMegabytes / load.peakMegabytes * 100).rounded() / 100
}
