// Where a notebook's runs live: a hidden reference named after the notebook's path.

import Foundation

/// `refs/nnbook/runs/<notebook path slug>`: outside branches and tags, so git never shows it
/// unless asked (`git log --all`), and `git push`/`fetch` share it only with a refspec.
public enum RunReference {
    public static let prefix = "refs/nnbook/runs/"

    /// The reference for a notebook at `path` (relative to the repository): the extension is
    /// dropped, and characters git forbids in reference names are replaced by `-`.
    public static func name(forNotebookAt path: String) -> String {
        var stem = path
        if stem.hasSuffix(".nnbook") { stem.removeLast(".nnbook".count) }
        let components = stem.split(separator: "/").map { component -> String in
            var slug = String(component.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "-" })
            while slug.contains("..") { slug = slug.replacingOccurrences(of: "..", with: "-") }
            if slug.hasPrefix(".") { slug = "_" + slug.dropFirst() }
            if slug.hasSuffix(".lock") || slug.hasSuffix(".") { slug += "_" }
            return slug.isEmpty ? "_" : slug
        }
        return prefix + (components.isEmpty ? "_" : components.joined(separator: "/"))
    }
}
