// Which arrays of a `.npz` archive `load npz` reads, decided from the arrays' names alone, so
// that the run and the check (which knows only the names and shapes) choose the same ones.

import NNData

/// The arrays `load npz` makes its data set from.
enum ArchiveArrays: Equatable {
    /// Keras' layout: `x_train`, `y_train`, `x_test` and `y_test`, a data set that came split.
    case split
    /// One set: the inputs and their labels.
    case whole(features: String, targets: String)

    static let splitNames = (trainFeatures: "x_train", trainTargets: "y_train", testFeatures: "x_test", testTargets: "y_test")

    /// Keras' split when all four arrays are there and `features=` is not given; else the
    /// `features=` array (by default `x_train`, else `x`) and the `target=` one (by default
    /// `y_train` after `x_train`, else `y`). An array that is not there is an error that lists
    /// those that are.
    static func choose(from names: Set<String>, features: String?, target: String?, path: String) throws(DataError) -> ArchiveArrays {
        let split = splitNames
        if features == nil, [split.trainFeatures, split.trainTargets, split.testFeatures, split.testTargets].allSatisfy(names.contains) {
            return .split
        }
        let featureName = features ?? (names.contains(split.trainFeatures) ? split.trainFeatures : "x")
        guard names.contains(featureName) else {
            throw DataError("the archive has no array \(featureName)", path: path, hint: "its arrays are \(names.sorted().joined(separator: ", ")); name one with features=")
        }
        let targetName = target ?? (featureName == split.trainFeatures ? split.trainTargets : "y")
        guard names.contains(targetName) else {
            throw DataError("the archive has no array \(targetName)", path: path, hint: "its arrays are \(names.sorted().joined(separator: ", ")); name one with target=")
        }
        return .whole(features: featureName, targets: targetName)
    }
}
