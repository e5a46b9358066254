// How `nnbook log` and `nnbook diff` print: tables for people, JSON for tools.

import Foundation
import NNBook

/// Text and JSON forms of history listings and comparisons.
public struct HistoryText: Sendable {
    /// Colours for a terminal; off for pipes, files and NO_COLOR.
    public let colour: Bool

    public init(colour: Bool) { self.colour = colour }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static let dateFormat: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter
    }()

    /// `nnbook log`: one row per run, newest first, with its headline metrics (accuracy and
    /// loss of the last command reporting them), or with the metric `metric` names when given
    /// (see `RunRecord.values(matching:)`). Where every run's headline is the same but the runs
    /// differ in the accuracy or loss of some command, the headline is that of the last such
    /// command, named in the heading: a notebook that trains a second model no parameter
    /// touches (the lesson's Adam neuron) would otherwise show the same figures for every
    /// learning rate tried.
    public func log(_ runs: [Run], notebook: String, metric: String? = nil) -> String {
        guard !runs.isEmpty else { return "\(notebook): no runs recorded yet\n" }
        if metric == nil, runs.allSatisfy({ $0.record.headline == runs[0].record.headline }), let command = HistoryText.differingCommand(runs.map(\.record)) {
            let headlines = runs.map { run in
                let values = run.record.metricColumns.filter { $0.column.cell == command.cell && $0.column.command == command.command }
                let chosen = HistoryText.headlineMeasures.compactMap { measure in
                    values.first { $0.column.measure == measure }.map { RunRecord.Headline(name: measure, value: $0.value) }
                }
                // A run without that command (recorded before metrics were kept per command)
                // keeps its own headline.
                return chosen.isEmpty ? run.record.headline : chosen
            }
            if headlines != runs.map(\.record.headline) {
                let rows = zip(runs, headlines).map { run, headline in
                    logRow(run, shown: headline.map { "\($0.name) \(NumberText.fixed($0.value, places: run.record.precision))" }.joined(separator: ", "))
                }
                let whose = command.cell + (command.command.map { "/" + $0 } ?? "")
                return table(headers: ["run", "id", "date", "status", "parameters", "metrics of \(whose)"], rows: rows)
            }
        }
        // The column heads with the whole key it chose when every run's match is that one key,
        // so that a name several cells recorded (`insurance.test/loss` of two models) says whose
        // value is shown.
        let chosen = Set(runs.flatMap { run in metric.map { run.record.values(matching: $0).map(\.column.name) } ?? [] })
        let heading = chosen.count == 1 ? chosen.first : metric
        let rows = runs.map { run -> [String] in
            let record = run.record
            let shown: String
            if let metric {
                let matches = record.values(matching: metric)
                let values = matches.map { match in
                    // Several commands of one cell recorded it: each value says which.
                    (matches.count > 1 ? "\(match.column.command ?? match.column.metric) " : "") + NumberText.fixed(match.value, places: record.precision)
                }
                shown = values.isEmpty ? "-" : values.joined(separator: ", ")
            } else {
                shown = record.headline.map { "\($0.name) \(NumberText.fixed($0.value, places: record.precision))" }.joined(separator: ", ")
            }
            return logRow(run, shown: shown)
        }
        return table(headers: ["run", "id", "date", "status", "parameters", heading ?? "metrics"], rows: rows)
    }

    private func logRow(_ run: Run, shown: String) -> [String] {
        let record = run.record
        return [
            String(run.number), run.id.short, HistoryText.dateFormat.string(from: run.time) + " UTC", record.status.rawValue,
            record.changedParameters.isEmpty ? "defaults" : record.changedParameters.joined(separator: " "), shown,
        ]
    }

    /// What a headline shows.
    static let headlineMeasures = ["accuracy", "loss"]

    /// The last command (by cell label and command, in the notebook's order) whose accuracy or
    /// loss differs between `records`; nil when every such figure is the same in all of them.
    static func differingCommand(_ records: [RunRecord]) -> (cell: String, command: String?)? {
        let differing = RunRecord.metricColumns(of: records).filter { column in
            headlineMeasures.contains(column.measure) && Set(records.compactMap { $0.value(in: column) }).count > 1
        }
        return differing.last.map { ($0.cell, $0.command) }
    }

    /// `nnbook log --json`: one object per run, newest first, as the README documents it:
    /// parameters as typed JSON values, metrics by cell label then by command and metric name.
    public func logJSON(_ runs: [Run]) throws -> String {
        let objects: [[String: Any]] = runs.map { run in
            let record = run.record
            return [
                "run": run.number, "id": run.id.hex, "date": ISO8601DateFormatter().string(from: run.time),
                "status": record.status.rawValue, "seconds": record.seconds, "sweep": record.sweep ?? NSNull(),
                "parameters": record.typedParameters.mapValues(HistoryText.jsonValue),
                "changed_parameters": record.changedParameters,
                "metrics": record.metrics.mapValues { $0.mapValues(RunRecord.jsonValue) },
                "metric_units": record.metricUnits ?? [:],
                "headline": Dictionary(record.headline.map { ($0.name, RunRecord.jsonValue($0.value)) }, uniquingKeysWith: { a, _ in a }),
                "missed_expectations": (record.missedExpectations ?? []).map {
                    ["cell": $0.cell ?? NSNull(), "label": $0.label ?? NSNull(), "line": $0.line ?? NSNull(), "column": $0.column ?? NSNull(), "message": $0.message] as [String: Any]
                },
                "error": record.error.map { ["cell": $0.cell ?? NSNull(), "label": $0.label ?? NSNull(), "line": $0.line ?? NSNull(), "column": $0.column ?? NSNull(), "message": $0.message] as [String: Any] } ?? NSNull(),
            ]
        }
        return try json(objects)
    }

    /// `nnbook log --table`: one row per run, newest first, with a column per parameter and
    /// per final metric, headed by the shortest end of its key (`test/evaluate/net/images.test/accuracy`)
    /// that tells it apart from the others shown, as DVC's `exp show` lays out experiments;
    /// with `metric`, only the metric columns it names.
    public func logTable(_ runs: [Run], notebook: String, metric: String? = nil) -> String {
        guard !runs.isEmpty else { return "\(notebook): no runs recorded yet\n" }
        let records = runs.map(\.record)
        let parameterNames = Set(records.flatMap(\.parameters.keys)).sorted()
        let columns = RunRecord.metricColumns(of: records).filter { column in metric.map(column.matches) ?? true }
        let units = columns.map { column in
            MetricColumn.UnitsPlacement(records.filter { $0.value(in: column) != nil }.map { $0.units(in: column) })
        }
        let rows = runs.map { run -> [String] in
            let record = run.record
            return [String(run.number), record.status.rawValue] + parameterNames.map { record.parameters[$0] ?? "-" }
                + zip(columns, units).map { column, units in
                    record.value(in: column).map { units.value(NumberText.fixed($0, places: record.precision), units: record.units(in: column)) } ?? "-"
                }
        }
        let headers = zip(MetricColumn.headers(columns), units).map { $1.header($0) }
        return table(headers: ["run", "status"] + parameterNames + headers, rows: rows)
    }

    /// A parameter as JSON: numbers as numbers, switches as booleans.
    static func jsonValue(_ value: TypedValue) -> Any {
        switch value {
        case .number(let number): number
        case .integer(let integer): integer
        case .string(let text): text
        case .boolean(let flag): flag
        case .list(let values): values.map(jsonValue)
        }
    }

    /// `nnbook diff`: parameters, metrics, source and output changes.
    public func diff(_ comparison: RunComparison, metricsOnly: Bool) -> String {
        let before = comparison.before, after = comparison.after
        var text = "\(before.title) → \(after.title)\n\n"
        text += paint("Parameters", "1") + "\n"
        if comparison.parameters.isEmpty {
            text += "  unchanged\n"
        } else {
            for change in comparison.parameters {
                text += "  \(change.name): \(change.before ?? "(none)") → \(change.after ?? "(none)")\n"
            }
        }
        text += "\n" + paint("Metrics", "1") + "\n"
        let precision = after.record.precision
        let format = { (value: Double?) in value.map { NumberText.fixed($0, places: precision) } ?? "-" }
        let rows = comparison.metrics.map { change -> [String] in
            let delta = change.change.map { ($0 >= 0 ? "+" : "") + NumberText.fixed($0, places: precision) } ?? ""
            let mark: String
            switch change.verdict {
            case .better: mark = paint("better", "32")
            case .worse: mark = paint("worse", "31")
            default: mark = change.verdict.rawValue
            }
            let column = change.column
            return [change.cell, column.command ?? "-", column.measure, format(change.before), format(change.after), change.verdict == .same ? "" : delta, mark]
        }
        text += rows.isEmpty ? "  none recorded\n" : table(headers: ["cell", "command", "metric", "before", "after", "change", ""], rows: rows, indent: "  ")
        guard !metricsOnly else { return text }
        text += "\n" + paint("Source", "1") + "\n" + (comparison.sourceDiff.isEmpty ? "  unchanged\n" : colourDiff(comparison.sourceDiff))
        text += "\n" + paint("Output", "1") + "\n" + (comparison.outputDiff.isEmpty ? "  unchanged\n" : colourDiff(comparison.outputDiff))
        return text
    }

    public func diffJSON(_ comparison: RunComparison, metricsOnly: Bool) throws -> String {
        var object: [String: Any] = [
            "before": ["run": comparison.before.number, "id": comparison.before.id.hex],
            "after": ["run": comparison.after.number, "id": comparison.after.id.hex],
            "parameters": comparison.parameters.map { ["name": $0.name, "before": $0.before ?? NSNull(), "after": $0.after ?? NSNull()] as [String: Any] },
            "metrics": comparison.metrics.map {
                ["key": $0.column.name, "cell": $0.cell, "command": $0.column.command ?? NSNull(), "metric": $0.column.measure, "before": $0.before.map(RunRecord.jsonValue) ?? NSNull(),
                 "after": $0.after.map(RunRecord.jsonValue) ?? NSNull(), "change": $0.change.map(RunRecord.jsonValue) ?? NSNull(), "verdict": $0.verdict.rawValue] as [String: Any]
            },
        ]
        if !metricsOnly {
            object["source_diff"] = comparison.sourceDiff
            object["output_diff"] = comparison.outputDiff
        }
        return try json(object)
    }

    private func colourDiff(_ diff: String) -> String {
        guard colour else { return diff }
        return diff.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return paint(String(line), "1") }
            if line.hasPrefix("+") { return paint(String(line), "32") }
            if line.hasPrefix("-") { return paint(String(line), "31") }
            if line.hasPrefix("@@") { return paint(String(line), "36") }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Columns padded to their widest cell (counting characters, not colour codes).
    private func table(headers: [String], rows: [[String]], indent: String = "") -> String {
        let visible = { (text: String) in text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression).count }
        let widths = headers.indices.map { column in ([headers] + rows).map { visible($0[column]) }.max() ?? 0 }
        return ([headers] + rows).map { row in
            indent + row.indices.map { column in
                row[column] + String(repeating: " ", count: widths[column] - visible(row[column]))
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    private func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
    }
}
