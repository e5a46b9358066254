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
    public internal(set) var scalings: [String: ColumnScaling] = [:]
    /// One scaling per feature position of features without names (an image's pixels), once
    /// `scale` has fitted one to each position: each position's whole chain, a `divide=` of
    /// every feature before or after it included, so that a second image set can be scaled by
    /// the training images' statistics. Nil otherwise.
    public internal(set) var positionScalings: [ColumnScaling]?
    /// The feature columns that were words in the file, by their column name (`colour`).
    public var wordColumns: [String: WordColumn] = [:]
    /// Where each word of a word column (a feature's or the target's) first appears in its
    /// file, by column name and word: an error about a word a model never learned names it.
    public var wordOrigins: [String: [String: WordOrigin]] = [:]
    /// What each class number stands for (Fashion-MNIST's "T-shirt/top", …, a word target's
    /// "apple", …); nil when the classes have no names.
    public var classNames: [String]?
    /// Where each sample came from in its file, for errors about one sample.
    public var origins = SampleOrigins()

    public init(featureNames: [String], targetNames: [String], features: Tensor, targets: Tensor) {
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.features = features
        self.targets = targets
    }

    public var count: Int { features.rows }

    /// A class number as a learner reads it: its name when the classes have names.
    public func className(_ number: Int) -> String {
        guard let classNames, classNames.indices.contains(number) else { return String(number) }
        return classNames[number]
    }

    /// How many classes the targets hold: one per column of one-hot targets, else the largest
    /// class number + 1 (at least 2, for a yes/no column).
    public var classCount: Int {
        targets.columns > 1 ? targets.columns : max(Int(targets.scalars.max() ?? 0) + 1, 2)
    }

    /// The feature names a learner gives `predict`: a one-hot column's group (`colour`) once,
    /// in place of its `colour=red`, `colour=green`, … columns.
    public var inputNames: [String] { WordColumn.inputNames(of: featureNames, wordColumns: wordColumns) }

    /// The samples at `indices`, in that order, with the same scalings.
    public func subset(_ indices: [Int]) -> Dataset {
        var result = self
        result.features = features.gathering(rows: indices)
        result.targets = targets.gathering(rows: indices)
        result.origins = origins.gathering(indices)
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

    /// The name under which a scaling of every feature at once of features without names (an
    /// image's pixels) is kept.
    public static let allFeatures = "*"

    /// Applies `scaling` to every feature value (all pixels of an image, every column of a
    /// table) and remembers it.
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
        // Named columns keep it each under its name, in its place among their other scalings,
        // so that `predict age=58` scales 58 by it.
        if featureNames.count == featureWidth {
            for name in featureNames { scalings[name] = scaling.after(scalings[name]) }
        } else if let positions = positionScalings {
            positionScalings = positions.map { scaling.after($0) }
        } else {
            scalings[Dataset.allFeatures] = scaling.after(scalings[Dataset.allFeatures])
        }
    }

    /// The scaling of the feature at `position` (of a flattened sample) that applies to every
    /// feature or to that position alone; nil when unscaled.
    func featureScaling(at position: Int) -> ColumnScaling? {
        positionScalings?[position] ?? scalings[Dataset.allFeatures]
    }

    /// How many numbers make one sample's features: its columns, or an image's pixels.
    public var featureWidth: Int { features.sampleShape.reduce(1, *) }

    /// `kind` (`min-max`, `standardize`) fitted to each feature column on its own, as
    /// scikit-learn's scalers and Keras' `Normalization` do: one scaling per column, or per pixel
    /// position of an image. Nil for an unknown kind.
    public func fittedToEachFeature(_ kind: String) -> [ColumnScaling]? {
        let width = featureWidth
        var columns = [[Float]](repeating: [], count: width)
        features.scalars.withUnsafeBufferPointer { values in
            for column in 0..<width {
                columns[column].reserveCapacity(count)
                for row in 0..<count { columns[column].append(values[row * width + column]) }
            }
        }
        var scalings: [ColumnScaling] = []
        for values in columns {
            guard let scaling = ColumnScaling.fitted(kind, to: values) else { return nil }
            scalings.append(scaling)
        }
        return scalings
    }

    /// Applies one scaling per feature column (or pixel position), remembering each named
    /// column's for `predict`, and each position's for a second image set.
    public mutating func scaleEachFeature(with scalings: [ColumnScaling]) {
        let width = featureWidth
        precondition(scalings.count == width, "one scaling per feature column")
        features.scalars.withUnsafeMutableBufferPointer { values in
            for index in values.indices { values[index] = Float(scalings[index % width].apply(Double(values[index]))) }
        }
        if featureNames.count == width {
            for (name, scaling) in zip(featureNames, scalings) { self.scalings[name] = scaling.after(self.scalings[name]) }
        } else {
            positionScalings = scalings.indices.map { scalings[$0].after(featureScaling(at: $0)) }
            self.scalings[Dataset.allFeatures] = nil
        }
    }

    /// The values of one column, by name, in the units they have now.
    public func column(_ name: String) -> [Float]? {
        if let index = featureNames.firstIndex(of: name) { return Dataset.values(ofColumn: index, in: features) }
        if let index = targetNames.firstIndex(of: name) { return Dataset.values(ofColumn: index, in: targets) }
        return nil
    }

    /// The largest magnitude among the values of one column, by name, or of every feature
    /// (all pixels of the images) when `name` is nil; nil when there is no such column.
    public func largestMagnitude(ofColumn name: String?) -> Float? {
        guard let name else { return features.scalars.reduce(0) { max($0, abs($1)) } }
        return column(name)?.reduce(0) { max($0, abs($1)) }
    }

    private static func values(ofColumn column: Int, in tensor: Tensor) -> [Float] {
        (0..<tensor.rows).map { tensor[$0, column] }
    }

    private static func apply(_ scaling: ColumnScaling, toColumn column: Int, of tensor: inout Tensor) {
        for row in 0..<tensor.rows { tensor[row, column] = Float(scaling.apply(Double(tensor[row, column]))) }
    }
}
