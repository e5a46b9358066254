// How many cells of a terminal a character takes, so that a caret under a source line stands
// under the character it points at after Chinese, Japanese or Korean text, as rustc's and
// clang's do.

extension Character {
    /// 2 for an East Asian wide or fullwidth character and an emoji shown as a picture, 1 for
    /// any other. A grapheme of several scalars (a letter with its accent) is one character,
    /// measured by its first scalar.
    var displayWidth: Int {
        guard let scalar = unicodeScalars.first, scalar.value >= 0x1100 else { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return Character.wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    /// Unicode's East Asian Width W and F blocks: Hangul Jamo, CJK punctuation, kana and
    /// ideographs, Hangul syllables, compatibility ideographs and forms, fullwidth forms, and
    /// the supplementary ideograph planes.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// The cells of a terminal the text takes (see ``Character/displayWidth``).
    var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }
}
