// Where a notebook's runs live: a hidden reference named after the notebook's path.

import Foundation

/// `refs/nnbook/runs/<notebook path, escaped>`: outside branches and tags, so git never shows it
/// unless asked (`git log --all`), and `git push`/`fetch` share it only with a refspec.
///
/// The name is injective: two different paths never share a reference. Ordinary names stay as
/// they are (`Notebooks/gradient-descent.nnbook`); every byte git forbids or that could make
/// two names alike is written `%XX`, as in a URL, `%` included, so the path can be read back.
/// The file name keeps its extension: a notebook `a.nnbook` and a folder `a/` beside it then
/// never claim the same reference as file and folder.
public enum RunReference {
    public static let prefix = "refs/nnbook/runs/"

    /// The reference for a notebook at `path` (relative to the repository).
    public static func name(forNotebookAt path: String) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map { escape(Array($0.utf8)) }
        return prefix + components.joined(separator: "/")
    }

    /// The reference the notebook's runs were recorded on before names were injective: the
    /// extension dropped and every character git forbids replaced by `-`, so `é.nnbook` and
    /// `ü.nnbook` both recorded on `refs/nnbook/runs/-`. Only read, never written.
    public static func legacyName(forNotebookAt path: String) -> String {
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
