// What a loss that blew up says of the data it was trained on: columns far from 0 to 1 that no
// `scale` touched, which make every step huge whatever the learning rate.

import NNCore
import NNData

/// The columns of training data that are far beyond the range 0 to 1 and unscaled (areas in
/// the thousands, prices in the millions, pixels up to 255): where a loss that became NaN or
/// infinite comes from the data, and not only from the rate.
struct UnscaledData {
    /// Each such column: its name (nil for every feature of samples whose values have no
    /// names, an image's pixels), its largest magnitude, and whether it is a target.
    let columns: [(name: String?, largest: Float, isTarget: Bool)]
    let data: String

    /// Values beyond this are far from the range 0 to 1 that scaled inputs keep.
    static let far: Float = 10

    /// The unscaled columns of `samples` (of the data set named `data`) beyond `far`: its
    /// features, and its targets when they are numbers to predict (`targets`), not classes.
    init?(_ samples: Dataset, named data: String, targets: Bool) {
        var columns: [(name: String?, largest: Float, isTarget: Bool)] = []
        if samples.featureNames.count == samples.featureWidth {
            let names = samples.featureNames.map { ($0, false) } + (targets ? samples.targetNames.map { ($0, true) } : [])
            for (name, isTarget) in names where samples.scalings[name] == nil {
                if let largest = samples.largestMagnitude(ofColumn: name), largest > UnscaledData.far { columns.append((name, largest, isTarget)) }
            }
        } else if samples.scalings[Dataset.allFeatures] == nil, samples.positionScalings == nil,
            let largest = samples.largestMagnitude(ofColumn: nil), largest > UnscaledData.far
        {
            columns.append((nil, largest, false))
        }
        guard !columns.isEmpty else { return nil }
        self.columns = columns
        self.data = data
    }

    /// Why the loss blew up whatever the rate, and the `scale` lines that bring the columns
    /// near 0 to 1: every feature at once, and a target to predict by its name.
    var reason: String {
        let listed = columns.prefix(3).map { column in
            "\(column.name.map { "\(data).\($0)" } ?? "the values of \(data)") goes up to \(UnscaledData.shown(column.largest))"
        }
        var lines: [String] = []
        if let pixels = columns.first(where: { $0.name == nil }) { lines.append("scale \(data) divide=\(UnscaledData.shown(pixels.largest))") }
        if columns.contains(where: { $0.name != nil && !$0.isTarget }) { lines.append("scale \(data) method=standardize") }
        lines += columns.filter(\.isTarget).compactMap(\.name).map { "scale \(data) \($0) method=standardize" }
        return listed.joined(separator: ", ") + (columns.count > 3 ? ", …" : "")
            + ", unscaled: values so far from 0 to 1 make every step huge, whatever the rate; bring them near 0 to 1 first (\(lines.joined(separator: ", then ")))"
    }

    /// A 32-bit value as read: whole numbers whole (12150234, not 1.2150234e+07).
    private static func shown(_ value: Float) -> String {
        value == value.rounded() ? NumberText.plain(Double(value)) : NumberText.data(value)
    }
}
