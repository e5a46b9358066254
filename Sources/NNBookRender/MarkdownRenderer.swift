// Renders a run as a GitHub-flavoured Markdown page: prose as written, each cell's source,
// then its outputs.

import Foundation
import NNBook

/// Turns a run into Markdown. Pure: the same run gives the same bytes, and wall-clock times
/// never enter the page (they belong to the run record), so two runs diff cleanly.
public struct MarkdownRenderer: Sendable {
    /// The folder name for pictures, relative to the page: `gradient-descent.assets`.
    public let assetsFolder: String

    public init(assetsFolder: String) { self.assetsFolder = assetsFolder }

    public func render(_ result: RunResult) -> RenderedPage {
        layout(result).page
    }

    /// The run's blocks with their outputs, for any output format.
    public func layout(_ result: RunResult) -> RenderedNotebook {
        var blocks: [RenderedNotebook.Block] = []
        var assets: [String: String] = [:]
        var cellResults = result.cells.makeIterator()
        for block in result.notebook.blocks {
            switch block {
            case .prose(let text):
                let trimmed = MarkdownRenderer.trimmingBlankLines(text)
                if !trimmed.isEmpty { blocks.append(.init(kind: .prose, text: trimmed, outputs: "", label: "")) }
            case .cell(let cell):
                var outputs = ""
                if let cellResult = cellResults.next() {
                    let (markdown, cellAssets) = self.outputs(of: cellResult)
                    outputs = markdown
                    for asset in cellAssets { assets[asset.name] = asset.contents }
                }
                blocks.append(.init(kind: .cell, text: cell.source.joined(separator: "\n"), outputs: outputs, label: cell.label))
            }
        }
        let failureLine = result.failure.map { failure in
            "> **This run \(result.status == .interrupted ? "was interrupted" : "failed")** in [cell \(failure.cell.number) (line \(failure.diagnostic.range?.line ?? failure.cell.line))](#nnbook-error): \(failure.diagnostic.message)"
        }
        return RenderedNotebook(
            title: result.notebook.frontMatter.title, runLine: runLine(result), failureLine: failureLine,
            blocks: blocks, assets: assets, assetsFolder: assetsFolder)
    }

    /// One line saying how the page was made: the seed and the parameters, so a reader can
    /// reproduce it.
    private func runLine(_ result: RunResult) -> String {
        let frontMatter = result.notebook.frontMatter
        var text = "*Run by nnbook with seed \(frontMatter.seed)"
        let parameters = frontMatter.parameters.map { parameter -> String in
            let value = result.parameters[parameter.name] ?? parameter.defaultValue
            return "\(parameter.name)=\(value.text)" + (value == parameter.defaultValue ? "" : " (default \(parameter.defaultValue.text))")
        }
        if !parameters.isEmpty { text += "; parameters: " + parameters.joined(separator: ", ") }
        return text + ".*"
    }

    private func outputs(of result: RunResult.CellResult) -> (String, [RenderedPage.Asset]) {
        guard result.ran else { return ("*Not run: an earlier cell stopped the run.*", []) }
        var parts: [String] = []
        var assets: [RenderedPage.Asset] = []
        var texts: [String] = []
        func flushTexts() {
            if !texts.isEmpty { parts.append("```text\n" + texts.joined(separator: "\n") + "\n```") }
            texts = []
        }
        for output in result.outputs {
            switch output {
            case .text(let text):
                texts.append(text)
            case .table(let table):
                flushTexts()
                parts.append(markdown(table))
            case .figure(let figure):
                flushTexts()
                let file = "\(result.cell.label)-\(figure.name).svg"
                assets.append(RenderedPage.Asset(name: file, contents: FigureSVG.render(figure)))
                parts.append("![\(figure.caption)](\(assetsFolder)/\(file))")
            case .metric:
                continue
            }
        }
        flushTexts()
        if let error = result.error {
            var block = "<a id=\"nnbook-error\"></a>\n\n> **Error**"
            if let range = error.range { block += " at line \(range.line), column \(range.column)" }
            block += ": \(escapeLine(error.message))"
            if let hint = error.hint { block += "\n>\n> *Hint:* " + hint.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ") }
            parts.append(block)
        }
        return (parts.joined(separator: "\n\n"), assets)
    }

    /// A GitHub-flavoured Markdown table; `|` inside a cell is escaped.
    func markdown(_ table: Table) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + table.alignments.map { $0 == .right ? "---:|" : "---|" }.joined()
        return ([row(table.headers), rule] + table.rows.map(row)).joined(separator: "\n")
    }

    /// Prose without the blank lines around it: the page puts exactly one between blocks.
    static func trimmingBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func escapeLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
