// How `nnbook log` and `nnbook diff` print: tables for people, JSON for tools.

import Foundation
import NNBook
import NNData

/// Text and JSON forms of history listings and comparisons. Every text read from a run's record
/// (parameters, metric names, cell labels, a sweep's id, the source and page) may come from
/// someone else's clone: in the text forms it is escaped (`\u{1b}`, `\n`) so that it cannot move
/// the cursor, retitle the terminal or break a row; JSON escapes it by itself.
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
    /// Runs whose record cannot be read are listed in their place, as `unreadable`.
    public func log(_ runs: [Run], unreadable: [UnreadableRun] = [], notebook: String, metric: String? = nil) -> String {
        guard !runs.isEmpty || !unreadable.isEmpty else { return "\(notebook): no runs recorded yet\n" }
        if metric == nil, runs.allSatisfy({ $0.record.headline == runs[0].record.headline }), let command = HistoryText.differingCommand(runs.map(\.record)) {
            let headlines = runs.map { run in
                let values = run.record.metricColumns.filter { $0.column.cell == command.cell && $0.column.command == command.command }
                let chosen = HistoryText.headlineMeasures.compactMap { measure in
                    values.first { $0.column.measure == measure }.map {
                        RunRecord.Headline(name: measure, value: $0.value, source: "\($0.column.cell)/\(command.command ?? "")", units: run.record.units(in: $0.column))
                    }
                }
                // A run without that command (recorded before metrics were kept per command)
                // keeps its own headline.
                return chosen.isEmpty ? run.record.headline : chosen
            }
            if headlines != runs.map(\.record.headline) {
                let rows = zip(runs, headlines).map { run, headline in
                    logRow(run, shown: headline.map { $0.text(places: run.record.precision) }.joined(separator: ", "))
                }
                let whose = command.cell + (command.command.map { "/" + $0 } ?? "")
                return table(headers: ["run", "id", "date", "status", "parameters", "metrics of \(whose)"], rows: HistoryText.placing(unreadable, among: rows, as: unreadableRow))
            }
        }
        // The column heads with the whole key it chose when every run's match is that one key,
        // so that a name several cells recorded (`insurance.test/loss` of two models) says whose
        // value is shown.
        let chosen = Set(runs.flatMap { run in metric.map { run.record.values(matching: $0).map(\.column.name) } ?? [] })
        // The headline's command heads the column when every run's came from the same one;
        // otherwise each row names its own.
        let sources = Set(runs.flatMap { $0.record.headline.map { $0.source ?? "" } })
        let source = sources.count == 1 ? sources.first.flatMap { $0.isEmpty ? nil : $0 } : nil
        let heading = metric == nil ? source.map { "metrics of " + $0 } : chosen.count == 1 ? chosen.first : metric
        let rows = runs.map { run -> [String] in
            let record = run.record
            let shown: String
            if let metric {
                let matches = record.values(matching: metric)
                // Several keys match: each value says which, by the shortest end of its key
                // that tells it from the others, as `log --table` heads its columns.
                let labels = MetricColumn.headers(matches.map(\.column), atLeast: metric)
                let values = zip(matches, labels).map { match, label in
                    (matches.count > 1 ? label + " " : "") + NumberText.nonZero(match.value, places: record.precision)
                }
                shown = values.isEmpty ? "-" : values.joined(separator: ", ")
            } else {
                let whose = source == nil ? record.headline.first?.source.map { " (of \($0))" } ?? "" : ""
                shown = record.headline.map { $0.text(places: record.precision) }.joined(separator: ", ") + whose
            }
            return logRow(run, shown: shown)
        }
        return table(headers: ["run", "id", "date", "status", "parameters", heading ?? "metrics"], rows: HistoryText.placing(unreadable, among: rows, as: unreadableRow))
    }

    private func unreadableRow(_ run: UnreadableRun) -> [String] {
        [String(run.number), run.id.short, HistoryText.dateFormat.string(from: run.time) + " UTC", HistoryText.unreadableStatus, "-", "-"]
    }

    /// What `log` shows as the status of a run whose record cannot be read.
    public static let unreadableStatus = "unreadable"

    /// `rows` (one per run, newest first, the run's number first) with a row for each of
    /// `unreadable` in its place by number.
    static func placing(_ unreadable: [UnreadableRun], among rows: [[String]], as row: (UnreadableRun) -> [String]) -> [[String]] {
        guard !unreadable.isEmpty else { return rows }
        return (rows + unreadable.map(row)).sorted { Int($0[0]) ?? 0 > Int($1[0]) ?? 0 }
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
    /// A run whose record cannot be read has its number, id, date, the status `unreadable` and
    /// why (`unreadable`), and nothing else.
    public func logJSON(_ runs: [Run], unreadable: [UnreadableRun] = []) throws -> String {
        let damaged: [[String: Any]] = unreadable.map { run in
            ["run": run.number, "id": run.id.hex, "date": ISO8601DateFormatter().string(from: run.time), "status": HistoryText.unreadableStatus, "unreadable": run.why]
        }
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
                "headline_source": record.headline.first?.source ?? NSNull(),
                "missed_expectations": (record.missedExpectations ?? []).map {
                    ["cell": $0.cell ?? NSNull(), "label": $0.label ?? NSNull(), "line": $0.line ?? NSNull(), "column": $0.column ?? NSNull(), "message": $0.message] as [String: Any]
                },
                "error": record.error.map { ["cell": $0.cell ?? NSNull(), "label": $0.label ?? NSNull(), "line": $0.line ?? NSNull(), "column": $0.column ?? NSNull(), "message": $0.message] as [String: Any] } ?? NSNull(),
            ]
        }
        return try json((objects + damaged).sorted { ($0["run"] as? Int ?? 0) > ($1["run"] as? Int ?? 0) })
    }

    /// `nnbook log --table`: one row per run, newest first, with a column per parameter and
    /// per final metric, headed by the shortest end of its key (`test/evaluate/net/images.test/accuracy`)
    /// that tells it apart from the others shown, as DVC's `exp show` lays out experiments;
    /// with `metric`, only the metric columns it names.
    public func logTable(_ runs: [Run], unreadable: [UnreadableRun] = [], notebook: String, metric: String? = nil) -> String {
        guard !runs.isEmpty || !unreadable.isEmpty else { return "\(notebook): no runs recorded yet\n" }
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
                    record.value(in: column).map { units.value(NumberText.nonZero($0, places: record.precision), units: record.units(in: column)) } ?? "-"
                }
        }
        let headers = zip(MetricColumn.headers(columns, atLeast: metric), units).map { $1.header($0) }
        let unreadableRow = { (run: UnreadableRun) in [String(run.number), HistoryText.unreadableStatus] + Array(repeating: "-", count: parameterNames.count + headers.count) }
        return table(headers: ["run", "status"] + parameterNames + headers, rows: HistoryText.placing(unreadable, among: rows, as: unreadableRow))
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
        var text = "\(before.title.visible()) → \(after.title.visible())\n\n"
        text += paint("Parameters", "1") + "\n"
        if comparison.parameters.isEmpty {
            text += "  unchanged\n"
        } else {
            for change in comparison.parameters {
                text += "  \(change.name.visible()): \((change.before ?? "(none)").visible()) → \((change.after ?? "(none)").visible())\n"
            }
        }
        text += "\n" + paint("Metrics", "1") + "\n"
        let precision = after.record.precision
        let format = { (value: Double?) in value.map { NumberText.fixed($0, places: precision) } ?? "-" }
        let rows = comparison.metrics.map { change -> [String] in
            let delta = change.change.map { ($0 >= 0 ? "+" : "") + NumberText.fixed($0, places: precision) } ?? ""
            let column = change.column
            return [change.cell, column.command ?? "-", column.measure, format(change.before), format(change.after), change.verdict == .same ? "" : delta, change.verdict.rawValue]
        }
        // The verdict, last, is green when better and red when worse.
        let verdictColours: [RunComparison.Verdict: String] = [.better: "32", .worse: "31"]
        text += rows.isEmpty ? "  none recorded\n" : table(headers: ["cell", "command", "metric", "before", "after", "change", ""], rows: rows, indent: "  ") { row, column in
            column == 6 ? verdictColours[comparison.metrics[row].verdict] : nil
        }
        guard !metricsOnly else { return text }
        text += "\n" + paint("Source", "1") + "\n" + (comparison.sourceDiff.isEmpty ? "  unchanged\n" : shownDiff(comparison.sourceDiff))
        text += "\n" + paint("Output", "1") + "\n" + (comparison.outputDiff.isEmpty ? "  unchanged\n" : shownDiff(comparison.outputDiff))
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

    /// A unified diff escaped line by line, coloured on a terminal.
    private func shownDiff(_ diff: String) -> String {
        let shown = diff.visible(keepingNewlines: true)
        guard colour else { return shown }
        return shown.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return paint(String(line), "1") }
            if line.hasPrefix("+") { return paint(String(line), "32") }
            if line.hasPrefix("-") { return paint(String(line), "31") }
            if line.hasPrefix("@@") { return paint(String(line), "36") }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Columns padded to their widest cell, every cell escaped; `colour` gives the colour of
    /// the cell at a row (counted from 0 after the headers) and column, if it has one.
    private func table(headers: [String], rows: [[String]], indent: String = "", colour: (_ row: Int, _ column: Int) -> String? = { _, _ in nil }) -> String {
        let shown = ([headers] + rows).map { $0.map { $0.visible() } }
        let widths = headers.indices.map { column in shown.map { $0[column].count }.max() ?? 0 }
        return shown.enumerated().map { index, row in
            indent + row.indices.map { column in
                let text = index > 0 ? colour(index - 1, column).map { paint(row[column], $0) } ?? row[column] : row[column]
                return text + String(repeating: " ", count: widths[column] - row[column].count)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    private func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
    }
}
