// Runs a shipped notebook in process and lays out its page, for the tests that compare what the
// renderers make of it.

import Foundation
import NNBook
import NNBookRender

enum ShippedNotebooks {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The notebooks that need no plugin and no downloaded data, and run in a second.
    static let quick = ["activation-functions", "descent-modes", "gradient-descent", "loss-functions"]

    /// The page of a fresh run of `Notebooks/NAME.nnbook`.
    static func page(_ name: String) throws -> Page {
        let url = repository.appendingPathComponent("Notebooks/\(name).nnbook")
        let folder = url.deletingLastPathComponent()
        let plan = try NotebookPreparation.plan(
            text: try String(contentsOf: url, encoding: .utf8), path: url.path, folder: folder, overrides: [], registry: BuiltInPlugins.registry()).get()
        let result = Interpreter().run(plan, state: RunState(folder: folder, seed: plan.notebook.frontMatter.seed, precision: plan.notebook.frontMatter.precision))
        return Page(run: result, assetsFolder: "\(name).assets")
    }
}
