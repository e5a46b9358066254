// `load csv "data/insurance.csv" as insurance target=bought_insurance`, and the other formats:
// inline tables, IDX, NumPy, MNIST and Fashion-MNIST.

import Foundation
import NNCore
import NNData

/// Reads a data set from a file next to the notebook, from a table in the notebook, or from the
/// machine's copy of MNIST or Fashion-MNIST.
struct LoadCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "load",
        summary: "read a data set: a CSV file, an inline table, IDX or NumPy files, or MNIST / Fashion-MNIST",
        examples: [
            #"load csv "data/insurance.csv" as insurance target=bought_insurance"#,
            "load inline homes as homes target=price",
            "load fashion-mnist as clothes",
            "load fashion-mnist as clothes rows=2000",
            #"load mnist as digits folder="data/mnist""#,
        ],
        spellings: ["read_csv"])

    /// Where the data comes from.
    enum Format: String, ChoiceValue, CaseIterable {
        case csv, inline, idx, npy, npz, mnist
        case fashionMNIST = "fashion-mnist"
    }

    /// What to do with a row that has an empty field.
    enum Missing: String, ChoiceValue, CaseIterable {
        case drop
    }

    @Argument(help: "where the data comes from") var format: Format
    @Argument(help: "the file (relative to the notebook), or the inline table's name") var path: FilePath?
    @Argument(keyword: "as", help: "the name to give the data set") var name: NewDatasetName
    @Option(help: "csv/inline: the columns to predict; idx/npy: the labels file; npz: the labels array", spellings: ["label"]) var target: [Word]?
    @Option(help: "npz: the array of inputs (default x_train, else x)") var features: Word?
    @Option(help: "csv/inline: the character between fields (\"\\t\" for tabs)", spellings: ["sep", "delimiter"]) var separator = ","
    @Option(help: "csv: columns of words to number 0, 1, 2, … alphabetically") var codes: [Word]?
    @Option(help: "csv: columns of words to turn into one 0/1 column per word") var oneHot: [Word]?
    @Option(help: "csv: drop rows with an empty field") var missing: Missing?
    @Option(help: "csv: put this number in empty fields") var fill: Double?
    @Option(help: "csv: words that mark a missing value, as an empty field does (pandas' na_values), e.g. na=[\"?\", NA]", spellings: ["na_values"]) var na: [String]?
    @Option(help: "mnist/fashion-mnist: the folder holding the four IDX files") var folder: FilePath?
    @Option(help: "names for the classes 0, 1, 2, … (Fashion-MNIST's are built in; a target column of words names its own)", spellings: ["class_names"]) var classes: [String]?
    @Option(help: "keep only this many samples (of each split, for data that comes split)", spellings: ["nrows"], minimum: 1) var rows: Int?
    @Option(help: "with rows=: choose them by a seeded shuffle; false keeps the first ones") var shuffle = true

    /// The options that apply to the format, each with where it was written when it was.
    private var writtenOptions: [(name: String, given: Bool, range: SourceRange)] {
        [("target", target != nil, $target), ("features", features != nil, $features), ("separator", separator != ",", $separator),
         ("codes", codes != nil, $codes), ("one_hot", oneHot != nil, $oneHot), ("missing", missing != nil, $missing),
         ("fill", fill != nil, $fill), ("na", na != nil, $na), ("folder", folder != nil, $folder), ("rows", rows != nil, $rows), ("shuffle", !shuffle, $shuffle),
         ("classes", classes != nil, $classes)]
    }

    /// ` target=…` as written, for a hint that shows the line as it should be.
    private var writtenTarget: String? {
        target.map { " target=" + ($0.count == 1 ? $0[0].text : "[" + $0.map(\.text).joined(separator: ", ") + "]") }
    }

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let formatOptions: Set<String> = switch format {
        case .csv: ["target", "separator", "codes", "one_hot", "missing", "fill", "na"]
        case .inline: ["target", "separator", "codes", "one_hot", "missing", "fill", "na"]
        case .idx, .npy: ["target"]
        case .npz: ["target", "features"]
        case .mnist, .fashionMNIST: ["folder"]
        }
        let allowed = formatOptions.union(["rows", "shuffle", "classes"])
        for option in writtenOptions where option.given && !allowed.contains(option.name) {
            diagnostics.append(Diagnostic(
                "\(option.name)= does not apply to \(format.rawValue) data", at: option.range,
                hint: "for \(format.rawValue), the options are: " + allowed.sorted().joined(separator: ", ")))
        }
        if [.csv, .inline].contains(format), target == nil {
            diagnostics.append(Diagnostic(
                "say which column the model should learn to predict", at: command,
                hint: "add target=COLUMN, e.g. target=bought_insurance"))
        }
        if missing != nil, fill != nil {
            diagnostics.append(Diagnostic("give missing=drop or fill=NUMBER, not both", at: $fill))
        }
        if let fill, let problem = Float32Limit.problem(fill, written: NumberText.plain(fill), at: $fill, what: "the data are 32-bit numbers; fill empty fields with 0 or a typical value") {
            diagnostics.append(problem)
        }
        switch format {
        case .mnist, .fashionMNIST:
            if let path {
                diagnostics.append(Diagnostic(
                    "\(format.rawValue) takes no path", at: path.range,
                    hint: "give the folder that holds its files as folder=PATH"))
            }
        case .inline:
            guard let path else {
                diagnostics.append(Diagnostic("name the inline table to load", at: command, hint: "e.g. load inline homes as homes target=price"))
                break
            }
            if context.tables[path.path] == nil {
                diagnostics.append(Diagnostic(
                    "there is no inline table named '\(path)'", at: path.range,
                    hint: context.tables.isEmpty
                        ? "write the table in the notebook as a fenced block: ```csv name=\(path)"
                        : Suggestions.hint(for: path.path, in: Array(context.tables.keys), kind: "tables")))
            }
        case .csv, .idx, .npy, .npz:
            guard let path else {
                diagnostics.append(Diagnostic("give the file to load", at: command, hint: #"e.g. load \#(format.rawValue) "data/file" as data"#))
                break
            }
            let url = context.folder.resolvingNotebookPath(path.path)
            if FileManager.default.fileExists(atPath: url.path), let found = DataFileFormat.guess(of: url, path: path.path), found.rawValue != format.rawValue {
                // Its other options (target= a column, not a labels file) are read for that format.
                diagnostics.append(Diagnostic(
                    "\(path.path.excerpt()) is not \(DataFileFormat(rawValue: format.rawValue)?.described ?? format.rawValue): it looks like \(found.described)", at: path.range,
                    hint: "write load \(found.rawValue) \"\(path.path.excerpt())\" as \(name.name)" + (writtenTarget ?? (found == .csv ? " target=COLUMN" : ""))))
                break
            }
            var files = [(path.path, path.range)]
            if format == .idx || format == .npy { files += (target ?? []).map { ($0.text, $0.range) } }
            for (file, range) in files where !FileManager.default.fileExists(atPath: context.folder.resolvingNotebookPath(file).path) {
                // `load csv pts` of the notebook's own ```csv name=pts table.
                let table = format == .csv && file == path.path && context.tables[file] != nil
                diagnostics.append(Diagnostic(
                    "there is no file \(file)", at: range,
                    hint: table
                        ? "\(file) is a table written in the notebook: write load inline \(file) as \(name.name)" + (writtenTarget ?? "")
                        : "paths are read from the notebook's folder, \(context.folder.path)"))
            }
        }
        if !shuffle, rows == nil {
            diagnostics.append(Diagnostic("shuffle= applies only with rows=", at: $shuffle, hint: "e.g. rows=2000 shuffle=false keeps the first 2000 samples"))
        }
        if separator.count != 1 {
            diagnostics.append(Diagnostic("the separator must be one character", at: $separator))
        }
        if let classes, let problem = LoadCommand.unclearNames(classes, at: $classes) { diagnostics.append(problem) }
        guard diagnostics.isEmpty else {
            // What a line that cannot be read would load is not known.
            context.markErroneous(name.name, as: .dataset)
            return diagnostics
        }
        var columns = namedColumns, misspelt: [Diagnostic] = []
        let read = facts(in: &context, reading: &columns, misspelt: &misspelt)
        diagnostics += misspelt
        switch read {
        case .success(var facts):
            if facts.columns?.isEmpty == true, !facts.unnamedFeatures {
                // A model of no inputs learns one bias, and predicts the same for every sample.
                let source = format == .inline ? "the table '\(path?.path ?? "")'" : path?.path ?? format.rawValue
                diagnostics.append(Diagnostic(
                    "every column of \(source) is a target, so its samples have no features to learn from", at: $target,
                    hint: "target= names only the columns to predict; the other columns are the inputs, so keep at least one out of it"))
            }
            let words = wordClasses(facts.classNames)
            if let classes, let words {
                if let unnamed = words.first(where: { !classes.contains($0) }) {
                    diagnostics.append(LoadCommand.unnamedWord(unnamed, of: words, at: $classes))
                } else {
                    facts.classNames = classes
                    if case .oneHot = facts.target?.kind, let column = columns.targets.first {
                        // One-hot words get one column per class named, in its order, as the run
                        // gives them (a class the file lacks, a column of zeros).
                        facts.target?.kind = .oneHot(classes: classes.count)
                        facts.target?.columns = classes.count
                        facts.target?.names = classes.map { "\(column)=\($0)" }
                    } else {
                        // The largest label the file holds, as the run numbers it: a class named
                        // that the file lacks (kiwi, class 3) is no label of it.
                        facts.target?.kind = .classNumbers(largest: words.compactMap { classes.firstIndex(of: $0) }.max())
                    }
                }
            } else if let classes {
                facts.classNames = classes
            }
            context.datasets[name.name] = facts
            // A word target's classes are named by its words, ordered by classes=, as above.
            if words == nil, classes != nil, let target = facts.target, target.kind == .numbers {
                let span = if case .range(let range) = target.values { " (\(NumberText.data(Float(range.lowerBound))) to \(NumberText.data(Float(range.upperBound))))" } else { "" }
                diagnostics.append(Diagnostic(
                    "classes= names classes, but the targets of \(name.name) are numbers to predict\(span), not class numbers", at: $classes,
                    hint: "classes= names a classifier's labels 0, 1, 2, …; drop it for numbers to predict"))
            } else if words == nil, let classes, let expected = facts.target?.kind.classes, classes.count != expected {
                diagnostics.append(LoadCommand.wrongClassCount(classes.count, expected: expected, of: name.name, at: $classes))
            }
        case .failure(let problem):
            diagnostics.append(problem)
            context.markErroneous(name.name, as: .dataset)
        }
        return diagnostics
    }

    /// The words of a target column of words: its classes' names, which `classes=` may order
    /// and add to, but not rename. Nil for other data (Fashion-MNIST's built-in names).
    private func wordClasses(_ names: [String]?) -> [String]? {
        format == .csv || format == .inline ? names : nil
    }

    static func unnamedWord(_ word: String, of words: [String], at range: SourceRange) -> Diagnostic {
        Diagnostic(
            "classes= leaves out \(word), a class of the target column", at: range,
            hint: "name every class the column holds (\(words.joined(separator: ", "))), in the order the model should number them; names of classes the file lacks may be added")
    }

    /// Classes that could not be told apart in the confusion matrix, the per-class table or
    /// predict's probabilities: two of one name, or one with no name (Keras' StringLookup
    /// refuses such a vocabulary too).
    static func unclearNames(_ classes: [String], at range: SourceRange) -> Diagnostic? {
        let hint = "give each class a name of its own, in the order of the class numbers 0, 1, 2, …; a name with spaces goes in quotes"
        if let blank = classes.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return Diagnostic("classes= leaves class \(blank) without a name", at: range, hint: hint)
        }
        for (index, name) in classes.enumerated() {
            guard let first = classes.prefix(index).firstIndex(of: name) else { continue }
            return Diagnostic("classes= names classes \(first) and \(index) both '\(name.excerpt())'", at: range, hint: hint)
        }
        return nil
    }

    static func wrongClassCount(_ count: Int, expected: Int, of source: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(
            "classes= names \(count) class\(count == 1 ? "" : "es"), but \(source) has \(expected)", at: range,
            hint: "give one name per class, in the order of the class numbers 0 to \(expected - 1)")
    }

    /// How `rows=` chose its samples of `available` by a seeded shuffle: the check and the run
    /// name it alike in an error it explains.
    func choice(of available: Int) -> String {
        "rows=\(rows ?? available) at line \($rows.line) kept \(rows ?? available) of the \(available) samples, chosen by a seeded shuffle"
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        var entry: NotebookDataset
        do {
            entry = try DataSources.load(self, state: state)
        } catch {
            throw RunError(error, at: range(of: error))
        }
        if let classes, let words = wordClasses(entry.all.classNames) {
            // The words are numbered by their place in classes=, not alphabetically.
            do throws(DataError) {
                try entry.updateEverySplit { (data: inout Dataset) throws(DataError) in try data.numberClasses(by: classes) }
            } catch {
                let problem = LoadCommand.unnamedWord(words.first { !classes.contains($0) } ?? "", of: words, at: $classes)
                throw RunError(problem.message, hint: problem.hint, at: problem.range)
            }
        } else if let classes {
            let expected = entry.all.classCount
            guard classes.count == expected else {
                let problem = LoadCommand.wrongClassCount(classes.count, expected: expected, of: name.name, at: $classes)
                throw RunError(problem.message, hint: problem.hint, at: problem.range)
            }
            entry.updateEverySplit { (data: inout Dataset) in data.classNames = classes }
        }
        if let rows {
            let before = entry.all.count
            do throws(DataError) {
                try entry.updateEverySplit { (data: inout Dataset) throws(DataError) in data = try data.taking(rows, shuffle: shuffle, generator: &state.generator) }
            } catch {
                throw RunError(error, at: $rows)
            }
            if shuffle, !entry.cameSplit { entry.chosen = choice(of: before) }
        }
        state.define(name.name, as: entry, at: command)
        let data = entry.all
        // A wide data set names its first and last features only, and how many there are.
        let features = ColumnWindow(count: data.featureNames.count)
        let shape = data.featureNames.isEmpty ? "inputs of shape \(Tensor.describe(data.features.sampleShape))"
            : "features: " + features.map(gap: "…") { data.featureNames[$0] }.joined(separator: ", ")
                + (features.isShortened ? " (\(ColumnWindow.grouped(features.count)) features)" : "")
        let counts = entry.cameSplit
            ? "\(entry.trainSplit?.count ?? 0) training and \(entry.testSplit?.count ?? 0) test samples (\(name).train, \(name).test)"
            : "\(data.count) samples"
        return [.text("\(name): \(counts); \(shape); target: \(data.targetNames.joined(separator: ", "))")]
    }
}
