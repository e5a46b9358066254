// What one run leaves in history: the source as run, the page, its pictures, metrics and the
// run record.

import Foundation
import NNBook

/// The files of one run, ready to be committed.
public struct RunSnapshot: Sendable {
    public let notebookName: String
    public let source: String
    public let page: String
    /// Pictures by file name, stored under `assets/`.
    public let assets: [String: String]
    public let record: RunRecord
    /// The page as data (`page.json`), from which `nnbook render` exports a past run; it names
    /// its pictures, which are stored once, under `assets/`.
    public let pageData: Data?

    public init(notebookName: String, source: String, page: String, assets: [String: String], record: RunRecord, pageData: Data? = nil) {
        self.notebookName = notebookName
        self.source = source
        self.page = page
        self.assets = assets
        self.record = record
        self.pageData = pageData
    }

    /// The commit's tree: `notebook.nnbook`, `notebook.md`, `assets/…`, `metrics.json`,
    /// `run.json`, and `page.json` when the page's data is given.
    public func files() throws -> [String: Data] {
        var files: [String: Data] = [
            "notebook.nnbook": Data(source.utf8),
            "notebook.md": Data(page.utf8),
            "metrics.json": try RunRecord.json(record.metrics),
            "run.json": try record.json(),
        ]
        if let pageData { files["page.json"] = pageData }
        for (name, contents) in assets { files["assets/" + name] = Data(contents.utf8) }
        return files
    }

    /// "gradient-descent: accuracy 0.8333, loss 0.3232" (or "… failed in cell 2: …").
    public var message: String {
        var text = "\(notebookName): "
        let headline = record.headline.map { $0.text(places: record.precision) }
        switch record.status {
        case .succeeded: text += headline.isEmpty ? "succeeded" : headline.joined(separator: ", ")
        default: text += record.status.rawValue + (record.error.map { error in error.cell.map { " in cell \($0): \(error.message)" } ?? ": \(error.message)" } ?? "")
        }
        return text + "\n"
    }
}
