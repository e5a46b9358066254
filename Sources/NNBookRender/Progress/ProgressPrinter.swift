// What a learner sees while a notebook runs: a status line per cell, and Keras' progress bar
// while training — redrawn in place on a terminal, one line per epoch anywhere else.

import Foundation
import NNBook
import NNCore

/// Prints progress. On a terminal, each epoch gets a live bar in Keras' style,
///
///     Epoch 3/5
///     1875/1875 ━━━━━━━━━━━━━━━━━━━━ 1s 0.5ms/step - accuracy: 0.8712 - loss: 0.3620
///
/// redrawn at most every `redrawInterval` seconds with the time left; in a pipe or a CI log,
/// only the finished line of each epoch is printed. A long training (more than 50 epochs, as
/// the course's 1,000 epochs of batch descent) keeps one finished line per tenth of the run,
/// the first and the last; on a terminal the epochs between are redrawn in place.
public final class ProgressPrinter: TrainingObserver {
    private let write: (String) -> Void
    private let isTerminal: Bool
    private let colour: Bool
    private let clock: () -> Double
    private let redrawInterval: Double

    /// The epochs of the training under way: `1...5`, or `6...10` when it continues.
    private var epochs = 1...1
    private var epoch = 0
    private var epochStart = 0.0
    private var lastDraw = -Double.infinity
    private var cellStart = 0.0
    private var steps = 0

    public init(write: @escaping (String) -> Void, isTerminal: Bool, colour: Bool, clock: @escaping () -> Double = ProgressPrinter.now, redrawInterval: Double = 0.1) {
        self.write = write
        self.isTerminal = isTerminal
        self.colour = colour
        self.clock = clock
        self.redrawInterval = redrawInterval
    }

    /// Progress on standard error, with colour on a terminal unless NO_COLOR is set.
    public static func standardError() -> ProgressPrinter {
        let terminal = isatty(STDERR_FILENO) == 1
        return ProgressPrinter(
            write: { StandardStream.write($0, to: StandardStream.error) }, isTerminal: terminal,
            colour: terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    public static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    public func cellWillRun(_ cell: Cell, _ count: Int) {
        cellStart = clock()
    }

    public func cellDidRun(_ result: RunResult.CellResult, _ count: Int) {
        let status = result.interrupted ? paint("interrupted", "33") : result.error == nil ? paint("done", "32") : paint("failed", "31")
        write("[\(result.cell.number)/\(count)] \(result.cell.label) … \(status) in \(String(format: "%.2f", clock() - cellStart)) s\n")
    }

    public func trainingWillStart(model: String, description: String, epochs: ClosedRange<Int>, steps: Int) {
        self.epochs = epochs
        epoch = epochs.lowerBound - 1
        epochStart = clock()
        let count = epochs.count
        let span = epochs.lowerBound == 1 ? "\(count) epoch\(count == 1 ? "" : "s")" : "epochs \(epochs.lowerBound) to \(epochs.upperBound)"
        write("train \(model): \(description), \(span)\n")
    }

    /// Whether the epoch being trained gets a line of its own.
    private var keepsLine: Bool {
        let count = epochs.count, run = epoch - epochs.lowerBound + 1
        return count <= 50 || run == 1 || run == count || run % (count / 10) == 0
    }

    public func stepDidFinish(_ progress: StepProgress) {
        steps = progress.steps
        if progress.step == 1 {
            epoch += 1
            lastDraw = -Double.infinity
            if isTerminal && keepsLine { write("Epoch \(epoch)/\(epochs.upperBound)\n") }
        }
        guard isTerminal, progress.step < progress.steps else { return }
        let now = clock()
        guard now - lastDraw >= redrawInterval else { return }
        lastDraw = now
        let elapsed = now - epochStart
        let left = elapsed / Double(progress.step) * Double(progress.steps - progress.step)
        write("\r" + bar(progress, time: "\(Int(left.rounded()))s", perStep: elapsed / Double(progress.step)) + "\u{1B}[K")
    }

    public func epochDidFinish(_ record: EpochRecord, of epochs: Int) {
        let now = clock()
        let elapsed = now - epochStart
        let steps = max(self.steps, 1)
        let finished = StepProgress(step: steps, steps: steps, metrics: record.metrics)
        let line = bar(finished, time: "\(Int(elapsed.rounded()))s", perStep: elapsed / Double(steps))
        if keepsLine {
            write(isTerminal ? "\r" + line + "\u{1B}[K\n" : "Epoch \(record.epoch)/\(epochs) " + line + "\n")
        } else if isTerminal, now - lastDraw >= redrawInterval {
            lastDraw = now
            write("\rEpoch \(record.epoch)/\(epochs) " + line + "\u{1B}[K")
        }
        epochStart = now
    }

    /// `1875/1875 ━━━━━━━━━━━━━━━━━━━━ 1s 0.5ms/step - accuracy: 0.8712 - loss: 0.3620`
    private func bar(_ progress: StepProgress, time: String, perStep: Double) -> String {
        let width = 20
        let done = progress.steps == 0 ? width : width * progress.step / progress.steps
        let count = String(progress.steps).count
        let step = String(repeating: " ", count: max(count - String(progress.step).count, 0)) + String(progress.step)
        let drawn = paint(String(repeating: "━", count: done), "32") + paint(String(repeating: "─", count: width - done), "2")
        let rate = perStep >= 1 ? String(format: "%.0fs/step", perStep)
            : perStep >= 0.001 ? String(format: "%.0fms/step", perStep * 1000) : String(format: "%.0fus/step", perStep * 1_000_000)
        let metrics = progress.metrics.keys.sorted().map { "\($0): \(String(format: "%.4f", progress.metrics[$0] ?? 0))" }
        return "\(step)/\(progress.steps) \(drawn) \(time) \(rate)" + metrics.map { " - " + $0 }.joined()
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
