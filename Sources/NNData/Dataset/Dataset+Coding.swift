// Bringing a data set into the terms another one set: its classes numbered by a given list of
// names, its columns scaled as another data set's were. A model learns class numbers and
// scaled values; a second file read on its own numbers its words and keeps its units, so
// without this a file that lacks one class (or was not scaled) is silently misread.

extension Dataset {
    /// Numbers the classes by `names`: class `i` of this data set becomes the position of its
    /// name in `names`, as scikit-learn's LabelEncoder or Keras' StringLookup fitted on the
    /// training data code any later data. `names` may hold classes this data set lacks; a class
    /// of this data set that `names` lacks is the error, naming it.
    public mutating func numberClasses(by names: [String]) throws(DataError) {
        guard let own = classNames, own != names, targets.columns == 1 else { return }
        var codes: [Float] = []
        for name in own {
            guard let code = names.firstIndex(of: name) else {
                throw DataError("the class \"\(name.excerpt())\" is not among \(names.excerptList())")
            }
            codes.append(Float(code))
        }
        for row in 0..<targets.rows {
            let value = targets[row, 0]
            // Every target of a word column is one of its words' numbers.
            if let own = value.classNumber, codes.indices.contains(own) { targets[row, 0] = codes[own] }
        }
        classNames = names
    }

    /// Scales each column that `reference` scaled, by name, as `reference` scaled it: a column
    /// this data set left unscaled is scaled so, and one it scaled otherwise is taken back to
    /// its own units first. Returns the columns changed, in `reference`'s order of columns.
    public mutating func scaleColumns(as reference: Dataset) -> [String] {
        var changed: [String] = []
        for name in reference.featureNames + reference.targetNames + [Dataset.allFeatures] {
            guard let learned = reference.scalings[name], scalings[name] != learned else { continue }
            let own = scalings[name]
            let convert = { (value: Float) in Float(learned.apply(own?.invert(Double(value)) ?? Double(value))) }
            if name == Dataset.allFeatures {
                features.scalars.withUnsafeMutableBufferPointer { values in
                    for index in values.indices { values[index] = convert(values[index]) }
                }
            } else if let column = featureNames.firstIndex(of: name) {
                for row in 0..<features.rows { features[row, column] = convert(features[row, column]) }
            } else if let column = targetNames.firstIndex(of: name) {
                for row in 0..<targets.rows { targets[row, column] = convert(targets[row, column]) }
            } else {
                continue
            }
            scalings[name] = learned
            changed.append(name)
        }
        return changed
    }
}
