// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, as plotting libraries choose them.

import Foundation

/// Tick positions covering a range.
enum AxisTicks {
    /// The most ticks an axis is ever given: whatever the range, drawing it is bounded.
    static let maximumCount = 100

    /// About `count` evenly spaced round values covering `low…high`, and the range they span.
    /// `minimumStep` keeps ticks apart: 1 for epochs, which have no halves. A range given the
    /// wrong way round is turned, one that is not finite becomes 0…1, and the number of ticks
    /// never exceeds `maximumCount`, so no range can make the axis endless.
    static func ticks(low: Double, high: Double, count: Int = 5, minimumStep: Double = 0) -> (values: [Double], low: Double, high: Double) {
        var (low, high) = (min(low, high), max(low, high))
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        // A range is a single value only when it is nothing beside its own size: 0 to 1e-40
        // is a range to tick, 1e20 to 1e20 + 1e-12 is one value.
        if !(high - low > max(abs(low), abs(high)) * 1e-12) {
            // A range around a single value does not cross zero when the value does not: one
            // learning rate or loss is not drawn on an axis of negative ones.
            let pad = max(abs(low) * 0.1, 0.5)
            (low, high) = (low >= 0 ? max(low - pad, 0) : low - pad, high <= 0 ? min(high + pad, 0) : high + pad)
        }
        let rough = (high - low) / Double(max(count, 1))
        let power = pow(10, floor(log10(rough)))
        var step = max([1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power, minimumStep)
        if !step.isFinite || step <= 0 { step = high - low }
        // A rounding error (-1e30 / 5e29 = -2.0000000000000004) must not add a tick beyond the range.
        let start = floor(low / step + 1e-9) * step, end = ceil(high / step - 1e-9) * step
        let intervals = ((end - start) / step).rounded()
        let count = intervals.isFinite ? Int(min(max(intervals, 0), Double(maximumCount - 1))) : 0
        let values = (0...count).map { ((start / step).rounded() + Double($0)) * step }
        return (values, start, end)
    }

    /// The margin left of a plot whose y ticks read `labels`: the widest label, 8 pixels from
    /// the axis, clears the rotated axis title (about 24 pixels from the picture's edge); 64
    /// pixels at least, as wide as three-digit ticks need.
    static func leftMargin(_ labels: [String]) -> Double {
        max(64, 24 + 4 + (labels.map { TextWidth.estimate($0, size: Double(SVGText.defaultSize)) }.max() ?? 0) + 8)
    }

    /// A tick's label: as few decimals as the step needs; in scientific notation (`1e30`,
    /// `2e-41`) when plain digits would run past seven places, as plotting libraries write them.
    static func label(_ value: Double, step: Double) -> String {
        // Beside ticks in scientific notation, 0 is "0", not forty-six zeros after the point.
        if value == 0, step > 0, step < 1e-5 { return "0" }
        if value != 0, value.isFinite, step > 0, step < 1e-5 || abs(value) >= 1e7 {
            let digits = max(0, Int(floor(log10(abs(value)))) - Int(floor(log10(step))))
            let parts = String(format: "%.\(digits)e", value).split(separator: "e")
            var mantissa = Substring(parts[0])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa = mantissa.dropLast() }
                if mantissa.hasSuffix(".") { mantissa = mantissa.dropLast() }
            }
            return mantissa + "e" + String(Int(parts[1]) ?? 0)
        }
        let decimals = max(0, -Int(floor(log10(step))))
        let text = String(format: "%.\(decimals)f", value)
        // A tick a rounding error below zero reads 0, not -0 or -0.0.
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }
}
