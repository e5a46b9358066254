// "Did you mean …": the closest known name to a misspelt one.

import NNData

/// Finds the known name closest to what was typed.
public enum Suggestions {
    /// The candidate with the smallest edit distance, if it is close enough to be a typo
    /// (at most a third of the word's length, and at least 1).
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let length = word.count, limit = max(1, length / 3)
        var best: (name: String, distance: Int)?
        // Names that differ in length by more than the limit are never close: a word of a
        // megabyte is compared with nothing.
        for candidate in candidates.sorted() where abs(candidate.count - length) <= limit {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// The closest candidate when no other is as close: `xo` is as near `x1` as `xor`, and a
    /// line that reads a word as what it meant must not guess between them.
    public static func onlyClosest(to word: String, in candidates: [String]) -> String? {
        guard let best = closest(to: word, in: candidates) else { return nil }
        let nearest = distance(word.lowercased(), best.lowercased())
        return candidates.contains { candidate in
            candidate != best && abs(candidate.count - word.count) <= nearest && distance(word.lowercased(), candidate.lowercased()) == nearest
        } ? nil : best
    }

    /// `hint: did you mean 'train'?` text, or a list of the known names when nothing is close.
    /// A word that another library uses for a candidate (`batch_size` for `batch`, given in
    /// `otherSpellings`) is answered with that candidate, however far apart the two are.
    public static func hint(for word: String, in candidates: [String], kind: String, otherSpellings: [(name: String, spellings: [String])] = []) -> String {
        suggestion(for: word, in: candidates, otherSpellings: otherSpellings)
            ?? "the known \(kind) are: " + candidates.sorted().joined(separator: ", ").clipped()
    }

    /// `did you mean 'train'?` when a candidate is close to `word` or another library's
    /// spelling of one (an other spelling is answered only when nnbook knows the candidate
    /// here); nil when nothing is.
    public static func suggestion(for word: String, in candidates: [String], otherSpellings: [(name: String, spellings: [String])] = []) -> String? {
        if let known = spelling(word, in: candidates, otherSpellings: otherSpellings) {
            return "did you mean '\(known)'? nnbook calls \(word.excerpt()) \(known)"
        }
        return closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// The candidate that another library calls `word` (`train` for Keras' `fit`), if nnbook
    /// knows it here.
    static func spelling(_ word: String, in candidates: [String], otherSpellings: [(name: String, spellings: [String])]) -> String? {
        otherSpellings.first { known in
            candidates.contains(known.name) && known.spellings.contains { $0.lowercased() == word.lowercased() }
        }?.name
    }

    /// What `word` most likely meant: the candidate another library spells so, else the closest.
    public static func meant(by word: String, in candidates: [String], otherSpellings: [(name: String, spellings: [String])] = []) -> String? {
        spelling(word, in: candidates, otherSpellings: otherSpellings) ?? closest(to: word, in: candidates)
    }

    /// Levenshtein distance, with a swap of two neighbouring letters counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
