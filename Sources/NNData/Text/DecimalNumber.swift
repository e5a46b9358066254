// Numbers as a person writes them in a CSV file, an option or a notebook: decimal digits only.
// Swift's own parser (strtod underneath) also takes hexadecimal (`0x10` is 16, `0x1p-1` is
// 0.5), `inf` and `nan`, and C's stops at a NUL byte (`2\0`): a learner who types `0x10` meant
// no number, and is told so instead of getting sixteen.

extension StringProtocol {
    /// Whether the text is a decimal number: digits with an optional sign, point and exponent
    /// (`-1.5e3`, `.5`, `+2`).
    public var isDecimalNumber: Bool {
        var sawDigit = false, sawPoint = false, sawExponent = false, previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard previous == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return false }
            case UInt8(ascii: "."):
                guard !sawPoint, !sawExponent else { return false }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
            default: return false
            }
            previous = byte
        }
        return sawDigit
    }
}

extension Double {
    /// The number `text` writes in decimal, nil for anything else (`0x10`, `inf`, `nan`, `1_0`).
    public init?(decimal text: some StringProtocol) {
        guard text.isDecimalNumber, let value = Double(String(text)) else { return nil }
        self = value
    }
}
