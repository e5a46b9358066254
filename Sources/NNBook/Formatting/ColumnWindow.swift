// Which of a data set's columns a printed table shows. A CSV of 200,000 columns printed in full
// makes a page of megabytes nobody reads; pandas prints the first and last columns of a wide
// frame with "…" between them, and so do `show`, `describe` and `load`.

/// The columns of a table that are printed: every one up to `limit`, otherwise the first and
/// last `limit / 2` with a gap between, so a page's size is bounded whatever the data's width.
struct ColumnWindow {
    /// The most columns printed, as pandas' display.max_columns prints 20.
    static let limit = 20

    /// How many columns the data has.
    let count: Int

    /// Whether some columns are left out.
    var isShortened: Bool { count > ColumnWindow.limit }

    /// The columns printed before the gap (all of them when nothing is left out).
    var head: Range<Int> { 0..<(isShortened ? ColumnWindow.limit / 2 : count) }

    /// The columns printed after the gap (none when nothing is left out).
    var tail: Range<Int> { isShortened ? (count - ColumnWindow.limit / 2)..<count : count..<count }

    /// One entry per printed column, with `gap` where the left-out columns would be.
    func map<T>(gap: T, _ item: (Int) throws -> T) rethrows -> [T] {
        try head.map(item) + (isShortened ? [gap] : []) + tail.map(item)
    }

    /// "200,001 columns, 20 shown", or nil when every column is shown: the reader learns how
    /// much is hidden.
    var note: String? {
        isShortened ? "\(ColumnWindow.grouped(count)) columns, \(ColumnWindow.limit) shown" : nil
    }

    /// A count with thousands separators, as the note reads it: 200,001.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        return String(digits.enumerated().flatMap { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? [",", digit] : [digit]
        })
    }
}
