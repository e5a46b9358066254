// `boundary xor on gates`: the decision regions of a classifier with two inputs, the samples
// on top — where one neuron draws a straight line and a hidden layer bends it.

import NNCore
import NNData

/// Draws which class a two-input model gives every point around a data set's samples.
struct BoundaryCommand: NotebookCommand {
    /// The grid's side: 60 × 60 predictions, fine enough for a smooth-looking boundary.
    static let gridSize = 60
    /// At most this many samples are drawn on top, so that the regions stay visible.
    static let drawnSamples = 500

    static let configuration = CommandConfiguration(
        verb: "boundary",
        summary: "draw the decision regions of a trained classifier with two inputs, with the samples on top",
        examples: ["boundary hidden on gates", "boundary fruity on fruit.test"])

    @Argument(help: "the trained classifier") var model: ModelName
    @Argument(keyword: "on", help: "the data set or split whose samples to draw") var data: DatasetName

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        FitChecks.predictions(of: model, on: data, in: context, for: "draw its decision regions") { loss in
            loss.predictsNumbers ? Diagnostic(
                "decision regions are the classes a classifier predicts, but '\(model)' predicts numbers: it was compiled with \(loss.name)", at: model.range,
                hint: "for a regression use `scatter \(model) on \(data)`, its predictions against the true values; compile a classifier with binary_crossentropy or (sparse_)categorical_crossentropy") : nil
        } shape: { shape in
            shape == [2] ? nil : BoundaryCommand.notTwoInputs(shape, data: data)
        }
    }

    private static func notTwoInputs(_ shape: [Int], data: DatasetName) -> Diagnostic {
        Diagnostic(
            "a decision boundary is drawn in the plane of two inputs, but the samples of \(data) have shape \(Tensor.describe(shape))",
            at: data.range, hint: "use `confusion` or `predict` for models with other inputs")
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let shape = try state.dataset(data).features.sampleShape
        guard shape == [2] else {
            let problem = BoundaryCommand.notTwoInputs(shape, data: data)
            throw RunError(problem.message, hint: problem.hint, at: problem.range)
        }
        let (entry, samples, terms) = try state.model(model, predictingOn: data)
        let xs = (0..<samples.count).map { Double(samples.features[$0, 0]) }
        let ys = (0..<samples.count).map { Double(samples.features[$0, 1]) }
        let xRange = BoundaryCommand.padded(xs), yRange = BoundaryCommand.padded(ys)
        let size = BoundaryCommand.gridSize
        var grid = Tensor(shape: [size * size, 2])
        for row in 0..<size {
            for column in 0..<size {
                // Each cell's centre; row 0 is the top, the largest y.
                grid[row * size + column, 0] = Float(xRange.lowerBound + (Double(column) + 0.5) / Double(size) * (xRange.upperBound - xRange.lowerBound))
                grid[row * size + column, 1] = Float(yRange.upperBound - (Double(row) + 0.5) / Double(size) * (yRange.upperBound - yRange.lowerBound))
            }
        }
        let predictions = entry.predict(grid)
        let classCount = max(predictions.columns == 1 ? 2 : predictions.columns, 2)
        let truth = try RunState.trueClasses(of: samples, named: data, model: model)
        let names = samples.featureNames.count == 2 ? samples.featureNames : ["input 1", "input 2"]
        // The model sees scaled inputs; the axes show the columns' own units (grams, not
        // min-max shares), as scatter and predict do. Scalings are linear, so the grid maps over.
        let x = BoundaryCommand.axis(names[0], range: xRange, scaling: samples.featureNames.count == 2 ? samples.scalings[names[0]] : nil)
        let y = BoundaryCommand.axis(names[1], range: yRange, scaling: samples.featureNames.count == 2 ? samples.scalings[names[1]] : nil)
        let drawn = (0..<min(samples.count, BoundaryCommand.drawnSamples)).map {
            DecisionRegions.Sample(x: x.original(xs[$0]), y: y.original(ys[$0]), classNumber: truth[$0])
        }
        let regions = DecisionRegions(
            title: "decision regions of \(model)", xLabel: x.label, yLabel: y.label, classNames: (0..<classCount).map(samples.className),
            xRange: x.range, yRange: y.range, size: size, classes: Classes.of(predictions: predictions), samples: drawn)
        let caption = "decision regions of \(model) over \(names[0]) and \(names[1]), with the \(drawn.count) samples of \(data)"
        return [.figure(Figure(name: "boundary", caption: caption, kind: .regions(regions)))] + terms
    }

    /// An axis in a column's original units: its label, its range, and the map from the scaled
    /// values the model sees. A scaling that cannot be undone over the range (a constant
    /// column's, whose spread is 0) leaves the axis in scaled units, and the label says so.
    private static func axis(_ name: String, range: ClosedRange<Double>, scaling: ColumnScaling?) -> (label: String, range: ClosedRange<Double>, original: (Double) -> Double) {
        guard let scaling else { return (name, range, { $0 }) }
        let low = scaling.invert(range.lowerBound), high = scaling.invert(range.upperBound)
        guard low.isFinite, high.isFinite, low < high else { return ("\(name) (scaled)", range, { $0 }) }
        return (name, low...high, scaling.invert)
    }

    /// The values' range with a tenth of it added on each side (or ±1 around a single value).
    private static func padded(_ values: [Double]) -> ClosedRange<Double> {
        // Values that are not numbers (a NumPy file's nan or inf) have no place on an axis.
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let pad = high > low ? (high - low) / 10 : 1
        return (low - pad)...(high + pad)
    }
}
