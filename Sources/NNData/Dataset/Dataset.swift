// A data set as a model sees it: numeric feature columns, target columns, and how each was scaled.

import NNCore

/// Samples with named feature and target columns.
///
/// Scaling is remembered per column, so that `predict` can take inputs in the original units
/// (age 58, not 0.58) and give a regression's prediction back in them.
public struct Dataset: Equatable, Sendable {
    public var featureNames: [String]
    public var targetNames: [String]
    public var features: Tensor
    public var targets: Tensor
    public private(set) var scalings: [String: ColumnScaling] = [:]

    public init(featureNames: [String], targetNames: [String], features: Tensor, targets: Tensor) {
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.features = features
        self.targets = targets
    }

    public var count: Int { features.rows }

    /// The samples at `indices`, in that order, with the same scalings.
    public func subset(_ indices: [Int]) -> Dataset {
        var result = self
        result.features = features.gathering(rows: indices)
        result.targets = targets.gathering(rows: indices)
        return result
    }

    /// Applies `scaling` to the named feature or target column and remembers it.
    public mutating func scale(column name: String, with scaling: ColumnScaling) throws(DataError) {
        if let index = featureNames.firstIndex(of: name) {
            Dataset.apply(scaling, toColumn: index, of: &features)
        } else if let index = targetNames.firstIndex(of: name) {
            Dataset.apply(scaling, toColumn: index, of: &targets)
        } else {
            throw DataError("there is no column \"\(name.excerpt())\"", hint: "the columns are \((featureNames + targetNames).excerptList())")
        }
        scalings[name] = scaling.after(scalings[name])
    }

    /// The name under which a scaling of every feature at once (an image's pixels) is kept.
    public static let allFeatures = "*"

    /// Applies `scaling` to every feature value (all pixels of an image) and remembers it.
    public mutating func scaleFeatures(with scaling: ColumnScaling) {
        features.scalars.withUnsafeMutableBufferPointer { values in
            // Dividing (pixels by 255) is the common case: the same arithmetic as `apply`, with
            // the choice of formula made once rather than per pixel.
            if case .divide(let divisor) = scaling {
                for index in values.indices { values[index] = Float(Double(values[index]) / divisor) }
            } else {
                for index in values.indices { values[index] = Float(scaling.apply(Double(values[index]))) }
            }
        }
        scalings[Dataset.allFeatures] = scaling.after(scalings[Dataset.allFeatures])
    }

    /// The values of one column, by name, in the units they have now.
    public func column(_ name: String) -> [Float]? {
        if let index = featureNames.firstIndex(of: name) { return Dataset.values(ofColumn: index, in: features) }
        if let index = targetNames.firstIndex(of: name) { return Dataset.values(ofColumn: index, in: targets) }
        return nil
    }

    /// The values of the feature column at `index`; `describe` walks every column by index, so
    /// that a data set of a million columns is not searched a million times.
    public func featureColumn(_ index: Int) -> [Float] { Dataset.values(ofColumn: index, in: features) }

    public func targetColumn(_ index: Int) -> [Float] { Dataset.values(ofColumn: index, in: targets) }

    private static func values(ofColumn column: Int, in tensor: Tensor) -> [Float] {
        (0..<tensor.rows).map { tensor[$0, column] }
    }

    private static func apply(_ scaling: ColumnScaling, toColumn column: Int, of tensor: inout Tensor) {
        for row in 0..<tensor.rows { tensor[row, column] = Float(scaling.apply(Double(tensor[row, column]))) }
    }
}
