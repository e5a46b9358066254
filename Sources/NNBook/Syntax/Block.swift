// A piece of a notebook in reading order: its prose, or one of its cells. The syntax tree and a
// run's page are both lists of these, so that prose and cells are one concept everywhere.

/// Prose or a cell. In the syntax tree (`Notebook.blocks`) a cell is its commands
/// (``Cell``); in a run's page (NNBookRender's `Page`) it is the cell with its outputs.
public enum Block<CellContent: Equatable & Sendable>: Equatable, Sendable {
    /// Markdown text, kept exactly as written (other languages' code fences included).
    case prose(String)
    case cell(CellContent)

    /// The cell, or nil for prose.
    public var cell: CellContent? {
        if case .cell(let content) = self { content } else { nil }
    }
}

/// Stored as `{"prose": TEXT}` or `{"cell": CELL}`, so a reader of the JSON sees which it is.
extension Block: Codable where CellContent: Codable {
    private enum CodingKeys: String, CodingKey { case prose, cell }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .prose) {
            self = .prose(text)
        } else {
            self = .cell(try container.decode(CellContent.self, forKey: .cell))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .prose(let text): try container.encode(text, forKey: .prose)
        case .cell(let content): try container.encode(content, forKey: .cell)
        }
    }
}
