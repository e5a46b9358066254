// How nnbook knows a file of a notebook's name is one it wrote, and so may replace: a page, a
// sweep's page or an export carries nnbook's mark, which a git clone of the committed file keeps.

import Foundation

/// nnbook replaces `NAME.md`, `NAME.sweep.md`, `NAME.html` and `NAME.ipynb` only when nnbook
/// wrote them: a user's own `README.md` survives a `README.nnbook` someone sent them.
///
/// The mark is in the file, not in a list beside it, so that it travels with the file: pages
/// committed to a repository are nnbook's in every clone, and a page a user edited by hand is
/// still nnbook's (a run replaces it, as before) unless they removed the mark.
/// - A Markdown page's first line is `markdownMark`, an HTML comment GitHub does not show.
/// - An HTML export's head names nnbook as its generator (`htmlMark`), as HTML meant that tag.
/// - A Jupyter export's kernel is nnbook's (`"kernelspec": {"name": "nnbook", …}`).
/// Pages of an earlier nnbook, written before the mark, are known by their run line.
public enum PageOwnership {
    /// What kind of file nnbook would write, which says where its mark is.
    public enum Format: Sendable {
        case markdown, html, jupyter
    }

    /// The first line of every Markdown page nnbook writes.
    public static let markdownMark = "<!-- Written by nnbook: the next run of its notebook replaces this page. -->"

    /// The tag in the head of every HTML page nnbook exports.
    public static let htmlMark = "<meta name=\"generator\" content=\"nnbook\"/>"

    /// The most of a Markdown or HTML file read to find the mark, which is at its start. A
    /// Jupyter export is read whole, as JSON: its metadata follows its cells.
    static let readLimit = 64 << 10
    static let jupyterLimit = 1 << 30

    /// Why nnbook must not replace the file at `url`, or nil when it may: nothing is there, a
    /// regular file with nnbook's mark, or a folder (which the write cannot replace anyway). A symbolic link is never replaced (whatever it
    /// points to, nnbook did not make the link).
    public static func refusal(at url: URL, format: Format) -> String? {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return "it is a symbolic link, and nnbook never replaces one"
        // A folder is never replaced either, but not by this rule: no rename goes over it, so
        // its write fails as any page that cannot be written does, said after the run.
        case S_IFDIR: return nil
        default: return "it is not a regular file"
        }
        guard let start = start(of: url, limit: format == .jupyter ? jupyterLimit : readLimit) else { return "nnbook could not read it to see whether it wrote it" }
        guard isMarked(start, format: format) else {
            return "nnbook did not write it (\(markDescription(format))), and nnbook never replaces a file it did not write"
        }
        return nil
    }

    /// Where the mark would be, said in the refusal.
    private static func markDescription(_ format: Format) -> String {
        switch format {
        case .markdown: "its pages begin with the line \(markdownMark)"
        case .html: "its exports name it in the tag \(htmlMark)"
        case .jupyter: "its exports name the kernel nnbook"
        }
    }

    /// The first `limit` bytes of the file, read without following a link or waiting on a pipe.
    private static func start(of url: URL, limit: Int) -> String? {
        let file = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return AssetsFolder.text(of: file, upTo: min(Int(status.st_size), limit))
    }

    /// Whether `start` (the first bytes of a file) carries nnbook's mark for `format`.
    static func isMarked(_ start: String, format: Format) -> Bool {
        let text = start.hasPrefix("\u{FEFF}") ? String(start.dropFirst()) : start
        switch format {
        case .markdown:
            // A clone on Windows may have turned each line's end into CR LF.
            let lines = text.prefix(4096).replacingOccurrences(of: "\r\n", with: "\n")
                .split(separator: "\n", maxSplits: 3, omittingEmptySubsequences: false).prefix(3)
            if lines.first == Substring(markdownMark) { return true }
            // A page of an earlier nnbook: the title (when there is one), then the run line; a
            // sweep's page: its title, then how many runs of which notebook.
            return lines.contains { $0.hasPrefix("*Run by nnbook with seed ") }
                || (lines.first?.hasPrefix("# Sweep: ") == true && lines.last?.contains(" (sweep `") == true)
        case .html:
            guard let head = text.range(of: "</head>") else { return false }
            return text[..<head.lowerBound].contains(htmlMark)
                || text[..<head.lowerBound].contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLRenderer.contentSecurityPolicy)\"/>")
        case .jupyter:
            guard let data = text.data(using: .utf8),
                let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let metadata = document["metadata"] as? [String: Any],
                let kernel = metadata["kernelspec"] as? [String: Any]
            else { return false }
            return kernel["name"] as? String == "nnbook"
        }
    }
}
