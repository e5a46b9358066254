// How numbers are written in pages and messages: one documented rule, so runs compare byte for byte.

import Foundation

/// Number formatting.
///
/// Computed values (losses, weights, metrics) are printed with a fixed number of decimal places:
/// the notebook's `precision`, 4 unless the front matter says otherwise, as Keras prints
/// `loss: 0.2874`. Values the user wrote (parameters, options) are printed as short as they can
/// be while reading back to the same number.
public enum NumberText {
    /// Beyond this size a computed value is written in scientific notation: its fixed-point
    /// digits past the 16th would be noise, and a loss of 1e38 would fill a line with them.
    public static let scientificFrom = 1e15

    /// `value` with exactly `places` decimals; `-0.0000` is written `0.0000`, NaN and infinities
    /// as `nan`, `inf`, `-inf`, and values from `scientificFrom` up as `1.2346e+20`.
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if abs(value) >= scientificFrom { return String(format: "%.\(places)e", value) }
        let text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// `fixed`, except that a value which `places` would round to 0 though it is not 0 gets
    /// the places that show its first two digits: a summary (`nnbook log`) reads `0.0032`,
    /// not `0.00`, for a loss in scaled units under `precision: 2`.
    public static func nonZero(_ value: Double, places: Int) -> String {
        var shown = places
        if value != 0, value.isFinite, Double(fixed(value, places: places)) == 0 {
            while shown < 15, Double(fixed(value, places: shown)) == 0 { shown += 1 }
            shown += 1
        }
        return fixed(value, places: shown)
    }

    /// A Float32 from data or settings as it was written: `18`, `0.22`, `0.001` (the shortest
    /// text that reads back to the same Float, never Double's long expansion of it).
    public static func data(_ value: Float) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        return "\(value)"
    }

    /// The shortest text for `value`: `0.5`, `1000`, `1e-07`.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
