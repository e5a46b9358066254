// The messages of nnbook's external plugin protocol, version 1: one JSON object per line.

import Foundation

/// The JSON messages exchanged with an external plugin. Each request is one line on the
/// plugin's standard input; the plugin answers with one line on its standard output and exits.
public enum PluginProtocol {
    public static let version = 1
    /// The most bytes nnbook reads of a plugin's answer. An answer is read whole before it is
    /// decoded, so a plugin that prints without end (or a 400 MB text) would otherwise fill the
    /// memory whatever `--memory-limit` says; a plugin with more data writes it to a file that
    /// the notebook loads. "Writing a plugin" documents it.
    public static let maximumAnswer = 64 << 20
    /// The most table cells (headers included) one answer may hold. A page is read by people,
    /// and every cell costs far more in the page, its record in history and the preview than
    /// its few bytes of JSON: 2 million short cells made a 220 MB record and 1.3 GB of memory,
    /// past any `--memory-limit`. "Writing a plugin" documents it.
    public static let maximumTableCells = 100_000
    /// The most outputs one answer may hold, and the most of them that are pictures: each
    /// output is a block of the page, and each picture a file beside it. 50,000 pictures made
    /// 50,000 files and minutes of work. "Writing a plugin" documents it.
    public static let maximumOutputs = 10_000
    public static let maximumPictures = 100
    /// The most bytes of a plugin's standard error kept: only its end is quoted, when it fails.
    static let keptErrors = 4096

    /// A request: `describe`, `check` or `run`.
    public struct Request: Codable, Equatable, Sendable {
        public var protocolVersion = PluginProtocol.version
        public let request: String
        public var command: String?
        /// Arguments and options by name, as checked values (numbers, strings, booleans, lists).
        public var arguments: [String: JSONValue]?
        /// For `run`: the data sets the command's arguments name.
        public var data: [String: DatasetMessage]?
        /// For `run`: the notebook's seed, so a plugin's random draws repeat too.
        public var seed: UInt64?

        enum CodingKeys: String, CodingKey {
            case protocolVersion = "protocol", request, command, arguments, data, seed
        }
    }

    /// The answer to `describe`.
    public struct Description: Codable, Equatable, Sendable {
        public let name: String
        public let summary: String
        public let commands: [CommandMessage]
    }

    /// A command's schema as a plugin declares it.
    public struct CommandMessage: Codable, Equatable, Sendable {
        public struct Argument: Codable, Equatable, Sendable {
            public let name: String
            /// `number`, `integer`, `string`, `boolean`, `name`, `path`, `dataset`, `model`,
            /// `new dataset`, `choice: a|b|c` or `list of TYPE`.
            public let type: String
            public let summary: String
            public var keyword: String?
            public var optional: Bool?
            public var `default`: JSONValue?
        }

        public let verb: String
        public let summary: String
        public var arguments: [Argument]?
        public var options: [Argument]?
        public var examples: [String]?
        /// What the command makes, so that `nnbook check` knows its shapes before the plugin runs.
        public var produces: ProducesMessage?
    }

    /// A data set a command declares it makes. Every field but `dataset` may be left out; what
    /// is left out the check treats as unknown, and the checks that need it stay silent.
    public struct ProducesMessage: Codable, Equatable, Sendable {
        /// The target columns' meaning: `classes` (one class number per sample), `one-hot`
        /// (a 0/1 column per class) or `numbers`; with the class count and the columns' names.
        public struct TargetMessage: Codable, Equatable, Sendable {
            public let kind: String
            public var classes: SizeMessage?
            public var names: [String]?
        }

        /// The `new dataset` argument whose value names the data set.
        public let dataset: String
        /// The feature columns' names; one sample is then a row of that many numbers.
        public var columns: [String]?
        /// The shape of one sample, for data without column names (`[28, 28]` for images).
        public var sampleShape: [SizeMessage]?
        public var samples: SizeMessage?
        public var target: TargetMessage?

        enum CodingKeys: String, CodingKey {
            case dataset, columns, sampleShape = "sample_shape", samples, target
        }
    }

    /// A size known before the command runs: a number, or the name of the command's integer
    /// argument or option that gives it (`"classes"` for `classes=4`).
    public enum SizeMessage: Codable, Equatable, Sendable {
        case fixed(Int)
        case argument(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let size = try? container.decode(Int.self) {
                self = .fixed(size)
            } else if let name = try? container.decode(String.self) {
                self = .argument(name)
            } else {
                throw DecodingError.typeMismatch(SizeMessage.self, .init(codingPath: decoder.codingPath, debugDescription: "a size"))
            }
        }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .fixed(let size): try container.encode(size)
            case .argument(let name): try container.encode(name)
            }
        }
    }

    /// A response to any request.
    public struct Response: Codable, Equatable, Sendable {
        public var protocolVersion: Int?
        public var plugin: Description?
        public var diagnostics: [Problem]?
        public var outputs: [OutputMessage]?
        public var datasets: [String: DatasetMessage]?
        public var error: Problem?

        /// The answer's fields that the protocol does not know (`data` where `datasets` is
        /// meant): not read, but named when what they may have held is missing.
        public var unknownFields: [String] = []

        enum CodingKeys: String, CodingKey {
            case protocolVersion = "protocol", plugin, diagnostics, outputs, datasets, error
        }
    }

    /// A problem a plugin reports, optionally about one of the command's arguments.
    public struct Problem: Codable, Equatable, Sendable {
        public let message: String
        public var hint: String?
        public var argument: String?
    }

    /// One output: exactly one of its fields is set.
    public struct OutputMessage: Codable, Equatable, Sendable {
        public struct TableMessage: Codable, Equatable, Sendable {
            public let headers: [String]
            public let rows: [[String]]
        }

        public struct MetricMessage: Codable, Equatable, Sendable {
            public let name: String
            public let value: Double
        }

        public struct SVGMessage: Codable, Equatable, Sendable {
            public let name: String
            public let caption: String
            public let svg: String
        }

        public var text: String?
        public var table: TableMessage?
        public var metric: MetricMessage?
        public var svg: SVGMessage?
    }

    /// A data set on the wire: its column names and its numbers, row-major.
    public struct DatasetMessage: Codable, Equatable, Sendable {
        public struct TensorMessage: Codable, Equatable, Sendable {
            public let shape: [Int]
            public let values: [Float]

            init(shape: [Int], values: [Float]) {
                self.shape = shape
                self.values = values
            }

            /// The numbers are read as JSON's (doubles) and rounded to Float32 as numpy's
            /// `astype(np.float32)` does: 1e-46 becomes 0; a number beyond Float32's range is
            /// an error at its place (`values[3]`), never an infinity in the data.
            public init(from decoder: Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                shape = try container.decode([Int].self, forKey: .shape)
                let numbers = try container.decode([Double].self, forKey: .values)
                values = numbers.map { Float($0) }
                if let index = values.firstIndex(where: { !$0.isFinite }) {
                    throw DecodingError.typeMismatch(
                        Float32Number.self, .init(codingPath: container.codingPath + [CodingKeys.values, ListPosition(intValue: index)], debugDescription: "beyond Float32"))
                }
            }

            enum CodingKeys: String, CodingKey { case shape, values }
        }

        public let featureNames: [String]
        public let targetNames: [String]
        public let features: TensorMessage
        public let targets: TensorMessage

        enum CodingKeys: String, CodingKey {
            case featureNames = "feature_names", targetNames = "target_names", features, targets
        }
    }
}

/// A number a data set holds: one that Float32 can keep (its largest is about 3.4e38).
enum Float32Number {}

/// A position in a JSON list, as a decoding error's path names it.
struct ListPosition: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// Any JSON value, for arguments whose type the protocol leaves to the command.
public enum JSONValue: Codable, Equatable, Sendable {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case list([JSONValue])
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else { self = .list(try container.decode([JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }

    init(_ value: TypedValue) {
        switch value {
        case .number(let number): self = .number(number)
        case .integer(let integer): self = .number(Double(integer))
        case .string(let string): self = .string(string)
        case .boolean(let boolean): self = .boolean(boolean)
        case .list(let values): self = .list(values.map(JSONValue.init))
        }
    }

    /// The value as a schema default.
    var typedValue: TypedValue? {
        switch self {
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
        case .string(let string): return .string(string)
        case .boolean(let boolean): return .boolean(boolean)
        case .list(let values): return .list(values.compactMap(\.typedValue))
        case .null: return nil
        }
    }
}

extension PluginProtocol.Response {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try container.decodeIfPresent(Int.self, forKey: .protocolVersion)
        plugin = try container.decodeIfPresent(PluginProtocol.Description.self, forKey: .plugin)
        diagnostics = try container.decodeIfPresent([PluginProtocol.Problem].self, forKey: .diagnostics)
        outputs = try container.decodeIfPresent([PluginProtocol.OutputMessage].self, forKey: .outputs)
        datasets = try container.decodeIfPresent([String: PluginProtocol.DatasetMessage].self, forKey: .datasets)
        error = try container.decodeIfPresent(PluginProtocol.Problem.self, forKey: .error)
        unknownFields = try decoder.container(keyedBy: FieldName.self).allKeys.map(\.stringValue).filter { CodingKeys(stringValue: $0) == nil }.sorted()
    }

    /// Any field's name.
    private struct FieldName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
