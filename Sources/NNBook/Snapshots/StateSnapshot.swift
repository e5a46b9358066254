// The state of a run after one cell, kept so that a later run can start from there.

import NNCore
import NNData

/// Data sets, models and the generator as they were after a cell. Nothing in it changes: a run
/// that continues from it works on clones.
public struct StateSnapshot {
    let datasets: [String: NotebookDataset]
    let models: [String: ModelEntry]
    let generator: SeededGenerator

    /// The large arrays the snapshot holds, by the address of their storage, with their size in
    /// bytes. Arrays shared between snapshots (a data set no later cell changed) have one
    /// address and are counted once. Optimizer moments, the size of the weights again, are
    /// left out: beside the data sets they are small.
    var buffers: [UnsafeRawPointer: Int] {
        var found: [UnsafeRawPointer: Int] = [:]
        func add(_ scalars: [Float]) {
            scalars.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { found[base] = bytes.count }
            }
        }
        for entry in datasets.values {
            for dataset in [entry.all, entry.trainSplit, entry.testSplit].compactMap({ $0 }) {
                add(dataset.features.scalars)
                add(dataset.targets.scalars)
            }
        }
        for entry in models.values {
            for parameter in entry.model.parameters {
                add(parameter.value.scalars)
                add(parameter.gradient.scalars)
            }
        }
        return found
    }
}
