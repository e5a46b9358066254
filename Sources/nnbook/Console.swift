// Where the command line writes: results to files, messages and progress to standard error.

import Foundation
import NNBookRender

/// Writes to standard error, and shows paths as the user would type them.
enum Console {
    static func error(_ text: String) {
        StandardStream.write(text + "\n", to: StandardStream.error)
    }

    /// A file's path as the user would type it: relative to the current folder when inside it.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
