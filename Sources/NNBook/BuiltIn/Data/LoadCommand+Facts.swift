// What `load` tells the checker about the data set it will make, without loading it: MNIST's
// fixed shapes, the shapes IDX and `.npy` headers announce, and for a small table (an inline
// one, or a CSV file under a megabyte) everything, read by the same code the run uses.

import Foundation
import NNCore
import NNData

extension LoadCommand {
    /// Above this size a CSV file is not read at check time: only its header row is.
    static let smallTable = 1 << 20

    /// The facts of the data set, or the problem that will stop `load` (a file that cannot be
    /// read or parsed), placed at the load line.
    func facts(in context: CheckContext) -> Result<DatasetFacts, Diagnostic> {
        var facts: DatasetFacts
        do throws(DataError) {
            facts = try unlimitedFacts(in: context)
        } catch {
            let message = format == .inline
                ? "in the table '\(path?.path ?? "")'" + (error.line.map { ", line \($0)" } ?? "") + ": " + error.message
                : error.path == nil ? error.message : error.description
            // A table is data, shown as written, as code is: `{{v}}` in it is not a placeholder.
            let table = format == .inline ? path.flatMap { context.tables[$0.path] } : nil
            var placeholder: ProseParameters.Use?
            if let table, let line = error.line {
                let tableLines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
                let index = line - table.firstLine
                if tableLines.indices.contains(index) {
                    placeholder = ProseParameters.uses(in: tableLines[index].replacingOccurrences(of: "`", with: " ")).first
                }
            }
            let hint = placeholder.map { "a table in the notebook is data, shown as written: {{\($0.name)}} is not filled in there; write the value itself" }
            return .failure(Diagnostic(message, at: path?.range ?? (folder == nil ? $format : $folder), hint: hint ?? error.hint))
        }
        if let rows {
            facts.samples = facts.samples.map { min($0, rows) } ?? rows
            if case .cameSplit(let train, let test) = facts.splits {
                facts.splits = .cameSplit(train: train.map { min($0, rows) } ?? rows, test: test.map { min($0, rows) } ?? rows)
            }
        }
        return .success(facts)
    }

    private func unlimitedFacts(in context: CheckContext) throws(DataError) -> DatasetFacts {
        let file = path.map { context.folder.resolvingNotebookPath($0.path) }
        switch format {
        case .mnist, .fashionMNIST:
            let folder = self.folder.map { context.folder.resolvingNotebookPath(($0.path as NSString).expandingTildeInPath) }
            let files = try ImageDatasets.locate(format == .mnist ? .mnist : .fashionMNIST, folder: folder)
            // Each IDX file's values must fit in the memory limit, as the run reads them.
            if files.count > 1 {
                for file in files { _ = try ArrayFileHeader.shape(ofFileAt: file, numPy: false, path: file.path, memory: context.memory) }
            }
            return DatasetFacts(
                sampleShape: [28, 28], target: TargetFacts(columns: 1, kind: .classNumbers(largest: 9)), samples: LoadCommand.imageTrainCount,
                splits: .cameSplit(train: LoadCommand.imageTrainCount, test: LoadCommand.imageTestCount))
        case .inline:
            guard let path, let table = context.tables[path.path] else { return DatasetFacts() }
            return tableFacts(try Dataset(csvText: Array(table.text.utf8), path: "", firstLine: table.firstLine, targets: targetNames, options: csvOptions))
        case .csv:
            guard let path, let file else { return DatasetFacts() }
            guard try DataFile(file, path: path.path).size <= LoadCommand.smallTable else { return try headerFacts(file, path: path.path, memory: context.memory) }
            return tableFacts(try Dataset(
                csvFileAt: file, path: path.path, separator: separator.first ?? ",", targets: targetNames, options: csvOptions, memory: context.memory))
        case .idx, .npy:
            guard let path, let file else { return DatasetFacts() }
            let shape = try arrayShape(file, path: path.path, memory: context.memory)
            var facts = DatasetFacts(sampleShape: Array(shape.dropFirst()), target: TargetFacts(columns: 0, kind: .numbers), samples: shape.first)
            if let labels = target?.first {
                let labelFile = context.folder.resolvingNotebookPath(labels.text)
                let labelShape = try arrayShape(labelFile, path: labels.text, memory: context.memory)
                try ImageDatasets.checkPair(images: shape, labels: labelShape, path: labels.text)
                let columns = labelShape.dropFirst().reduce(1, *)
                // One-hot rows are not read: their kind stays unknown.
                facts.target = TargetFacts(columns: columns, kind: columns == 1 ? try labelKind(labelFile, path: labels.text) : .unknown)
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
                return DatasetFacts(sampleShape: Array(x.dropFirst()), target: TargetFacts(columns: y.dropFirst().reduce(1, *), kind: .unknown), samples: x.first)
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

    /// The shape an IDX or `.npy` file announces, refused as the run refuses it: a file larger
    /// than the memory limit, then values that would not fit.
    private func arrayShape(_ file: URL, path: String, memory: MemoryLimit) throws(DataError) -> [Int] {
        try DataSources.checkSize(of: file, path: path, memory: memory)
        return try ArrayFileHeader.shape(ofFileAt: file, numPy: format == .npy, path: path, memory: memory)
    }

    /// What a labels file holds: read whole when it is small (MNIST's 60,000 labels are 60 KB),
    /// so that the largest class is known; unknown otherwise.
    private func labelKind(_ file: URL, path: String) throws(DataError) -> TargetKind {
        let opened = try DataFile(file, path: path)
        guard opened.size <= LoadCommand.smallTable else { return .unknown }
        let data = try opened.read(upTo: opened.size)
        let labels = format == .npy ? try NumPyReader.array(data, path: path) : try IDXReader.read(data, path: path)
        let classes = labels.scalars.compactMap(\.classNumber)
        return classes.count == labels.scalars.count ? .classNumbers(largest: classes.max()) : .numbers
    }

    /// The target columns and the encoding of word columns, as the run and the check read them.
    private var targetNames: [String] { (target ?? []).map(\.text) }

    var csvOptions: CSVColumnOptions {
        var options = CSVColumnOptions(codes: (codes ?? []).map(\.text), oneHot: (oneHot ?? []).map(\.text))
        if missing == .drop { options.missing = .drop }
        if let fill { options.missing = .fill(fill) }
        return options
    }

    /// A table read whole, by the same code the run uses.
    private func tableFacts(_ data: Dataset) -> DatasetFacts {
        let labels = data.targets.scalars.compactMap(\.classNumber)
        let kind: TargetKind = data.targets.columns == 1 && labels.count == data.targets.scalars.count ? .classNumbers(largest: labels.max()) : .numbers
        var facts = DatasetFacts(
            columns: data.featureNames, sampleShape: [data.featureNames.count], target: TargetFacts(columns: data.targetNames.count, kind: kind, names: data.targetNames),
            samples: data.count)
        facts.wordColumns = data.wordColumns
        return facts
    }

    /// A large table: its columns from the header row, when no column is expanded by words.
    private func headerFacts(_ file: URL, path: String, memory: MemoryLimit) throws(DataError) -> DatasetFacts {
        guard oneHot == nil else { return DatasetFacts() }
        let header = try Dataset.csvHeader(ofFileAt: file, path: path, separator: separator.first ?? ",", targets: targetNames, options: csvOptions, memory: memory)
        let columns = header.filter { !targetNames.contains($0) }
        return DatasetFacts(columns: columns, sampleShape: [columns.count], target: TargetFacts(columns: targetNames.count, kind: .unknown, names: targetNames))
    }
}
