// Where each sample of a data set came from: a CSV file's line, an array file's index. A split
// shuffles the samples and `take` chooses some; an error about one sample (a label of 2 for
// binary_crossentropy) names its place in the file, which the learner can open, not its place
// in a shuffled split.

/// Each sample's place in the file it was read from.
public struct SampleOrigins: Sendable {
    /// The file as errors name it (for an array of a `.npz` archive, the archive and the array).
    public let path: String
    /// Per sample: its line in a CSV file (or the notebook, for an inline table), or its index
    /// in an array file.
    private var places: [Int]
    private let areLines: Bool

    /// No known places: data made by a plugin, or read from no file.
    public init() {
        (path, places, areLines) = ("", [], false)
    }

    /// Samples read from the CSV file `path`, at these lines.
    public init(path: String, lines: [Int]) {
        (self.path, places, areLines) = (path, lines, true)
    }

    /// The `count` samples of an array file, in order.
    public init(path: String, samples count: Int) {
        (self.path, places, areLines) = (path, Array(0..<count), false)
    }

    /// The samples at `indices`, in that order.
    func gathering(_ indices: [Int]) -> SampleOrigins {
        guard !places.isEmpty else { return self }
        var result = self
        result.places = indices.map { places[$0] }
        return result
    }

    /// The place of sample `index` and how to speak of it: (`data/big.csv:200001`, `this row`),
    /// or (`data/y.npy`, `sample 4 of the file`).
    public func place(of index: Int) -> (location: String, sample: String)? {
        guard places.indices.contains(index) else { return nil }
        return areLines ? ("\(path):\(places[index])", "this row") : (path, "sample \(places[index] + 1) of the file")
    }
}

extension SampleOrigins: Equatable {
    /// Where samples were read from is no part of what they are: two data sets of the same
    /// values are equal wherever they came from.
    public static func == (lhs: SampleOrigins, rhs: SampleOrigins) -> Bool { true }
}
