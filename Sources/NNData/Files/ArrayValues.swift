// The numbers of an array file (IDX, `.npy`) as nnbook learns from them: finite 32-bit numbers.
// A CSV refuses `inf` or 1e39 at its row and column; an array file is refused alike, at the
// value's index, instead of training on it silently and reporting a loss of nan.

import Foundation
import NNCore

enum ArrayValues {
    /// Refuses the first value of `scalars` (an array of `shape`, row-major) that is not a
    /// finite Float32, by its index as NumPy writes it and by sample (and feature, for rows of
    /// numbers), as the learner finds it in Python. `original` gives the value as the file held
    /// it, so that 1e300, which became inf as a 32-bit number, is named as written.
    static func checkFinite(_ scalars: [Float], shape: [Int], path: String, original: (Int) -> Double) throws(DataError) {
        guard let bad = scalars.firstIndex(where: { !$0.isFinite }) else { return }
        var index: [Int] = [], rest = bad
        for size in shape.reversed() {
            index.insert(size > 0 ? rest % size : 0, at: 0)
            rest = size > 0 ? rest / size : 0
        }
        let place = shape.count == 2 ? " (sample \(index[0] + 1), feature \(index[1] + 1))" : index.isEmpty ? "" : " (sample \(index[0] + 1))"
        let value = original(bad)
        let message = value.isFinite
            ? "the value at [\(index.map(String.init).joined(separator: ", "))]\(place) is \(value), too large for a 32-bit number"
            : "the value at [\(index.map(String.init).joined(separator: ", "))]\(place) is \(value), not a number nnbook can learn from"
        throw DataError(message, path: path, hint: "32-bit numbers reach about ±3.4e38: replace or drop such values before saving the file (numpy: numpy.isfinite finds them)")
    }
}
