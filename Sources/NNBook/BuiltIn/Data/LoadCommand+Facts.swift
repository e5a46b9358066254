// What `load` tells the checker about the data set it will make, without loading it: the shapes
// IDX and `.npy` headers announce (MNIST's four files' among them), and for a small table (an inline
// one, or a CSV file under a megabyte) everything, read by the same code the run uses.

import Foundation
import NNCore
import NNData

extension LoadCommand {
    /// Above this size a CSV, IDX or `.npy` file is not read at check time: only its header is.
    static let smallTable = 1 << 20

    /// The facts of the data set, or the problem that will stop `load` (a file that cannot be
    /// read or parsed), placed at the load line. A column the line misspells
    /// (`target=bought_insurence`) is a problem of its own, added to `misspelt`, and `columns`
    /// reads it as the column it is close to, so that the lines after it are checked as if it
    /// were written right.
    func facts(in context: inout CheckContext, reading columns: inout NamedColumns, misspelt: inout [Diagnostic]) -> Result<DatasetFacts, Diagnostic> {
        var facts: DatasetFacts
        do throws(DataError) {
            facts = try unlimitedFacts(in: context, columns: columns)
        } catch {
            if let absent = error.absentColumn, let named = absentColumnProblem(absent) {
                // Each reading replaces one misspelt name by the one column it is closest to, that
                // the line names nowhere else.
                guard let meant = LoadCommand.meantColumn(absent), Suggestions.onlyClosest(to: absent.name, in: absent.columns) == meant,
                    !columns.names.contains(meant)
                else { return .failure(named) }
                misspelt.append(named)
                columns.read(absent.name, as: meant)
                return self.facts(in: &context, reading: &columns, misspelt: &misspelt)
            }
            if format == .inline, let name = path?.path, let table = context.tables[name], let problem = LoadCommand.tableProblem(error, in: table) {
                return .failure(problem)
            }
            let message = format == .inline ? "in the table '\(path?.path ?? "")': " + error.message : error.path == nil ? error.message : error.description
            return .failure(Diagnostic(message, at: range(of: error), hint: error.hint))
        }
        // Arrays are read without names for their values, whatever their header says.
        facts.unnamedFeatures = ![.csv, .inline].contains(format)
        if let rows {
            // rows= keeps N of each split, so the smaller split bounds it, as the run finds.
            let (available, source): (Int?, String) = switch facts.splits {
            case .cameSplit(let train?, let test?): test < train ? (test, "\(name).test") : (train, "\(name).train")
            default: (facts.samples, format == .inline ? "the table '\(path?.path ?? "")'" : path?.path ?? format.rawValue)
            }
            if let problem = TakeCommand.checkCount(rows, of: available, from: source, at: $rows) {
                let each = facts.splits == .none ? "" : " of each split"
                return .failure(Diagnostic(problem.message, at: problem.range, hint: "rows= keeps N samples\(each); give at most \(available ?? rows)"))
            }
            if !shuffle {
                facts.keepSamples(rows, kept: Array(0..<rows), of: facts.read?.all, chosen: nil)
            } else if case .cameSplit(let train, let test) = facts.splits {
                // The run draws each split's choice, the training split's first.
                _ = context.replayChoice(rows, of: train)
                _ = context.replayChoice(rows, of: test)
                facts.keepSamples(rows, kept: nil, of: nil, chosen: nil)
            } else {
                facts.keepSamples(rows, kept: context.replayChoice(rows, of: facts.samples), of: facts.read?.all, chosen: facts.samples.map(choice))
            }
            if case .cameSplit(let train, let test) = facts.splits {
                facts.splits = .cameSplit(train: train.map { min($0, rows) } ?? rows, test: test.map { min($0, rows) } ?? rows)
            }
        }
        return .success(facts)
    }

    /// Where the load line is wrong about `error`: at the labels file `target=` names when the
    /// error is in it, else at the file (or the folder) the line loads.
    func range(of error: DataError) -> SourceRange {
        if let labels = target?.first, format == .idx || format == .npy, error.path == labels.text { return labels.range }
        return path?.range ?? (folder == nil ? $format : $folder)
    }

    /// A column that `target=`, `codes=` or `one_hot=` names and the data does not have, at the
    /// name written on the load line, where the typo is, with the nearest column.
    private func absentColumnProblem(_ absent: AbsentColumn) -> Diagnostic? {
        guard let word = [target, codes, oneHot].compactMap({ $0 }).joined().first(where: { $0.text == absent.name }) else { return nil }
        let source = format == .inline ? "the table '\(path?.path ?? "")'" : path?.path ?? format.rawValue
        let near = LoadCommand.meantColumn(absent).map { "did you mean '\($0)'? " } ?? ""
        return Diagnostic(
            "\(source) has no column \"\(absent.name.excerpt())\"", at: word.range,
            hint: near + "the columns are \(absent.columns.excerptList())")
    }

    /// The column a name the data lacks is close to, if any.
    private static func meantColumn(_ absent: AbsentColumn) -> String? {
        // Any one letter is one edit from any other: a name of one letter is near none.
        absent.name.count < 2 ? nil : Suggestions.closest(to: absent.name, in: absent.columns)
    }

    /// A problem in an inline table, at its row and field in the notebook, where the learner
    /// fixes it; nil when the reader gave no line of the table.
    private static func tableProblem(_ error: DataError, in table: InlineTable) -> Diagnostic? {
        let tableLines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = error.line, tableLines.indices.contains(line - table.firstLine) else { return nil }
        let text = tableLines[line - table.firstLine]
        // The reader counts bytes; the caret counts characters, and underlines the field.
        let start = String(decoding: text.utf8.prefix(max(0, (error.column ?? 1) - 1)), as: UTF8.self).count
        let field = text.dropFirst(start).prefix { $0 != "," }
        // A table is data, shown as written, as code is: `{{v}}` in it is not a placeholder.
        let placeholder = ProseParameters.uses(in: text.replacingOccurrences(of: "`", with: " ")).first(where: \.isName)
        return Diagnostic(
            "in the table '\(table.name)': " + error.message,
            at: SourceRange(line: line, column: start + 1, length: error.column == nil ? text.count : max(1, field.count)),
            hint: placeholder.map { "a table in the notebook is data, shown as written: {{\($0.name)}} is not filled in there; write the value itself" } ?? error.hint)
    }

    private func unlimitedFacts(in context: CheckContext, columns: NamedColumns) throws(DataError) -> DatasetFacts {
        let file = path.map { context.folder.resolvingNotebookPath($0.path) }
        switch format {
        case .mnist, .fashionMNIST:
            let folder = self.folder.map { context.folder.resolvingNotebookPath(($0.path as NSString).expandingTildeInPath) }
            let kind: ImageDatasets.Kind = format == .mnist ? .mnist : .fashionMNIST
            let files = try ImageDatasets.locate(kind, folder: folder)
            var facts = try files.count == 1 ? kerasArchiveFacts(files[0], memory: context.memory) : idxFolderFacts(files, memory: context.memory)
            facts.classNames = kind.classNames
            return facts
        case .inline:
            guard let path, let table = context.tables[path.path] else { return DatasetFacts() }
            return tableFacts(try Dataset(
                csvText: Array(table.text.utf8), path: "", firstLine: table.firstLine, separator: separator.first ?? ",", targets: columns.targets, options: columns.options),
                columns: columns)
        case .csv:
            guard let path, let file else { return DatasetFacts() }
            guard try DataFile(file, path: path.path).size <= LoadCommand.smallTable else {
                return try headerFacts(file, path: path.path, columns: columns, memory: context.memory)
            }
            return tableFacts(try Dataset(
                csvFileAt: file, path: path.path, separator: separator.first ?? ",", targets: columns.targets, options: columns.options, memory: context.memory),
                columns: columns)
        case .idx, .npy:
            guard let path, let file else { return DatasetFacts() }
            let (shape, largest) = try arrayHeader(file, path: path.path, memory: context.memory)
            try ImageDatasets.checkSamples(shape, path: path.path)
            var facts = DatasetFacts(sampleShape: Array(shape.dropFirst()), target: TargetFacts(columns: 0, kind: .numbers), samples: shape.first)
            // A small file is read whole, as the run reads it: a nan, an infinity or a number
            // beyond Float32 in it is refused at its index now, and its largest value is known.
            let values = try smallArray(file, path: path.path)
            facts.largestValues[Dataset.allFeatures] = values.map { Double($0.scalars.lazy.map(abs).max() ?? 0) } ?? largest
            facts.target?.missingLabels = MissingLabels(range: path.range, example: "labels." + format.rawValue)
            if let labels = target?.first {
                let labelFile = context.folder.resolvingNotebookPath(labels.text)
                let labelShape = try arrayHeader(labelFile, path: labels.text, memory: context.memory).shape
                try ImageDatasets.checkPair(images: shape, labels: labelShape, path: labels.text)
                let columns = labelShape.dropFirst().reduce(1, *)
                // One-hot rows are not read: their kind stays unknown.
                facts.target = TargetFacts(
                    columns: columns, kind: columns == 1 ? try labelKind(labelFile, path: labels.text) : .unknown, names: ImageDatasets.labelNames(columns: columns))
            }
            return facts
        case .npz:
            guard let path, let file else { return DatasetFacts() }
            try DataSources.checkSize(of: file, path: path.path, memory: context.memory)
            let shapes = try NumPyReader.shapes(ofArchiveAt: file, path: path.path)
            // The labels' values are not read, so their kind stays unknown.
            func facts(_ features: String, _ targets: String) throws(DataError) -> DatasetFacts {
                let (x, y) = (shapes[features] ?? [], shapes[targets] ?? [])
                try ImageDatasets.checkPair(images: x, labels: y, path: path.path, arrays: (features, targets))
                let columns = y.dropFirst().reduce(1, *)
                return DatasetFacts(
                    sampleShape: Array(x.dropFirst()), target: TargetFacts(columns: columns, kind: .unknown, names: ImageDatasets.labelNames(columns: columns)), samples: x.first)
            }
            switch try ArchiveArrays.choose(from: Set(shapes.keys), features: features?.text, target: target?.first?.text, path: path.path) {
            case .split:
                let names = ArchiveArrays.splitNames
                var train = try facts(names.trainFeatures, names.trainTargets)
                let test = try facts(names.testFeatures, names.testTargets)
                // One shape stands for both splits; splits that differ leave it unknown.
                if test.sampleShape != train.sampleShape { train.sampleShape = nil }
                train.splits = .cameSplit(train: train.samples, test: test.samples)
                return train
            case .whole(let features, let targets):
                return try facts(features, targets)
            }
        }
    }

    /// The four IDX files' sizes and shapes from their headers alone, as they are (a folder of
    /// 300 images is checked as 300, not as MNIST's 60,000), with each file's values fitting in
    /// the memory limit and each labels file matching its images, as the run reads them.
    private func idxFolderFacts(_ files: [URL], memory: MemoryLimit) throws(DataError) -> DatasetFacts {
        var shapes: [[Int]] = [], largest: [Double?] = []
        for file in files {
            let header = try ArrayFileHeader.header(ofFileAt: file, numPy: false, path: file.path, memory: memory)
            shapes.append(header.shape)
            largest.append(header.largestValue)
        }
        try ImageDatasets.checkPair(images: shapes[0], labels: shapes[1], path: files[1].path)
        try ImageDatasets.checkPair(images: shapes[2], labels: shapes[3], path: files[3].path)
        let (trainShape, testShape) = (Array(shapes[0].dropFirst()), Array(shapes[2].dropFirst()))
        // Only headers are read: the labels are taken to be the data set's ten digits or
        // garments, unless they come as rows (one-hot), whose kind stays unknown.
        let columns = shapes[1].dropFirst().reduce(1, *)
        var facts = DatasetFacts(
            sampleShape: trainShape == testShape ? trainShape : nil,
            target: TargetFacts(columns: columns, kind: columns == 1 ? .classNumbers(largest: 9) : .unknown, names: ImageDatasets.labelNames(columns: columns)),
            samples: shapes[0].first, splits: .cameSplit(train: shapes[0].first, test: shapes[2].first))
        if let train = largest[0], let test = largest[2] { facts.largestValues[Dataset.allFeatures] = max(train, test) }
        // The training labels are read whole when small (MNIST's 60,000 are 30 KB of gzip), as a
        // small table is: which class each sample is, for the choices `take` and `split` replay.
        if columns == 1, let labels = try smallArray(files[1], path: files[1].path) {
            let classes = labels.scalars.compactMap(\.classNumber)
            if classes.count == labels.scalars.count { facts.classLabels = classes }
        }
        return facts
    }

    /// Keras' `mnist.npz` (MNIST itself: ten digits): its arrays' sizes from the archive's index.
    private func kerasArchiveFacts(_ file: URL, memory: MemoryLimit) throws(DataError) -> DatasetFacts {
        try DataSources.checkSize(of: file, path: file.path, memory: memory)
        let shapes = try NumPyReader.shapes(ofArchiveAt: file, path: file.path)
        let (train, test) = (shapes["x_train"]?.first, shapes["x_test"]?.first)
        return DatasetFacts(
            sampleShape: shapes["x_train"].map { Array($0.dropFirst()) }, target: TargetFacts(columns: 1, kind: .classNumbers(largest: 9), names: ImageDatasets.labelNames(columns: 1)),
            samples: train, splits: .cameSplit(train: train, test: test))
    }

    /// What an IDX or `.npy` file announces, refused as the run refuses it: a file larger than
    /// the memory limit, then values that would not fit.
    private func arrayHeader(_ file: URL, path: String, memory: MemoryLimit) throws(DataError) -> (shape: [Int], largestValue: Double?) {
        try DataSources.checkSize(of: file, path: path, memory: memory)
        return try ArrayFileHeader.header(ofFileAt: file, numPy: format == .npy, path: path, memory: memory)
    }

    /// What a labels file holds: read whole when it is small (MNIST's 60,000 labels are 60 KB),
    /// so that the largest class is known; unknown otherwise.
    private func labelKind(_ file: URL, path: String) throws(DataError) -> TargetKind {
        guard let labels = try smallArray(file, path: path) else { return .unknown }
        let classes = labels.scalars.compactMap(\.classNumber)
        return classes.count == labels.scalars.count ? .classNumbers(largest: classes.max()) : .numbers
    }

    /// The values of an IDX or `.npy` file under a megabyte, read by the run's reader (which
    /// refuses nan, infinities and numbers beyond Float32 at their index); nil for a larger one.
    private func smallArray(_ file: URL, path: String) throws(DataError) -> Tensor? {
        let opened = try DataFile(file, path: path)
        guard opened.size <= LoadCommand.smallTable else { return nil }
        let data = try opened.read(upTo: opened.size)
        return format == .npy ? try NumPyReader.array(data, path: path) : try IDXReader.read(data, path: path)
    }

    /// The target columns and the encoding of word columns, as the run and the check read them.
    var targetNames: [String] { (target ?? []).map(\.text) }

    /// The columns a table's load line names, as the check reads them.
    var namedColumns: NamedColumns { NamedColumns(targets: targetNames, options: csvOptions) }

    /// The columns a table's load line names (`target=`, `codes=`, `one_hot=`), as the reader
    /// takes them: as written, or with a misspelt one read as the column it is close to.
    struct NamedColumns {
        private(set) var targets: [String]
        private(set) var options: CSVColumnOptions

        init(targets: [String], options: CSVColumnOptions) {
            self.targets = targets
            self.options = options
        }

        var names: [String] { targets + options.codes + options.oneHot }

        /// `name` read as `column` wherever the line names it.
        mutating func read(_ name: String, as column: String) {
            let meant = { (names: [String]) in names.map { $0 == name ? column : $0 } }
            targets = meant(targets)
            options.codes = meant(options.codes)
            options.oneHot = meant(options.oneHot)
        }
    }

    var csvOptions: CSVColumnOptions {
        var options = CSVColumnOptions(codes: (codes ?? []).map(\.text), oneHot: (oneHot ?? []).map(\.text))
        if missing == .drop { options.missing = .drop }
        if let fill { options.missing = .fill(fill) }
        options.missingMarks = Set(na ?? [])
        return options
    }

    /// A table read whole, by the same code the run uses.
    private func tableFacts(_ data: Dataset, columns named: NamedColumns) -> DatasetFacts {
        let labels = data.targets.scalars.compactMap(\.classNumber)
        let kind: TargetKind = switch data.targets.columns {
        case 1: labels.count == data.targets.scalars.count ? .classNumbers(largest: labels.max()) : .numbers
        // `one_hot=[fruit]` of the target column: one 1 per row, as `one_hot` makes them.
        case let columns where named.targets.count == 1 && named.options.oneHot.contains(named.targets[0]): .oneHot(classes: columns)
        default: .numbers
        }
        let values = data.targets.scalars.min().flatMap { low in data.targets.scalars.max().map { TargetValues.range(Double(low)...Double($0)) } }
        var facts = DatasetFacts(
            columns: data.featureNames, sampleShape: [data.featureNames.count],
            target: TargetFacts(columns: data.targetNames.count, kind: kind, names: data.targetNames, values: values ?? .unknown), samples: data.count)
        facts.wordColumns = data.wordColumns
        facts.wordOrigins = data.wordOrigins
        facts.classNames = data.classNames
        facts.read = NotebookDataset(all: data)
        for (index, name) in data.featureNames.enumerated() {
            facts.largestValues[name] = (0..<data.count).reduce(0) { max($0, Double(abs(data.features[$1, index]))) }
        }
        if data.targets.columns > 0 {
            facts.stratifyProblem = data.stratifyProblem
            if facts.stratifyProblem != Dataset.stratifyRefusal { facts.classLabels = Classes.of(truth: data.targets) }
        }
        return facts
    }

    /// A large table: its columns from the header row, when no column is expanded by words.
    private func headerFacts(_ file: URL, path: String, columns named: NamedColumns, memory: MemoryLimit) throws(DataError) -> DatasetFacts {
        guard oneHot == nil else { return DatasetFacts() }
        let header = try Dataset.csvHeader(ofFileAt: file, path: path, separator: separator.first ?? ",", targets: named.targets, options: named.options, memory: memory)
        let columns = header.filter { !named.targets.contains($0) }
        return DatasetFacts(columns: columns, sampleShape: [columns.count], target: TargetFacts(columns: named.targets.count, kind: .unknown, names: named.targets))
    }
}
