// One self-contained HTML page of a run, and the one-cell fragments it is made of: the prose as
// GitHub shows it (cmark-gfm), the outputs written straight from the page's values, pictures
// inline. Nothing is loaded from anywhere, and the page says so to the browser.

import Foundation

/// Writes a page as HTML.
public enum HTMLRenderer {
    /// A complete page: readable offline, in light and dark, and in print. Its content security
    /// policy lets the browser load nothing but the pictures inside it and run no script, so a
    /// value that slipped through could still neither run nor call out.
    public static func document(_ page: Page) -> String {
        let parts = fragments(page)
        var body: [String] = []
        if let title = page.title { body.append("<h1>\(HTMLText.escape(title))</h1>") }
        body.append(parts.runLine)
        if let failure = parts.failureLine { body.append(failure) }
        body += parts.blocks
        return document(
            title: page.title, body: body.joined(separator: "\n"),
            head: PageOwnership.htmlMark + "\n<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\"/>\n")
    }

    /// The page's pieces: the run line, the failure line (with the expectations missed
    /// without failing), and each block in order. The live
    /// preview sends them one at a time, to replace only what changed. The prose is parsed as
    /// one document, as GitHub parses the page.
    public static func fragments(_ page: Page) -> (runLine: String, failureLine: String?, blocks: [String]) {
        let runLine = "<p><em>\(HTMLText.escape(page.runSummary))</em></p>"
        let failed = page.failure.map { failure in
            "<p><strong>\(failure.headline)</strong> in <a href=\"#\(Page.errorAnchor)\">\(failure.place)</a>: \(HTMLText.escape(failure.message))</p>"
        }
        let missed = page.missedExpectations.map { miss in
            "<p><strong>\(Page.MissedExpectation.headline)</strong> in <a href=\"#\(Page.missedAnchor(cell: miss.cell))\">\(miss.place)</a>, "
                + "not enforced (<code>\(Page.MissedExpectation.option)</code>): \(HTMLText.escape(miss.message))</p>"
        }
        let notes = (failed.map { [$0] } ?? []) + missed
        let failureLine = notes.isEmpty ? nil : "<blockquote>\n" + notes.joined(separator: "\n") + "\n</blockquote>"
        var prose = GitHubMarkdown.html(pieces: page.blocks.compactMap { if case .prose(let text) = $0 { text } else { nil } }).makeIterator()
        let blocks = page.blocks.map { block in
            switch block {
            case .prose: prose.next() ?? ""
            case .cell(let cell):
                (page.cellsWithMisses.contains(cell.number) ? "<a id=\"\(Page.missedAnchor(cell: cell.number))\"></a>\n" : "") + fragment(cell, pictures: page.pictures)
            }
        }
        return (runLine, failureLine, blocks)
    }

    /// A whole HTML document around `body`, with the page's style; `head` adds to the head
    /// (the export's content security policy, the live preview's script).
    public static func document(title: String?, body: String, head: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        \(head)<meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLText.escape(title ?? "nnbook notebook"))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// No scripts, no requests: styles from the page itself, pictures from `data:` addresses.
    public static let contentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

    /// One cell, its source and its outputs, as the page shows it; a live preview replaces a
    /// cell's fragment when that cell runs again. `pictures` holds the SVG by file name.
    public static func fragment(_ cell: Page.Cell, pictures: [String: String]) -> String {
        var parts = [
            "<section class=\"cell\" id=\"cell-\(HTMLText.escape(cell.label))\">",
            "<pre class=\"source\"><code class=\"language-nnbook\">\(HTMLText.escape(cell.source.joined(separator: "\n")))\n</code></pre>",
        ]
        let outputs = self.outputs(cell, pictures: pictures)
        if !outputs.isEmpty { parts += ["<div class=\"outputs\">"] + outputs + ["</div>"] }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// A cell's outputs as the Markdown page has them (runs of text as one block), then the
    /// error.
    static func outputs(_ cell: Page.Cell, pictures: [String: String]) -> [String] {
        guard cell.ran else { return ["<p class=\"not-run\"><em>\(HTMLText.escape(Page.Cell.notRunNote))</em></p>"] }
        var parts = cell.shownOutputs.map { output in
            switch output {
            case .text(let text): "<pre><code>\(HTMLText.escape(text))\n</code></pre>"
            case .table(let table): html(table)
            case .picture(let picture): html(picture, svg: pictures[picture.file] ?? "")
            case .note(let note): quote("Note", note, attributes: "class=\"note\"")
            case .metric: ""
            }
        }
        if let error = cell.error { parts.append(html(error)) }
        return parts
    }

    /// A table as cmark-gfm writes one, numbers aligned right.
    static func html(_ table: Page.Table) -> String {
        func row(_ cells: [String], tag: String) -> String {
            let items = cells.enumerated().map { index, text in
                let align = index < table.alignments.count && table.alignments[index] == .right ? " align=\"right\"" : ""
                return "<\(tag)\(align)>\(HTMLText.escape(text))</\(tag)>"
            }
            return "<tr>\n" + items.joined(separator: "\n") + "\n</tr>"
        }
        var lines = ["<table>", "<thead>", row(table.headers, tag: "th"), "</thead>"]
        if !table.rows.isEmpty { lines += ["<tbody>"] + table.rows.map { row($0.map(\.text), tag: "td") } + ["</tbody>"] }
        lines.append("</table>")
        return lines.joined(separator: "\n")
    }

    /// A picture inline as an image of its own: a `data:` address cannot reach the page's
    /// document, so SVG from a plugin cannot run script or load anything.
    static func html(_ picture: Page.Picture, svg: String) -> String {
        let caption = HTMLText.escape(picture.caption)
        return "<figure><img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" alt=\"\(caption)\"/><figcaption>\(caption)</figcaption></figure>"
    }

    /// The error, with the anchor the failure line links to.
    static func html(_ error: Page.CellError) -> String {
        quote("Error", error, attributes: "class=\"error\" id=\"\(Page.errorAnchor)\"")
    }

    /// A quoted message with its hint: `<blockquote ATTRIBUTES><p><strong>Error</strong> at …`.
    static func quote(_ headline: String, _ message: some PageMessage, attributes: String) -> String {
        var lines = ["<blockquote \(attributes)>", "<p><strong>\(headline)</strong>\(message.place): \(HTMLText.escape(message.message))</p>"]
        if !message.hintLines.isEmpty {
            lines.append("<p><em>Hint:</em> " + message.hintLines.map { HTMLText.escape($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: "\n") + "</p>")
        }
        lines.append("</blockquote>")
        return lines.joined(separator: "\n")
    }

    /// Light and dark readers alike: the page follows the reader's colour scheme, pictures keep
    /// their white cards, and printing drops the backgrounds.
    public static let style = """
        :root { color-scheme: light dark; --ink: #1d1d1f; --paper: #ffffff; --code: #f4f4f6; --rule: #d0d0d7; --accent: #1f77b4; --alert: #d62728; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e8e8ea; --paper: #16161a; --code: #232329; --rule: #3a3a44; --accent: #5aa9e6; --alert: #ff6b6b; } }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        a { color: var(--accent); }
        pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { background: var(--code); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.75rem 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: left; }
        th[align="right"], td[align="right"] { text-align: right; }
        .cell { border-left: 3px solid var(--accent); padding-left: 0.75rem; margin: 1.5rem 0; }
        figure { margin: 0.75rem 0; }
        figure img { max-width: 100%; height: auto; }
        figcaption { font-size: 0.85em; opacity: 0.8; }
        blockquote { border-left: 3px solid var(--rule); margin: 1rem 0; padding: 0.25rem 0.75rem; }
        blockquote.error { border-left-color: var(--alert); }
        blockquote.note { border-left-color: var(--accent); }
        @media print { body { background: none; color: black; } main { max-width: none; } pre { background: none; border: 1px solid #ccc; white-space: pre-wrap; } .cell, figure, table { break-inside: avoid; } }
        """
}
