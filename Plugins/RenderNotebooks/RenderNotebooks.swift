// A SwiftPM command plugin: `swift package --allow-writing-to-package-directory render-notebooks`
// runs every notebook under Notebooks/ and writes their pages, with no installed nnbook needed.

import Foundation
import PackagePlugin

@main
struct RenderNotebooks: CommandPlugin {
    /// Runs `nnbook run` (built from this package) on each notebook. Arguments are passed on to
    /// every run, e.g. `--allow-plugin stats` or `-p epochs=1`; `--notebook NAME` (repeatable)
    /// limits the run to those notebooks.
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let nnbook = try context.tool(named: "nnbook")
        var extractor = ArgumentExtractor(arguments)
        let only = extractor.extractOption(named: "notebook")
        let passed = extractor.remainingArguments
        let folder = context.package.directoryURL.appendingPathComponent("Notebooks")
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".nnbook") && (only.isEmpty || only.contains(String($0.dropLast(7)))) }
            .sorted()
        var failed: [String] = []
        for name in notebooks {
            let process = Process()
            process.executableURL = nnbook.url
            process.arguments = ["run", folder.appendingPathComponent(name).path, "--no-snapshot"] + passed
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus == 0 {
                print("rendered Notebooks/\(name.dropLast(7)).md")
            } else {
                failed.append(name)
            }
        }
        if !failed.isEmpty {
            Diagnostics.error("these notebooks failed: \(failed.joined(separator: ", "))")
            throw RenderError(notebooks: failed)
        }
    }
}

struct RenderError: Error, CustomStringConvertible {
    let notebooks: [String]
    var description: String { "\(notebooks.count) notebook(s) failed: \(notebooks.joined(separator: ", "))" }
}
