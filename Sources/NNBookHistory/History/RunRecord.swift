// run.json: everything about a run that is not its page — parameters, seed, status, timings.

import Foundation
import NNBook

/// The contents of `run.json` (and, in `metrics`, of `metrics.json`).
public struct RunRecord: Codable, Equatable, Sendable {
    public struct CellTiming: Codable, Equatable, Sendable {
        public let label: String
        public let status: RunStatus
        public let seconds: Double
    }

    /// Why the run failed: at a cell, or, with no cell, after the last one (its page could not
    /// be written).
    public struct Failure: Codable, Equatable, Sendable {
        public let cell: Int?
        public let label: String?
        public let line: Int?
        public let column: Int?
        public let message: String

        /// "in cell 2 (training), line 14: …", or the message alone when no cell failed.
        public var place: String {
            guard let cell else { return message }
            return "in cell \(cell)" + (label.map { " (\($0))" } ?? "") + (line.map { ", line \($0)" } ?? "") + ": \(message)"
        }
    }

    public struct Machine: Codable, Equatable, Sendable {
        public let system: String
        public let processors: Int
        public let memoryGiB: Double

        public static var current: Machine {
            var name = utsname()
            uname(&name)
            let machine = withUnsafeBytes(of: &name.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let system = withUnsafeBytes(of: &name.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let info = ProcessInfo.processInfo
            return Machine(
                system: "\(system) \(machine)", processors: info.activeProcessorCount,
                memoryGiB: (Double(info.physicalMemory) / 1_073_741_824 * 10).rounded() / 10)
        }
    }

    /// A figure of the run's headline, with the command that reported it.
    public struct Headline: Codable, Equatable, Sendable {
        public let name: String
        public let value: Double
        /// The cell and command that reported it (`compare/evaluate/c/unseen`), so that a
        /// headline never pairs one model's accuracy with another's loss unsaid; nil in runs
        /// recorded before it was kept.
        public var source: String?
        /// The units of a scaled target's figure (`price_k's units squared`); nil for none.
        public var units: String?

        public init(name: String, value: Double, source: String? = nil, units: String? = nil) {
            self.name = name
            self.value = value
            self.source = source
            self.units = units
        }

        /// `loss 3186.67 (price_k's units squared)`, never rounded to 0 when it is not 0.
        public func text(places: Int) -> String {
            "\(name) \(NumberText.nonZero(value, places: places))" + (units.map { " (\($0))" } ?? "")
        }
    }

    public let notebook: String
    public let status: RunStatus
    public let seed: UInt64
    public let precision: Int
    public let parameters: [String: String]
    /// Each parameter's declared type (`number`, `integer`, `string`, `boolean`, `choice`, `list of …`), so
    /// that tools read `rate` as 0.5, not "0.5". Runs recorded before types were kept have none.
    public let parameterTypes: [String: String]?
    public let defaults: [String: String]
    /// The sweep this run belongs to (`nnbook sweep`, or `nnbook run --sweep ID`).
    public let sweep: String?
    public let nnbookVersion: String
    public let started: Date
    public let seconds: Double
    public let cells: [CellTiming]
    public let error: Failure?
    public let headline: [Headline]
    public let machine: Machine
    /// Kept in `metrics.json`, not in `run.json`.
    public var metrics: [String: [String: Double]] = [:]
    /// The units of the metrics a scaled target's figures were reported in (`price's units
    /// squared`, `scaled units`), keyed as `metrics`; nil when there were none, and in runs
    /// recorded before units were kept.
    public let metricUnits: [String: [String: String]]?
    /// The expectations the run missed without failing (`--no-expect`), where and what; nil in
    /// runs recorded before they were kept.
    public let missedExpectations: [Failure]?

    enum CodingKeys: String, CodingKey {
        case notebook, status, seed, precision, parameters, defaults, started, seconds, cells, error, headline, machine, sweep
        case nnbookVersion = "nnbook_version"
        case parameterTypes = "parameter_types"
        case metricUnits = "metric_units"
        case missedExpectations = "missed_expectations"
    }

    /// The record of `result`, a run of the notebook at `notebookPath` that started at `started`;
    /// `pageFailure` says why its page could not be written, which fails a run whose cells all
    /// succeeded.
    public init(
        result: RunResult, notebookPath: String, version: String, started: Date, seconds: Double, sweep: String? = nil,
        pageFailure: String? = nil, machine: Machine = .current
    ) {
        let notebook = result.notebook
        self.notebook = notebookPath
        status = result.status == .succeeded && pageFailure != nil ? .failed : result.status
        seed = notebook.frontMatter.seed
        precision = notebook.frontMatter.precision
        parameters = result.parameters.mapValues(\.text)
        parameterTypes = Dictionary(uniqueKeysWithValues: notebook.frontMatter.parameters.map { ($0.name, $0.type.name) })
        self.sweep = sweep
        defaults = Dictionary(uniqueKeysWithValues: notebook.frontMatter.parameters.map { ($0.name, $0.defaultValue.text) })
        nnbookVersion = version
        self.started = started
        self.seconds = seconds
        cells = result.cells.map {
            CellTiming(label: $0.cell.label, status: !$0.ran ? .notRun : ($0.error == nil ? .succeeded : result.status), seconds: $0.seconds)
        }
        error = result.failure.map {
            Failure(cell: $0.cell.number, label: $0.cell.label, line: $0.diagnostic.range?.line, column: $0.diagnostic.range?.column, message: $0.diagnostic.message)
        } ?? pageFailure.map { Failure(cell: nil, label: nil, line: nil, column: nil, message: $0) }
        metrics = result.metrics
        metricUnits = result.metricUnits.isEmpty ? nil : result.metricUnits
        missedExpectations = result.cells.flatMap { cell in
            cell.missedExpectations.map {
                Failure(cell: cell.cell.number, label: cell.cell.label, line: $0.range?.line, column: $0.range?.column, message: $0.message)
            }
        }
        headline = RunRecord.headline(result)
        self.machine = machine
    }

    /// Accuracy and loss of one command, named by what they measure, with the command that
    /// reported them: the last command that reported both (the test evaluation, usually), else
    /// the last that reported either; one whose figures are in a scaled target's original
    /// units before one in scaled units (`units=scaled`), as the page puts the original first.
    /// Without any, the first metric of the last cell that reported one.
    static func headline(_ result: RunResult) -> [Headline] {
        var commands: [[Headline]] = []
        var lastCell: [Headline] = []
        for cell in result.cells {
            let metrics = cell.outputs.compactMap { output -> Headline? in
                guard case .metric(let name, let value, let units) = output else { return nil }
                let column = MetricColumn(cell: cell.cell.label, metric: name)
                return Headline(name: column.measure, value: value, source: column.command.map { "\(column.cell)/\($0)" }, units: units)
            }
            if !metrics.isEmpty { lastCell = metrics }
            for metric in metrics where ["accuracy", "loss"].contains(metric.name) {
                if let index = commands.lastIndex(where: { $0.first?.source == metric.source }), index == commands.count - 1 {
                    commands[index].removeAll { $0.name == metric.name }
                    commands[index].append(metric)
                } else {
                    commands.append([metric])
                }
            }
        }
        let original = commands.filter { $0.allSatisfy { $0.units?.contains("scaled") != true } }
        let candidates = original.isEmpty ? commands : original
        guard let chosen = candidates.last(where: { $0.count == 2 }) ?? candidates.last else { return Array(lastCell.prefix(1)) }
        return ["accuracy", "loss"].compactMap { name in chosen.first { $0.name == name } }
    }

    /// The parameters as typed values: by their recorded type, or, for runs recorded before
    /// types were kept, by the form of the text (`1000` integer, `0.5` number, `true` boolean).
    public var typedParameters: [String: TypedValue] {
        parameters.reduce(into: [:]) { typed, entry in
            let (name, text) = entry
            if let type = parameterTypes?[name].flatMap({ ValueType.parameterType(named: $0) }) {
                typed[name] = type.value(from: text) ?? .string(text)
            } else {
                let guesses: [ValueType] = [.integer, .number, .boolean, .string]
                typed[name] = guesses.lazy.compactMap { $0.value(from: text) }.first
            }
        }
    }

    /// The parameters whose value differs from the notebook's default, as `rate=0.1`.
    public var changedParameters: [String] {
        parameters.keys.sorted().compactMap { name in
            parameters[name] == defaults[name] ? nil : "\(name)=\(parameters[name] ?? "")"
        }
    }

    func json() throws -> Data { try RunRecord.encoder.encode(self) + Data("\n".utf8) }

    static func json(_ metrics: [String: [String: Double]]) throws -> Data {
        try encoder.encode(metrics) + Data("\n".utf8)
    }

    static func decode(run: Data, metrics: Data?) throws -> RunRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.infinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        var record: RunRecord
        do {
            record = try decoder.decode(RunRecord.self, from: run)
        } catch {
            throw UnreadableFile(name: "run.json", problem: StoredDataProblem.describe(error, in: run))
        }
        guard let metrics else { return record }
        do {
            record.metrics = try decoder.decode([String: [String: Double]].self, from: metrics)
        } catch {
            throw UnreadableFile(name: "metrics.json", problem: StoredDataProblem.describe(error, in: metrics))
        }
        return record
    }

    /// Which file of a run's record cannot be read, and why.
    struct UnreadableFile: Error, CustomStringConvertible {
        let name: String
        let problem: String

        /// `in its run.json, the field 'status' holds …`.
        var description: String { "in its \(name), \(problem)" }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.infinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return encoder
    }()

    /// JSON has no numbers for a loss that diverged: such metrics are recorded as the strings
    /// Python's `json` module prints for them, so a run that produced one is still recorded.
    static let nonFinite = (nan: "NaN", infinity: "Infinity", negativeInfinity: "-Infinity")

    /// `value` as a JSON value: a number, or for NaN and infinities the string recorded for them.
    static func jsonValue(_ value: Double) -> Any {
        if value.isNaN { return nonFinite.nan }
        if value.isInfinite { return value > 0 ? nonFinite.infinity : nonFinite.negativeInfinity }
        return value
    }
}
