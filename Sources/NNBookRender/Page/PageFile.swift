// `page.json`: a run's page as stored in its history, versioned so that a later nnbook can tell
// a page it cannot read from a damaged one.

import Foundation
import NNBook

/// Reads and writes `page.json`.
///
/// The document is an object with `"format": "nnbook-page"` and `"version": 2`, the run's
/// `title`, `seed`, `parameters` (`name`, `value`, `default`), `failure` (`interrupted`, `cell`,
/// `line`, `message`) and `assetsFolder`, and `blocks` in reading order: `{"prose": TEXT}` or
/// `{"cell": {number, label, line, source, ran, outputs, error}}`. Each output is one of
/// `{"text": TEXT}`, `{"table": {headers, alignments, rows}}` (a row is a list of
/// `{"text", "number"}`, `number` absent for words and `"nan"`, `"inf"` or `"-inf"` where JSON
/// has no number), `{"metric": {name, value}}`, `{"picture": {kind, file, caption, tiles}}` and
/// `{"note": {message, hint, line, column}}` (what the check noticed about the command);
/// an error has `message`, `hint`, `line`, `column`, `length` and `path`. Pictures are not in
/// the document: `file` names them in the run's `assets/` folder.
///
/// Each text is one block as the page shows it. Version 1 (read too) stored each command's
/// text apart and showed neighbouring texts as one block, a command's note under its table
/// together with the next command's text; its pages are read as they were shown.
public enum PageFile {
    public static let format = "nnbook-page"
    public static let version = 2
    /// The versions this nnbook reads.
    static let readable = 1...version

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        /// Written by a newer nnbook, or by the one before pages were stored as data.
        case unsupportedVersion(Int?)
        case damaged(String)

        public var description: String {
            switch self {
            case .unsupportedVersion(let version?):
                "page.json has version \(version) and this nnbook reads version \(PageFile.version); run the notebook again, or use the nnbook that made it"
            case .unsupportedVersion(nil):
                "page.json was written by an nnbook older than the page format; run the notebook again to record a page this one can export"
            case .damaged(let detail): "page.json cannot be read: \(detail)"
            }
        }
    }

    /// The page as JSON, keys sorted so that equal pages give equal bytes.
    public static func json(_ page: Page) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Document(page: page))
    }

    /// The page stored as `data`; `picture` reads each picture by file name.
    public static func read(_ data: Data, picture: (String) throws -> Data) throws -> Page {
        struct Header: Decodable { let format: String?; let version: Int? }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data) } catch { throw ReadError.damaged(StoredDataProblem.describe(error)) }
        guard header.format == format, let version = header.version, readable.contains(version) else {
            throw ReadError.unsupportedVersion(header.format == format ? header.version : nil)
        }
        var document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch { throw ReadError.damaged(StoredDataProblem.describe(error)) }
        if version == 1 { document.blocks = document.blocks.map(\.joiningNeighbouringTexts) }
        var pictures: [String: String] = [:]
        for cell in document.blocks.compactMap(\.cell) {
            for case .picture(let shown) in cell.outputs {
                pictures[shown.file] = String(decoding: try picture(shown.file), as: UTF8.self)
            }
        }
        return document.page(pictures: pictures)
    }
}

extension Page.Block {
    /// A version 1 cell as it was shown: each run of texts (the metrics between them are not
    /// shown) as one block.
    fileprivate var joiningNeighbouringTexts: Page.Block {
        guard case .cell(let cell) = self else { return self }
        var outputs: [Page.Output] = []
        var open: Int?
        for output in cell.outputs {
            switch output {
            case .text(let text): Page.appendText(text, to: &outputs, joining: &open)
            case .metric: outputs.append(output)
            case .table, .picture, .note:
                outputs.append(output)
                open = nil
            }
        }
        return .cell(Page.Cell(number: cell.number, label: cell.label, line: cell.line, source: cell.source, ran: cell.ran, outputs: outputs, error: cell.error))
    }
}
