// A Jupyter notebook (nbformat 4) of a run: prose as Markdown cells, each command cell with its
// outputs as display data, so the page opens in Jupyter as it reads on GitHub.

import Foundation

/// Writes a rendered notebook as an `.ipynb` file.
///
/// nbformat 4 gives outputs only to code cells, so command cells are code cells whose language
/// is `nnbook` (raw cells cannot carry outputs); their outputs are Markdown, and each picture
/// is also given as `image/svg+xml`.
public enum JupyterExporter {
    public static func ipynb(_ notebook: RenderedNotebook) throws -> String {
        var cells: [[String: Any]] = []
        var header = [notebook.title.map { "# \($0)" }, notebook.runLine, notebook.failureLine].compactMap { $0 }
        if let first = notebook.blocks.first, first.kind == .prose {
            header.append(first.text)
        }
        cells.append(markdownCell(header.joined(separator: "\n\n")))
        for (index, block) in notebook.blocks.enumerated() where !(index == 0 && block.kind == .prose) {
            switch block.kind {
            case .prose:
                cells.append(markdownCell(block.text))
            case .cell:
                cells.append([
                    "cell_type": "code",
                    "execution_count": NSNull(),
                    "metadata": ["nnbook": ["label": block.label]],
                    "source": lines(block.text),
                    "outputs": outputs(block.outputs, notebook),
                ])
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
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdownCell(_ text: String) -> [String: Any] {
        ["cell_type": "markdown", "metadata": [String: Any](), "source": lines(text)]
    }

    /// The cell's outputs: one Markdown display of them all, then each picture as SVG.
    private static func outputs(_ markdown: String, _ notebook: RenderedNotebook) -> [[String: Any]] {
        guard !markdown.isEmpty else { return [] }
        // Pictures travel inside the notebook as SVG, so their Markdown links (to files that
        // may not be beside the .ipynb) are dropped from the text.
        let pictures = notebook.assets.keys.sorted().filter { markdown.contains("](\(notebook.assetsFolder)/\($0))") }
        let text = markdown.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !pictures.contains { line.hasPrefix("![") && line.hasSuffix("](\(notebook.assetsFolder)/\($0))") } }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
        var result: [[String: Any]] = []
        if !text.isEmpty {
            result.append(["output_type": "display_data", "metadata": [String: Any](), "data": ["text/markdown": lines(text)]])
        }
        for name in pictures {
            result.append(["output_type": "display_data", "metadata": [String: Any](), "data": ["image/svg+xml": lines(notebook.assets[name] ?? "")]])
        }
        return result
    }

    /// Jupyter stores text as a list of lines, each but the last ending in a line break.
    private static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().map { $0.offset < parts.count - 1 ? $0.element + "\n" : $0.element }.filter { !$0.isEmpty }
    }
}
