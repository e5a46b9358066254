// Shape and kind mistakes the check finds before anything runs, each with its exact diagnostic:
// the line that causes it, the message and the hint that teaches the fix.

import Foundation
import NNCore
import XCTest
@testable import NNBook

final class ShapeDiagnosticsCatalogTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try NotebookFixtures.folder(removedAfter: self)
        // Three 2×2 images labelled 0, 1, 2, as IDX files.
        try NotebookFixtures.idx([3, 2, 2], Array(1...12)).write(to: folder.appendingPathComponent("images.idx"))
        try NotebookFixtures.idx([3], [0, 1, 2]).write(to: folder.appendingPathComponent("labels.idx"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// Line 2 loads data.csv (x1, x2 and y in 0/1) as `data`, line 3 the images as `pics`
    /// (class numbers 0–2); the lines given follow from line 4.
    private func expect(_ lines: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let text = "```nnbook\nload csv \"data.csv\" as data target=y\nload idx \"images.idx\" as pics target=\"labels.idx\"\n"
            + lines.joined(separator: "\n") + "\n```\n"
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), expected, file: file, line: line)
    }

    func testADenseLayerFedImagesPointsAtTheLayerAndSaysToFlatten() {
        expect(["model m", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics"], [
            "5:3: dense expects each sample to be a flat list of numbers, but the samples have shape (2, 2) — fed from pics at line 7 | add `flatten` before the first `dense` layer",
        ])
    }

    func testAModelBuiltForOtherSamplesPointsAtTheData() {
        expect(["model m input=[3]", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data"], [
            "7:12: the model 'm' expects samples of shape (3,), but data has samples of shape (2,) | use data of the shape the model was built for",
        ])
    }

    func testFlattenedImagesIntoAModelBuiltForFlatSamplesSaysToFlatten() {
        expect(["model m input=[4]", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics"], [
            "7:12: the model 'm' expects samples of shape (4,), but pics has samples of shape (2, 2) | the samples are 2×2; add `flatten` before the first `dense` layer of 'm'",
        ])
    }

    /// A model that flattens its samples itself, built flat by `input=`: the mistake is the
    /// input= that asks for flat samples, not a missing flatten.
    func testFlatInputForAModelThatFlattensPointsAtTheInputOption() {
        expect(["model a", "  flatten", "  dense 3 activation=softmax", "model b like a input=[4]", "compile b loss=sparse_categorical_crossentropy", "train b on pics"], [
            "7:16: the model 'b' expects samples of shape (4,), but pics has samples of shape (2, 2) | the layers of 'b' flatten the samples themselves, so they take them as pics has them: drop input=, or write input=[2, 2]",
        ])
        expect(["model c input=[4]", "  flatten", "  dense 3 activation=softmax", "compile c loss=sparse_categorical_crossentropy", "train c on pics"], [
            "4:9: the model 'c' expects samples of shape (4,), but pics has samples of shape (2, 2) | the layers of 'c' flatten the samples themselves, so they take them as pics has them: drop input=, or write input=[2, 2]",
        ])
    }

    func testMoreOutputsThanTargetColumnsPointsAtTheLastLayer() {
        expect(["model m", "  dense 3", "compile m loss=mse", "train m on data"], [
            "5:3: the model gives 3 outputs per sample, but the targets of data have 1 column | the targets are class numbers: to tell the classes apart compile with loss=sparse_categorical_crossentropy; to predict the number itself give the last dense layer 1 unit",
        ])
    }

    func testBinaryCrossEntropyWithTwoOutputsPointsAtTheLastLayer() {
        expect(["model m", "  dense 2 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data"], [
            "5:3: the model gives 2 outputs per sample, but the targets of data have 1 column | binary_crossentropy compares one probability per sample: give the last dense layer 1 unit, with activation=sigmoid",
        ])
    }

    func testBinaryCrossEntropyOnThreeClassesPointsAtTheLoss() {
        expect(["model m", "  flatten", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on pics"], [
            "7:11: binary_crossentropy needs targets of 0 and 1, but the labels of pics go up to 2 | if these are 3 classes, use sparse_categorical_crossentropy with a last dense layer of 3 units; if they are numbers to predict (ages, prices), give the last dense layer 1 unit and no activation, and compile with loss=mse",
        ])
    }

    func testCategoricalCrossEntropyOnClassNumbersPointsAtTheLoss() {
        expect(["model m", "  dense 2 activation=softmax", "compile m loss=categorical_crossentropy", "train m on data"], [
            "6:11: the model gives 2 outputs per sample, but the targets of data have 1 column | the targets are class numbers: use sparse_categorical_crossentropy, or turn them into one-hot rows with `one_hot data`",
        ])
    }

    /// Targets that came one-hot (a word column's `one_hot=`) are no line's change: the loss
    /// is the mistake.
    func testSparseCategoricalCrossEntropyOnOneHotRowsPointsAtTheLoss() throws {
        try "x,fruit\n1,apple\n2,pear\n".write(to: folder.appendingPathComponent("fruit.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"fruit.csv\" as f target=fruit one_hot=[fruit]", "model m", "  dense 2 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on f"], [
            "7:11: sparse_categorical_crossentropy expects one class number per sample, but the targets of f have 2 columns | for one-hot targets use categorical_crossentropy",
        ])
    }

    func testClassNumbersBeyondTheLastUnitPointAtTheLastLayer() {
        expect(["model m", "  flatten", "  dense 2 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics"], [
            "6:3: the labels of pics go up to 2, but the last dense layer has 2 units, for the classes 0 to 1 | give the last dense layer 3 units, one per class",
        ])
    }

    /// Labels 1 to 3 (iris' species as numbers): a fourth unit would learn a class no sample
    /// has, so codes= is offered first, and it checks.
    func testLabelsThatStartAtOneAreOfferedCodes() {
        try? "petal,species\n1.4,1\n4.7,2\n6.0,3\n".write(to: folder.appendingPathComponent("iris.csv"), atomically: true, encoding: .utf8)
        let model = ["model m", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on iris"]
        expect(["load csv \"iris.csv\" as iris target=species"] + model, [
            "6:3: the labels of iris go up to 3, but the last dense layer has 3 units, for the classes 0 to 2 | the labels start at 1, so no sample is of class 0: load with codes=[species] to number them from 0, or give the last dense layer 4 units, one per class",
        ])
        expect(["load csv \"iris.csv\" as iris target=species codes=[species]"] + model, [])
    }

    func testValidationDataOfAnotherShapePointsAtTheOption() {
        expect(["model m", "  flatten", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics validation=data"], [
            "8:17: the model 'm' expects samples of shape (2, 2), but data has samples of shape (2,) | use data of the shape the model was built for",
        ])
    }

    /// Validation data of other inputs is one mistake, not also one for its targets.
    func testValidationDataOfOtherInputsAndTargetsIsOneError() throws {
        try "a,b,c,price\n1,2,3,0.5\n2,3,4,1.5\n".write(to: folder.appendingPathComponent("homes.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"homes.csv\" as homes target=price", "model m", "  dense 2 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on data validation=homes"], [
            "8:17: the model 'm' expects samples of shape (2,), but homes has samples of shape (3,) | use data of the shape the model was built for",
        ])
    }

    /// The shapes agree, so the run would go on feeding `height` where the model learned `x1`.
    func testDataWithOtherColumnsThanTheModelLearnedFromPointsAtTheData() throws {
        try "height,x2,y\n1,0,0\n2,1,1\n".write(to: folder.appendingPathComponent("other.csv"), atomically: true, encoding: .utf8)
        let model = ["load csv \"other.csv\" as other target=y", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy"]
        expect(model + ["train m on data validation=other"], [
            "8:17: the model 'm' learned from the column x1 where other has height | use data with the columns the model learned from, in the same order: x1, x2",
        ])
        expect(model + ["train m on data", "evaluate m on other"], [
            "9:15: the model 'm' learned from the column x1 where other has height | use data with the columns the model learned from, in the same order: x1, x2",
        ])
    }

    /// The model's one output fits the training data's one target: the validation data's
    /// second target column is the mistake, not the last layer.
    func testValidationTargetsOfAnotherWidthPointAtTheValidationData() throws {
        try "x1,x2,y,z\n0.1,1,0,1\n0.5,0,1,0\n".write(to: folder.appendingPathComponent("wide.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"wide.csv\" as wide target=[y, z]", "model m", "  dense 1", "compile m loss=mse", "train m on data validation=wide"], [
            "8:17: the model gives 1 output per sample, but the targets of wide have 2 columns | validation data must be like the training data, data: the same inputs and the same kind of targets",
        ])
    }

    /// The training data's class numbers fit the sparse loss: the one-hot validation data is
    /// the mistake, not `compile`.
    func testValidationTargetsOfAnotherKindThanTheTrainingDataPointAtTheValidationData() {
        expect([
            "load csv \"data.csv\" as rows target=y", "one_hot rows", "model m", "  dense 2 activation=softmax",
            "compile m loss=sparse_categorical_crossentropy", "train m on data validation=rows",
        ], [
            "9:17: the targets of rows are one-hot rows of 2 columns, but the model was trained on class numbers | sparse_categorical_crossentropy takes one class number per sample: use data whose targets are still class numbers, taken before `one_hot`",
        ])
    }

    func testEvaluatingOnOneHotRowsAfterTrainingOnClassNumbersPointsAtTheData() {
        expect([
            "load csv \"data.csv\" as rows target=y", "one_hot rows", "model m", "  dense 2 activation=softmax",
            "compile m loss=sparse_categorical_crossentropy", "train m on data", "evaluate m on rows", "expect m loss < 1 on rows",
        ], [
            "10:15: the targets of rows are one-hot rows of 2 columns, but the model was trained on class numbers | sparse_categorical_crossentropy takes one class number per sample: use data whose targets are still class numbers, taken before `one_hot`",
            "11:22: the targets of rows are one-hot rows of 2 columns, but the model was trained on class numbers | sparse_categorical_crossentropy takes one class number per sample: use data whose targets are still class numbers, taken before `one_hot`",
        ])
    }

    func testEvaluatingABinaryModelOnOneHotRowsPointsAtTheData() {
        expect([
            "load csv \"data.csv\" as rows target=y", "one_hot rows", "model m", "  dense 1 activation=sigmoid",
            "compile m loss=binary_crossentropy", "train m on data", "evaluate m on rows",
        ], [
            "10:15: the targets of rows are one-hot rows of 2 columns, but the model was trained on class numbers | the model learned from one class number per sample: use data whose targets are still class numbers, taken before `one_hot`",
        ])
    }

    /// One output and one target column fit, but categorical_crossentropy of one column of
    /// class numbers learns nothing (0/1) or fails at run (larger labels).
    func testCategoricalCrossEntropyOnClassNumbersWithOneUnitPointsAtTheLoss() {
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=categorical_crossentropy", "train m on data"], [
            "6:11: categorical_crossentropy takes one-hot rows, but the targets of data are class numbers | for the two classes 0 and 1 use binary_crossentropy, with 1 unit and activation=sigmoid",
        ])
        // Two mistakes, each at its line: the layer is checked and known all the same.
        expect(["model m", "  flatten", "  dense 1 activation=softmax", "compile m loss=categorical_crossentropy", "train m on pics"], [
            "6:11: softmax over 1 unit always gives 1 | use activation=sigmoid for one output (a probability from 0 to 1), or give the layer one unit per class for softmax",
            "7:11: categorical_crossentropy takes one-hot rows, but the targets of pics are class numbers | use sparse_categorical_crossentropy, with a last dense layer of one unit per class",
        ])
        expect(["model m", "  flatten", "  dense 1 activation=sigmoid", "compile m loss=categorical_crossentropy", "train m on pics"], [
            "7:11: categorical_crossentropy takes one-hot rows, but the targets of pics are class numbers | use sparse_categorical_crossentropy, with a last dense layer of one unit per class",
        ])
    }

    /// Softmax shares 1 among its units: over one unit it gives 1 whatever it learns, and the
    /// run would train on with an accuracy stuck at the share of 1s.
    func testASoftmaxOverOneUnitPointsAtTheActivationWhateverTheLoss() {
        for loss in ["binary_crossentropy", "mse"] {
            expect(["model m", "  dense 1 activation=softmax", "compile m loss=\(loss)", "train m on data"], [
                "5:11: softmax over 1 unit always gives 1 | use activation=sigmoid for one output (a probability from 0 to 1), or give the layer one unit per class for softmax",
            ])
        }
    }

    /// Dropout and flatten have no weights: the run fails at `train` with outputs that are the
    /// inputs; the check says why at the model.
    func testAModelWithoutADenseLayerPointsAtTheModel() {
        expect(["model m", "  dropout 0.5", "compile m loss=mse", "train m on data"], [
            "4:1: the model 'm' has no dense layer, so it has no weights to learn and its outputs are its inputs | end it with a dense layer of one unit per output: `dense 1 activation=sigmoid` for a probability, `dense 10 activation=softmax` for ten classes",
        ])
    }

    /// A cross-entropy of scores that are not probabilities runs, clipped, and learns little:
    /// the forgotten sigmoid or softmax is found at the last dense layer.
    func testACrossEntropyOfALastLayerWithoutSigmoidOrSoftmaxPointsAtTheActivation() {
        expect(["model m", "  dense 1", "compile m loss=binary_crossentropy", "train m on data"], [
            "5:3: binary_crossentropy takes probabilities, but the last dense layer has no activation, so its outputs are scores | give the last dense layer activation=sigmoid, or compile with from_logits=true to have the loss apply the sigmoid to the scores",
        ])
        for activation in ["tanh", "relu"] {
            expect(["model m", "  flatten", "  dense 3 activation=\(activation)", "compile m loss=sparse_categorical_crossentropy", "train m on pics"], [
                "6:11: sparse_categorical_crossentropy takes probabilities, but the last dense layer has activation=\(activation), whose outputs are not probabilities | give the last dense layer activation=softmax, or compile with from_logits=true to have the loss apply the softmax to the scores",
            ])
        }
        expect(["model m", "  flatten", "  dense 3", "compile m loss=sparse_categorical_crossentropy from_logits=true", "train m on pics"], [])
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy from_logits=true", "train m on data"], [
            "6:36: from_logits=true says the outputs are scores, but the last dense layer's activation=sigmoid makes them probabilities | drop from_logits=true (the loss is then computed from the scores before the sigmoid, as Keras does), or drop activation=sigmoid",
        ])
    }

    /// `scale` of a 0/1 target makes other numbers of it, labels no more: the `scale` line is
    /// the mistake, whatever model meets them (the run refuses those beyond 0 and 1 at `train`,
    /// and learns 0.5 for labels divided by 2, reading every sample as class 0).
    func testAScaledClassTargetWithBinaryCrossEntropyPointsAtTheScaleLine() {
        let model = ["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data"]
        expect(["scale data y method=standardize"] + model, [
            "4:12: binary_crossentropy needs targets from 0 to 1, but this scale makes the targets of data, labels of classes, other numbers: they are centred on 0, so some are below 0 | labels of classes are not measurements: scale only the feature columns, not y",
        ])
        expect(["scale data y divide=0.5"] + model, [
            "4:12: binary_crossentropy needs targets from 0 to 1, but this scale makes the targets of data, labels of classes, other numbers: they go up to 2 | labels of classes are not measurements: scale only the feature columns, not y",
        ])
        expect(["scale data y divide=2"] + model, [
            "4:12: binary_crossentropy needs the labels 0 and 1, but this scale makes the targets of data, labels of classes, other numbers: they run from 0 to 0.5 | labels of classes are not measurements: scale only the feature columns, not y",
        ])
        // Fitted into 0 to 1, labels of 0 and 1 stay 0 and 1.
        expect(["scale data y method=min-max"] + model, [])
    }

    /// One mistake in a data set's targets is one error at the line that made it, however
    /// many models then learn from the data, and the commands that use it after are silent.
    func testADataSetMistakeMetByEveryModelIsOneErrorAtItsLine() {
        let models = [
            "model a", "  dense 1 activation=sigmoid", "compile a loss=binary_crossentropy", "train a on data",
            "model b", "  dense 1 activation=sigmoid", "compile b loss=binary_crossentropy", "train b on data", "evaluate b on data", "confusion a on data",
        ]
        expect(["scale data y method=standardize"] + models, [
            "4:12: binary_crossentropy needs targets from 0 to 1, but this scale makes the targets of data, labels of classes, other numbers: they are centred on 0, so some are below 0 | labels of classes are not measurements: scale only the feature columns, not y",
        ])
        expect(["one_hot data"] + models, [
            "4:1: one_hot makes the targets of data one-hot rows of 2 columns, but the model given them at line 8 learns from them as they were: the model gives 1 output per sample, but the targets of data have 2 columns | binary_crossentropy takes the labels 0 and 1 themselves: drop this line",
        ])
    }

    /// Class numbers that fit a model are made one-hot rows that do not: the `one_hot` line is
    /// the mistake, with the hint for the model's loss.
    func testOneHotRowsThatTheModelsLossDoesNotTakePointAtTheOneHotLine() {
        expect(["one_hot pics", "model m", "  flatten", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics", "model n", "  flatten", "  dense 1", "compile n loss=mse", "train n on pics"], [
            "4:1: one_hot makes the targets of pics one-hot rows of 3 columns, but the model given them at line 9 learns from them as they were: sparse_categorical_crossentropy expects one class number per sample, but the targets of pics have 3 columns | sparse_categorical_crossentropy takes the class numbers themselves: drop this line, or compile with loss=categorical_crossentropy",
        ])
        expect(["one_hot pics", "model n", "  flatten", "  dense 1", "compile n loss=mse", "train n on pics"], [
            "4:1: one_hot makes the targets of pics one-hot rows of 3 columns, but the model given them at line 9 learns from them as they were: the model gives 1 output per sample, but the targets of pics have 3 columns | one_hot is for labels of classes, and mse learns the numbers themselves: drop this line",
        ])
    }

    /// Whole numbers beyond 1 that `scale` brought into 0 to 1 (prices, or more classes) are
    /// no 0/1 labels for the accuracy of one output, which would report a figure that means
    /// nothing.
    func testAccuracyOfOneOutputOnWholeNumbersScaledIntoZeroToOnePointsAtTheMetrics() throws {
        try "x,p\n1,100\n2,150\n3,187\n".write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"prices.csv\" as d target=p", "scale d p method=min-max", "model m", "  dense 1", "compile m loss=mse metrics=[accuracy]", "train m on d"], [
            "8:20: accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of d are whole numbers up to 187 that the `scale` at line 5 brought into 0 to 1 | if the targets are 188 classes, leave them unscaled, give the last dense layer 188 units with activation=softmax and compile with loss=sparse_categorical_crossentropy; if they are numbers to predict, measure with metrics=[mae]",
        ])
        expect(["scale data y method=min-max", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy metrics=[accuracy]", "train m on data"], [])
    }

    func testLabelsOfMinusOneAndOneWithBinaryCrossEntropyPointAtTheLoss() throws {
        try "a,b,y\n1,5,-1\n2,5,1\n3,5,-1\n".write(to: folder.appendingPathComponent("svm.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"svm.csv\" as g target=y", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on g"], [
            "7:11: binary_crossentropy needs targets from 0 to 1, but the targets of g go down to -1 | labels of −1 and 1 (as an SVM takes them) are 0 and 1 here: `scale g y method=min-max` maps −1 to 0 and keeps 1",
        ])
        expect(["load csv \"svm.csv\" as g target=y", "scale g y method=min-max", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on g"], [])
    }

    /// A sigmoid gives 0 to 1, a tanh −1 to 1, a ReLU 0 or more: targets beyond can never be
    /// reached, and the run trains on with a loss that stays where it started.
    func testTargetsBeyondTheLastActivationPointAtTheActivation() throws {
        try "x,p\n1,100\n2,150\n3,187\n".write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        let load = "load csv \"prices.csv\" as d target=p"
        expect([load, "model m", "  dense 1 activation=sigmoid", "compile m loss=mse", "train m on d"], [
            "6:11: the targets of d go up to 187, but activation=sigmoid gives outputs from 0 to 1 | to predict numbers give the last dense layer no activation (`dense 1`), or bring the targets into 0 to 1 with `scale d p method=min-max`",
        ])
        expect([load, "scale d p method=standardize", "model m", "  dense 1 activation=relu", "compile m loss=mae", "train m on d"], [
            "7:11: the targets of d are centred on 0, so some are below 0, but activation=relu gives outputs of 0 or more | to predict numbers give the last dense layer no activation (`dense 1`), or bring the targets into 0 to 1 with `scale d p method=min-max` instead of method=standardize",
        ])
        expect([load, "scale d p divide=-200", "model m", "  dense 1 activation=tanh", "compile m loss=mse", "train m on d"], [])
        expect([load, "scale d p divide=100", "model m", "  dense 1 activation=tanh", "compile m loss=mse", "train m on d"], [
            "7:11: the targets of d go up to 1.87, but activation=tanh gives outputs from -1 to 1 | to predict numbers give the last dense layer no activation (`dense 1`), or bring the targets into 0 to 1 with `scale d p method=min-max`",
        ])
    }

    /// An image data set's labels are its target column `label`: a `scale` of them is
    /// followed as a table's target is.
    func testAScaleOfImageLabelsIsFollowedAndNamedWhereTheLabelsAreUsed() {
        expect(["scale pics label divide=2", "model m", "  flatten", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on pics"], [
            "4:12: sparse_categorical_crossentropy needs class numbers (0, 1, 2, …), but this scale makes the targets of pics, labels of classes, other numbers | labels of classes are not measurements: scale only the feature columns, not label",
        ])
        expect(["scale pics label method=min-max", "model m", "  flatten", "  dense 1 activation=sigmoid", "compile m loss=mse", "train m on pics"], [])
    }

    func testClassNamesForNumbersToPredictPointAtClasses() throws {
        try "area,price\n1,80.4\n2,146.7\n3,219.9\n".write(to: folder.appendingPathComponent("homes.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"homes.csv\" as homes target=price classes=[cheap, dear]"], [
            "4:44: classes= names classes, but the targets of homes are numbers to predict (80.4 to 219.9), not class numbers | classes= names a classifier's labels 0, 1, 2, …; drop it for numbers to predict",
        ])
    }

    /// With one output, accuracy counts a prediction above 0.5 as 1 and compares it with the
    /// target: of −1/+1 labels, prices or ten classes it reports a figure that means nothing.
    func testAccuracyOfOneOutputOnTargetsBeyondZeroAndOnePointsAtTheMetrics() throws {
        try "a,y\n1,-1\n2,1\n3,-1\n".write(to: folder.appendingPathComponent("svm.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"svm.csv\" as t target=y", "model m", "  dense 1 activation=tanh", "compile m loss=mse metrics=[accuracy]", "train m on t"], [
            "7:20: accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of t go down to -1 | labels of −1 and 1 are 0 and 1 for accuracy: `scale t y method=min-max`, with activation=sigmoid; or measure with metrics=[mae]",
        ])
        try "x,p\n1,100.5\n2,150\n".write(to: folder.appendingPathComponent("prices.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"prices.csv\" as d target=p", "model m", "  dense 1", "compile m loss=mse metrics=[accuracy]", "train m on d"], [
            "7:20: accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of d go up to 150 | accuracy counts classes; for numbers to predict measure with metrics=[mae]",
        ])
        expect(["model m", "  flatten", "  dense 1", "compile m loss=mse metrics=[accuracy]", "train m on pics"], [
            "7:20: accuracy with one output compares 0 or 1 (a prediction above 0.5 is 1) with the targets, but the targets of pics go up to 2 | if the targets are 3 classes, give the last dense layer 3 units with activation=softmax and compile with loss=sparse_categorical_crossentropy; if they are numbers to predict, measure with metrics=[mae]",
        ])
        expect(["model m", "  dense 1", "compile m loss=mse metrics=[accuracy]", "train m on data"], [])
    }

    /// Ten softmax outputs and class numbers: the model is a classifier, so the regression
    /// loss is the mistake, not the number of units.
    func testARegressionLossOnClassNumbersWithASoftmaxPointsAtTheLoss() {
        expect(["model m", "  flatten", "  dense 3 activation=softmax", "compile m loss=mse", "train m on pics"], [
            "7:11: the model gives 3 outputs per sample, but the targets of pics have 1 column | the targets are class numbers and the last layer a softmax over 3 classes: compile with loss=sparse_categorical_crossentropy, or turn the targets into one-hot rows with `one_hot pics`",
        ])
    }

    func testEvaluatingOnClassNumbersAfterTrainingOnOneHotRowsPointsAtTheData() {
        expect([
            "load csv \"data.csv\" as rows target=y", "one_hot rows", "model m", "  dense 2 activation=softmax",
            "compile m loss=categorical_crossentropy", "train m on rows", "evaluate m on data",
        ], [
            "10:15: the targets of data are class numbers, but the model was trained on one-hot rows | categorical_crossentropy takes one-hot rows: turn these into one-hot rows with `one_hot data`, as the training data was",
        ])
    }

    func testTrainingAgainOnOneHotRowsAfterClassNumbersPointsAtTheData() {
        expect([
            "load csv \"data.csv\" as rows target=y", "one_hot rows", "model m", "  dense 2 activation=softmax",
            "compile m loss=sparse_categorical_crossentropy", "train m on data", "train m on rows",
        ], [
            "10:12: the targets of rows are one-hot rows of 2 columns, but the model was trained on class numbers | sparse_categorical_crossentropy takes one class number per sample: use data whose targets are still class numbers, taken before `one_hot`",
        ])
    }

    func testAValidationSplitOfEverythingOrLessThanNothingPointsAtTheOption() {
        for share in ["1", "-0.2"] {
            expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data validation_split=\(share)"], [
                "7:17: validation_split must be 0 or more and below 1, not \(share) | validation_split=0.2 keeps the last fifth of the training samples for validation; leave it out to validate on none",
            ])
        }
    }

    /// `horse power` and `weight (kg)` cannot be written before '=': they are given as
    /// horse_power= and weight_kg=, and a hint offers that spelling.
    func testAColumnNameWithSpacesOrBracketsIsGivenAsAPythonName() throws {
        try "horse power,weight (kg),mpg\n130,3504,18\n165,3693,15\n".write(to: folder.appendingPathComponent("sp.csv"), atomically: true, encoding: .utf8)
        let model = ["load csv \"sp.csv\" as c target=mpg", "model r", "  dense 1", "compile r loss=mse", "train r on c"]
        expect(model + ["predict r horse_power=130 weight_kg=3000", "expect r prediction < 100 Horse_Power=130 weight_kg=3000"], [])
        expect(model + ["predict r horsepower=130 weight_kg=3000"], [
            "9:11: the model 'r' was not trained on a feature called 'horsepower' | did you mean horse_power= (the column 'horse power')? its features are horse power, weight (kg)",
        ])
        let result = try NotebookFixtures.run("```nnbook\n" + model.joined(separator: "\n") + "\npredict r horse_power=130 weight_kg=3000\n```\n", folder: folder, seed: 1)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure))")
        XCTAssertTrue(result.cells[0].outputs.contains { if case .text("input: horse power=130, weight (kg)=3000") = $0 { true } else { false } })
    }

    func testPredictInputsMustBeTheTrainingColumns() {
        // A misnamed input is one mistake, with the missing input as its likeliest meaning.
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data", "predict m x1=1 x3=2"], [
            "8:16: the model 'm' was not trained on a feature called 'x3' | did you mean 'x2'? its features are x1, x2",
        ])
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data", "predict m x1=1 income=2"], [
            "8:16: the model 'm' was not trained on a feature called 'income' | no value is given for x2; its features are x1, x2",
        ])
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data", "predict m x1=1"], [
            "8:1: predict needs a value for x2 | its features are x1, x2",
        ])
    }

    func testPredictOnDataOfAnotherShapePointsAtTheData() {
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data", "predict m on pics"], [
            "8:14: the model 'm' expects samples of shape (2,), but pics has samples of shape (2, 2) | use data of the shape the model was built for",
        ])
    }

    func testPredictBeforeTrainingPointsAtTheModel() {
        expect(["model m", "  dense 1", "compile m loss=mse", "predict m x1=1 x2=2"], [
            "7:9: the model 'm' has not been trained before this line, so it cannot predict | add `train m on …` before this line",
        ])
    }

    func testImagesOfATablePointAtTheData() {
        expect(["images data"], [
            "4:8: the samples of data are rows of 2 numbers, not images of (height, width) | images draws data sets of pictures, such as mnist or fashion-mnist; for a table use `show data`",
        ])
    }

    /// Colour images are images: the message says what is missing, and how to convert them.
    func testColourImagesAreToldThatOnlyGreyscaleIsDrawn() throws {
        try NotebookFixtures.idx([2, 2, 2, 3], Array(1...24)).write(to: folder.appendingPathComponent("colour.idx"))
        try NotebookFixtures.idx([2], [0, 1]).write(to: folder.appendingPathComponent("colour-labels.idx"))
        expect(["load idx \"colour.idx\" as photos target=\"colour-labels.idx\"", "images photos"], [
            "5:8: the samples of photos are colour images of shape (2, 2, 3) (3 channels), and images draws only greyscale ones of (height, width) for now | make them greyscale before loading, e.g. in NumPy: x = x @ [0.299, 0.587, 0.114] for channels last (the luminance of ITU-R BT.601), then np.save",
        ])
    }

    func testImagesStartingPastTheLastSample() {
        expect(["images pics start=3"], ["4:13: pics has only 3 samples, so start must be below 3 | the samples are numbered from 0 to 2"])
    }

    /// A decimal start is told the nearest sample there is, not one past the last.
    func testADecimalStartIsToldASampleThatExists() {
        expect(["images pics start=2.5", "images pics start=1.4"], [
            "4:19: expected a whole number, not 2.5 | start= takes a whole number (the number of the first sample to draw): start=2, the last sample of pics, which has 3",
            "5:19: expected a whole number, not 1.4 | start= takes a whole number (the number of the first sample to draw): start=1",
        ])
    }

    func testConfusionOfARegressionModelPointsAtTheModel() {
        expect(["model m", "  dense 1", "compile m loss=mse", "train m on data", "confusion m on data"], [
            "8:11: a confusion matrix counts predicted classes, but 'm' predicts numbers: it was compiled with mse | use it on a classifier, compiled with binary_crossentropy or (sparse_)categorical_crossentropy; for 'm' use `evaluate`",
        ])
    }

    /// A regression's number is no class to caption an image with.
    func testImagesWithARegressionModelPointsAtTheModelOption() {
        expect(["model m", "  flatten", "  dense 1", "compile m loss=mse", "train m on pics", "images pics count=2 model=m"], [
            "9:21: images with model= shows the class a classifier predicts for each image, but 'm' predicts numbers: it was compiled with mse | give model= a classifier, compiled with binary_crossentropy or (sparse_)categorical_crossentropy; to measure 'm', use `evaluate m on pics`",
        ])
    }

    func testScatterOfAClassifierPointsAtTheModel() {
        expect(["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data", "scatter m on data"], [
            "8:9: scatter draws predicted against actual numbers, but 'm' is a classifier: it was compiled with binary_crossentropy | for a classifier use `confusion m on data`, or `boundary` when it has two inputs",
        ])
    }

    func testScatterOnDataOfAnotherShapePointsAtTheData() {
        expect(["model m", "  dense 1", "compile m loss=mse", "train m on data", "scatter m on pics"], [
            "8:14: the model 'm' expects samples of shape (2,), but pics has samples of shape (2, 2) | use data of the shape the model was built for",
        ])
    }

    /// Data given to a trained model go through the checks `evaluate` makes, whichever command
    /// takes them: labels it never learned, samples of another shape, columns in another order.
    /// The training data fitted the model, so each mistake is at the data this line gives it.
    func testEveryCommandThatTakesDataForATrainedModelChecksThemAsEvaluateDoes() throws {
        try "x1,x2,y\n0,0,2\n1,1,0\n".write(to: folder.appendingPathComponent("more.csv"), atomically: true, encoding: .utf8)
        let learned = "'m' learned from targets that its last layer and binary_crossentropy take: give it data whose targets are like those"
        expect([
            "load csv \"more.csv\" as more target=y", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data",
            "evaluate m on more", "confusion m on more", "boundary m on more", "predict m on more", "landscape m on more",
        ], [
            "9:15: binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | \(learned)",
            "10:16: binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | \(learned)",
            "11:15: binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | \(learned)",
            "12:14: binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | \(learned)",
            "13:16: binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | \(learned)",
        ])
        try "x2,x1,y\n0,0,0\n1,1,1\n".write(to: folder.appendingPathComponent("swapped.csv"), atomically: true, encoding: .utf8)
        try "x1,x2,x3,y\n0,0,0,0\n1,1,1,1\n".write(to: folder.appendingPathComponent("three.csv"), atomically: true, encoding: .utf8)
        expect([
            "load csv \"swapped.csv\" as swapped target=y", "load csv \"three.csv\" as three target=y", "model m", "  dense 1 activation=sigmoid",
            "compile m loss=binary_crossentropy", "train m on data", "landscape m on swapped", "landscape m on three",
        ], [
            "10:16: the model 'm' learned from the column x1 where swapped has x2, and 1 more column differ | use data with the columns the model learned from, in the same order: x1, x2",
            "11:16: the model 'm' expects samples of shape (2,), but three has samples of shape (3,) | use data of the shape the model was built for",
        ])
    }

    /// Soft targets (0.5, 0.2) fit binary_crossentropy, so `evaluate` measures them; but they
    /// are no classes, and a confusion matrix would count 0.5 as class 1 without a word.
    func testCommandsThatCompareClassesRefuseTargetsThatAreNoClassLabels() throws {
        try "x1,x2,y\n0,0,0.5\n1,1,0.2\n".write(to: folder.appendingPathComponent("soft.csv"), atomically: true, encoding: .utf8)
        let hint = "use data labelled with classes 0, 1, …; soft targets such as 0.5 can be measured with `evaluate m on soft`"
        expect([
            "load csv \"soft.csv\" as soft target=y", "model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data",
            "evaluate m on soft", "confusion m on soft", "boundary m on soft", "predict m on soft",
        ], [
            "10:16: the targets of soft are numbers, not class labels: no sample has a true class to set beside the class 'm' predicts | \(hint)",
            "11:15: the targets of soft are numbers, not class labels: no sample has a true class to set beside the class 'm' predicts | \(hint)",
            "12:14: the targets of soft are numbers, not class labels: no sample has a true class to set beside the class 'm' predicts | \(hint)",
        ])
    }

    /// A model made like another has its layers and its input: the check knows its shapes.
    func testAModelLikeAnotherHasItsShapes() {
        expect(["model a input=[2]", "  dense 1", "model b like a", "compile b loss=mse", "train b on pics"], [
            "8:12: the model 'b' expects samples of shape (2,), but pics has samples of shape (2, 2) | use data of the shape the model was built for",
        ])
        expect(["model a", "  flatten", "  dense 3 activation=softmax", "compile a loss=sparse_categorical_crossentropy", "train a on pics", "model b like a", "summary b"], [])
    }

    /// A model too large for the memory limit is refused at the units of its widest layer, the
    /// one to make smaller, with what that layer holds, whether `input=` or the data builds it.
    func testAModelLargerThanTheMemoryLimitPointsAtTheUnitsOfItsWidestLayer() {
        let limit = MemoryLimit(bytes: 1_000_000_000)
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nmodel m input=[20000]\n  dense 20000\n  dense 10\n```\n", folder: folder, memory: limit), [
            "3:9: the model m would need 8.2 GB of memory, more than the limit of 1.0 GB | `dense 20000` holds 8.1 GB of it: 400,020,000 weights (20,000 inputs × 20,000 units, and a bias per unit), each with its gradient and the optimizer's state, and 20,000 outputs for each sample of a batch; make it smaller, or raise the limit with --memory-limit GB if the machine really has the memory",
        ])
        let text = "```nnbook\nload idx \"images.idx\" as pics target=\"labels.idx\"\nmodel m\n  flatten\n  dense 10\n  dense 1000000\n  dense 3 activation=softmax\n"
            + "compile m loss=sparse_categorical_crossentropy\ntrain m on pics\n```\n"
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder, memory: limit), [
            "6:9: the model m would need 4.4 GB of memory, more than the limit of 1.0 GB | `dense 1000000` holds 4.3 GB of it: 11,000,000 weights (10 inputs × 1,000,000 units, and a bias per unit), each with its gradient and the optimizer's state, and 1,000,000 outputs for each sample of a batch; make it smaller, or raise the limit with --memory-limit GB if the machine really has the memory",
        ])
    }

    func testSplittingDataThatCameSplitPointsAtTheData() throws {
        try NotebookFixtures.mnistHeaders(in: folder.appendingPathComponent("mnist"))
        expect(["load mnist as digits folder=\"mnist\"", "split digits test=0.2"], [
            "5:7: digits already comes split into digits.train and digits.test | use those splits as they are",
        ])
    }

    /// A table of images would have a column per pixel: `images` draws them.
    func testShowingImagesAsATableIsRefused() {
        expect(["show pics"], [
            "4:6: the samples of pics are images of shape (2, 2): a table of them would have a column per pixel | `images pics count=5` draws them with their labels (class names with load … classes=[…]); `describe pics` sums up their pixels",
        ])
    }

    /// A trained model learned from targets that fitted it: data whose inputs or targets differ
    /// is the mistake of each line that gives it, `landscape`, `confusion` and `boundary` as
    /// `evaluate`, not of `compile`.
    func testDataGivenToATrainedModelThatItCannotTakeIsAnErrorAtEachLineThatGivesIt() throws {
        try "x1,x2,y\n0,0,2\n1,1,0\n".write(to: folder.appendingPathComponent("more.csv"), atomically: true, encoding: .utf8)
        try "x2,x1,y\n0,0,1\n1,1,0\n".write(to: folder.appendingPathComponent("swapped.csv"), atomically: true, encoding: .utf8)
        let trained = ["model m", "  dense 1 activation=sigmoid", "compile m loss=binary_crossentropy", "train m on data"]
        let lines = ["load csv \"more.csv\" as more target=y", "load csv \"swapped.csv\" as swapped target=y", "landscape m on more", "confusion m on more", "boundary m on more", "evaluate m on more", "landscape m on swapped", "landscape m on pics"]
        let misfit = "binary_crossentropy needs targets of 0 and 1, but the labels of more go up to 2 | 'm' learned from targets that its last layer and binary_crossentropy take: give it data whose targets are like those"
        expect(trained + lines, [
            "10:16: " + misfit, "11:16: " + misfit, "12:15: " + misfit, "13:15: " + misfit,
            "14:16: the model 'm' learned from the column x1 where swapped has x2, and 1 more column differ | use data with the columns the model learned from, in the same order: x1, x2",
            "15:16: the model 'm' expects samples of shape (2,), but pics has samples of shape (2, 2) | use data of the shape the model was built for",
        ])
    }

    func testScalingAColumnThatIsNotThere() {
        expect(["scale data x9 divide=10"], ["4:12: data has no column \"x9\" | did you mean 'x1'?"])
    }

    /// Images have no named columns: the run refuses any column but the labels, so the check
    /// does too, and says how to scale the pixels.
    func testScalingAColumnOfImagesThatIsNotThere() throws {
        expect(["scale pics labl divide=9"], [
            "4:12: pics has no column \"labl\" | did you mean 'label'? the samples of pics are arrays whose values have no names, and the only column to name is its target label; to scale every value of the samples, leave the column out: scale pics divide=9",
        ])
        expect(["load idx \"images.idx\" as unlabelled", "scale unlabelled pixels method=min-max"], [
            "5:18: unlabelled has no column \"pixels\" | the samples of unlabelled are arrays whose values have no names; to scale every value of the samples, leave the column out: scale unlabelled method=min-max",
        ])
        expect(["scale pics label divide=2", "scale pics divide=12"], [])
    }

    /// A divisor beyond Float32 would be infinity, and every value divided by it 0: the column
    /// would silently carry nothing. It is refused at the divisor, as every number beyond
    /// Float32 written in a notebook is.
    func testADivisorBeyondFloat32IsRefusedAtTheDivisor() {
        let hint = "divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max"
        expect(["scale data x2 divide=1e39", "scale pics divide=-4e38"], [
            "4:15: 1e+39 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+39 would be infinite: every value divided by it would be 0; " + hint,
            "5:12: -4e+38 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so -4e+38 would be infinite: every value divided by it would be 0; " + hint,
        ])
    }

    /// Values Float32 cannot hold would make the first loss infinite, and the run would blame
    /// the learning rate: the check refuses the divisor, at its value, by the largest value of
    /// the column when it read them (a small table, or a small IDX or `.npy` file, scaled as
    /// the run will scale them), or else by any value of 1 or more.
    func testADivisorThatMakesValuesInfiniteIsRefusedAtTheDivisor() throws {
        expect(["scale data x2 divide=1e-39"], [
            "4:15: dividing by 1e-39 makes data.x2, which goes up to 1, infinite: 1 / 1e-39 is 1e+39, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        expect(["scale data divide=1e-39"], [
            "4:12: dividing by 1e-39 makes the features of data, which go up to 1, infinite: 1 / 1e-39 is 1e+39, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        expect(["scale data x2 divide=0.01", "scale data x2 divide=1e-37"], [
            "5:15: dividing by 1e-37 makes data.x2, which goes up to 100, infinite: 100 / 1e-37 is 1e+39, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        expect(["scale pics divide=-1e-45"], [
            "4:12: dividing by -1e-45 makes the features of pics, which go up to 12, infinite: 12 / -1e-45 is -1.2e+46, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        // A fitted scaling of a small table is computed as the run will compute it.
        expect(["scale data x2 method=standardize", "scale data x2 divide=1e-45"], [
            "5:15: dividing by 1e-45 makes data.x2, which goes up to 1.2247449, infinite: 1.2247449 / 1e-45 is 1.2e+45, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        // A table over a megabyte is not read at check time.
        try ("x1,x2,y\n" + String(repeating: "0.5,1,0\n", count: 150_000)).write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"big.csv\" as big target=y", "scale big x2 divide=1e-45"], [
            "5:14: dividing by 1e-45 makes any value of 1 or more infinite: 1 / 1e-45 is 1e+45, too large for a 32-bit number (at most 3.4e38) | nnbook computes in 32-bit numbers (Float32), as Keras does; divide= is the number each value is divided by, such as the column's largest value (divide=100), or use method=min-max",
        ])
        expect(["scale data x1 divide=1e-38", "scale data x2 method=standardize", "scale data x2 divide=1e-38", "scale pics divide=255", "scale pics divide=1e-38"], [])
    }

    func testOneHotOfNumbersThatAreNotClasses() throws {
        try "x,y\n1,0.5\n2,1.5\n".write(to: folder.appendingPathComponent("reals.csv"), atomically: true, encoding: .utf8)
        expect(["load csv \"reals.csv\" as reals target=y", "one_hot reals"], [
            "5:9: the target of reals holds numbers that are not class numbers (0, 1, 2, … up to 16777216) | one_hot is for labels of classes; numbers to predict need no encoding (use mse or mae)",
        ])
    }

    func testOneHotWithTooFewClasses() {
        expect(["one_hot pics classes=2"], ["4:14: the label 2 does not fit in 2 classes | give classes= at least 3"])
    }

    func testWeightsAndEvaluateBeforeTrainingPointAtTheModel() {
        expect(["model m", "  dense 1", "compile m loss=mse", "weights m", "evaluate m on data"], [
            "7:9: the model 'm' has no weights yet: they are made when it first trains | train it before this line, or give input= to `model m`",
            "8:10: the model 'm' has not been trained before this line, so it cannot be evaluated | add `train m on …` before this line",
        ])
    }

    func testALayerThatCannotTakeTheDeclaredInputPointsAtTheLayer() {
        expect(["model m input=[2, 2]", "  dense 3"], [
            "5:3: dense expects each sample to be a flat list of numbers, but the samples have shape (2, 2) (input=(2, 2)) | add `flatten` before the first `dense` layer",
        ])
    }

    func testEveryMistakeIsFoundInOnePassEachOnceInNotebookOrder() {
        expect([
            "model a", "  dense 3 activation=softmax", "compile a loss=sparse_categorical_crossentropy", "train a on pics", "evaluate a on pics",
            "model b", "  dense 2", "compile b loss=mse", "train b on data", "images data",
        ], [
            "5:3: dense expects each sample to be a flat list of numbers, but the samples have shape (2, 2) — fed from pics at line 7 | add `flatten` before the first `dense` layer",
            "10:3: the model gives 2 outputs per sample, but the targets of data have 1 column | the targets are class numbers: to tell the classes apart compile with loss=sparse_categorical_crossentropy; to predict the number itself give the last dense layer 1 unit",
            "13:8: the samples of data are rows of 2 numbers, not images of (height, width) | images draws data sets of pictures, such as mnist or fashion-mnist; for a table use `show data`",
        ])
    }

    func testTheShapesAreKnownWithoutReadingTheData() throws {
        // A million images, 784 MB of which are a hole in the file: the check reads the header
        // and the file's size only, so it knows the shape without reading the values.
        try NotebookFixtures.sparseIDX([1_000_000, 28, 28], at: folder.appendingPathComponent("huge.idx"))
        expect(["load idx \"huge.idx\" as huge", "images huge start=999999", "shape huge"], [])
        expect(["load idx \"huge.idx\" as huge", "images huge start=1000000"], ["5:13: huge has only 1000000 samples, so start must be below 1000000 | the samples are numbered from 0 to 999999"])
    }

    /// A `.npy` file of unsigned bytes whose header announces `shape`; `values` may be fewer
    /// than the shape needs, to show that only the header is read.
    private static func npy(_ shape: [Int], _ values: [UInt8]) -> Data {
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        var header = "{'descr': '|u1', 'fortran_order': False, 'shape': \(shapeText), }"
        while (10 + header.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + Array(header.utf8) + values)
    }

    /// A `.npz` archive of `arrays` written by Python's zipfile, as numpy.savez (`deflated`:
    /// numpy.savez_compressed) writes it.
    private func npz(_ name: String, _ arrays: [(String, Data)], deflated: Bool) throws {
        var arguments = [folder.appendingPathComponent(name).path, deflated ? "8" : "0"]
        for (member, data) in arrays {
            let file = folder.appendingPathComponent(member + ".npy")
            try data.write(to: file)
            arguments += [member + ".npy", file.path]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', int(sys.argv[2]))\nfor i in range(3, len(sys.argv), 2): z.write(sys.argv[i + 1], sys.argv[i])\nz.close()"] + arguments
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testAnArchiveInKerasLayoutIsKnownFromItsHeadersStoredOrDeflated() throws {
        for deflated in [false, true] {
            try npz("keras.npz", [
                ("x_train", Self.npy([3, 2, 2], Array(1...12))), ("y_train", Self.npy([3], [0, 1, 2])),
                ("x_test", Self.npy([1, 2, 2], [1, 2, 3, 4])), ("y_test", Self.npy([1], [1])),
            ], deflated: deflated)
            expect(["load npz \"keras.npz\" as k", "model m", "  dense 3 activation=softmax", "compile m loss=sparse_categorical_crossentropy", "train m on k.train", "split k test=0.5"], [
                "6:3: dense expects each sample to be a flat list of numbers, but the samples have shape (2, 2) — fed from k.train at line 8 | add `flatten` before the first `dense` layer",
                "9:7: k already comes split into k.train and k.test | use those splits as they are",
            ])
            expect(["load npz \"keras.npz\" as k", "images k.test start=1"], ["5:15: k.test has only 1 sample, so start must be below 1 | its one sample is number 0"])
        }
    }

    func testAnArchiveWithoutTheNamedArraysFailsAtTheLoadLine() throws {
        try npz("plain.npz", [("x", Self.npy([3, 4], Array(1...12))), ("y", Self.npy([2], [0, 1]))], deflated: true)
        expect(["load npz \"plain.npz\" as p features=inputs"], [
            "4:10: plain.npz: the archive has no array inputs | its arrays are x, y; name one with features=",
        ])
        expect(["load npz \"plain.npz\" as p"], [
            "4:10: plain.npz: x holds 3 samples but y holds 2 labels | the two arrays must come from the same set, one label per sample",
        ])
    }

    /// Keras users save labels from `to_categorical`: rows of one 1 per class. They are the
    /// data set's target columns; a labels array of any other shape is refused in the words of
    /// an archive (its arrays), not of a pair of IDX files.
    func testOneHotLabelsInAnArchiveAreTargetColumnsAndOtherLabelsAreRefusedByArrayName() throws {
        try npz("onehot.npz", [("x", Self.npy([4, 2], [0, 0, 0, 1, 1, 0, 1, 1])), ("y", Self.npy([4, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]))], deflated: false)
        let model = ["load npz \"onehot.npz\" as o", "model m", "  dense 3 activation=softmax"]
        expect(model + ["compile m loss=categorical_crossentropy optimizer=adam", "train m on o epochs=1"], [])
        expect(model + ["compile m loss=sparse_categorical_crossentropy optimizer=adam", "train m on o epochs=1"], [
            "7:11: sparse_categorical_crossentropy expects one class number per sample, but the targets of o have 3 columns | for one-hot targets use categorical_crossentropy",
        ])
        let result = try NotebookFixtures.run(
            "```nnbook\n" + (model + ["compile m loss=categorical_crossentropy optimizer=adam", "train m on o epochs=1", "show o rows=1"]).joined(separator: "\n") + "\n```\n",
            folder: folder)
        XCTAssertEqual(result.status, .succeeded, "\(String(describing: result.failure?.diagnostic))")
        XCTAssertTrue(result.cells[0].outputs.contains { if case .table(let table) = $0 { table.headers.suffix(3) == ["label=0", "label=1", "label=2"] } else { false } }, "\(result.cells[0].outputs)")

        try npz("cube.npz", [("x", Self.npy([4, 2], [])), ("labels", Self.npy([4, 2, 2], []))], deflated: false)
        expect(["load npz \"cube.npz\" as c target=labels"], [
            "4:10: cube.npz: the labels labels have shape (4, 2, 2), but labels are one number or one row per sample: shape (4) for class numbers or (4, CLASSES) for one-hot rows | name the array of labels with target=",
        ])
    }

    func testTheShapesOfAnArchiveAreKnownWithoutReadingItsArrays() throws {
        // Members that hold a header announcing a million images and nothing else: only the
        // headers are read (and, deflated, inflated), so the check never notices.
        let header = Self.npy([1_000_000, 28, 28], [])
        for deflated in [false, true] {
            try npz("huge.npz", [("x", header), ("y", Self.npy([1_000_000], []))], deflated: deflated)
            expect(["load npz \"huge.npz\" as huge", "images huge start=999999"], [])
            expect(["load npz \"huge.npz\" as huge", "images huge start=1000000"], ["5:13: huge has only 1000000 samples, so start must be below 1000000 | the samples are numbered from 0 to 999999"])
        }
    }
}
