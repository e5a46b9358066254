// Data given to a trained model, read in the terms of the data it learned from: a second file's
// word columns coded by the training data's words (a word it lacks is a column of zeros), its
// classes numbered by the training data's classes. The check and the run share these, so that
// what the check accepts the run reads, and what the run refuses the check refuses first.

import NNData

enum ModelTerms {
    /// `data`'s facts once read in the terms of `learned` (the data the model learned from):
    /// its one-hot word columns those the model learned, its one-hot targets one column per
    /// class the model knows. Facts already in those terms, or not known, are left as they are.
    static func facts(_ data: DatasetFacts, learnedFrom learned: DatasetFacts?) -> DatasetFacts {
        guard let learned else { return data }
        var data = data
        for (name, own, known) in WordColumn.matching(data.wordColumns, in: learned.wordColumns) where own.words != known.words {
            if own.encoding == .oneHot, let columns = data.columns {
                data.columns = WordColumn.featureNames(columns, oneHot: name, words: own.words, as: known.words)
                data.sampleShape = data.columns.map { [$0.count] }
            }
            data.wordColumns[name] = known
        }
        if let classes = learned.classNames, let own = data.classNames, own != classes, own.allSatisfy(classes.contains) {
            if var target = data.target, case .oneHot(let count) = target.kind, count == own.count {
                target.kind = .oneHot(classes: classes.count)
                target.columns = classes.count
                target.names = learned.target?.names?.count == classes.count ? learned.target?.names : nil
                data.target = target
            }
            data.classNames = classes
        }
        return data
    }

    /// The word of a feature column that the model never saw, placed on the data's name, with
    /// where the word is in its file and the words the model knows.
    static func unknownWord(_ unknown: UnknownWord, of reference: DatasetName, model: ModelName) -> Diagnostic {
        Diagnostic(
            "\(reference) has the word \(unknown.word.excerpt()) in its column \(unknown.column.excerpt())\(place(of: unknown)), which '\(model)' never saw: "
                + "it learned \(unknown.column.excerpt()) from the words \(unknown.known.excerptList())",
            at: reference.range,
            hint: "the model has no input for \(unknown.word.excerpt()): leave its rows out of \(reference.name), or train '\(model)' on data that has it")
    }

    /// A class of the targets that the model never learned, placed on the data's name.
    static func unknownClass(_ unknown: UnknownWord, of reference: DatasetName) -> Diagnostic {
        Diagnostic(
            "the targets of \(reference) include \(unknown.word.excerpt())\(place(of: unknown)), a class the model did not learn: it knows \(unknown.known.excerptList())",
            at: reference.range, hint: "leave the samples of \(unknown.word.excerpt()) out of \(reference.name), or train on data that has them")
    }

    /// ` (at data/test.csv:32:1)`, where the word first appears, when that is known.
    private static func place(of unknown: UnknownWord) -> String {
        unknown.origin.map { " (at \($0.description))" } ?? ""
    }
}
