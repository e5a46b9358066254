// One self-contained HTML page: prose rendered from Markdown by Ink, outputs, pictures inline,
// no external resources — readable offline and in print.

import Foundation
import Ink

/// Writes a rendered notebook as a single HTML file.
public enum HTMLExporter {
    public static func html(_ notebook: RenderedNotebook) -> String {
        let parts = fragments(notebook)
        var body: [String] = []
        if let title = notebook.title { body.append("<h1>\(escape(title))</h1>") }
        body.append(parts.runLine)
        if let failure = parts.failureLine { body.append(failure) }
        body += parts.blocks
        return document(title: notebook.title, body: body.joined(separator: "\n"))
    }

    /// The page's pieces as HTML: the run line, the failure line, and each block in order. The
    /// live preview sends them one at a time, to replace only what changed.
    public static func fragments(_ notebook: RenderedNotebook) -> (runLine: String, failureLine: String?, blocks: [String]) {
        let parser = MarkdownParser()
        return (parser.html(from: notebook.runLine), notebook.failureLine.map { parser.html(from: $0) },
                notebook.blocks.map { html($0, in: notebook, parser: parser) })
    }

    /// One block of the page: prose as HTML, or a cell's source and outputs in a section.
    static func html(_ block: RenderedNotebook.Block, in notebook: RenderedNotebook, parser: MarkdownParser) -> String {
        switch block.kind {
        case .prose:
            return parser.html(from: block.text)
        case .cell:
            var parts = ["<section class=\"cell\" id=\"cell-\(escape(block.label))\">"]
            parts.append("<pre class=\"source\"><code>\(escape(block.text))</code></pre>")
            if !block.outputs.isEmpty {
                parts.append("<div class=\"outputs\">\(outputs(block.outputs, notebook, parser))</div>")
            }
            parts.append("</section>")
            return parts.joined(separator: "\n")
        }
    }

    /// A whole HTML document around `body`, with the page's style (and more, such as the live
    /// preview's script, in `head`).
    public static func document(title: String?, body: String, head: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title ?? "nnbook notebook"))</title>
        <style>\(style)</style>\(head)
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A cell's outputs as HTML, every picture (`![caption](ASSETS/NAME.svg)`) placed inline
    /// in a figure with its caption, so the page needs no other file. Pictures are set aside
    /// before Markdown is converted, so that a caption is never read as Markdown.
    static func outputs(_ markdown: String, _ notebook: RenderedNotebook, _ parser: MarkdownParser) -> String {
        var figures: [String] = []
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            for (name, svg) in notebook.assets.sorted(by: { $0.key < $1.key }) {
                let target = "](\(notebook.assetsFolder)/\(name))"
                guard line.hasPrefix("!["), line.hasSuffix(target) else { continue }
                let caption = escape(String(line.dropFirst(2).dropLast(target.count)))
                let inline = svg.replacingOccurrences(of: "<svg ", with: "<svg role=\"img\" aria-label=\"\(caption)\" ")
                figures.append("<figure>\(inline)<figcaption>\(caption)</figcaption></figure>")
                return "NNBOOKFIGURE\(figures.count - 1)"
            }
            return String(line)
        }
        var html = parser.html(from: lines.joined(separator: "\n"))
        for (index, figure) in figures.enumerated().reversed() {
            html = html.replacingOccurrences(of: "<p>NNBOOKFIGURE\(index)</p>", with: figure)
        }
        return html
    }

    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Light and dark readers alike: the page follows the reader's colour scheme, pictures keep
    /// their white cards, and printing drops the backgrounds.
    private static let style = """
        :root { color-scheme: light dark; --ink: #1d1d1f; --paper: #ffffff; --code: #f4f4f6; --rule: #d0d0d7; }
        @media (prefers-color-scheme: dark) { :root { --ink: #e8e8ea; --paper: #16161a; --code: #232329; --rule: #3a3a44; } }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { background: var(--code); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; }
        .cell { border-left: 3px solid #1f77b4; padding-left: 0.75rem; margin: 1.5rem 0; }
        .outputs table { border-collapse: collapse; margin: 0.75rem 0; }
        .outputs th, .outputs td { border: 1px solid var(--rule); padding: 0.25rem 0.6rem; text-align: right; }
        figure { margin: 0.75rem 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.85em; opacity: 0.8; }
        blockquote { border-left: 3px solid #d62728; margin: 1rem 0; padding: 0.25rem 0.75rem; }
        @media print { body { background: none; color: black; } pre { background: none; border: 1px solid #ccc; } }
        """
}
