// A word in a later data set that the data a model learned from never had: the model has no
// input (or class) for it, so the data cannot be read in the model's terms.

/// A word of a column, with the words the model learned for that column and where the word
/// first appears in its file.
public struct UnknownWord: Equatable, Sendable {
    public let column: String
    public let word: String
    /// The column's words the model learned, in their order.
    public let known: [String]
    public let origin: WordOrigin?

    public init(column: String, word: String, known: [String], origin: WordOrigin?) {
        self.column = column
        self.word = word
        self.known = known
        self.origin = origin
    }

    /// The first word of the word columns `own` that the same column of `learned` (coded the
    /// same way) lacks: the one earliest in its file when the places are known, so that the
    /// learner meets the first row to change.
    public static func first(in own: [String: WordColumn], learned: [String: WordColumn], origins: [String: [String: WordOrigin]]) -> UnknownWord? {
        var unknown: [UnknownWord] = []
        for (name, column, known) in WordColumn.matching(own, in: learned) {
            let words = Set(known.words)
            for word in column.words where !words.contains(word) {
                unknown.append(UnknownWord(column: name, word: word, known: known.words, origin: origins[name]?[word]))
            }
        }
        return unknown.min { first, second in
            let (a, b) = (first.origin.map { ($0.line, $0.column) } ?? (Int.max, 0), second.origin.map { ($0.line, $0.column) } ?? (Int.max, 0))
            return a != b ? a < b : (first.column, first.word) < (second.column, second.word)
        }
    }

    /// The first of `classes` (a data set's class names) that `known` (a model's) lacks, placed
    /// in the target column of words when the data set has one: the origins' column that is no
    /// feature's word column.
    public static func firstClass(
        of classes: [String], among known: [String], wordColumns: [String: WordColumn], origins: [String: [String: WordOrigin]]
    ) -> UnknownWord? {
        let learned = Set(known)
        let target = origins.keys.sorted().first { wordColumns[$0] == nil }
        let unknown = classes.filter { !learned.contains($0) }.map { word in
            UnknownWord(column: target ?? "", word: word, known: known, origin: target.flatMap { origins[$0]?[word] })
        }
        return unknown.min { ($0.origin?.line ?? Int.max, $0.word) < ($1.origin?.line ?? Int.max, $1.word) }
    }
}
