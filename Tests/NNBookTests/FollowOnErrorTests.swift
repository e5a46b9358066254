// One mistake gives one error: a line that is wrong leaves the names it defines or changes
// defined but unknown, so the lines that use them later are not reported again.

import XCTest
@testable import NNBook

final class FollowOnErrorTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A lesson that loads data.csv, defines a model `m` from two parameters, compiles, trains,
    /// evaluates and plots it, with each `(original, replacement)` made.
    private func lesson(_ replacements: [(String, String)] = []) -> String {
        var text = """
            ---
            params:
              act: relu
              units: 2
            ---
            ```nnbook
            load csv "data.csv" as data target=y
            split data test=0.4
            model m
              dense 3 activation=$act
              dense $units activation=softmax
            compile m loss=sparse_categorical_crossentropy optimizer=adam metrics=[accuracy]
            train m on data.train epochs=2
            evaluate m on data.test
            plot m metric=accuracy
            ```

            """
        for (original, replacement) in replacements {
            XCTAssertTrue(text.contains(original), original)
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        return text
    }

    private func diagnostics(_ text: String, overrides: [(name: String, value: String)] = []) -> [String] {
        NotebookFixtures.diagnostics(text, overrides: overrides, folder: folder)
    }

    func testTheLessonHasNoDiagnostics() {
        XCTAssertEqual(diagnostics(lesson()), [])
    }

    func testABadParameterValueInALayerDoesNotLeaveTheModelUndefined() {
        XCTAssertEqual(diagnostics(lesson(), overrides: [("act", "sigmoi")]), ["-: -p act=sigmoi does not fit where line 10 uses $act: 'sigmoi' is not one of the choices | did you mean 'sigmoid'?"])
    }

    func testABadMetricDoesNotLeaveTheModelUncompiled() {
        XCTAssertEqual(diagnostics(lesson([("metrics=[accuracy]", "metrics=[acuracy]")])), [
            "12:72: 'acuracy' is not one of the choices | did you mean 'accuracy'?",
        ])
    }

    func testALayerOfZeroUnitsIsNotAlsoCompared() {
        XCTAssertEqual(diagnostics(lesson(), overrides: [("units", "0")]), ["-: -p units=0 does not fit where line 11 uses $units: a dense layer needs at least 1 unit, not 0 | its units are its outputs, one number each per sample: `dense 1` for one prediction, `dense 10` for ten classes"])
    }

    func testAWrongSplitDoesNotLeaveTheSplitsUndefined() {
        XCTAssertEqual(diagnostics(lesson([("test=0.4", "test=1.5")])), [
            "8:12: the test share must lie between 0 and 1, not 1.5 | test=0.2 keeps a fifth of the samples for testing",
        ])
    }

    func testAWrongOptionOnLoadDoesNotLeaveTheDataUndefined() {
        XCTAssertEqual(diagnostics(lesson([("target=y", "target=y rows=many")])), ["7:43: expected a whole number, not many"])
    }

    func testAMisspeltCommandMayHaveChangedWhatItNames() {
        XCTAssertEqual(diagnostics(lesson([("compile m", "compil m")])), ["12:1: unknown command 'compil' | did you mean 'compile'?"])
    }

    func testAMisspeltCommandThatChangesNothingLeavesItsNamesKnown() {
        XCTAssertEqual(diagnostics(lesson([("train m on data.train", "shw data\ntrain m on data.train"), ("dense $units activation=softmax", "dense 1 activation=sigmoid")])), [
            "11:3: the labels of data.train go up to 1, but the last dense layer has 1 unit, for the classes 0 to 0 | give the last dense layer 2 units, one per class",
            "13:1: unknown command 'shw' | did you mean 'show'?",
        ])
    }

    func testAnUnknownCommandNearNoneMayHaveDefinedWhatItNames() {
        XCTAssertEqual(diagnostics(lesson([("split data test=0.4", "synthesize data2 from data\nsplit data2 test=0.4"), ("data.train", "data2.train"), ("data.test", "data2.test")])), [
            "8:1: unknown command 'synthesize' | the known commands are: " + BuiltInPlugins.registry().verbs.joined(separator: ", "),
        ])
    }

    /// A layer line that cannot be read leaves the model's layers unknown, and those of a model
    /// made like it: the checks of outputs against targets stay silent on both.
    func testAModelLikeAModelOfUnknownLayersHasUnknownLayersToo() {
        XCTAssertEqual(diagnostics(lesson([
            ("dense $units activation=softmax", "dense two activation=softmax"),
            ("train m on data.train epochs=2", "train m on data.train epochs=2\nmodel k like m\ncompile k loss=binary_crossentropy\ntrain k on data.train"),
        ])), [
            "11:9: expected a whole number, not two",
        ])
    }

    /// A wrong value is read as the one it is close to: the model it defines is fully known, and
    /// a model made like it is checked (here, never compiled).
    func testAModelLikeAModelOfAMisspeltValueIsKnown() {
        XCTAssertEqual(diagnostics(lesson([("train m on", "model k like m\ntrain k on"), ("activation=$act", "activation=sigmoi")])), [
            "10:22: 'sigmoi' is not one of the choices | did you mean 'sigmoid'?",
            "14:7: the model 'k' must be compiled before it is trained | add `compile k loss=… optimizer=…` before this line",
            "15:10: the model 'm' has not been trained before this line, so it cannot be evaluated | add `train m on …` before this line",
            "16:6: the model 'm' has not been trained before this line, so it has no history to plot | add `train m on …` before this line",
        ])
    }

    func testAWrongModelIsStillAModel() {
        XCTAssertEqual(diagnostics(lesson([("activation=$act", "activation=sigmoi"), ("evaluate m on data.test", "evaluate data on m")])), [
            "10:22: 'sigmoi' is not one of the choices | did you mean 'sigmoid'?",
            "14:10: 'data' is a data set, not a model | the known models are: m",
            "14:18: 'm' is a model, not a data set | the known data sets are: data",
        ])
    }

    func testAWrongLoadLeavesItsSplitsNamesChecked() {
        XCTAssertEqual(diagnostics(lesson([("target=y", "target=y nrow=5"), ("data.test", "data.tset")])), [
            "7:38: 'load' has no option 'nrow' | the known options of 'load' are: classes, codes, features, fill, folder, missing, na, one_hot, rows, separator, shuffle, target",
            "14:15: 'tset' is not a split | a data set's splits are data.train and data.test",
        ])
    }

    /// An option the command does not have leaves the rest of the line meaning what it says:
    /// read as the option it is close to, the data set stays known and later mistakes show.
    func testAMisspeltOptionOnLoadLeavesTheDataKnown() {
        XCTAssertEqual(diagnostics(lesson([("target=y", "target=y separater=\",\""), ("evaluate m on data.test", "predict m x1=0.5 z=1")])), [
            "7:38: 'load' has no option 'separater' | did you mean 'separator'?",
            "14:18: the model 'm' was not trained on a feature called 'z' | no value is given for x2; its features are x1, x2",
        ])
    }

    func testANameMisspeltWhereItIsDefinedIsReportedOnceThere() {
        XCTAssertEqual(diagnostics(lesson([("as data target", "as dta target")])), [
            "7:24: this line names the data set 'dta', but 3 other lines use 'data' (the first at line 8) | a typo? write data here, as they do",
        ])
    }

    func testANameUsedBeforeAnyLineDefinesItIsReportedOnce() {
        XCTAssertEqual(diagnostics(lesson([("load csv \"data.csv\" as data target=y\n", "")])), [
            "7:7: no data set named 'data' has been defined before this line | define the data set in an earlier command",
        ])
    }

    func testAParameterMayNameAModelAndAQuotedNameIsOneError() {
        XCTAssertEqual(diagnostics(lesson([("act: relu", "act: relu\n  name: m"), ("model m", "model $name")])), [])
        XCTAssertEqual(diagnostics(lesson([("model m", "model \"m\"")])), ["9:7: a name is written without quotes | write m, not \"m\""])
    }

    func testMistakesOnOtherNamesAreStillReported() {
        XCTAssertEqual(diagnostics(lesson([("metrics=[accuracy]", "metrics=[acuracy]"), ("evaluate m on data.test", "evaluate m on dta")])), [
            "12:72: 'acuracy' is not one of the choices | did you mean 'accuracy'?",
            "14:15: no data set named 'dta' has been defined before this line | did you mean 'data', defined at line 7?",
        ])
    }
}
