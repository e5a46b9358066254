// The Markdown page of a run, as GitHub shows it: nnbook's mark (unseen), the title, how the run was made, the prose as
// written, and each cell's source followed by its outputs. Every value that came from a run is
// escaped for the place it lands in (see MarkdownText).

/// Writes a page as GitHub-flavoured Markdown. Pure: the same page gives the same bytes, and
/// wall-clock times never enter it (they belong to the run record), so two runs diff cleanly.
public enum MarkdownRenderer {
    /// The Markdown page and the pictures to write beside it.
    public static func render(_ page: Page) -> RenderedPage {
        RenderedPage(
            markdown: markdown(page),
            assets: page.pictures.keys.sorted().map { RenderedPage.Asset(name: $0, contents: page.pictures[$0] ?? "") })
    }

    static func markdown(_ page: Page) -> String {
        // The mark first: it tells this page from a user's file of the same name, which a run
        // never replaces.
        var parts = [PageOwnership.markdownMark] + header(page)
        let pictures = page.assetsFolder + "/" + RenderedPage.pictureFolder(page.pictures)
        for block in page.blocks {
            switch block {
            case .prose(let text):
                parts.append(text)
            case .cell(let cell):
                parts.append(source(cell))
                if page.cellsWithMisses.contains(cell.number) { parts.append("<a id=\"\(Page.missedAnchor(cell: cell.number))\"></a>") }
                let outputs = self.outputs(cell, assetsFolder: pictures)
                if !outputs.isEmpty { parts.append(outputs) }
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The title, the run line and, when the run stopped early, the line that says where; then
    /// a line per expectation missed without failing the run.
    static func header(_ page: Page) -> [String] {
        var parts: [String] = []
        if let title = page.title { parts.append("# " + MarkdownText.inline(title)) }
        parts.append("*" + MarkdownText.inline(page.runSummary) + "*")
        if let failure = page.failure {
            parts.append("> **\(failure.headline)** in [\(failure.place)](#\(Page.errorAnchor)): \(MarkdownText.inline(failure.message))")
        }
        if !page.missedExpectations.isEmpty {
            parts.append(page.missedExpectations.map { miss in
                "> **\(Page.MissedExpectation.headline)** in [\(miss.place)](#\(Page.missedAnchor(cell: miss.cell))), not enforced (`\(Page.MissedExpectation.option)`): \(MarkdownText.inline(miss.message))"
            }.joined(separator: "\n>\n"))
        }
        return parts
    }

    /// A cell's commands in an `nnbook` code block.
    static func source(_ cell: Page.Cell) -> String {
        MarkdownText.codeBlock(cell.source.joined(separator: "\n"), info: "nnbook")
    }

    /// A cell's outputs as shown (runs of text in one `text` block), then the error; pictures
    /// are linked inside `assetsFolder`, the page's picture folder.
    static func outputs(_ cell: Page.Cell, assetsFolder: String) -> String {
        guard cell.ran else { return "*\(MarkdownText.inline(Page.Cell.notRunNote))*" }
        var parts = cell.shownOutputs.map { output in
            switch output {
            case .text(let text): MarkdownText.codeBlock(text, info: "text")
            case .table(let table): markdown(table)
            case .picture(let picture): "![\(MarkdownText.inline(picture.caption))](\(MarkdownText.destination(assetsFolder + "/" + picture.file)))"
            case .note(let note): quote("Note", note)
            case .metric: ""
            }
        }
        if let error = cell.error { parts.append(markdown(error)) }
        return parts.joined(separator: "\n\n")
    }

    /// A GitHub-flavoured Markdown table, numbers right-aligned.
    static func markdown(_ table: Page.Table) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map(MarkdownText.inline).joined(separator: " | ") + " |"
        }
        let rule = "|" + table.alignments.map { $0 == .right ? "---:|" : "---|" }.joined()
        return ([row(table.headers), rule] + table.rows.map { row($0.map(\.text)) }).joined(separator: "\n")
    }

    /// The error, quoted, with the anchor the failure line links to.
    static func markdown(_ error: Page.CellError) -> String {
        "<a id=\"\(Page.errorAnchor)\"></a>\n\n" + quote("Error", error)
    }

    /// `> **Error** at line 4, column 1: …` and its hint, quoted.
    static func quote(_ headline: String, _ message: some PageMessage) -> String {
        var block = "> **\(headline)**\(message.place): \(MarkdownText.inline(message.message))"
        if !message.hintLines.isEmpty {
            block += "\n>\n> *Hint:* " + message.hintLines.map(MarkdownText.line).joined(separator: "\n> ")
        }
        return block
    }
}
