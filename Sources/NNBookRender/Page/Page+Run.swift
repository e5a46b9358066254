// Laying out a run as a page: prose without its surrounding blank lines, each cell's outputs as
// typed values, each picture drawn once and named after its cell.

import NNBook

extension Page {
    /// The page of a run. `assetsFolder` is where the Markdown page will find the pictures
    /// (`NAME.assets`).
    public init(run result: RunResult, assetsFolder: String) {
        var blocks: [Block] = []
        var pictures: [String: String] = [:]
        var cellResults = result.cells.makeIterator()
        for block in result.notebook.blocks {
            switch block {
            case .prose(let text):
                // A value lands in Markdown as the text it is, written for its place: `-p 'who=a|b'`
                // splits no table row, and a quote ends no attribute of the author's HTML.
                let prose = ProseParameters.substitute(prose: text) { name, place in
                    result.parameters[name].map { Page.write($0.text, at: place) }
                }
                let trimmed = Page.trimmingBlankLines(prose)
                if !trimmed.isEmpty { blocks.append(.prose(trimmed)) }
            case .cell(let cell):
                let cellResult = cellResults.next()
                let outputs = Page.blocks(of: cellResult?.commandOutputs ?? []) { (figure: Figure) in
                    let picture = Picture(figure, label: cell.label).named(apartFrom: pictures)
                    pictures[picture.file] = FigureSVG.render(figure)
                    return picture
                }
                blocks.append(.cell(Cell(
                    number: cell.number, label: cell.label, line: cell.line, source: cell.source,
                    ran: cellResult?.ran ?? false, outputs: outputs, error: cellResult?.error.map(CellError.init))))
            }
        }
        let frontMatter = result.notebook.frontMatter
        self.init(
            title: frontMatter.title.map { ProseParameters.substitute($0, values: result.parameters.mapValues(\.text)) }, seed: frontMatter.seed,
            parameters: frontMatter.parameters.map { parameter in
                Parameter(name: parameter.name, value: (result.parameters[parameter.name] ?? parameter.defaultValue).text, defaultValue: parameter.defaultValue.text)
            },
            failure: result.failure.map { failure in
                Failure(interrupted: result.status == .interrupted, cell: failure.cell.number, line: failure.diagnostic.range?.line ?? failure.cell.line, message: failure.diagnostic.message)
            },
            missedExpectations: result.cells.flatMap { cell in
                cell.missedExpectations.map { MissedExpectation(cell: cell.cell.number, line: $0.range?.line ?? cell.cell.line, message: $0.message) }
            },
            blocks: blocks, assetsFolder: assetsFolder, pictures: pictures)
    }

    /// A parameter's value as Markdown for its place in the prose.
    static func write(_ value: String, at place: ProsePlace) -> String {
        switch place {
        case .text(let startsLine): return startsLine ? MarkdownText.line(value) : MarkdownText.inline(value)
        case .html: return MarkdownText.rawHTML(value)
        case .linkDestination: return MarkdownText.address(value)
        case .linkTitle: return MarkdownText.linkTitle(value)
        }
    }

    /// A cell's outputs as the page shows them, from each command's outputs in order, each
    /// figure drawn by `draw`. A command's texts are one block. A command's first text continues
    /// the block above only when the command above showed nothing but text, so that the
    /// one-line summaries of `load`, `split` and `compile` read as one log, as a Jupyter cell's
    /// prints do; a text after a table or a picture is that output's note (`evaluate`'s "18
    /// samples"), and the next command's text starts a block of its own, as it does after a
    /// note of the check.
    static func blocks(of commands: [[NNBook.Output]], draw: (Figure) -> Picture) -> [Output] {
        var outputs: [Output] = []
        // The text block that the next text joins.
        var open: Int?
        for command in commands {
            var showedOnlyText = true
            for output in command {
                switch output {
                case .metric(let name, let value, _):
                    outputs.append(.metric(name: name, value: value))
                case .text(let text):
                    appendText(text, to: &outputs, joining: &open)
                case .table(let table):
                    outputs.append(.table(Table(table)))
                    (open, showedOnlyText) = (nil, false)
                case .figure(let figure):
                    outputs.append(.picture(draw(figure)))
                    (open, showedOnlyText) = (nil, false)
                case .note(let note):
                    outputs.append(.note(Note(message: note.message, hint: note.hint, line: note.range?.line, column: note.range?.column)))
                    (open, showedOnlyText) = (nil, false)
                }
            }
            if !showedOnlyText { open = nil }
        }
        return outputs
    }

    /// Adds `text` to the text block at `open`, or starts a block with it and makes that `open`.
    /// The block is taken out while it grows, so that it grows in place: a copy per text made
    /// 160,000 texts of a plugin take 25 s instead of a fraction of one.
    static func appendText(_ text: String, to outputs: inout [Output], joining open: inout Int?) {
        if let index = open, case .text(var above) = outputs[index] {
            outputs[index] = .text("")
            above += "\n"
            above += text
            outputs[index] = .text(above)
        } else {
            open = outputs.count
            outputs.append(.text(text))
        }
    }

    /// Prose without the blank lines around it: each format puts its own space between blocks.
    static func trimmingBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

extension Page.Table {
    /// A command's table with each cell's kind decided once: a cell that reads as a number
    /// (`nan` and `inf` included, as ``NumberText`` writes them) is a number; a column of numbers is right-aligned.
    init(_ table: NNBook.Table) {
        self.init(
            headers: table.headers, alignments: table.alignments.map { $0 == .right ? .right : .left },
            rows: table.rows.map { $0.map { Value(text: $0, number: Double($0)) } })
    }
}

extension Page.Picture {
    /// A figure as the page shows it: `LABEL-NAME.svg`, with any character that could leave the
    /// assets folder or break a link (a plugin chooses the name) replaced by `_`.
    init(_ figure: Figure, label: String) {
        let kind: Kind, tiles: [String]
        switch figure.kind {
        case .lines: (kind, tiles) = (.lineChart, [])
        case .heatmap: (kind, tiles) = (.heatmap, [])
        case .images(let grid): (kind, tiles) = (.imageGrid, grid.tiles.map(\.caption))
        case .contour: (kind, tiles) = (.contourMap, [])
        case .regions: (kind, tiles) = (.decisionRegions, [])
        case .scatter: (kind, tiles) = (.scatterPlot, [])
        case .svg: (kind, tiles) = (.svg, [])
        }
        let stem = String("\(label)-\(figure.name)".map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        self.init(kind: kind, file: (stem.hasPrefix(".") ? "_" + stem.dropFirst() : stem) + ".svg", caption: figure.caption, tiles: tiles)
    }

    /// The same picture as `LABEL-NAME-2.svg`, `-3`, … when its name is already taken on the
    /// page: two scatters, image grids or plots of one metric in one cell are two pictures,
    /// and the second must not overwrite the first.
    func named(apartFrom taken: [String: String]) -> Page.Picture {
        guard taken[file] != nil else { return self }
        let stem = file.dropLast(".svg".count)
        var number = 2
        while taken["\(stem)-\(number).svg"] != nil { number += 1 }
        return Page.Picture(kind: kind, file: "\(stem)-\(number).svg", caption: caption, tiles: tiles)
    }
}

extension Page.CellError {
    init(_ diagnostic: Diagnostic) {
        self.init(
            message: diagnostic.message, hint: diagnostic.hint, line: diagnostic.range?.line,
            column: diagnostic.range?.column, length: diagnostic.range?.length, path: diagnostic.path)
    }
}
