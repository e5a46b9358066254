// The notebook's prose in HTML as GitHub shows it: through cmark-gfm, GitHub's own CommonMark
// implementation, with the extensions github.com turns on.

import CCmarkGFM
import Foundation

/// Markdown to HTML with cmark-gfm and its `table`, `strikethrough`, `autolink` and `tagfilter`
/// extensions. Raw HTML in the prose is the author's and is kept, as GitHub keeps it, after
/// `RawHTMLFilter` has removed what GitHub removes: `<script>`, `<style>`, `<iframe>` and the
/// like, event handlers, and `javascript:` addresses in tags and in Markdown links alike.
enum GitHubMarkdown {
    static let extensions = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Several pieces of one page, each as HTML. They are parsed as one document, as GitHub
    /// parses the page, so that a link defined in one piece is found from another; a piece
    /// that leaves a code or HTML block open (so its boundary cannot be found) is rendered on
    /// its own instead.
    static func html(pieces: [String]) -> [String] {
        guard pieces.count > 1 else { return [render(pieces.first ?? "").joined()] }
        let parts = render(pieces.joined(separator: "\n\n" + boundary + "\n\n"))
        return parts.count == pieces.count ? parts : pieces.map { render($0).joined() }
    }

    /// An HTML comment that separates the pieces while they are parsed together.
    private static let boundary = "<!-- nnbook: next block -->"

    /// The document's HTML, split at each top-level boundary comment.
    private static func render(_ markdown: String) -> [String] {
        _ = registered
        let options = CMARK_OPT_UNSAFE
        guard let parser = cmark_parser_new(options) else { return [""] }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return [""] }
        defer { cmark_node_free(document) }
        let attached = cmark_parser_get_syntax_extensions(parser)
        var parts = [""]
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HTML_BLOCK,
               let literal = cmark_node_get_literal(current), String(cString: literal).trimmingCharacters(in: .whitespacesAndNewlines) == boundary {
                parts.append("")
            } else {
                RawHTMLFilter.apply(to: current)
                if let html = cmark_render_html(current, options, attached) {
                    parts[parts.count - 1] += String(cString: html)
                    free(html)
                }
            }
            node = cmark_node_next(current)
        }
        return parts
    }

    /// cmark-gfm finds its extensions in a registry that must be filled once per process.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
}
