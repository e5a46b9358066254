// One record of a CSV file as text: its fields' bytes and where each field stood in the file.

/// The fields of one line (or of several, when a quoted field holds line breaks), kept as bytes
/// in one buffer so that a record of a million fields is one allocation, not a million.
public struct CSVRecord {
    /// Where one field's text lies in `bytes`, and where the field began in the file.
    public struct Place {
        var start: Int
        var end: Int
        public var line: Int
        public var column: Int
        /// The field was written in quotes: `""` is an empty field, not a blank line.
        var quoted: Bool
        /// Every byte of the text is ASCII.
        var ascii: Bool
    }

    var bytes: [UInt8] = []
    public internal(set) var fields: [Place] = []

    public var count: Int { fields.count }

    /// The text of field `index` as written (quotes removed, `""` made `"`).
    public func text(_ index: Int) -> String {
        String(decoding: bytes[fields[index].start..<fields[index].end], as: UTF8.self)
    }

    /// The text of field `index` without the spaces and tabs around it.
    public func trimmedText(_ index: Int) -> String {
        let place = fields[index]
        // Only an ASCII text can be trimmed byte by byte: elsewhere a space may begin a
        // character with the marks that follow it.
        guard place.ascii else { return text(index).trimmingSpaces }
        var start = place.start, end = place.end
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Whether field `index` holds nothing but spaces and tabs: a missing value.
    public func isBlank(_ index: Int) -> Bool {
        bytes[fields[index].start..<fields[index].end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
