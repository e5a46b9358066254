// The data and plot commands through whole notebooks: inline tables, formats, transforms, figures.

import Foundation
import NNCore
import XCTest
@testable import NNBook

final class DataCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ text: String) throws -> RunResult {
        try NotebookFixtures.run(text, folder: folder, seed: 1)
    }

    private func texts(_ result: RunResult) -> [String] {
        result.cells.flatMap(\.outputs).compactMap { if case .text(let text) = $0 { text } else { nil } }
    }

    /// An array emptied after the check (the data changed between `check` and `run`) is refused
    /// by the run at the load line, by the same rule, alone or with its labels.
    func testAnArrayEmptiedAfterTheCheckIsRefusedByTheRun() throws {
        for target in ["", " target=\"y.idx\""] {
            try NotebookFixtures.idx([2, 3], Array(1...6)).write(to: folder.appendingPathComponent("x.idx"))
            try NotebookFixtures.idx([2], [0, 1]).write(to: folder.appendingPathComponent("y.idx"))
            let plan = try NotebookPreparation.plan(
                text: "```nnbook\nload idx \"x.idx\" as d\(target)\n```\n", path: "t.nnbook", folder: folder, overrides: [], registry: BuiltInPlugins.registry()).get()
            try NotebookFixtures.idx([0, 3], []).write(to: folder.appendingPathComponent("x.idx"))
            try NotebookFixtures.idx([0], []).write(to: folder.appendingPathComponent("y.idx"))
            let result = Interpreter().run(plan, state: RunState(folder: folder, seed: 1))
            XCTAssertEqual(result.failure?.diagnostic.message, "x.idx: the array holds no samples: its shape is (0, 3)", target)
            XCTAssertEqual(result.failure?.diagnostic.range?.line, 2)
        }
    }

    /// Standardized values of a table too large to read at check time are not known before
    /// the run: a divisor the check let through because it keeps values of 1 finite is refused
    /// by the run at the `scale` line, where the values of 1.2 would turn infinite, not at
    /// `train` with a learning-rate hint.
    func testADivisorThatMakesValuesInfiniteIsRefusedByTheRunAtTheScale() throws {
        let rows = "0.1,1,0\n0.5,0,1\n0.9,1,1\n0.3,0,0\n0.7,1,1\n"
        try ("x1,x2,y\n" + String(repeating: rows, count: 30_000)).write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let result = try run("""
            ```nnbook
            load csv "big.csv" as data target=y
            scale data x2 method=standardize
            scale data x2 divide=3e-39
            ```
            """)
        XCTAssertEqual(result.failure?.diagnostic.message, "dividing by 3e-39 makes data.x2, which goes up to 1.2247449, infinite: 1.2247449 / 3e-39 is 4.1e+38, too large for a 32-bit number (at most 3.4e38)")
        XCTAssertEqual(result.failure?.diagnostic.range.map { "\($0.line):\($0.column)" }, "4:15")
    }

    func testTakeChoosesBySeededShuffleOrTheFirstSamples() throws {
        let result = try run("""
            ```nnbook
            load csv "data.csv" as data target=y
            take data 3 as some
            take data 2 as first shuffle=false
            load csv "data.csv" as loaded target=y rows=2 shuffle=false
            show first
            show loaded
            ```
            """)
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertEqual(texts(result).filter { $0.contains(" of the ") }, [
            "some: 3 of the 5 samples of data, chosen by a seeded shuffle",
            "first: 2 of the 5 samples of data, the first ones",
        ])
        let tables = result.cells.flatMap(\.outputs).compactMap { if case .table(let table) = $0 { table } else { nil } }
        XCTAssertEqual(tables.map { $0.rows.map(\.first) }, [["0.1", "0.5"], ["0.1", "0.5"]])
        XCTAssertTrue(texts(result).contains("loaded: 2 samples; features: x1, x2; target: y"))
    }

    /// Data that came split has no whole to describe: its own name stands for its training
    /// split, as `train` takes it, and every output that counts its samples says so.
    func testDataThatCameSplitIsNamedByTheSplitItsNameStandsFor() throws {
        let images = folder.appendingPathComponent("mnist")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        for (file, data) in [
            ("train-images-idx3-ubyte", NotebookFixtures.idx([3, 2, 2], Array(1...12))), ("train-labels-idx1-ubyte", NotebookFixtures.idx([3], [0, 1, 2])),
            ("t10k-images-idx3-ubyte", NotebookFixtures.idx([2, 2, 2], Array(1...8))), ("t10k-labels-idx1-ubyte", NotebookFixtures.idx([2], [1, 0])),
        ] {
            try data.write(to: images.appendingPathComponent(file))
        }
        let load = "```nnbook\nload mnist as digits folder=\"mnist\"\n"
        let result = try run(load + "describe digits\nshape digits\ntake digits 2 as few\ndescribe digits.test\n```\n")
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        XCTAssertEqual(Array(texts(result).dropFirst()), [
            "digits came split: this describes digits.train; describe digits.test for its test samples",
            "digits.train inputs: (3, 2, 2); targets: (3, 1)",
            "few: 2 of the 3 samples of digits.train, chosen by a seeded shuffle",
        ])
        // The check reads this folder's sizes from its files' headers: 3 and 2 images, not MNIST's.
        XCTAssertEqual(NotebookFixtures.diagnostics(load + "take digits 4 as more\ntake digits.test 3 as few\n```\n", folder: folder), [
            "3:13: digits.train has 3 samples, so 4 cannot be taken | take from 1 to 3 samples",
            "4:18: digits.test has 2 samples, so 3 cannot be taken | take from 1 to 2 samples",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload mnist as digits folder=\"mnist\" rows=3\n```\n", folder: folder), [
            "2:37: digits.test has 2 samples, so 3 cannot be taken | rows= keeps N samples of each split; give at most 2",
        ])
    }

    /// A wrong prediction is marked in words as well as in red, for readers who do not see
    /// red: a model of zeros predicts class 0 for every image, so images 1 and 2 are wrong.
    func testWrongPredictionsInAnImageGridAreMarkedInTheirCaption() throws {
        try NotebookFixtures.idx([3, 2, 2], Array(1...12)).write(to: folder.appendingPathComponent("images.idx"))
        try NotebookFixtures.idx([3], [0, 1, 2]).write(to: folder.appendingPathComponent("labels.idx"))
        let result = try run("""
            ```nnbook
            load idx "images.idx" as pics target="labels.idx"
            model m input=[2, 2]
              flatten
              dense 3 activation=softmax weights=zeros bias=zeros
            images pics count=3 model=m
            ```
            """)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        guard case .figure(let figure) = result.cells[0].outputs.first(where: { if case .figure = $0 { true } else { false } }),
            case .images(let grid) = figure.kind
        else { return XCTFail("no image grid") }
        XCTAssertEqual(grid.tiles.map(\.captionLines), [
            ["#0: label 0", "predicted 0"], ["#1: label 1", "predicted 0 ✗"], ["#2: label 2", "predicted 0 ✗"],
        ])
        XCTAssertEqual(grid.tiles.map(\.mistaken), [false, true, true])
    }

    func testScalingWithoutAColumnShowsEachColumnsScaling() throws {
        let result = try run("```nnbook\nload csv \"data.csv\" as data target=y\nscale data method=min-max\n```\n")
        XCTAssertEqual(result.cells[0].outputs.last, .table(Table(headers: ["column", "scaling"], rows: [
            ["x1", "(x1 − 0.1) / (0.9 − 0.1)"], ["x2", "(x2 − 0) / (1 − 0)"],
        ])))
    }

    func testTakeOfMoreSamplesThanThereAreIsFoundByTheCheck() {
        XCTAssertEqual(
            NotebookFixtures.diagnostics("```nnbook\nload csv \"data.csv\" as data target=y\ntake data 6 as some\n```\n", folder: folder),
            ["3:11: data has 5 samples, so 6 cannot be taken | take from 1 to 5 samples"])
    }

    func testInlineTableErrorsAreFoundByTheCheckAtTheirRowAndField() {
        let diagnostics = NotebookFixtures.diagnostics("""
            ```csv name=t
            a,y
            1,0
            two,1
            ```

            ```nnbook
            load inline t as d target=y
            ```
            """, folder: folder)
        XCTAssertEqual(diagnostics, [
            "4:1: in the table 't': \"two\" in column \"a\" is not a number | the rows above hold numbers in column \"a\": write this value as a number too",
        ])
    }

    /// auto-mpg, the data of Keras' regression tutorial, writes "?" for a missing horsepower:
    /// without na= the check says how to read it; with it the row is dropped or filled as an
    /// empty field is, in a file and in a table.
    func testAWordThatMarksAMissingValueIsReadAsOneWithNa() throws {
        try "hp,weight,mpg\n130,3504,18\n?,3693,15\nNA,3436,18\n150,3449,16\n".write(to: folder.appendingPathComponent("auto.csv"), atomically: true, encoding: .utf8)
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"auto.csv\" as c target=mpg missing=drop\n```\n", folder: folder), [
            #"2:10: auto.csv:3:1: "?" in column "hp" is not a number | "?" marks a missing value: load with na=["?"] to read it as one, as an empty field is (then missing=drop drops its row, fill=NUMBER fills it)"#,
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload csv \"auto.csv\" as c target=mpg na_values=[\"?\", NA] missing=drop\n```\n", folder: folder), [
            "2:37: 'load' has no option 'na_values' | did you mean 'na'? nnbook calls na_values na",
        ])
        let result = try run("""
            ```nnbook
            load csv "auto.csv" as dropped target=mpg na=["?", NA] missing=drop
            load csv "auto.csv" as filled target=mpg na=["?", NA] fill=100
            describe filled
            ```
            """)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        XCTAssertEqual(Array(texts(result).prefix(2)), ["dropped: 2 samples; features: hp, weight; target: mpg", "filled: 4 samples; features: hp, weight; target: mpg"])
        guard case .table(let table)? = result.cells[0].outputs.last else { return XCTFail("describe gives a table") }
        XCTAssertEqual(table.rows[0], ["hp", "4", "120.0000", "24.4949", "100.0000", "150.0000"])
    }

    /// rows= beyond the data set gives every sample, and the page says so.
    func testPredictingMoreRowsThanThereAreSaysItGaveThemAll() throws {
        let result = try run("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on data\npredict m on data rows=100000\n```\n")
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        guard case .table(let table)? = result.cells[0].outputs.last(where: { if case .table = $0 { true } else { false } }) else { return XCTFail("predict gives a table") }
        XCTAssertEqual(table.rows.count, 5)
        XCTAssertTrue(texts(result).contains("rows=100000 asks for more samples than data has: these are all 5 of them"), "\(texts(result))")
    }

    func testCodesOneHotDescribeAndShape() throws {
        let result = try run("""
            ```csv name=t
            city,size,y
            Pune,1,0
            Delhi,3,2
            Pune,2,1
            ```

            ```nnbook
            load inline t as d target=y one_hot=[city]
            shape d
            one_hot d
            shape d
            describe d
            ```
            """)
        XCTAssertEqual(result.status, .succeeded)
        XCTAssertEqual(Array(texts(result).prefix(4)), [
            "d: 3 samples; features: city=Delhi, city=Pune, size; target: y",
            "d inputs: (3, 3); targets: (3, 1)",
            "d: y → 3 one-hot columns",
            "d inputs: (3, 3); targets: (3, 3)",
        ])
        guard case .table(let table)? = result.cells[0].outputs.last else { return XCTFail("describe gives a table") }
        XCTAssertEqual(table.rows[2], ["size", "3", "2.0000", "1.0000", "1.0000", "3.0000"])
    }

    func testIDXAndNpyFilesLoadWithTheirLabels() throws {
        try Data([0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8]).write(to: folder.appendingPathComponent("x.idx"))
        try Data([0, 0, 8, 1, 0, 0, 0, 2, 3, 4]).write(to: folder.appendingPathComponent("y.idx"))
        let result = try run("""
            ```nnbook
            load idx "x.idx" as images target="y.idx"
            scale images divide=2
            describe images
            images images count=2
            ```
            """)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        XCTAssertEqual(texts(result).first, "images: 2 samples; inputs of shape (2, 2); target: label")
        XCTAssertTrue(texts(result).contains("#0: label 3; #1: label 4"))
        guard case .figure(let figure)? = result.cells[0].outputs.first(where: { if case .figure = $0 { true } else { false } }),
            case .images(let grid) = figure.kind
        else { return XCTFail("images draws a figure") }
        XCTAssertEqual(grid.tiles[1].pixels, [2.5, 3, 3.5, 4])
    }

    func testMissingImageDataSaysWhereItLooked() throws {
        setenv("NNBOOK_DATA", folder.path, 1)
        defer { unsetenv("NNBOOK_DATA") }
        // The check looks where the run would, so a missing data set stops the notebook before
        // anything runs.
        let diagnostics = NotebookFixtures.diagnostics("```nnbook\nload mnist as digits\n```\n", folder: folder)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics.first?.hasPrefix("2:6: mnist was not found; looked in \(folder.path)/, \(folder.path)/mnist/") == true,
                      diagnostics.first ?? "no diagnostic")
    }

    /// A folder the notebook names is the only place looked in: data found elsewhere would be
    /// other data than the user meant, without a word.
    func testAFolderThatIsNotThereIsAnErrorAtFolderEvenWhenTheDataIsElsewhere() throws {
        let mnist = folder.appendingPathComponent("mnist")
        try FileManager.default.createDirectory(at: mnist, withIntermediateDirectories: true)
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] {
            try Data().write(to: mnist.appendingPathComponent(name))
        }
        setenv("NNBOOK_DATA", folder.path, 1)
        defer { unsetenv("NNBOOK_DATA") }
        XCTAssertTrue(NotebookFixtures.diagnostics("```nnbook\nload mnist as digits\n```\n", folder: folder).first?.contains("mnist/train-images-idx3-ubyte") == true, "found in $NNBOOK_DATA/mnist")
        let diagnostics = NotebookFixtures.diagnostics("```nnbook\nload mnist as digits folder=\"nowhere\"\n```\n", folder: folder)
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertTrue(diagnostics.first?.hasPrefix("2:22: there is no folder \(folder.path)/nowhere | folder= names the folder of train-images-idx3-ubyte.gz") == true,
                      diagnostics.first ?? "no diagnostic")
        XCTAssertTrue(NotebookFixtures.diagnostics("```nnbook\nload mnist as digits folder=\".\"\n```\n", folder: folder).first?
            .hasSuffix("does not hold the four IDX files of mnist | folder= names the folder of train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (each .gz or not); without folder=, nnbook looks in $NNBOOK_DATA and ~/.keras/datasets") == true)
    }

    func testPlotCurveAndConfusionDrawFigures() throws {
        let result = try run("""
            ```nnbook label=fit
            load csv "data.csv" as data target=y
            model m
              dense 1 activation=sigmoid weights=zeros
            compile m loss=binary_crossentropy optimizer=sgd rate=0.5 metrics=[accuracy]
            train m on data descent=batch epochs=3
            plot m metric=accuracy
            curve sigmoid relu from=-2 to=2
            confusion m on data
            ```
            """)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        let figures = result.cells[0].outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        XCTAssertEqual(figures.map(\.name), ["accuracy", "sigmoid-relu", "confusion"])
        guard case .lines(let chart) = figures[0].kind, case .lines(let curve) = figures[1].kind, case .heatmap(let map) = figures[2].kind else {
            return XCTFail("the figures have the wrong kinds")
        }
        XCTAssertEqual(chart.series[0].points.map(\.x), [1, 2, 3])
        XCTAssertEqual(curve.series[1].points.last?.y, 2)
        XCTAssertEqual(map.counts.joined().reduce(0, +), 5)
    }

    /// Both axes in the target's original units: the truth unscaled, and the predictions of a
    /// model that answers 0 in standardised units are the mean price, 200.
    func testScatterDrawsPredictedAgainstActualInOriginalUnits() throws {
        let result = try run("""
            ```csv name=homes
            area,price
            1,100
            2,200
            3,300
            ```

            ```nnbook
            load inline homes as homes target=price
            scale homes price method=standardize
            model m input=[1]
              dense 1 weights=zeros bias=zeros
            compile m loss=mse optimizer=sgd
            scatter m on homes
            ```
            """)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        guard case .figure(let figure) = result.cells[0].outputs.last, case .scatter(let plot) = figure.kind else { return XCTFail("no scatter") }
        XCTAssertEqual([plot.xLabel, plot.yLabel], ["actual price", "predicted price"])
        let near = { (values: [Double], expected: [Double]) in values.count == expected.count && zip(values, expected).allSatisfy { abs($0 - $1) < 1e-3 } }
        XCTAssertTrue(near(plot.series[0].points.map(\.x), [100, 200, 300]), "\(plot.series[0].points)")
        XCTAssertTrue(near(plot.series[0].points.map(\.y), [200, 200, 200]), "\(plot.series[0].points)")
        XCTAssertEqual(figure.caption, "m's predicted price against the actual price for the 3 samples of homes; on the dashed diagonal they are equal")
    }

    func testPlottingAnUntrainedModelIsACheckError() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nmodel m\n  dense 1\nplot m\n```\n", folder: folder), [
            "4:6: the model 'm' has not been trained before this line, so it has no history to plot | add `train m on …` before this line",
        ])
    }

    func testOptionsThatDoNotApplyToAFormat() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nload mnist as d separator=\";\"\n```\n", folder: folder), [
            "2:17: separator= does not apply to mnist data | for mnist, the options are: classes, folder, rows, shuffle",
        ])
    }
}
