// What a learner sees on the terminal while a notebook runs: a status line per cell, and a line
// per training epoch.

import Foundation
import NNBook
import NNCore

/// Prints progress to standard error.
final class ProgressPrinter: TrainingObserver {
    private var epochs = 0
    private var every = 1

    func cellWillRun(_ cell: Cell, _ count: Int) {}

    func cellDidRun(_ result: RunResult.CellResult, _ count: Int) {
        let status = result.error == nil ? "done" : "failed"
        Console.error("[\(result.cell.number)/\(count)] \(result.cell.label) … \(status) in \(String(format: "%.2f", result.seconds)) s")
    }

    func trainingWillStart(model: String, description: String, epochs: Int, steps: Int) {
        self.epochs = epochs
        every = max(1, epochs / 10)
        Console.error("train \(model): \(description), \(epochs) epoch\(epochs == 1 ? "" : "s")")
    }

    func stepDidFinish(step: Int, of steps: Int) {}

    func epochDidFinish(_ record: EpochRecord, of epochs: Int) {
        guard record.epoch == 1 || record.epoch % every == 0 || record.epoch == epochs else { return }
        let metrics = record.metrics.keys.sorted().map { "\($0): \(String(format: "%.4f", record.metrics[$0] ?? 0))" }
        Console.error("Epoch \(record.epoch)/\(epochs) - " + metrics.joined(separator: " - "))
    }
}
