// A run as a Jupyter notebook (nbformat 4.5): prose as Markdown cells, each command cell as a
// code cell whose outputs are what a Jupyter kernel would have sent — printed text as a stream,
// tables as HTML with a plain-text twin, pictures as SVG, the error as an error.

import Foundation

/// Writes a page as an `.ipynb` file.
///
/// nbformat gives outputs only to code cells, so command cells are code cells in the `nnbook`
/// language; a cell that did not run has no outputs and no execution count, as in Jupyter.
public enum JupyterRenderer {
    public static func ipynb(_ page: Page) throws -> String {
        var cells: [[String: Any]] = []
        var header = MarkdownRenderer.header(page)
        var blocks = page.blocks[...]
        if case .prose(let text)? = blocks.first {
            header.append(text)
            blocks = blocks.dropFirst()
        }
        cells.append(markdownCell(header.joined(separator: "\n\n")))
        for block in blocks {
            switch block {
            case .prose(let text): cells.append(markdownCell(text))
            case .cell(let cell): cells.append(codeCell(cell, pictures: page.pictures))
            }
        }
        let document: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": "nnbook", "display_name": "nnbook", "language": "nnbook"],
                "language_info": ["name": "nnbook", "file_extension": ".nnbook"],
            ],
            "cells": cells.enumerated().map { index, cell in cell.merging(["id": "cell-\(index)"]) { current, _ in current } },
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdownCell(_ text: String) -> [String: Any] {
        ["cell_type": "markdown", "metadata": [String: Any](), "source": lines(text)]
    }

    /// The cell's metrics travel in its metadata (`nnbook.metrics`), where a script can read
    /// them; numbers JSON cannot hold are written as words.
    private static func codeCell(_ cell: Page.Cell, pictures: [String: String]) -> [String: Any] {
        var metrics: [String: Any] = [:]
        for case .metric(let name, let value) in cell.outputs {
            metrics[name] = value.isFinite ? value : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
        }
        var nnbook: [String: Any] = ["label": cell.label]
        if !metrics.isEmpty { nnbook["metrics"] = metrics }
        return [
            "cell_type": "code",
            "execution_count": cell.ran ? cell.number : NSNull(),
            "metadata": ["nnbook": nnbook],
            "source": lines(cell.source.joined(separator: "\n")),
            "outputs": outputs(cell, pictures: pictures),
        ]
    }

    private static func outputs(_ cell: Page.Cell, pictures: [String: String]) -> [[String: Any]] {
        guard cell.ran else { return [] }
        var result: [[String: Any]] = []
        for output in cell.shownOutputs {
            switch output {
            case .text(let text):
                result.append(["output_type": "stream", "name": "stdout", "text": lines(text + "\n")])
            case .table(let table):
                result.append(display(["text/html": lines(HTMLRenderer.html(table)), "text/plain": lines(PlainTable.text(table))]))
            case .picture(let picture):
                result.append(display(["image/svg+xml": lines(pictures[picture.file] ?? ""), "text/plain": [picture.caption]]))
            case .note(let note):
                // Jupyter shows what a cell writes to stderr apart from its output, as a warning.
                let text = "Note\(note.place): \(note.message)" + note.hintLines.enumerated().map { "\n" + ($0.offset == 0 ? "Hint: " : "") + $0.element }.joined()
                result.append(["output_type": "stream", "name": "stderr", "text": lines(text + "\n")])
            case .metric:
                continue
            }
        }
        if let error = cell.error {
            result.append([
                "output_type": "error", "ename": "Error", "evalue": error.message,
                "traceback": ["Error\(error.place): \(error.message)"] + error.hintLines.enumerated().map { $0.offset == 0 ? "Hint: \($0.element)" : $0.element },
            ])
        }
        return result
    }

    private static func display(_ data: [String: Any]) -> [String: Any] {
        ["output_type": "display_data", "metadata": [String: Any](), "data": data]
    }

    /// Jupyter stores text as a list of lines, each but the last ending in a line break.
    private static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }.filter { !$0.isEmpty }
    }
}
