// Bringing a data set into the terms another one set: its classes numbered by a given list of
// names, its word columns coded by another data set's words, its columns scaled as another
// data set's were. A model learns class numbers, word codes and scaled values; a second file
// read on its own numbers its words and keeps its units, so without this a file that lacks one
// class or word (or was not scaled) is silently misread, or refused for its column count.

import NNCore

extension Dataset {
    /// Numbers the classes by `names`: class `i` of this data set becomes the position of its
    /// name in `names`, as scikit-learn's LabelEncoder or Keras' StringLookup fitted on the
    /// training data code any later data. One-hot targets get one column per name, in that
    /// order. `names` may hold classes this data set lacks; a class of this data set that
    /// `names` lacks is the error, naming it.
    public mutating func numberClasses(by names: [String]) throws(DataError) {
        guard let own = classNames, own != names, targets.columns == 1 || targets.columns == own.count else { return }
        var codes: [Int] = []
        for name in own {
            guard let code = names.firstIndex(of: name) else {
                throw DataError("the class \"\(name.excerpt())\" is not among \(names.excerptList())")
            }
            codes.append(code)
        }
        if targets.columns == 1 {
            for row in 0..<targets.rows {
                let value = targets[row, 0]
                // Every target of a word column is one of its words' numbers.
                if let own = value.classNumber, codes.indices.contains(own) { targets[row, 0] = Float(codes[own]) }
            }
        } else {
            // One-hot rows: the column of each class moves to its place among `names`; a
            // class this data set lacks gets a column of zeros, as Keras' `to_categorical`
            // with `num_classes` gives it.
            var sources = [Int?](repeating: nil, count: names.count)
            for (column, code) in codes.enumerated() { sources[code] = column }
            targets = Dataset.gathering(columns: sources, of: targets)
            targetNames = Dataset.oneHotNames(targetNames, classes: own, renamedFor: names)
        }
        classNames = names
    }

    /// One-hot target names for the classes `names`, in the form `own` has them for `classes`:
    /// `fruit=apple` for a word column's, `fruit=0` for `one_hot`'s numbered ones.
    private static func oneHotNames(_ own: [String], classes: [String], renamedFor names: [String]) -> [String] {
        let group = own.first.map { name in name.lastIndex(of: "=").map { String(name[..<$0]) } ?? name } ?? "class"
        let byWord = own == classes.map { "\(group)=\($0)" }
        return names.indices.map { "\(group)=\(byWord ? names[$0] : String($0))" }
    }

    /// The columns `sources` of `tensor`, a column of zeros for each nil.
    private static func gathering(columns sources: [Int?], of tensor: Tensor) -> Tensor {
        let (rows, width) = (tensor.rows, tensor.columns)
        var scalars = [Float](repeating: 0, count: rows * sources.count)
        tensor.scalars.withUnsafeBufferPointer { values in
            for row in 0..<rows {
                for (column, source) in sources.enumerated() {
                    if let source { scalars[row * sources.count + column] = values[row * width + source] }
                }
            }
        }
        // As many values as rows times the columns gathered.
        return try! Tensor(shape: [rows, sources.count], scalars: scalars)
    }

    /// The first word (by where it appears in its file) of this data set's word feature
    /// columns that `learned` (the data a model learned from) never had in the same column,
    /// coded the same way: the model has no input for it.
    public func unknownWord(learnedFrom learned: Dataset) -> UnknownWord? {
        UnknownWord.first(in: wordColumns, learned: learned.wordColumns, origins: wordOrigins)
    }

    /// The first class of this data set that `names` (the classes a model learned) lacks.
    public func unknownClass(among names: [String]) -> UnknownWord? {
        classNames.flatMap { UnknownWord.firstClass(of: $0, among: names, wordColumns: wordColumns, origins: wordOrigins) }
    }

    /// Codes the word feature columns by `learned`'s words, as Keras' `StringLookup` adapted to
    /// the training data codes any later data: a `codes=` column's numbers are the learned
    /// words' numbers, and a `one_hot=` column has one column per learned word, in its order,
    /// all zeros for a word this data set lacks. Every word must be one `learned` has (see
    /// `unknownWord`); a column coded another way is left as it is. Returns the columns coded
    /// again.
    @discardableResult
    public mutating func codeWords(as learned: Dataset) -> [String] {
        var coded: [String] = []
        for (name, column, target) in WordColumn.matching(wordColumns, in: learned.wordColumns) where target.words != column.words {
            switch column.encoding {
            case .codes:
                guard let index = featureNames.firstIndex(of: name) else { continue }
                let codes = column.words.map { target.words.firstIndex(of: $0) ?? 0 }
                let scaling = scalings[name]
                for row in 0..<features.rows {
                    // A scaled column is coded in its own units, then scaled back into them.
                    let code = Int((scaling?.invert(Double(features[row, index])) ?? Double(features[row, index])).rounded())
                    guard codes.indices.contains(code) else { continue }
                    features[row, index] = Float(scaling?.apply(Double(codes[code])) ?? Double(codes[code]))
                }
            case .oneHot:
                let names = WordColumn.featureNames(featureNames, oneHot: name, words: column.words, as: target.words)
                let places = Dictionary(featureNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                features = Dataset.gathering(columns: names.map { places[$0] }, of: features)
                featureNames = names
            }
            wordColumns[name] = target
            coded.append(name)
        }
        return coded
    }

    /// Scales each column that `reference` scaled, by name, as `reference` scaled it: a column
    /// this data set left unscaled is scaled so, and one it scaled otherwise is taken back to
    /// its own units first. Every feature (an image's pixels) is scaled so too, position by
    /// position when `reference` fitted a scaling to each. Returns the columns changed, in
    /// `reference`'s order of columns, `*` for every feature.
    public mutating func scaleColumns(as reference: Dataset) -> [String] {
        var changed: [String] = []
        for name in reference.featureNames + reference.targetNames {
            guard let learned = reference.scalings[name], scalings[name] != learned else { continue }
            let own = scalings[name]
            let convert = { (value: Float) in Float(learned.apply(own?.invert(Double(value)) ?? Double(value))) }
            if let column = featureNames.firstIndex(of: name) {
                for row in 0..<features.rows { features[row, column] = convert(features[row, column]) }
            } else if let column = targetNames.firstIndex(of: name) {
                for row in 0..<targets.rows { targets[row, column] = convert(targets[row, column]) }
            } else {
                continue
            }
            scalings[name] = learned
            changed.append(name)
        }
        if scaleEveryFeature(as: reference) { changed.append(Dataset.allFeatures) }
        return changed
    }

    /// Scales every feature as `reference` scaled every feature, or each position of its
    /// samples as `reference` scaled that position (`scale images method=standardize`: each
    /// pixel by the training images' mean and deviation of that pixel). Returns whether any
    /// value changed.
    private mutating func scaleEveryFeature(as reference: Dataset) -> Bool {
        let all = Dataset.allFeatures, width = featureWidth
        // Samples of another shape than the reference's are refused by the model, not here.
        guard reference.scalings[all] != nil || reference.positionScalings != nil,
            reference.scalings[all] != scalings[all] || reference.positionScalings != positionScalings,
            (reference.positionScalings?.count ?? width) == width, (positionScalings?.count ?? width) == width
        else { return false }
        // Each position's conversion, from its own units into the reference's.
        let conversions = (0..<width).map { position in (own: featureScaling(at: position), learned: reference.featureScaling(at: position)) }
        features.scalars.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                let (own, learned) = conversions[index % width]
                let value = own?.invert(Double(values[index])) ?? Double(values[index])
                values[index] = Float(learned?.apply(value) ?? value)
            }
        }
        scalings[all] = reference.scalings[all]
        positionScalings = reference.positionScalings
        return true
    }
}
