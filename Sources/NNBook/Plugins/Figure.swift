// Pictures a command asks for, described as data: the renderer draws them as SVG.

/// A picture in the page: a line chart, a heatmap, a grid of images, a contour map, a
/// classifier's decision regions, a regression's predictions against the truth, or SVG made
/// elsewhere.
public struct Figure: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        case lines(LineChart)
        case heatmap(Heatmap)
        case images(ImageGrid)
        case contour(ContourMap)
        case regions(DecisionRegions)
        case scatter(ScatterPlot)
        /// Ready-made SVG (from an external plugin).
        case svg(String)
    }

    /// The file's stem, unique within the cell: the picture is saved as `LABEL-NAME.svg`.
    public let name: String
    /// The alternative text, and the caption under the picture.
    public let caption: String
    public let kind: Kind

    public init(name: String, caption: String, kind: Kind) {
        self.name = name
        self.caption = caption
        self.kind = kind
    }
}

/// Several series of (x, y) points on shared axes: a loss per epoch, a function's curve.
public struct LineChart: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public let name: String
        public let points: [Point]
        /// Drawn dashed, in the colour of the solid series before it: a validation curve beside
        /// its training curve, as Keras' tutorials draw them.
        public let dashed: Bool
        /// Runs of a sweep that did not succeed, at their place along the x axis: marked with a
        /// cross, not joined to the line, at the value they recorded before they stopped, or on
        /// the x axis where they recorded none.
        public let failures: [Failure]

        public init(name: String, points: [Point], dashed: Bool = false, failures: [Failure] = []) {
            self.name = name
            self.points = points
            self.dashed = dashed
            self.failures = failures
        }
    }

    /// Where a run that did not succeed is marked: `y` is nil when it recorded no value.
    public struct Failure: Equatable, Sendable {
        public let x: Double
        public let y: Double?

        public init(x: Double, y: Double?) {
            self.x = x
            self.y = y
        }
    }

    /// An upright dashed line across the plot where something changed between two x values (the
    /// validation data, between two epochs), named in the legend.
    public struct Rule: Equatable, Sendable {
        public let x: Double
        public let name: String

        public init(x: Double, name: String) {
            self.x = x
            self.name = name
        }
    }

    public struct Point: Equatable, Sendable {
        public let x: Double
        public let y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// How the axes are drawn: a log scale for the metric when one curve dwarfs the others,
    /// fixed limits, and whole-number ticks for epochs; a log scale for x when the values tried
    /// span decades (learning rates), and a marker on each point when each is a run of its own.
    public struct Axes: Equatable, Sendable {
        public let logScale: Bool
        /// Limits of the y axis; values beyond them are cut off at the plot's edge.
        public let yMinimum: Double?
        public let yMaximum: Double?
        /// Ticks only at whole numbers (epochs), even on a run of 3.
        public let wholeNumberX: Bool
        /// The x axis in powers of ten.
        public let logX: Bool
        /// A marker on every point, not only on a lone one.
        public let markers: Bool
        /// The names of the x positions 1, 2, …, for values that are no numbers (a sweep over
        /// optimizer=[sgd, adam]): each name is the tick at its position, as a bar chart's
        /// categories are, and the axis has no numbers.
        public let xCategories: [String]?

        public init(
            logScale: Bool = false, yMinimum: Double? = nil, yMaximum: Double? = nil, wholeNumberX: Bool = false, logX: Bool = false, markers: Bool = false,
            xCategories: [String]? = nil
        ) {
            self.logScale = logScale
            self.yMinimum = yMinimum
            self.yMaximum = yMaximum
            self.wholeNumberX = wholeNumberX
            self.logX = logX
            self.markers = markers
            self.xCategories = xCategories
        }
    }

    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let series: [Series]
    public let axes: Axes
    public let rules: [Rule]

    public init(title: String, xLabel: String, yLabel: String, series: [Series], axes: Axes = Axes(), rules: [Rule] = []) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.axes = axes
        self.rules = rules
    }
}

/// A matrix of counts with labelled rows and columns: a confusion matrix.
public struct Heatmap: Equatable, Sendable {
    public let title: String
    public let rowLabel: String
    public let columnLabel: String
    public let labels: [String]
    public let counts: [[Int]]

    public init(title: String, rowLabel: String, columnLabel: String, labels: [String], counts: [[Int]]) {
        self.title = title
        self.rowLabel = rowLabel
        self.columnLabel = columnLabel
        self.labels = labels
        self.counts = counts
    }
}

/// Greyscale images in rows, each with its caption (its label and prediction).
public struct ImageGrid: Equatable, Sendable {
    public struct Tile: Equatable, Sendable {
        public let width: Int
        public let height: Int
        /// Row-major intensities, scaled by the renderer from their own minimum to maximum.
        public let pixels: [Float]
        /// The caption, one short line each (`#3: label Coat`, `predicted Shirt`), so that it
        /// fits under its image in a large font.
        public let captionLines: [String]
        /// The prediction differs from the label: its line is drawn in red, as Keras'
        /// tutorials mark mistakes (and ends in ✗, so that the colour is not the only sign).
        public let mistaken: Bool

        public init(width: Int, height: Int, pixels: [Float], captionLines: [String], mistaken: Bool = false) {
            self.width = width
            self.height = height
            self.pixels = pixels
            self.captionLines = captionLines
            self.mistaken = mistaken
        }

        /// The caption on one line: the picture's alternative text and the page's text.
        public var caption: String { captionLines.joined(separator: ", ") }
    }

    public let tiles: [Tile]

    public init(tiles: [Tile]) { self.tiles = tiles }
}

/// A value over a grid of two variables, drawn as filled contours, with paths walked across it:
/// the loss over two weights, and where training took them.
public struct ContourMap: Equatable, Sendable {
    public let title: String
    public let xLabel: String
    public let yLabel: String
    /// What the values are, for the colour scale (`loss`).
    public let valueLabel: String
    /// The grid's x values (its columns) and y values (its rows), evenly spaced and increasing.
    public let xs: [Double]
    public let ys: [Double]
    /// `values[row][column]` is the value at (`xs[column]`, `ys[row]`).
    public let values: [[Double]]
    /// Each path's points in order, from its start to its end, named in the legend.
    public let paths: [LineChart.Series]

    public init(
        title: String, xLabel: String, yLabel: String, valueLabel: String, xs: [Double], ys: [Double], values: [[Double]],
        paths: [LineChart.Series]
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.valueLabel = valueLabel
        self.xs = xs
        self.ys = ys
        self.values = values
        self.paths = paths
    }
}
