// Where a notebook's runs live: a hidden reference named after the notebook's path.

import Foundation
import NNBook

/// `refs/nnbook/runs/<notebook path, escaped>`: outside branches and tags, so git never shows it
/// unless asked (`git log --all`), and `git push`/`fetch` share it only with a refspec.
///
/// The name is injective: two different paths never share a reference. Ordinary names stay as
/// they are (`lesson.nnbook`); every byte git forbids or that could make two names alike is
/// written `%XX`, as in a URL, `%` included, so the path can be read back.
///
/// The names are also prefix-free, which git needs as much: a reference cannot be both a name
/// and a folder of other names, yet a notebook file `plain` may be recorded and a folder
/// `plain/` of notebooks made later. Folders end with `@`, which no escaped name holds, so a
/// file's name never equals a folder's: `plain` and `plain@/q.nnbook`
/// (`Notebooks@/gradient-descent.nnbook` in this repository).
///
/// git keeps a reference as a file named after it, and locks it as `NAME.lock`, so a component
/// longer than 250 bytes once escaped could never be recorded: it is cut, and the SHA-256 of the
/// whole component follows `%%` (which no escape writes), so any name a file system takes for
/// a notebook records, and names stay apart.
public enum RunReference {
    public static let prefix = "refs/nnbook/runs/"

    /// The reference for a notebook at `path` (relative to the repository).
    public static func name(forNotebookAt path: String) -> String {
        var components = escapedComponents(of: path)
        let file = components.removeLast()
        return prefix + (components.map { $0 + folderMark } + [file]).joined(separator: "/")
    }

    /// What ends a folder's component: a character that `escape` always writes `%40`.
    static let folderMark = "@"

    /// The references an earlier nnbook recorded the notebook's runs on, newest naming first,
    /// those that differ from `name(forNotebookAt:)`; `shared` when the naming was not injective
    /// and the reference may hold other notebooks' runs too. Only read, never written.
    public static func earlierNames(forNotebookAt path: String) -> [(name: String, shared: Bool)] {
        let current = name(forNotebookAt: path)
        var names: [(name: String, shared: Bool)] = []
        for earlier in [(unmarkedName(forNotebookAt: path), false), (sluggedName(forNotebookAt: path), true)]
        where earlier.0 != current && !names.contains(where: { $0.name == earlier.0 }) {
            names.append(earlier)
        }
        return names
    }

    /// The injective name before folders were marked: `plain` and `plain/q.nnbook` then claimed
    /// one name as a file and as a folder, and the second could not be recorded.
    static func unmarkedName(forNotebookAt path: String) -> String {
        prefix + escapedComponents(of: path).joined(separator: "/")
    }

    /// The first naming: the extension dropped and every character git forbids replaced by `-`,
    /// so `é.nnbook` and `ü.nnbook` both recorded on `refs/nnbook/runs/-`.
    static func sluggedName(forNotebookAt path: String) -> String {
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

    private static func escapedComponents(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).map { component in
            let escaped = escape(Array(component.utf8))
            guard escaped.utf8.count > longestComponent else { return escaped }
            var kept = escaped.prefix(longestComponent - 2 - 64)
            // Never half an escape: `%4` alone would read as another name's start.
            while let percent = kept.suffix(2).firstIndex(of: "%") { kept = kept[..<percent] }
            return kept + "%%" + SHA256.hex(of: Data(component.utf8))
        }
    }

    /// The longest component git can keep: its lock file adds `.lock` to it, and a file name
    /// holds at most 255 bytes.
    static let longestComponent = 250

    /// Letters, digits, `-` and `_` as they are; `.` as it is where git allows it (not first,
    /// not last, not after another `.`, not before a final `lock`); every other byte `%XX`.
    private static func escape(_ bytes: [UInt8]) -> String {
        guard !bytes.isEmpty else { return "%" }
        var text = ""
        for (index, byte) in bytes.enumerated() {
            let isPlain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            if isPlain || (byte == 0x2E && isPlainDot(at: index, in: bytes)) {
                text.append(Character(Unicode.Scalar(byte)))
            } else {
                text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text
    }

    private static func isPlainDot(at index: Int, in bytes: [UInt8]) -> Bool {
        index > 0 && index < bytes.count - 1 && bytes[index - 1] != 0x2E && !(index == bytes.count - 5 && bytes.suffix(4) == Array("lock".utf8))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(width - count, 0)) + self }
}
