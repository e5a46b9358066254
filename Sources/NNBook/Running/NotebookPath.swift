// Paths in a notebook are read from the notebook's folder, wherever nnbook was started.

import Foundation

extension URL {
    /// `path` as the notebook means it: absolute paths as they are, others inside this folder.
    public func resolvingNotebookPath(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : appendingPathComponent(path)
    }
}
