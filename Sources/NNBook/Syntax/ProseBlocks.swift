// Which lines of prose Markdown reads as code, and which lines it reads as one paragraph, found
// by cmark-gfm (the parser that renders the page), so that `{{name}}` is replaced exactly where
// the rendered page shows text.

import CCmarkGFM

/// The block structure of one piece of prose, as CommonMark (with GitHub's tables) reads it.
struct ProseBlocks {
    /// The lines of fenced and indented code blocks, in lists and quotes too.
    private(set) var codeLines: Set<Int> = []
    /// Paragraphs and headings: the lines whose inline content is read as one text, so that a
    /// code span may run from one line into the next.
    private(set) var paragraphs: [ClosedRange<Int>] = []
    /// The rows of GitHub tables, whose cells are split at their pipes before code spans are
    /// found: `` `a | b` `` is two cells, neither of them code.
    private(set) var tableRows: Set<Int> = []

    /// The blocks of `lines` (indices from 0).
    init(_ lines: [String]) {
        // Without tables, a table's rows would be one paragraph, and a backtick in one row
        // could pair with one in another.
        ProseBlocks.parse(lines.joined(separator: "\n"), extensions: ["table"]) { node in
            let (first, last) = (Int(cmark_node_get_start_line(node)) - 1, Int(cmark_node_get_end_line(node)) - 1)
            guard first >= 0, last >= first else { return }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK: codeLines.formUnion(first...last)
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: paragraphs.append(first...last)
            default:
                if let type = cmark_node_get_type_string(node), String(cString: type) == "table" { tableRows.formUnion(first...last) }
            }
        }
    }

    /// Parses `text` with cmark-gfm and the named extensions, and shows `visit` each node of
    /// the tree, parents before children.
    static func parse(_ text: String, extensions: [String], visit: (OpaquePointer) -> Void) {
        _ = ProseBlocks.registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let document = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            visit(node)
        }
    }

    /// cmark-gfm finds its extensions in a registry that must be filled once per process.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
}
