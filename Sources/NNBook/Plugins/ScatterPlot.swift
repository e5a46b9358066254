// The picture `scatter` asks for: a regression's predictions against the true values, one dot
// per sample, with the diagonal where a perfect model's dots would lie.

/// Points of (actual, predicted) on axes of one range, so that the diagonal y = x is at 45°.
public struct ScatterPlot: Equatable, Sendable {
    public let title: String
    public let xLabel: String
    public let yLabel: String
    /// One set of dots per target column, named in the legend when there are several.
    public let series: [LineChart.Series]

    public init(title: String, xLabel: String, yLabel: String, series: [LineChart.Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }
}
