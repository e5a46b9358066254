// The progress printer with a fake terminal and with a pipe, on a fake clock.

import XCTest
import NNBook
import NNCore
@testable import NNBookRender

final class ProgressPrinterTests: XCTestCase {
    private final class Screen {
        var text = ""
        var time = 0.0
    }

    private func train(_ printer: ProgressPrinter, _ screen: Screen) {
        printer.trainingWillStart(model: "digits", description: "mini-batch descent: 4 steps of 32 samples per epoch", epochs: 1...2, steps: 4)
        for epoch in 1...2 {
            for step in 1...4 {
                screen.time += 0.5
                printer.stepDidFinish(StepProgress(step: step, steps: 4, metrics: ["loss": 1.0 / Double(step + epoch), "accuracy": 0.5]))
            }
            printer.epochDidFinish(EpochRecord(epoch: epoch, metrics: ["loss": 0.25 / Double(epoch), "accuracy": 0.75]), of: 2)
        }
    }

    func testOnATerminalTheBarIsRedrawnInPlaceWithTheTimeLeft() {
        let screen = Screen()
        let printer = ProgressPrinter(write: { screen.text += $0 }, isTerminal: true, colour: false, clock: { screen.time }, redrawInterval: 0)
        train(printer, screen)
        XCTAssertEqual(screen.text, """
            train digits: mini-batch descent: 4 steps of 32 samples per epoch, 2 epochs
            Epoch 1/2
            \r1/4 ━━━━━─────────────── 2s 500ms/step - accuracy: 0.5000 - loss: 0.5000\u{1B}[K\
            \r2/4 ━━━━━━━━━━────────── 1s 500ms/step - accuracy: 0.5000 - loss: 0.3333\u{1B}[K\
            \r3/4 ━━━━━━━━━━━━━━━───── 1s 500ms/step - accuracy: 0.5000 - loss: 0.2500\u{1B}[K\
            \r4/4 ━━━━━━━━━━━━━━━━━━━━ 2s 500ms/step - accuracy: 0.7500 - loss: 0.2500\u{1B}[K
            Epoch 2/2
            \r1/4 ━━━━━─────────────── 2s 500ms/step - accuracy: 0.5000 - loss: 0.3333\u{1B}[K\
            \r2/4 ━━━━━━━━━━────────── 1s 500ms/step - accuracy: 0.5000 - loss: 0.2500\u{1B}[K\
            \r3/4 ━━━━━━━━━━━━━━━───── 1s 500ms/step - accuracy: 0.5000 - loss: 0.2000\u{1B}[K\
            \r4/4 ━━━━━━━━━━━━━━━━━━━━ 2s 500ms/step - accuracy: 0.7500 - loss: 0.1250\u{1B}[K

            """)
    }

    func testInAPipeEachEpochIsOneLine() {
        let screen = Screen()
        let printer = ProgressPrinter(write: { screen.text += $0 }, isTerminal: false, colour: false, clock: { screen.time })
        train(printer, screen)
        XCTAssertEqual(screen.text, """
            train digits: mini-batch descent: 4 steps of 32 samples per epoch, 2 epochs
            Epoch 1/2 4/4 ━━━━━━━━━━━━━━━━━━━━ 2s 500ms/step - accuracy: 0.7500 - loss: 0.2500
            Epoch 2/2 4/4 ━━━━━━━━━━━━━━━━━━━━ 2s 500ms/step - accuracy: 0.7500 - loss: 0.1250

            """)
    }

    /// Keras with `initial_epoch=5, epochs=7` and validation data: `Epoch 6/7`, the val_ figures
    /// at the end of the epoch's line.
    func testAContinuedValidatedTrainingNumbersOnAndShowsValMetrics() {
        let screen = Screen()
        let printer = ProgressPrinter(write: { screen.text += $0 }, isTerminal: true, colour: false, clock: { screen.time })
        printer.trainingWillStart(model: "big", description: "batch descent", epochs: 6...7, steps: 1)
        for epoch in 6...7 {
            screen.time += 1
            printer.stepDidFinish(StepProgress(step: 1, steps: 1, metrics: ["loss": 0.5]))
            printer.epochDidFinish(EpochRecord(epoch: epoch, metrics: ["loss": 0.5, "accuracy": 0.75, "val_loss": 0.625, "val_accuracy": 0.5]), of: 7)
        }
        XCTAssertEqual(screen.text, """
            train big: batch descent, epochs 6 to 7
            Epoch 6/7
            \r1/1 ━━━━━━━━━━━━━━━━━━━━ 1s 1s/step - accuracy: 0.7500 - loss: 0.5000 - val_accuracy: 0.5000 - val_loss: 0.6250\u{1B}[K
            Epoch 7/7
            \r1/1 ━━━━━━━━━━━━━━━━━━━━ 1s 1s/step - accuracy: 0.7500 - loss: 0.5000 - val_accuracy: 0.5000 - val_loss: 0.6250\u{1B}[K

            """)
    }

    /// The course's 1,000 epochs of batch descent: the first, every hundredth and the last.
    func testALongTrainingKeepsALinePerTenthOfTheRun() {
        let screen = Screen()
        let printer = ProgressPrinter(write: { screen.text += $0 }, isTerminal: false, colour: false, clock: { screen.time })
        printer.trainingWillStart(model: "neuron", description: "batch descent", epochs: 1...1000, steps: 1)
        for epoch in 1...1000 {
            printer.stepDidFinish(StepProgress(step: 1, steps: 1, metrics: ["loss": 0.5]))
            printer.epochDidFinish(EpochRecord(epoch: epoch, metrics: ["loss": 0.5]), of: 1000)
        }
        let lines = screen.text.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] }
        XCTAssertEqual(lines, ["1/1000"] + (1...10).map { "\($0 * 100)/1000" })
    }

    func testRedrawsAreThrottled() {
        let screen = Screen()
        let printer = ProgressPrinter(write: { screen.text += $0 }, isTerminal: true, colour: false, clock: { screen.time }, redrawInterval: 1)
        train(printer, screen)
        XCTAssertEqual(screen.text.components(separatedBy: "\r").count - 1, 2 * 3, "steps 1 and 3 of each epoch are drawn, and the finished line")
    }

    func testColourOnlyWhenAsked() {
        let screen = Screen()
        ProgressPrinter(write: { screen.text += $0 }, isTerminal: true, colour: true, clock: { screen.time }).epochDidFinish(EpochRecord(epoch: 1, metrics: [:]), of: 1)
        XCTAssertTrue(screen.text.contains("\u{1B}[32m"))
        let plain = Screen()
        ProgressPrinter(write: { plain.text += $0 }, isTerminal: true, colour: false, clock: { plain.time }).epochDidFinish(EpochRecord(epoch: 1, metrics: [:]), of: 1)
        XCTAssertFalse(plain.text.contains("\u{1B}[3"))
    }
}
