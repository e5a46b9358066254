// How the page's values are spelt in `page.json` (described in ``PageFile``): each choice is an
// object with one key naming it, and numbers JSON cannot hold are written as words.

import Foundation

/// The top level of `page.json`: the format's name and version, then the page without its
/// pictures.
struct Document: Codable {
    let format: String
    let version: Int
    let title: String?
    let seed: UInt64
    let parameters: [Page.Parameter]
    let failure: Page.Failure?
    /// Absent when none was missed, so that the pages of runs without any read as before.
    let missedExpectations: [Page.MissedExpectation]?
    let assetsFolder: String
    var blocks: [Page.Block]

    init(page: Page) {
        format = PageFile.format
        version = PageFile.version
        title = page.title
        seed = page.seed
        parameters = page.parameters
        failure = page.failure
        missedExpectations = page.missedExpectations.isEmpty ? nil : page.missedExpectations
        assetsFolder = page.assetsFolder
        blocks = page.blocks
    }

    func page(pictures: [String: String]) -> Page {
        Page(
            title: title, seed: seed, parameters: parameters, failure: failure, missedExpectations: missedExpectations ?? [], blocks: blocks,
            assetsFolder: assetsFolder, pictures: pictures)
    }
}

extension Page.Output: Codable {
    private enum CodingKeys: String, CodingKey { case text, table, metric, picture, note }
    private struct Metric: Codable { let name: String; let value: JSONNumber }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let table = try container.decodeIfPresent(Page.Table.self, forKey: .table) {
            self = .table(table)
        } else if let metric = try container.decodeIfPresent(Metric.self, forKey: .metric) {
            self = .metric(name: metric.name, value: metric.value.value)
        } else if let note = try container.decodeIfPresent(Page.Note.self, forKey: .note) {
            self = .note(note)
        } else {
            self = .picture(try container.decode(Page.Picture.self, forKey: .picture))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .table(let table): try container.encode(table, forKey: .table)
        case .metric(let name, let value): try container.encode(Metric(name: name, value: JSONNumber(value: value)), forKey: .metric)
        case .picture(let picture): try container.encode(picture, forKey: .picture)
        case .note(let note): try container.encode(note, forKey: .note)
        }
    }
}

extension Page.Table.Value: Codable {
    private enum CodingKeys: String, CodingKey { case text, number }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text), number: try container.decodeIfPresent(JSONNumber.self, forKey: .number)?.value)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(number.map(JSONNumber.init), forKey: .number)
    }
}

/// A number that may be NaN or infinite: JSON has no spelling for those, so they are written as
/// the words nnbook prints for them.
struct JSONNumber: Codable {
    let value: Double

    init(value: Double) { self.value = value }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
        } else {
            switch try container.decode(String.self) {
            case "nan": value = .nan
            case "inf": value = .infinity
            case "-inf": value = -.infinity
            case let word: throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(word)' is not a number")
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite { try container.encode(value) } else { try container.encode(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")) }
    }
}
