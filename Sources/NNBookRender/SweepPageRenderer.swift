// The page of a sweep, `NAME.sweep.md`: the parameters that varied, every run's final metrics
// with the best of each column in bold, and a picture per metric against the varied parameter.

import Foundation
import NNBook

/// Turns a sweep's report into Markdown and SVG. Pure: the same runs give the same bytes, so
/// the page a sweep writes and the one `--collect` writes from fetched history are equal.
public struct SweepPageRenderer: Sendable {
    /// The folder name for pictures, relative to the page: `gradient-descent.sweep.assets`.
    public let assetsFolder: String

    public init(assetsFolder: String) { self.assetsFolder = assetsFolder }

    public func render(_ report: SweepReport) -> RenderedPage {
        var lines = [PageOwnership.markdownMark, "", "# Sweep: \(MarkdownText.inline(report.title))", ""]
        lines.append("\(report.rows.count) run\(report.rows.count == 1 ? "" : "s") of `\(report.notebook)` (sweep `\(report.id)`): \(report.tally).")
        lines += ["", "| parameter | values |", "|---|---|"]
        for axis in report.grid.axes {
            lines.append("| \(MarkdownText.inline(axis.name)) | \(MarkdownText.inline(SweepValueList.joined(axis.values.map(\.text)))) |")
        }
        if !report.fixed.isEmpty {
            lines += ["", (report.fixedDifferFromDefaults ? "The runs used these values of the parameters not swept: " : "Every run kept the other parameters at their defaults: ")
                + MarkdownText.inline(report.fixed.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")) + "."]
        }
        let table = self.table(report)
        // The blank line ends the table, whatever follows it: Markdown reads on into the next line.
        lines += ["", "## Runs", "", table.text, ""]
        if table.marksBest {
            lines += ["The best value of each column among the runs that succeeded is in bold (the highest accuracy, the lowest loss or error)."]
        }
        if !report.columns.isEmpty {
            lines += ["A metric is headed by the end of its key (cell/command/model/data/metric) that tells it apart; `nnbook log \(report.notebook) --json` gives whole keys."]
        }
        lines += ["`nnbook show \(report.notebook) RUN` prints the page of a run."]
        let failures = report.rows.filter { $0.failure != nil }
        if !failures.isEmpty {
            lines += ["", "Runs that did not succeed:", ""]
            lines += failures.map { row in
                "- \(MarkdownText.inline(row.combination.label)) (\(row.run.map { "run \($0)" } ?? "not recorded")): \(MarkdownText.inline(row.failure ?? ""))"
            }
        }
        let figures = self.figures(report)
        let assets = figures.map { RenderedPage.Asset(name: $0.name, contents: FigureSVG.render($0.figure)) }
        let undrawn = report.grid.varied.isEmpty ? 0 : report.columns.count - figures.count
        if !figures.isEmpty || undrawn > 0 {
            let folder = assetsFolder + "/" + RenderedPage(markdown: "", assets: assets).pictureFolder
            lines += ["", "## Pictures", ""]
            for (name, figure) in figures {
                lines += ["![\(MarkdownText.inline(figure.caption))](\(MarkdownText.destination(folder + "/" + name)))", ""]
            }
            if undrawn > 0 {
                lines += ["\(undrawn) metric\(undrawn == 1 ? "" : "s") reported by fewer than two runs \(undrawn == 1 ? "has" : "have") no picture.", ""]
            }
            // A failed run's cross is not a result: say what it marks, rather than let it be read
            // as one.
            if !figures.isEmpty, report.rows.contains(where: { $0.status == .failed || $0.status == .interrupted }) {
                lines += ["A cross marks a run that did not succeed, not joined to the line: at the value it recorded before it stopped, or on the x axis where it recorded none.", ""]
            }
            lines.removeLast()
        }
        return RenderedPage(markdown: lines.joined(separator: "\n") + "\n", assets: assets)
    }

    /// The runs table: run number, the swept values, the status, then one column per metric,
    /// the best value of each in bold. Numbers are right-aligned. Says whether any value is bold,
    /// so that the page claims bold values only when it has some.
    func table(_ report: SweepReport) -> (text: String, marksBest: Bool) {
        let units = report.columns.map(report.units)
        // The best among the runs that succeeded (a failed run's numbers are no result), compared
        // at full precision: two values that round alike are not both the best. Figures in
        // different units (a target's own and scaled) are not compared.
        let best = zip(report.columns, units).map { column, units -> Double? in
            guard let goal = column.goal, units != .eachValue else { return nil }
            let values = report.rows.filter { $0.status == .succeeded }.compactMap { $0.metrics[column.name] }.filter(\.isFinite)
            // A column where every run reads alike has no best run.
            guard Set(values.map { NumberText.nonZero($0, places: report.precision) }).count > 1 else { return nil }
            return values.min(by: { goal.prefers($0, over: $1) })
        }
        // A run that missed expectations under --no-expect succeeded without showing what the
        // lesson promises: a column says how many it missed, when any run missed one.
        let missed = report.rows.contains { $0.missedExpectations > 0 }
        let rows = report.rows.map { row -> [String] in
            let metrics = report.columns.indices.map { index -> String in
                let name = report.columns[index].name
                guard let value = row.metrics[name] else { return "-" }
                let text = units[index].value(NumberText.nonZero(value, places: report.precision), units: row.units[name])
                return row.status == .succeeded && value == best[index] ? "**\(text)**" : text
            }
            return [row.run ?? "-"] + row.combination.values.map { MarkdownText.inline($0.text) } + [row.status.rawValue]
                + (missed ? [String(row.missedExpectations)] : []) + metrics
        }
        let numeric = report.grid.axes.map { axis -> Bool in
            switch axis.type {
            case .number, .integer: true
            default: false
            }
        }
        let headers = ["run"] + report.grid.axes.map(\.name) + ["status"] + (missed ? ["expectations missed"] : [])
            + zip(MetricColumn.headers(report.columns), units).map { $1.header($0) }
        let right = [true] + numeric + [false] + (missed ? [true] : []) + report.columns.map { _ in true }
        let line = { (cells: [String]) in "| " + cells.joined(separator: " | ") + " |" }
        let text = ([line(headers.map(MarkdownText.inline)), "|" + right.map { $0 ? "---:|" : "---|" }.joined()] + rows.map(line)).joined(separator: "\n")
        return (text, best.contains { $0 != nil })
    }

    /// A line chart per metric column against the first varied parameter (the first numeric
    /// one, when there is one), with a line per combination of the other varied parameters.
    func figures(_ report: SweepReport) -> [(name: String, figure: Figure)] {
        let varied = report.grid.varied
        let axes = report.grid.axes
        guard let xAxis = varied.first(where: { $0.type == .number || $0.type == .integer }) ?? varied.first,
            let xIndex = axes.firstIndex(where: { $0.name == xAxis.name })
        else { return [] }
        let isNumeric = xAxis.type == .number || xAxis.type == .integer
        let position = { (value: TypedValue) -> Double in
            if isNumeric, case .number(let number) = value { return number }
            if isNumeric, case .integer(let integer) = value { return Double(integer) }
            return Double((xAxis.values.firstIndex(of: value) ?? 0) + 1)
        }
        // Values that span two decades or more (learning rates from 0.0003 to 0.1) on a linear
        // axis would crowd all but the largest into its first tenth: they get a log axis.
        let positions = xAxis.values.map(position)
        let logX = isNumeric && (positions.min() ?? 0) > 0 && (positions.max() ?? 0) / (positions.min() ?? 1) >= 100
        let xLabel = xAxis.name + (logX ? " (log scale)" : "")
        let others = varied.filter { $0.name != xAxis.name }.compactMap { axis in axes.firstIndex { $0.name == axis.name } }
        var seriesKeys: [[TypedValue]] = []
        for row in report.rows {
            let key = others.map { row.combination.values[$0] }
            if !seriesKeys.contains(key) { seriesKeys.append(key) }
        }
        var used: Set<String> = []
        // The title names the whole key; the axis, narrower, names the column as the table heads
        // it (`evaluate#3/net/homes.test/loss`), with its units.
        let headers = Dictionary(zip(report.columns.map(\.name), MetricColumn.headers(report.columns))) { first, _ in first }
        return report.columns.compactMap { column in
            let series = seriesKeys.map { key -> LineChart.Series in
                let rows = report.rows.filter { row in others.map { row.combination.values[$0] } == key }
                // The line joins the runs that succeeded; a run that failed or was interrupted
                // is a cross, at what it recorded before it stopped or on the x axis.
                let points = rows.filter { $0.status == .succeeded }.compactMap { row in
                    row.metrics[column.name].map { LineChart.Point(x: position(row.combination.values[xIndex]), y: $0) }
                }.sorted { $0.x < $1.x }
                let failures = rows.filter { $0.status == .failed || $0.status == .interrupted }.map { row in
                    LineChart.Failure(x: position(row.combination.values[xIndex]), y: row.metrics[column.name])
                }.sorted { $0.x < $1.x }
                let name = key.isEmpty ? column.name : zip(others, key).map { "\(axes[$0].name)=\($1.text)" }.joined(separator: " ")
                return LineChart.Series(name: name, points: points, failures: failures)
            }
            // One value is no line: its axes would be drawn around nothing.
            guard series.map({ $0.points.count + $0.failures.filter { $0.y != nil }.count }).reduce(0, +) >= 2 else { return nil }
            let caption = "\(column.name) against \(xAxis.name)"
            var name = SweepPageRenderer.fileStem(column.name)
            while !used.insert(name).inserted { name += "-2" }
            // Each point is a run of its own: a marker shows where the runs are.
            let chart = LineChart(
                title: caption, xLabel: xLabel, yLabel: report.units(of: column).header(headers[column.name] ?? column.name), series: series,
                axes: LineChart.Axes(logX: logX, markers: true, xCategories: isNumeric ? nil : xAxis.values.map(\.text)))
            return (name + ".svg", Figure(name: name, caption: caption, kind: .lines(chart)))
        }
    }

    /// `test/accuracy` → `test-accuracy`: letters, digits, `-` and `_` only.
    static func fileStem(_ column: String) -> String {
        String(column.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "-" })
    }

}
