// Reading each format `load` accepts into a notebook data set.

import Foundation
import NNCore
import NNData

/// The readers behind `load`, one per format.
enum DataSources {
    static func load(_ load: LoadCommand, state: RunState) throws(DataError) -> NotebookDataset {
        let path = load.path?.path ?? ""
        let targets = (load.target ?? []).map(\.text)
        switch load.format {
        case .csv:
            let url = state.folder.resolvingNotebookPath(path)
            state.recordInput(url)
            return NotebookDataset(all: try Dataset(
                csvFileAt: url, path: path, separator: load.separator.first ?? ",", targets: targets, options: load.csvOptions,
                memory: state.memory, shouldStop: state.shouldStop))
        case .inline:
            guard let table = state.tables[path] else { throw DataError("there is no inline table named '\(path)'") }
            state.recordTable(path)
            return NotebookDataset(all: try Dataset(
                csvText: Array(table.text.utf8), path: state.notebookPath, firstLine: table.firstLine, separator: load.separator.first ?? ",", targets: targets,
                options: load.csvOptions))
        case .idx, .npy:
            let reader = { (file: String) throws(DataError) -> Tensor in
                let data = try read(file, state: state)
                return load.format == .idx ? try IDXReader.read(data, path: file, memory: state.memory, shouldStop: state.shouldStop) : try NumPyReader.array(data, path: file, memory: state.memory)
            }
            let features = try reader(path)
            try ImageDatasets.checkSamples(features.shape, path: path)
            guard let labelsFile = targets.first else {
                return NotebookDataset(all: Dataset(featureNames: [], targetNames: [], features: features, targets: Tensor(shape: [features.rows, 0])))
            }
            return NotebookDataset(all: try ImageDatasets.pair(features, try reader(labelsFile), path: labelsFile))
        case .npz:
            let arrays = try NumPyReader.archive(try read(path, state: state), path: path, memory: state.memory)
            switch try ArchiveArrays.choose(from: Set(arrays.keys), features: load.features?.text, target: targets.first, path: path) {
            case .split:
                let names = ArchiveArrays.splitNames
                return NotebookDataset(
                    train: try ImageDatasets.pair(
                        arrays[names.trainFeatures]!, arrays[names.trainTargets]!, path: path, arrays: (names.trainFeatures, names.trainTargets)),
                    test: try ImageDatasets.pair(
                        arrays[names.testFeatures]!, arrays[names.testTargets]!, path: path, arrays: (names.testFeatures, names.testTargets)))
            case .whole(let features, let targets):
                return NotebookDataset(all: try ImageDatasets.pair(arrays[features]!, arrays[targets]!, path: path, arrays: (features, targets)))
            }
        case .mnist, .fashionMNIST:
            let folder = load.folder.map { state.folder.resolvingNotebookPath(($0.path as NSString).expandingTildeInPath) }
            let kind: ImageDatasets.Kind = load.format == .mnist ? .mnist : .fashionMNIST
            let files = try ImageDatasets.locate(kind, folder: folder)
            files.forEach(state.recordInput)
            var (train, test) = try ImageDatasets.read(files, memory: state.memory)
            train.classNames = kind.classNames
            test.classNames = kind.classNames
            return NotebookDataset(train: train, test: test)
        }
    }

    /// Refuses a file larger than `memory` (or no regular file), before it is read whole: the
    /// run asks, and the check asks the same before anything runs.
    static func checkSize(of url: URL, path: String, memory: MemoryLimit) throws(DataError) {
        try DataFile(url, path: path).checkFits(in: memory)
    }

    /// The file's bytes, after checking that they fit in the memory limit: a file of gigabytes
    /// is refused before it is read.
    private static func read(_ path: String, state: RunState) throws(DataError) -> Data {
        let url = state.folder.resolvingNotebookPath(path)
        state.recordInput(url)
        return try DataFile.contents(of: url, path: path, memory: state.memory)
    }
}
