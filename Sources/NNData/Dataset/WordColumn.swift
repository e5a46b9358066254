// A CSV column of words, remembered with its words so that predictions take and give words
// (`colour=red`, "apple") rather than the numbers that stand for them.

/// The words of a column that `codes=` or `one_hot=` turned into numbers.
public struct WordColumn: Equatable, Sendable {
    public enum Encoding: Equatable, Sendable {
        /// One column holding 0, 1, 2, … for the words in alphabetical order.
        case codes
        /// One 0/1 column per word, named `column=word`.
        case oneHot
    }

    /// The column's words in alphabetical order: word i has code i.
    public let words: [String]
    public let encoding: Encoding

    public init(words: [String], encoding: Encoding) {
        self.words = words
        self.encoding = encoding
    }

    /// The names a learner gives `predict`: a one-hot column's group (`colour`) once, in place
    /// of its `colour=red`, `colour=green`, … feature columns. Linear in the names' length: a
    /// name's group is looked up by each of its prefixes that ends before a `=` (the first in
    /// alphabetical order when several are groups), and the names kept are remembered in a set,
    /// so that a CSV file of 200,000 columns takes a moment, not hours.
    public static func inputNames(of featureNames: [String], wordColumns: [String: WordColumn]) -> [String] {
        var names: [String] = [], kept: Set<String> = []
        for name in featureNames {
            let groups = name.indices.filter { name[$0] == "=" }.map { String(name[..<$0]) }.filter { wordColumns[$0]?.encoding == .oneHot }
            let group = groups.min() ?? name
            if kept.insert(group).inserted { names.append(group) }
        }
        return names
    }

    /// The feature values that stand for `word` in the column `name`, by feature name; nil for a
    /// word the column never had.
    public func features(for word: String, column name: String) -> [String: Float]? {
        guard let code = words.firstIndex(of: word) else { return nil }
        switch encoding {
        case .codes: return [name: Float(code)]
        case .oneHot: return Dictionary(uniqueKeysWithValues: words.enumerated().map { ("\(name)=\($1)", $0 == code ? 1 : 0) })
        }
    }

    /// Feature names with the one-hot column `name`'s columns for `words` replaced, in their
    /// place, by one column for each of `learned`: how a second file's columns line up with
    /// those a model learned.
    public static func featureNames(_ names: [String], oneHot name: String, words: [String], as learned: [String]) -> [String] {
        let own = Set(words.map { "\(name)=\($0)" })
        var result: [String] = [], placed = false
        for feature in names {
            guard own.contains(feature) else {
                result.append(feature)
                continue
            }
            if !placed { result += learned.map { "\(name)=\($0)" } }
            placed = true
        }
        return result
    }

    /// The word columns of `own` coded as the same column of `learned` is, by name, with both
    /// columns: those whose words differ are the ones to code again in `learned`'s words.
    public static func matching(_ own: [String: WordColumn], in learned: [String: WordColumn]) -> [(name: String, own: WordColumn, learned: WordColumn)] {
        own.keys.sorted().compactMap { name in
            guard let column = own[name], let known = learned[name], known.encoding == column.encoding else { return nil }
            return (name, column, known)
        }
    }
}
