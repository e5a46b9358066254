// The picture `boundary` asks for: which class a two-input classifier gives each point of the
// plane, with the samples on top, as the course draws XOR's decision boundary.

/// A classifier's answer over a grid of the plane of its two inputs, and the samples.
public struct DecisionRegions: Equatable, Sendable {
    /// One sample drawn on top of the regions, coloured by its true class.
    public struct Sample: Equatable, Sendable {
        public let x: Double
        public let y: Double
        public let classNumber: Int

        public init(x: Double, y: Double, classNumber: Int) {
            self.x = x
            self.y = y
            self.classNumber = classNumber
        }
    }

    public let title: String
    public let xLabel: String
    public let yLabel: String
    /// The class names, by class number, for the legend.
    public let classNames: [String]
    /// The plane shown: x from `xRange.lowerBound` to its upper bound, and y likewise.
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    /// The grid's side: `size` × `size` cells.
    public let size: Int
    /// The predicted class of each cell's centre, row by row from the top (largest y) down.
    public let classes: [Int]
    public let samples: [Sample]

    public init(
        title: String, xLabel: String, yLabel: String, classNames: [String], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        size: Int, classes: [Int], samples: [Sample]
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.classNames = classNames
        self.xRange = xRange
        self.yRange = yRange
        self.size = size
        self.classes = classes
        self.samples = samples
    }
}
