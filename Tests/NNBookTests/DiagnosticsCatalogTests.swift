// Malformed notebooks, each with the exact diagnostic it must produce: place, message, hint.

import NNCore
import XCTest
@testable import NNBook

final class DiagnosticsCatalogTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try NotebookFixtures.folder(removedAfter: self) }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A notebook that declares two parameters, loads data.csv and compiles a model `m`; each
    /// case appends one line at line 11 and closes the cell.
    private let prelude = """
        ---
        params:
          rate: 0.5
          epochs: 10
        ---
        ```nnbook
        load csv "data.csv" as data target=y
        model m
          dense 1 activation=sigmoid
        compile m loss=binary_crossentropy optimizer=sgd rate=$rate

        """

    private func expect(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), expected, file: file, line: line)
    }

    private func expectLine(_ command: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        expect(prelude + command + "\n```\n", [expected], file: file, line: line)
    }

    func testTheWellFormedPreludeHasNoDiagnostics() {
        expect(prelude + "train m on data epochs=$epochs\n```\n", [])
    }

    func testControlCharactersInASourceLineAreShownAsEscapesWithTheCaretInPlace() {
        let line = "foo\u{1B}]0;pwned\u{07} x=1\u{1B}[2J"
        let printer = DiagnosticPrinter(path: "t.nnbook", lines: ["```nnbook", line])
        let text = printer.format(Diagnostic("unknown option 'x'", at: SourceRange(line: 2, column: 15, length: 1), hint: "try\u{1B}[31m"))
        XCTAssertEqual(text, #"""
            t.nnbook:2:15: error: unknown option 'x'
             2 | foo\u{1b}]0;pwned\u{7} x=1\u{1b}[2J
               |                        ^
            hint: try\u{1b}[31m
            """#)
    }

    func testUnclosedCell() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\n", ["1:1: this nnbook cell is never closed | end the cell with a line holding only ```"])
    }

    /// The cell's commands before the prose are still checked, the prose is not read as commands,
    /// and the cell the fence opens is checked as a cell.
    func testACellRunningIntoTheNextCellIsReportedOnceAtTheFenceItRanInto() {
        expect(
            "# Lesson\n```nnbook\nload csv \"data.csv\" as data target=y\n\nSome prose meant to be outside.\n\n```nnbook\nsplit data tset=0.2\n```\n",
            [
                "7:1: this cell (opened at line 2) was never closed | close it with a line holding only ``` after its last command, before this line",
                "8:12: 'split' has no option 'tset' | did you mean 'test'?",
            ])
    }

    /// Prose may start in lower case with a command's name; it reads as a sentence all the same.
    func testLowerCaseProseAfterAnUnclosedCellIsNotReadAsCommands() {
        expect(
            "# Lesson\n```nnbook\nload csv \"data.csv\" as data target=y\n\ntrain the model as shown below, then look at the curve.\nmodel the way we want.\n\nshow what it learns\n\n```nnbook\nsplit data tset=0.2\n```\n",
            [
                "10:1: this cell (opened at line 2) was never closed | close it with a line holding only ``` after its last command, before this line",
                "11:12: 'split' has no option 'tset' | did you mean 'test'?",
            ])
    }

    func testACellRunningIntoAnInlineTableIsReportedAtTheTable() {
        expect(
            "```nnbook\nload inline pts as p target=y\n```csv name=pts\nx,y\n1,2\n```\n",
            ["3:1: this cell (opened at line 1) was never closed | close it with a line holding only ``` after its last command, before this line"])
    }

    /// Both mistakes in one pass: the first table keeps its name, so its bad value is found, at
    /// its row and field in the notebook.
    func testADuplicateTableNameHidesNoMistakeInTheFirstTable() {
        expect("```nnbook\nload inline pts as p target=y\n```\n\n```csv name=pts\nx,y\n1,2\n3,six\n```\n\n```csv name=pts\nx,y\n```\n", [
            "8:3: in the table 'pts': \"six\" in column \"y\" is not a number | the rows above hold numbers in column \"y\": write this value as a number too",
            "11:1: a table named 'pts' is already written above | give each inline table its own name",
        ])
    }

    /// Read as the cell it was meant to be: what it defines is known to the cells after it.
    func testAMisspeltCellFenceIsReportedAndReadAsACell() {
        expect("```nnbok\nload csv \"data.csv\" as data target=y\n```\n```NNBOOK\nshow data\n```\n```nnbook\nshow data\n```\n", [
            "1:4: this block is fenced ```nnbok, so it would be shown, not run | a cell is fenced ```nnbook",
            "4:4: this block is fenced ```NNBOOK, so it would be shown, not run | a cell is fenced ```nnbook, in lower case",
        ])
    }

    /// Quarto's and R Markdown's `{nnbook}`, Pandoc's `{.nnbook}` and attributes after a comma
    /// would make no cell at all: each is one error that shows the fence as nnbook reads it.
    func testAFenceWrittenForAnotherToolIsReportedWithTheFenceAsMeant() {
        expect("```{nnbook}\nload csv \"data.csv\" as data target=y\n```\n```{.nnbook}\nshow data\n```\n```nnbook,label=look\nshow data\n```\n```{nnbook label=more}\nshow data\n```\n", [
            "1:4: this block is fenced ```{nnbook}, so it would be shown, not run | write it without braces (Quarto's and R Markdown's {…} are not read here): ```nnbook",
            "4:4: this block is fenced ```{.nnbook}, so it would be shown, not run | write it without braces (Quarto's and R Markdown's {…} are not read here): ```nnbook",
            "7:4: this block is fenced ```nnbook,label=look, so it would be shown, not run | a cell's attributes follow nnbook after a space, not a comma: ```nnbook label=look",
            "10:4: this block is fenced ```{nnbook, so it would be shown, not run | write it without braces (Quarto's and R Markdown's {…} are not read here): ```nnbook label=more",
        ])
    }

    /// A Jupyter learner's code cell: a ```python block of nnbook commands is read as the cell it
    /// was meant to be; Python in a ```python block is prose, as before.
    func testAPythonBlockOfNnbookCommandsIsReportedAndReadAsACell() {
        expect("```python\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1 activation=sigmoid\n```\n```nnbook\nsummary m\nshow data\n```\n", [
            "1:4: this block is fenced ```python, but its lines are nnbook commands: it would be shown, not run | a cell of nnbook commands is fenced ```nnbook (a notebook's cells are nnbook, not Python)",
        ])
        expect("```python\nimport keras\nmodel = keras.Sequential()\n```\n", [])
    }

    /// Lines a Jupyter code cell starts with mean nothing here: each is one error that says to
    /// delete it, and the lines after it are checked.
    func testJupyterLinesInACellAreToldToBeDeleted() {
        expect("```nnbook\nimport tensorflow as tf\nfrom tensorflow import keras\n%matplotlib inline\n!pip install nnbook\nprint(\"hello\")\nload csv \"data.csv\" as data target=y\nsplit data tset=0.2\n```\n", [
            "2:1: 'import' is Python; a cell holds nnbook commands | nnbook needs no imports, its commands are always there: delete this line",
            "3:1: 'from' is Python; a cell holds nnbook commands | nnbook needs no imports, its commands are always there: delete this line",
            "4:1: '%matplotlib' is an IPython magic; a cell holds nnbook commands | nnbook draws its plots into the page by itself: delete this line",
            "5:1: '!pip' is a shell command; a notebook never runs one | nnbook needs nothing installed: delete this line",
            "6:1: 'print' is Python; a cell holds nnbook commands | write text as prose outside the cell; `show DATASET` shows a data set's first rows, `summary MODEL` a model's layers",
            "8:12: 'split' has no option 'tset' | did you mean 'test'?",
        ])
    }

    /// `${hidden}` is read as the parameter it names: the model's other layers are checked.
    func testAShellStyleParameterIsOneSlipAndHidesNoOtherLayer() {
        expect("---\nparams:\n  hidden: 8\n  sizes: [4, 2]\n---\n```nnbook\nmodel m\n  dense ${hidden} activation=relu\n  dense {{hidden}}\n  dense $sizes\n  dense 1 activation=sigmoidd\n```\n", [
            "8:9: ${hidden} is how a shell writes a parameter; a command uses it as $hidden | write $hidden, without braces",
            "9:9: {{hidden}} is how prose shows a parameter; a command uses it as $hidden | in commands, write $hidden; {{hidden}} is for the text around the cells",
            "10:9: expected a whole number, not the list [4, 2] of '$sizes' | a list parameter goes where the command takes a list of values, as in x=$sizes or metrics=$sizes",
            "11:22: 'sigmoidd' is not one of the choices | did you mean 'sigmoid'?",
        ])
    }

    func testLoadingAnInlineTableAsAFileSaysLoadInline() {
        expect("```csv name=pts\nx,y\n1,2\n```\n```nnbook\nload csv pts as p target=y\n```\n", [
            "6:10: there is no file pts | pts is a table written in the notebook: write load inline pts as p target=y",
        ])
    }

    /// rustc and clang place a caret by the cells a terminal gives each character: a Chinese
    /// character takes two.
    func testTheCaretStandsUnderItsWordAfterWideCharacters() {
        let printer = DiagnosticPrinter(path: "t.nnbook", lines: ["```nnbook", "load csv \"数据.csv\" as d target=y shufle=true"])
        XCTAssertEqual(printer.format(Diagnostic("'load' has no option 'shufle'", at: SourceRange(line: 2, column: 35, length: 6))), #"""
            t.nnbook:2:35: error: 'load' has no option 'shufle'
             2 | load csv "数据.csv" as d target=y shufle=true
               |                                     ^~~~~~
            """#)
    }

    /// The layer is read under the model, so the model is checked with all its layers.
    func testALayerThatLostItsIndentIsOneErrorAtTheLayer() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\ndense 3 activation=relu\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\ntrain m on data\n```\n", [
            "4:1: 'dense' is not a command: it belongs under the `model` on line 3 | indent it by two spaces, as the lines under `model` are",
        ])
    }

    func testUnclosedFrontMatter() {
        expect("---\ntitle: x\n", ["1:1: the front matter that starts here is never closed | end the front matter with a line holding only ---"])
    }

    func testInvalidYAML() {
        expect("---\ntitle: a: b\n---\n", ["2:9: the front matter is not valid YAML: mapping values are not allowed in this context | ': ' inside a value starts another setting: put the value in quotes, title: \"a: b\""])
    }

    /// YAML reads an open list on into the next lines and stumbles there; the mistake is the '['.
    func testAnUnclosedFrontMatterListIsShownAtItsBracket() {
        expect(
            "---\nparams:\n  epochs: 3\n  rate: [0.1, 0.2\n  descent: {choices: [batch, sgd], default: batch}\n---\n",
            ["4:9: this list is never closed | add ']' after its last item, on the same line"])
        expect("---\ntitle: [unclosed\n---\n", ["2:8: this list is never closed | add ']' after its last item, on the same line"])
    }

    func testAnUnclosedFrontMatterBraceIsShownAtItsBrace() {
        expect(
            "---\nparams:\n  descent: {choices: [batch, sgd], default: batch\n  rate: 1\n---\n",
            ["3:12: this '{' is never closed | add '}' after its last setting, on the same line"])
    }

    /// A wrong seed, precision or title leaves the parameters known, so the cells are checked
    /// in the same pass; a misspelt `params:` does not, so its uses are not reported one by one.
    func testAWrongSeedOrPrecisionHidesNoMistakeInTheCells() {
        expect("---\nseed: abc\nprecision: 20\ntitel: x\nparams:\n  epochs: 5\n---\n```nnbook\nshow $epoch\n```\n", [
            "2:7: the seed must be a whole number of 0 or more | e.g. seed: 42",
            "3:12: precision must be a whole number of decimal places from 0 to 12",
            "4:1: unknown front matter setting 'titel' | did you mean 'title'?",
            "9:6: the parameter '$epoch' is not declared | did you mean '$epochs'? the parameters are: epochs",
        ])
        expect("---\nparms:\n  epochs: 5\n---\n```nnbook\nshow $epochs\n```\n", ["2:1: unknown front matter setting 'parms' | did you mean 'params'?"])
    }

    /// YAML that does not parse is one error at its place; the cells are still checked, silent
    /// about the parameters the front matter may have declared; a line that uses one still
    /// defines what it says (`model a` a model, whatever its units).
    func testInvalidYAMLHidesNoMistakeInTheCells() {
        expect("---\ntitle: a: b\nparams:\n  units: 4\n---\n```nnbook\nmodel a\n  dense $units activation=relu\nmodel b\n  dense 1 activation=sigmoidd\nshow a\ntrian b\nblobs points\n```\n", [
            "2:9: the front matter is not valid YAML: mapping values are not allowed in this context | ': ' inside a value starts another setting: put the value in quotes, title: \"a: b\"",
            "10:22: 'sigmoidd' is not one of the choices | did you mean 'sigmoid'?",
            "11:6: 'a' is a model, not a data set | define the data set in an earlier command",
            "12:1: unknown command 'trian' | did you mean 'train'?",
        ])
    }

    func testUnknownFrontMatterSetting() {
        expect("---\ntitel: x\n---\n", ["2:1: unknown front matter setting 'titel' | did you mean 'title'?"])
    }

    func testSeedThatIsNotANumber() {
        expect("---\nseed: abc\n---\n", ["2:7: the seed must be a whole number of 0 or more | e.g. seed: 42"])
    }

    func testUnknownParameterType() {
        expect("---\nparams:\n  rate: {type: real, default: 1}\n---\n", ["3:16: unknown parameter type 'real' | the known types are: boolean, choice, integer, list of boolean, list of choice, list of integer, list of number, list of string, number, string"])
        expect("---\nparams:\n  rate: {type: float, default: 1}\n---\n", ["3:16: unknown parameter type 'float' | did you mean 'number'? nnbook calls float number"])
    }

    /// A title YAML reads as more than text is told how to quote it.
    func testATitleWithAColonOrBracesIsToldToBeQuoted() {
        expect("---\ntitle: Keras: intro\n---\n", [#"2:13: the front matter is not valid YAML: mapping values are not allowed in this context | ': ' inside a value starts another setting: put the value in quotes, title: "Keras: intro""#])
        expect("---\ntitle: {{epochs}} epochs\nparams:\n  epochs: 3\n---\n", [#"2:19: the front matter is not valid YAML: did not find expected key | a value that starts with { is read as settings: put the value in quotes, title: "{{epochs}} epochs""#])
        expect("---\ntitle: {{epochs}}\nparams:\n  epochs: 3\n---\n", [#"2:1: the title must be text | a value that starts with { is read as settings: put the value in quotes, title: "{{epochs}}""#])
    }

    /// The second line is the mistake: the first was right until it came.
    func testAParameterSetTwiceIsShownWhereItIsSetAgain() {
        expect("---\nparams:\n  epochs: 5\n  rate: 1\n  epochs: 6\n---\n", ["5:3: the front matter sets epochs twice | line 3 sets epochs already: keep one of the two"])
    }

    /// papermill reads a notebook's parameters at the top; nnbook reads them under params.
    func testATopLevelParameterIsToldToGoUnderParams() {
        expect("---\nepochs: 3\n---\n", ["2:1: unknown front matter setting 'epochs' | a parameter is declared under params:, indented by two spaces:\n  params:\n    epochs: 3"])
    }

    func testUnknownCommand() {
        expectLine("trian m on data epochs=$epochs", "11:1: unknown command 'trian' | did you mean 'train'?")
    }

    func testUnknownOption() {
        expectLine("train m on data epoch=$epochs", "11:17: 'train' has no option 'epoch' | did you mean 'epochs'?")
    }

    func testWrongType() {
        expectLine("train m on data epochs=ten", "11:24: expected a whole number, not ten")
    }

    func testDecimalWhereAWholeNumberIsNeeded() {
        expectLine("train m on data epochs=10.5", "11:24: expected a whole number, not 10.5 | epochs= takes a whole number (how many passes over the training samples): epochs=11")
    }

    /// A start is a sample's number, counted from 0: a decimal is offered the nearest start
    /// there is, never one below the first sample.
    func testADecimalStartOfImagesIsOfferedTheNearestSample() {
        expect("```nnbook\nload fashion-mnist as clothes\nimages clothes start=1e-45\nimages clothes start=-2.5\nimages clothes start=-3\n```\n", [
            "3:22: expected a whole number, not 1e-45 | start= takes a whole number (the number of the first sample to draw): start=0",
            "4:22: expected a whole number, not -2.5 | start= takes a whole number (the number of the first sample to draw): start=0",
            "5:16: start must be 0 or more, not -3 | start=: the number of the first sample to draw; e.g. start=0",
        ])
    }

    /// A count (`rows=`, `epochs=`, `batch=`) below its declared minimum is refused by the
    /// declaration, in the same words for every command, with an example of the command's
    /// own; a value that is no whole number is offered one the option takes.
    func testACountBelowItsMinimumIsRefusedInTheSameWordsByEveryCommand() {
        expectLine("show data rows=0", "11:11: rows must be 1 or more, not 0 | rows=: how many rows; e.g. show insurance.test rows=10")
        expect(prelude + "train m on data\npredict m on data rows=-3\n```\n", [
            "12:19: rows must be 1 or more, not -3 | rows=: how many rows of the data set; e.g. predict digits on mnist.test rows=3",
        ])
        expectLine("load csv \"data.csv\" as d2 target=y rows=0", "11:36: rows must be 1 or more, not 0 | rows=: keep only this many samples (of each split, for data that comes split); e.g. load fashion-mnist as clothes rows=2000")
        expectLine("explain m on data batch=0", "11:19: batch must be 1 or more, not 0 | batch=: samples per update in mini-batch descent (Keras: 32); e.g. explain digits on mnist batch=32")
        expectLine("show data rows=1e-45", "11:16: expected a whole number, not 1e-45 | rows= takes a whole number (how many rows): rows=1")
    }

    /// A value given to `predict` or `expect … prediction` that the fitted scaling of a small
    /// table makes infinite is refused at the value before anything runs, in the run's words:
    /// the check reads the table whole and fits the scaling as the run will, on the training
    /// split when a seeded split comes first. A scaling that brings a value within Float32
    /// takes it, as the run does.
    func testAPredictInputThatItsFittedScalingMakesInfiniteIsFoundBeforeTheRun() {
        let hint = "nnbook computes in 32-bit numbers (Float32), as Keras does, so the network would be given infinity: give a number of the size of the training data's"
        expect(prelude + "scale data x1 method=min-max\ntrain m on data\npredict m x1=3e38 x2=0\nexpect m prediction < 0.5 x1=-3e38 x2=1\n```\n", [
            "13:14: x1=3e38, scaled as the training data was ((x1 − 0.1) / (0.9 − 0.1)), is beyond the largest 32-bit number, 3.4e38 | " + hint,
            "14:30: x1=-3e38, scaled as the training data was ((x1 − 0.1) / (0.9 − 0.1)), is beyond the largest 32-bit number, 3.4e38 | " + hint,
        ])
        expect(prelude + "split data test=0.4\nscale data x1 method=standardize\ntrain m on data\npredict m x1=3e38 x2=0\n```\n", [
            "14:14: x1=3e38, scaled as the training data was ((x1 − 0.43333334) / 0.33993462), is beyond the largest 32-bit number, 3.4e38 | " + hint,
        ])
        expect(prelude + "scale data x1 divide=10\ntrain m on data\npredict m x1=1e39 x2=0\n```\n", [])
    }

    /// `take data 9 as data` reads the data set before the samples taken get its name, as the
    /// run does (pandas' `df = df.sample(9)`): a count beyond its samples is refused first.
    func testATakeThatGivesItsSourcesNameReadsTheSourceFirst() {
        expectLine("take data 9 as data", "11:11: data has 5 samples, so 9 cannot be taken | take from 1 to 5 samples")
        expect(prelude + "take data 3 as data\ntake data 4 as few\n```\n", ["12:11: data has 3 samples, so 4 cannot be taken | take from 1 to 3 samples"])
    }

    func testUndefinedDataset() {
        expectLine("train m on dta", "11:12: no data set named 'dta' has been defined before this line | did you mean 'data', defined at line 7?")
    }

    /// A name misspelt where it is defined and spelt right everywhere after: one error, at the
    /// definition, rather than one at every use advising to copy the typo.
    func testAMisspeltDefinitionIsReportedOnceAtTheDefinition() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel nueron\n  dense 1 activation=sigmoid\ncompile neuron loss=binary_crossentropy\ntrain neuron on data\nevaluate neuron on data\n```\n", [
            "3:7: this line names the model 'nueron', but 3 other lines use 'neuron' (the first at line 5) | a typo? write neuron here, as they do",
        ])
    }

    /// The lines after a misspelt definition are checked as if the names agreed: a mistake of
    /// their own is still found in the same pass.
    func testTheLinesAfterAMisspeltDefinitionAreCheckedAsIfTheNamesAgreed() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel nueron\n  dense 1 activation=sigmoid\ncompile neuron loss=binary_crossentropy\ntrain neuron on data\npredict neuron x1=0.5 x3=1\n```\n", [
            "3:7: this line names the model 'nueron', but 3 other lines use 'neuron' (the first at line 5) | a typo? write neuron here, as they do",
            "7:23: the model 'neuron' was not trained on a feature called 'x3' | did you mean 'x2'? its features are x1, x2",
        ])
        expect(prelude.replacingOccurrences(of: "as data target", with: "as dta target") + "split data test=0.4\ntrain m on data.train\nevaluate m on data.tset\n```\n", [
            "7:24: this line names the data set 'dta', but 3 other lines use 'data' (the first at line 11) | a typo? write data here, as they do",
            "13:15: 'tset' is not a split | a data set's splits are data.train and data.test",
        ])
    }

    /// `model m` written again where `model m2` was meant: as a Python variable, the name then
    /// stands for the new model, and the lines after it use m2, which nothing defines. One
    /// error, at the line that took the name; m is still the model trained before it.
    func testANameGivenAgainWhereTheLinesAfterUseAnotherIsOneErrorThere() {
        expect(prelude + "train m on data\nmodel m\n  dense 2 activation=relu\n  dense 1 activation=sigmoid\ncompile m2 loss=binary_crossentropy\ntrain m2 on data\nevaluate m on data\nevaluate m2 on dta\n```\n", [
            "12:7: this line gives the name 'm' to a new model, replacing the model of line 8, but 3 lines after it use 'm2', which no line defines (the first at line 15) | a slip? write m2 here, as they do: a name stands for one model at a time, as a Python variable does",
            "18:16: no data set named 'dta' has been defined before this line | did you mean 'data', defined at line 7?",
        ])
        // Given again and used after, the name is the new model's, as the README says.
        expect(prelude + "train m on data\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on data\nevaluate m on data\n```\n", [])
    }

    /// A mistake told at a layer is not told again at the lines that meet it after: a second
    /// unit in a regression's last layer gives neither the expectations of one number nor the
    /// weight names of one neuron an error of their own.
    func testALayersMistakeIsToldOnceAtTheLayer() {
        expect(prelude + "model r\n  dense 2\ncompile r loss=mse\ntrain r on data\nexpect r prediction ≈ 0.5 within 0.5 x1=0.1 x2=1\nexpect r prediction ≈ 0.5 within 0.5 x1=0.9 x2=0\nlandscape r on data x=w1 y=w2\n```\n", [
            "12:3: the model gives 2 outputs per sample, but the targets of data have 1 column | the targets are class numbers: to tell the classes apart compile with loss=sparse_categorical_crossentropy; to predict the number itself give the last dense layer 1 unit",
        ])
        // Where no training tells the layer's mistake, the first expectation of one number does, once.
        expect(prelude + "model r\n  dense 2\ncompile r loss=mse\nexpect r prediction ≈ 0.5 within 0.5 x1=0.1 x2=1\nexpect r prediction ≈ 0.5 within 0.5 x1=0.9 x2=0\n```\n", [
            "14:10: the model 'r' has 2 outputs, so its prediction is not one number | expect a metric on a data set instead, e.g. expect r accuracy >= 0.8 on DATA",
        ])
    }

    /// Keras names a model or its data by keyword (`Sequential(name=…)`); here the value stands
    /// in its place, and was written there: one error, which says where the value is, not that
    /// the option was given twice.
    func testAnOptionNamedLikeAValueWrittenInItsPlaceSaysWhereTheValueIs() {
        expect(prelude + "model k name=clf\n  dense 1\n```\n", ["11:9: 'model' has no option 'name': its name is the value written after 'model', k | drop name=clf"])
        expectLine("train m on data model=x", "11:17: 'train' has no option 'model': its model is the value written after 'train', m | drop model=x")
    }

    /// A method that is none of the choices is one error, at the method: the line is not also
    /// told that it says nothing of how to scale.
    func testAScaleMethodThatIsNoChoiceIsOneError() {
        expectLine("scale data x1 method=normalize", "11:22: 'normalize' is not one of the choices | the known choices are: min-max, standardize")
    }

    /// `split dta` and `compile mm` were meant for data and m: the lines after are not told
    /// that data was never split or m never compiled.
    func testAMisspeltNameOnALineThatChangesDataOrAModelIsOneError() {
        expect(prelude + "split dta test=0.4\ntrain m on data.train\nevaluate m on data.test\n```\n", [
            "11:7: no data set named 'dta' has been defined before this line | did you mean 'data', defined at line 7?",
        ])
        expect(prelude.replacingOccurrences(of: "compile m ", with: "compile mm ") + "train m on data\n```\n", [
            "10:9: no model named 'mm' has been defined before this line | did you mean 'm', defined at line 8?",
        ])
    }

    func testAMisspeltSplitOfDataNeverSplitSaysSo() {
        expectLine("train m on data.tset", "11:12: 'tset' is not a split | data has not been split: use data, or add `split data test=0.2` before this line")
    }

    func testUndefinedModel() {
        expectLine("train n on data", "11:7: no model named 'n' has been defined before this line | did you mean 'm', defined at line 8?")
    }

    func testUnknownParameter() {
        expectLine("train m on data epochs=$epoch", "11:24: the parameter '$epoch' is not declared | did you mean '$epochs'? the parameters are: epochs, rate")
    }

    func testUnknownParameterInProsePointsAtItsBraces() {
        expect("---\nparams:\n  epochs: 10\n  rate: 0.5\n---\n# Title\n\nWe train for {{epoch}} epochs at {{rate}}.\n", [
            "8:14: the parameter '{{epoch}}' is not declared | did you mean '{{epochs}}'? the parameters are: epochs, rate",
        ])
        expect("Costs $5, or {{price}}.\n", ["1:14: the parameter '{{price}}' is not declared | declare it in the front matter, e.g.\n  params:\n    price: 1"])
    }

    /// Only a parameter's name goes between the braces: a Jinja filter, a sum or nothing is an
    /// error at its braces, not text printed as written.
    func testAFilterASumOrNothingBetweenProseBracesIsAnError() {
        let braces = "\nto show the braces as written, put a backslash before them: "
        expect("---\nparams:\n  epochs: 10\n  rate: 0.5\n---\nWe train {{epochs|int}} epochs, {{ x + 1 }}, {{}} and {{ epochs }} \\{{ x }}.\n", [
            "6:10: '{{epochs|int}}' is not a parameter's name: only a parameter's name goes between {{ and }} | did you mean '{{epochs}}'? the parameters are: epochs, rate; the value is shown as it is, with no filters or sums" + braces + "\\{{epochs|int}}",
            "6:33: '{{ x + 1 }}' is not a parameter's name: only a parameter's name goes between {{ and }} | the parameters are: epochs, rate; the value is shown as it is, with no filters or sums" + braces + "\\{{ x + 1 }}",
            "6:46: '{{}}' is empty: only a parameter's name goes between {{ and }} | the parameters are: epochs, rate" + braces + "\\{{}}",
        ])
        expect("---\ntitle: Lesson {{ rat*2 }}\nparams:\n  rate: 0.5\n---\nBraces {{ that do not close\n", [
            "2:15: '{{ rat*2 }}' is not a parameter's name: only a parameter's name goes between {{ and }} | did you mean '{{rate}}'? the parameters are: rate; the value is shown as it is, with no filters or sums" + braces + "\\{{ rat*2 }}",
        ])
    }

    func testUnknownParameterInTheTitlePointsAtItsBraces() {
        expect("---\ntitle: Lesson at {{rate}} for {{epochz}}\nparams:\n  rate: 0.5\n  epochs: 1\n---\n", [
            "2:31: the parameter '{{epochz}}' is not declared | did you mean '{{epochs}}'? the parameters are: epochs, rate",
        ])
    }

    /// Code is shown as written: a placeholder in a code span or a fence is not checked.
    func testAnUnknownParameterInProseCodeIsNotAPlaceholder() {
        expect("Run `nnbook run -p {{price}}`.\n\n~~~\n{{ price }}\n~~~\nCosts {{ price }}.\n", [
            "6:7: the parameter '{{price}}' is not declared | declare it in the front matter, e.g.\n  params:\n    price: 1",
        ])
    }

    /// Code as CommonMark reads it: a span across a line break and an indented block are code;
    /// a list item's indented paragraph is not.
    func testAnUnknownParameterInCodeAsCommonMarkReadsItIsNotAPlaceholder() {
        expect("A span `a\n{{price}}` ends.\n\n    indented {{price}}\n\n- item\n\n    paragraph {{price}}\n", [
            "8:15: the parameter '{{price}}' is not declared | declare it in the front matter, e.g.\n  params:\n    price: 1",
        ])
    }

    /// An inline table is data, shown as written: a placeholder there is not filled in.
    func testAPlaceholderInAnInlineTableSaysItIsNotFilledIn() {
        expect("---\nparams:\n  v: 5\n---\n```csv name=t\nx,y\n1,{{v}}\n2,1\n```\n```nnbook\nload inline t as d target=y\n```\n", [
            "7:3: in the table 't': field 2 is not a number | a table in the notebook is data, shown as written: {{v}} is not filled in there; write the value itself",
        ])
    }

    /// A learner who writes prose's placeholder in a command is shown the command's spelling.
    func testAProsePlaceholderInACommandSaysToWriteDollar() {
        expectLine("compile m loss=mse rate={{rate}}", "11:25: {{rate}} is how prose shows a parameter; a command uses it as $rate | in commands, write $rate; {{rate}} is for the text around the cells")
    }

    /// Keras', scikit-learn's and pandas' names for a setting answer with nnbook's.
    func testKerasSpellingsOfOptionsGetTheirNnbookNames() {
        expectLine("train m on data batch_size=32", "11:17: 'train' has no option 'batch_size' | did you mean 'batch'? nnbook calls batch_size batch")
        expectLine("train m on data validation_data=data", "11:17: 'train' has no option 'validation_data' | did you mean 'validation'? nnbook calls validation_data validation")
        expectLine("compile m loss=mse learning_rate=0.1", "11:20: 'compile' has no option 'learning_rate' | did you mean 'rate'? nnbook calls learning_rate rate")
        expectLine("split data test_size=0.3", "11:12: 'split' has no option 'test_size' | did you mean 'test'? nnbook calls test_size test")
        expect(prelude + "model k\n  dense 1 kernel_initializer=ones\n```\n", [
            "12:11: 'dense' has no option 'kernel_initializer' | did you mean 'weights'? nnbook calls kernel_initializer weights",
        ])
    }

    /// Keras' names for a command, a metric or an activation, and Python's booleans, answer
    /// with nnbook's; the line is read as meant, so the lines after it are still checked.
    func testKerasSpellingsOfCommandsAndChoicesGetTheirNnbookNames() {
        expect(prelude + "fit m on data epochs=$epochs\nplot m metric=mae\n```\n", [
            "11:1: unknown command 'fit' | did you mean 'train'? nnbook calls fit train",
        ])
        expectLine("compile m loss=binary_crossentropy metrics=[acc]", "11:45: 'acc' is not one of the choices | did you mean 'accuracy'? nnbook calls acc accuracy")
        expectLine("compile m loss=mse metrics=[mean_absolute_error]", "11:29: 'mean_absolute_error' is not one of the choices | did you mean 'mae'? nnbook calls mean_absolute_error mae")
        expectLine("compile m loss=log_loss", "11:16: 'log_loss' is not one of the choices | did you mean 'binary_crossentropy'? nnbook calls log_loss binary_crossentropy")
        expect(prelude + "model k\n  dense 1 activation=None\n```\n", [
            "12:22: 'None' is not one of the choices | did you mean 'linear'? nnbook calls None linear",
        ])
        expectLine("train m on data shuffle=True", "11:25: expected true or false, not True | write true, in lower case")
        expectLine("train m on data shuffle=FALSE", "11:25: expected true or false, not FALSE | write false, in lower case")
    }

    /// Keras' and pandas' names for commands and layers, and for the settings of layers.
    func testKerasNamesOfCommandsLayersAndSettingsGetTheirNnbookNames() {
        expect(prelude + "normalize data\nhistory m\nflatten data\nSequential k\nmodel k input_shape=[2]\n  dense 1 activation=leaky_relu negative_slope=0.1\nactivation leaky_relu x=[1] alpha=0.3\n```\n", [
            "11:1: unknown command 'normalize' | did you mean 'scale'? nnbook calls normalize scale",
            "12:1: unknown command 'history' | did you mean 'plot'? nnbook calls history plot",
            "13:1: unknown command 'flatten' | 'flatten' is a line of `model`, not a command: write it indented by two spaces under a `model NAME` line",
            "14:1: unknown command 'Sequential' | did you mean 'model'? nnbook calls Sequential model",
            "15:9: 'model' has no option 'input_shape' | did you mean 'input'? nnbook calls input_shape input",
            "16:33: 'dense' has no option 'negative_slope' | did you mean 'slope'? nnbook calls negative_slope slope",
            "17:29: 'activation' has no option 'alpha' | did you mean 'slope'? nnbook calls alpha slope",
        ])
    }

    /// A Python call as an option's value is one error, which shows its settings as options,
    /// by nnbook's names.
    func testAChoiceCalledAsInPythonShowsItsSettingsAsOptions() {
        expectLine(
            "compile m loss=mse optimizer=adam(learning_rate=$rate, beta_1=0.9)",
            "11:34: adam(…) is Python's call; an option's value is one word, and its settings are options of their own | write `optimizer=adam rate=$rate beta_1=0.9`")
    }

    /// The front matter after blank lines is read as the front matter, with one error.
    func testAFrontMatterAfterBlankLinesIsReadWithOneError() {
        expect("\n\n---\nparams:\n  epochs: 2\n---\nWe train for {{epochs}} epochs.\n```nnbook\nloss mae y_true=[$epochs] y_pred=[0]\n```\n", [
            "3:1: the front matter must start on the notebook's first line | remove the blank lines above it",
        ])
        expect("---  \nparams:\n  epochs: 2\n---\n```nnbook\nloss mae y_true=[$epochs] y_pred=[0]\n```\n", [])
    }

    /// A column that `target=` or `codes=` names and the data lacks is the load line's mistake.
    func testAMisspeltColumnIsPointedAtOnTheLoadLine() {
        expectLine("load csv \"data.csv\" as other target=yy", "11:30: data.csv has no column \"yy\" | did you mean 'y'? the columns are x1, x2, y")
        expect("```csv name=homes\narea,price\n50,100\n```\n```nnbook\nload inline homes as homes target=prices\nload inline homes as h2 target=price codes=[aera]\n```\n", [
            "6:28: the table 'homes' has no column \"prices\" | did you mean 'price'? the columns are area, price",
            "7:38: the table 'homes' has no column \"aera\" | did you mean 'area'? the columns are area, price",
        ])
    }

    /// Habits from Python, spreadsheets and YAML are one error each, with the nnbook spelling.
    func testPythonSpreadsheetAndYAMLHabitsAreOneErrorEach() {
        expectLine("split data test=0.2; scale data x1 divide=10", "11:20: a line holds one command | put `scale data x1 divide=10` on a line of its own, without the ';'")
        expectLine("split data test=0,2", "11:18: unexpected ',' | write 0.2: a number takes a decimal point, not a comma")
        expectLine("split data test:0.2", "11:12: unexpected test:0.2: 'split' takes only 1 value before its options | write test=0.2: an option is name=value")
        expect(prelude + "model k\n  dense units=1 activation=sigmoid\n```\n", [
            "12:9: 'dense' takes its units as a value, without a name | write `dense 1`: the value comes right after 'dense', without its name",
        ])
        expect(prelude + "train m on data epochs=$epochs\nexpect m loss<0.9 on data\nexpect m loss>=0.1 on data\n```\n", [])
    }

    /// Keras' `elu` is an activation of nnbook's too.
    func testELUIsAnActivation() {
        expect(prelude + "model k\n  dense 2 activation=elu\n  dense 1 activation=sigmoid\ncompile k loss=binary_crossentropy\ntrain k on data\nactivation elu x=[-1, 2]\n```\n", [])
    }

    /// The bound without its comparison is one mistake, at the bound, not three.
    func testAnExpectationWithoutAComparisonIsOneErrorAtTheBound() {
        expectLine(
            "expect m accuracy 0.8 on data",
            "11:19: a comparison is missing before 0.8 | write `>= 0.8` for at least 0.8, `<= 0.8` for at most, or `≈ 0.8 within 0.01` for about 0.8")
        expectLine(
            "expect m prediction 0.5 x1=1 x2=2",
            "11:21: a comparison is missing before 0.5 | write `>= 0.5` for at least 0.5, `<= 0.5` for at most, or `≈ 0.5 within 0.01` for about 0.5")
    }

    func testAModelLikeAnUndefinedModel() {
        expectLine("model k like n", "11:14: no model named 'n' has been defined before this line | did you mean 'm', defined at line 8?")
    }

    func testAModelLikeAnotherCannotListLayers() {
        expect(prelude + "model k like m\n  dense 2\n```\n", [
            "12:3: a model made like 'm' takes its layers, so it cannot list layers of its own | drop the indented lines to copy the layers of 'm', or drop `like m` to list the layers here",
        ])
    }

    /// It would replace the trained model it copies; the lines after it still know the model.
    func testAModelCannotBeLikeItself() {
        expectLine("train m on data\nmodel m like m\ntrain m on data", "12:14: a model cannot be made like itself | give the new model a name of its own, e.g. model m_fresh like m")
    }

    /// Weights, biases and data are 32-bit numbers: a larger number would start as infinity,
    /// and the run would fail only at `train`, with a NaN loss and a hint about the rate.
    func testNumbersBeyondFloat32ArePointedAtWhereTheyAreWritten() {
        expect(prelude + "model k\n  dense 1 activation=sigmoid weights=0.5 bias=1e39\n```\n", [
            "12:42: 1e39 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e39 would be infinite: starting weights are small numbers such as 0.5, or zeros",
        ])
        expect(prelude + "model k\n  dense 1 activation=leaky_relu slope=-4e38\n```\n", [
            "12:33: -4e+38 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so -4e+38 would be infinite: Keras' slope is 0.2, the course's 0.1",
        ])
        expectLine(
            "load csv \"data.csv\" as filled target=y fill=1e300",
            "11:40: 1e+300 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+300 would be infinite: the data are 32-bit numbers; fill empty fields with 0 or a typical value")
        expect(prelude + "model k\n  dense 1 activation=sigmoid weights=3.4e38 bias=-1e-50\n```\n", [])
        expectLine(
            "loss mse y_true=[1e39] y_pred=[0]",
            "11:10: 1e+39 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+39 would be infinite: compute with dtype=float64 for such numbers")
        expect(prelude + "loss mse y_true=[1e39] y_pred=[0] dtype=float64\n```\n", [])
        expect(prelude + "model k\n  dense 1 activation=sigmoid weights=nan bias=-inf\n```\n", [
            "12:30: a starting weight must be a number, not nan | starting weights are small numbers such as 0.5, or an initializer: ones, zeros, glorot_uniform, he_normal, random_normal",
            "12:42: a starting weight must be a number, not -inf | starting weights are small numbers such as 0.5, or an initializer: ones, zeros, glorot_uniform, he_normal, random_normal",
        ])
    }

    /// An array of no samples is refused at the load line, as a CSV file without rows is.
    func testAnArrayOfNoSamplesIsRefusedAtTheLoadLine() throws {
        try NotebookFixtures.idx([0, 2], []).write(to: folder.appendingPathComponent("none.idx"))
        try NotebookFixtures.idx([0], []).write(to: folder.appendingPathComponent("none-labels.idx"))
        expectLine(
            "load idx \"none.idx\" as none target=\"none-labels.idx\"",
            "11:10: none.idx: the array holds no samples: its shape is (0, 2) | a data set needs at least one sample; the first number of the shape counts the samples")
        expectLine(
            "load idx \"none.idx\" as none",
            "11:10: none.idx: the array holds no samples: its shape is (0, 2) | a data set needs at least one sample; the first number of the shape counts the samples")
    }

    /// Keras' MeanSquaredError refuses from_logits; epsilon clips the logs of a cross-entropy.
    func testCrossEntropySettingsWithAnotherLossPointAtTheSetting() {
        expect(prelude + "compile m loss=mse from_logits=true epsilon=0.1\n```\n", [
            "11:20: from_logits= applies to cross-entropy losses, and loss=mse has none | drop from_logits=, or compile with a cross-entropy such as binary_crossentropy for a classifier",
            "11:37: epsilon= applies to cross-entropy losses, and loss=mse has none | drop epsilon=, or compile with a cross-entropy such as binary_crossentropy for a classifier",
        ])
    }

    func testIndentedLineWithoutACommandAbove() {
        expect("```nnbook\n  dense 1\n```\n", ["2:3: this line is indented but there is no command above it | start commands at the beginning of the line; indent only the lines that belong to the command above, such as a model's layers"])
    }

    func testUnclosedString() {
        expect("```nnbook\nload csv \"data.csv as data\n```\n", ["2:10: this string is never closed | add a closing \" on the same line"])
    }

    func testAMissingListItemIsAnErrorAtItsComma() {
        expectLine("activation relu x=[1,,2]", "11:22: a list item is missing before this ',' | write a value between the commas, as in [1, 2, 3], or remove the extra ','")
        expectLine("activation relu x=[,]", "11:20: a list item is missing before this ',' | write a value between the commas, as in [1, 2, 3], or remove the extra ','")
    }

    func testACommaAfterTheLastListItemIsAllowedAsInPython() {
        expect(prelude + "activation relu x=[1, 2,]\n```\n", [])
    }

    func testUnclosedList() {
        expectLine("loss mae y_true=[1, 2 y_pred=[1,2]", "11:17: this list is never closed | add ']' after the last item")
    }

    /// The parser starts again at the next line, and the check looks at the lines after it: an
    /// unclosed list hides no later mistake, and the names its line may define are not
    /// reported again where they are used.
    func testAnUnclosedListEndsItsLineAndTheLinesAfterItAreStillChecked() {
        expect(prelude + "model n input=[2\n  dense 1\nactivation relu x=[1, 2\ntrain n on data epochs=x\ntrian m\nevaluate n on data\n```\n", [
            "11:15: this list is never closed | add ']' after the last item",
            "13:19: this list is never closed | add ']' after the last item",
            "14:24: expected a whole number, not x",
            "15:1: unknown command 'trian' | did you mean 'train'?",
        ])
    }

    func testAnUnclosedStringEndsItsLineAndTheLinesAfterItAreStillChecked() {
        expect("```nnbook\nload csv \"data.csv as d target=y\nshow d rows=x\nshow e\n```\n", [
            "2:10: this string is never closed | add a closing \" on the same line",
            "3:13: expected a whole number, not x",
            "4:6: no data set named 'e' has been defined before this line | define the data set in an earlier command",
        ])
    }

    func testListItemsWithoutACommaBetweenThemAreAnErrorAtTheSecondItem() {
        expectLine("activation relu x=[1 2]", "11:22: a ',' is missing before this list item | separate items with commas, as in [1, 2, 3]")
        expectLine("loss mae y_true=[[1, 0] [0, 1]] y_pred=[[1, 0], [0, 1]]", "11:25: a ',' is missing before this list item | separate items with commas, as in [1, 2, 3]")
    }

    func testDollarWithoutAName() {
        expectLine("train m on data epochs=$", "11:24: '$' must be followed by a parameter name | write $rate to use the parameter rate from the front matter")
    }

    func testSpacesAroundEquals() {
        expectLine("train m on data epochs = 5", "11:24: spaces around '=' are not allowed | write options as name=value, e.g. epochs=1")
    }

    func testOptionWithoutAValue() {
        expectLine("train m on data epochs=", "11:17: the option 'epochs' has no value | write the value right after '=', e.g. epochs=1")
    }

    func testChoiceMisspelt() {
        expectLine("train m on data descent=minibatch", "11:25: 'minibatch' is not one of the choices | did you mean 'mini-batch'?")
    }

    func testCategoricalCrossentropyGivenClassNumbersAsksForOneHotRows() {
        expectLine(
            "loss categorical_crossentropy y_true=[0, 1] y_pred=[[0.5, 0.5], [0.1, 0.9]]",
            "11:31: categorical_crossentropy takes one-hot rows, but y_true gives 2 class numbers | write one row per sample with a 1 at its class, e.g. y_true=[[1, 0], [0, 1]]; for class numbers use sparse_categorical_crossentropy")
    }

    func testWordProcessorAndPythonQuotesAreNotStrings() {
        expect("```nnbook\nload csv “data.csv” as data target=y\nload csv 'data.csv' as other target=y\n```\n", [
            "2:10: only straight double quotes \"…\" make a string, not “…” | write \"data.csv\"; a word processor turns \" into “ ”, so write notebooks in a plain-text editor",
            "3:10: only straight double quotes \"…\" make a string, not '…' | write \"data.csv\"",
        ])
    }

    /// What a quote of Python's meant is plain: the line is read as meant, so that the other
    /// mistakes of the command are found in the same pass.
    func testAPythonQuoteHidesNoOtherMistake() {
        expect("```nnbook\nmodel m input_shape=[2]\n  dense 1 activation='sigmoid'\n```\n", [
            "2:9: 'model' has no option 'input_shape' | did you mean 'input'? nnbook calls input_shape input",
            "3:22: only straight double quotes \"…\" make a string, not '…' | write sigmoid (a name or a choice needs no quotes)",
        ])
    }

    /// Keras' Python is one error a line, which shows the line as nnbook writes it.
    func testAPythonCallIsOneErrorThatShowsTheNnbookSpelling() {
        let message = "this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes"
        expect("```nnbook\nmodel m\n  dense(128, activation='relu')\n  Dense(1, activation=\"sigmoid\", use_bias=True);\nmodel.add(Dense(1, activation='sigmoid', name=None))\nmodel.add(Flatten(input_shape=(28, 28)))\nshow nothing\n```\n", [
            "3:3: \(message) | write `dense 128 activation=relu`",
            "4:3: \(message) | write `dense 1 activation=sigmoid use_bias=true`",
            "5:1: \(message) | write `dense 1 activation=sigmoid`, indented by two spaces under `model NAME`, as a layer is",
            "6:1: \(message) | write `flatten`, indented by two spaces under `model NAME`, as a layer is; the input's shape goes on the model's line: `model NAME input=[28, 28]`",
            "7:6: no data set named 'nothing' has been defined before this line | define the data set in an earlier command",
        ])
        expect("```nnbook\nm.summary()\nm.evaluate(data.test)\nlayers.Dense(1)\n```\n", [
            "2:1: \(message) | write `summary m`",
            "3:1: \(message) | write `evaluate m on data.test`",
            "4:1: \(message) | write `dense 1`",
        ])
    }

    /// The lines that close the list are part of the one mistake, not commands of their own.
    func testAListContinuedOnTheNextLinesIsOneMistake() {
        expectLine("loss mae y_true=[1, 0,\n  1\n  ] y_pred=[0.9, 0.1, 0.8]", "11:17: this list is never closed | a command is written on one line: join lines 12–13 to this one")
        expectLine("loss mae y_true=[1, 0, 1\n] y_pred=[0.9, 0.1, 0.8]", "11:17: this list is never closed | a command is written on one line: join line 12 to this one")
    }

    /// A line of a trained model's `expect`, at line 12.
    private func expectTrained(_ line: String, _ expected: String, file: StaticString = #filePath, line number: UInt = #line) {
        expect(prelude + "train m on data epochs=$epochs\n" + line + "\n```\n", [expected], file: file, line: number)
    }

    func testAnEqualityInExpectIsAnsweredWithATolerance() {
        let hint = "a measured number is seldom exactly a value: write `≈ VALUE within TOLERANCE` (e.g. accuracy ≈ 0.8333 within 0.001), or `between A and B`"
        expectTrained("expect m loss == 0.5 on data", "12:15: '==' is not one of the choices | " + hint)
        expectLine("expect m loss = 0.5 on data", "11:15: '=' is not a comparison | " + hint)
        expectLine("expect m loss=0.5 on data", "11:14: '=' is not a comparison | " + hint)
        expectLine("expect m loss is 0.5 on data", "11:15: 'is' is not one of the choices | " + hint)
    }

    /// A line of `expect` that cannot be read defines and changes nothing: the model is still
    /// known after it, and the mistakes of the lines after it are found.
    func testAnUnreadableExpectLeavesItsModelKnown() {
        expect(prelude + "train m on data epochs=$epochs\nexpect m loss = 0.5 on data\nplot m metric=mae\n```\n", [
            "12:15: '=' is not a comparison | a measured number is seldom exactly a value: write `≈ VALUE within TOLERANCE` (e.g. accuracy ≈ 0.8333 within 0.001), or `between A and B`",
            "13:8: 'm' will not have recorded mae by this line | it records: loss; add mae to the metrics of `compile m`",
        ])
    }

    func testANotEqualInExpectIsAnsweredWithABound() {
        expectTrained(
            "expect m loss != 0.5 on data",
            "12:15: '!=' is not one of the choices | state what the result must be: at least (>= 0.8), at most (<= 0.3), or between A and B")
    }

    /// `>=0.5` always compared; a one-sign comparison written against its number does too.
    func testAOneSignComparisonMayStandRightBeforeItsNumber() {
        expect(prelude + "train m on data epochs=$epochs\nexpect m loss <0.9 on data\nexpect m loss ≤0.9 on data\nexpect m loss >=0.1 on data\n```\n", [])
    }

    /// A bound no value of the metric keeps (accuracy is a share, a loss is never negative) is
    /// found by the check, as plot's limits are, not by a run that fails at the line.
    func testABoundNoValueOfTheMetricCanKeepIsACheckError() {
        let reporting = prelude.replacingOccurrences(of: "rate=$rate\n", with: "rate=$rate metrics=[accuracy]\n")
        expect(reporting + "train m on data epochs=$epochs\nexpect m accuracy >= 100 on data\nexpect m loss < 0 on data\nexpect m accuracy between 2 and 3 on data\nexpect m accuracy >= 1 on data\nexpect m loss <= 0 on data\n```\n", [
            "12:22: no accuracy is ≥ 100: accuracy is a share from 0 to 1, so the run would fail here however well m learns | for 100% write 1",
            "13:17: no loss is < 0: loss is 0 or more, so the run would fail here however well m learns | give a bound from 0 up",
            "14:27: no accuracy is between 2 and 3: accuracy is a share from 0 to 1, so the run would fail here however well m learns | give a bound from 0 to 1",
        ])
    }

    /// A result is a 32-bit number: a bound or a tolerance beyond Float32 is never reached or
    /// always kept, and tests nothing, so it is refused as any number beyond Float32 is.
    func testABoundOrToleranceBeyondFloat32IsACheckError() {
        let hint = "nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+39 would be infinite: the results expect compares are 32-bit numbers; give a bound of the size of the results"
        expect(prelude + "train m on data epochs=$epochs\nexpect m loss >= 1e39 on data\nexpect m prediction ≈ 0.5 within 1e39 x1=1 x2=0\nexpect m loss between 0 and 1e39 on data\n```\n", [
            "12:18: 1e+39 is beyond the largest 32-bit number, 3.4e38 | " + hint,
            "13:34: 1e+39 is beyond the largest 32-bit number, 3.4e38 | " + hint,
            "14:29: 1e+39 is beyond the largest 32-bit number, 3.4e38 | " + hint,
        ])
    }

    func testAnArrowWrittenTheWrongWayRoundInExpectIsAnsweredWithItsComparison() {
        expectTrained("expect m loss => 0.5 on data", "12:15: '=>' is not one of the choices | did you mean '>=' (at least, also written ≥)?")
        expectTrained("expect m loss =< 0.5 on data", "12:15: '=<' is not one of the choices | did you mean '<=' (at most, also written ≤)?")
    }

    func testMissingRequiredOption() {
        expect("```nnbook\nmodel m\n  dense 1\ncompile m optimizer=adam\n```\n", [
            "4:26: 'compile' needs the option loss=LOSS (the loss to minimise) | usage: compile MODEL loss=LOSS [optimizer=sgd|momentum|rmsprop|adam] [rate=NUMBER] [metrics=[accuracy|mae, …]] [epsilon=NUMBER] [from_logits=true|false]",
        ])
    }

    func testMissingKeywordArgument() {
        expectLine("train m", "11:9: 'train' needs 'on DATASET' (the data to learn from) | usage: train MODEL on DATASET [epochs=INTEGER] [descent=batch|stochastic|mini-batch] [batch=INTEGER] [shuffle=true|false] [every=INTEGER] [validation=DATASET] [validation_split=NUMBER] [units=original|scaled] [precision=INTEGER]")
    }

    func testWrongKeyword() {
        expectLine("train m with data", "11:9: expected 'on' here, not with | usage: train MODEL on DATASET [epochs=INTEGER] [descent=batch|stochastic|mini-batch] [batch=INTEGER] [shuffle=true|false] [every=INTEGER] [validation=DATASET] [validation_split=NUMBER] [units=original|scaled] [precision=INTEGER]")
    }

    func testExtraPositionalValue() {
        expectLine("show data 5", "11:11: unexpected 5: 'show' takes only 1 value before its options | usage: show DATASET [rows=INTEGER]")
    }

    func testDuplicateOption() {
        expectLine("train m on data epochs=1 epochs=2", "11:26: the option 'epochs' is given twice | keep one of them")
    }

    func testSplitUsedBeforeSplitting() {
        expectLine("evaluate m on data.test", "11:15: 'data' has not been split, so it has no test split | add `split data test=0.2` before this line")
    }

    func testValidationGivenTwoWays() {
        expectLine("train m on data validation=data validation_split=0.2", "11:33: give validation= or validation_split=, not both | validation= names samples kept apart already; validation_split= holds out the last share of the training samples")
    }

    func testValidationSplitOfOne() {
        expectLine("train m on data validation_split=1", "11:17: validation_split must be 0 or more and below 1, not 1 | validation_split=0.2 keeps the last fifth of the training samples for validation; leave it out to validate on none")
    }

    /// Keras' default `validation_split=0.0` holds out nothing: written in the notebook it has
    /// no effect and is refused, as `batch=` beside `descent=batch` is; a parameter's 0 validates
    /// on none, so a sweep over the share may start at 0.
    func testAValidationSplitOfZeroIsRefusedWhereWrittenAndNoValidationFromAParameter() {
        expectLine("train m on data validation_split=0", "11:17: validation_split=0 has no effect: it holds out no samples | leave validation_split out to train without validation data, or give a share such as 0.2 to validate on the last fifth of the training samples")
        let swept = prelude.replacingOccurrences(of: "  epochs: 10\n", with: "  epochs: 10\n  share: 0\n")
        expect(swept + "train m on data validation_split=$share\n```\n", [])
        expect(swept + "train m on data validation=data validation_split=$share\n```\n", [])
        expect(swept + "train m on data validation_split=$share\nplot m metric=val_loss\n```\n", ["13:8: 'm' will not have recorded val_loss by this line | train it with validation=DATA or validation_split=SHARE to record val_loss"])
    }

    func testAValidationSplitThatLeavesNothingToTrainOnIsFoundBeforeTheRun() {
        expectLine("train m on data validation_split=0.9", "11:17: validation_split=0.9 of 5 samples leaves 0 to train on and 5 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation")
        expectLine("take data 1 as one\ntrain m on one validation_split=0.5", "12:16: validation_split=0.5 of 1 sample leaves 0 to train on and 1 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation")
    }

    /// The 5 samples split 3 and 2: a share of a split is a share of the split's samples.
    func testAValidationSplitOfASplitCountsTheSplitsSamples() {
        expectLine("split data test=0.4\ntrain m on data.train validation_split=0.7", "12:23: validation_split=0.7 of 3 samples leaves 0 to train on and 3 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation")
        expectLine("split data test=0.4\ntrain m on data validation_split=0.7", "12:17: validation_split=0.7 of 3 samples leaves 0 to train on and 3 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation")
        expectLine("split data test=0.4\ntrain m on data.test validation_split=0.6", "12:22: validation_split=0.6 of 2 samples leaves 0 to train on and 2 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation")
    }

    /// A split with a mistake is reported at its line; the lines that use its splits are not
    /// told to add the split that is there.
    func testAFailedSplitIsReportedOnceAndNotAtEachUseOfItsSplits() {
        expectLine("split data tset=0.2\ntrain m on data.train\nevaluate m on data.test", "11:12: 'split' has no option 'tset' | did you mean 'test'?")
        expectLine("split data test=1.5\ntrain m on data.train\nevaluate m on data.test", "11:12: the test share must lie between 0 and 1, not 1.5 | test=0.2 keeps a fifth of the samples for testing")
    }

    /// A name stands for one data set or one model at a time, as a Python variable does: a
    /// model given a data set's name replaces it, and later lines that still use the data set
    /// are one mistake, at the line that took its name, not one at each use.
    func testAModelNamedLikeADataSetThatLaterLinesStillUseIsOneErrorAtTheModel() {
        expect(prelude + "model data\n  dense 1 activation=sigmoid\ntrain m on data\nevaluate m on data\n```\n", [
            "11:7: this line names a model 'data', which replaces the data set 'data' (line 7), but later lines still use that data set | give the model a name of its own, such as data_model: a name stands for one data set or one model at a time, as a Python variable does",
        ])
        expect(prelude + "take data 2 as m\ntrain m on data\nevaluate m on data\n```\n", [
            "11:16: this line names a data set 'm', which replaces the model 'm' (line 8), but later lines still use that model | give the data set a name of its own, such as m_data: a name stands for one data set or one model at a time, as a Python variable does",
        ])
    }

    /// Rebinding a name to the other kind is no mistake when nothing uses the old one after,
    /// and the run gives the name to the new one as the check does.
    func testAModelNamedLikeADataSetNothingUsesAfterIsAccepted() throws {
        let text = prelude + "train m on data\nload csv \"data.csv\" as more target=y\nmodel data\n  dense 1 activation=sigmoid\n"
            + "compile data loss=binary_crossentropy optimizer=sgd\ntrain data on more\nevaluate data on more\n```\n"
        expect(text, [])
        XCTAssertEqual(try NotebookFixtures.run(text, folder: folder).status, .succeeded)
    }

    /// A table whose every column is a target gives samples of no inputs: a model of them
    /// learns one bias, the same prediction for every sample.
    func testATableWhoseEveryColumnIsATargetIsRefusedAtTarget() throws {
        try "y\n0\n1\n1\n".write(to: folder.appendingPathComponent("f.csv"), atomically: true, encoding: .utf8)
        expect("```nnbook\nload csv \"f.csv\" as d target=y\n```\n", [
            "2:23: every column of f.csv is a target, so its samples have no features to learn from | target= names only the columns to predict; the other columns are the inputs, so keep at least one out of it",
        ])
    }

    /// A rate or epsilon above 0 that Float32 rounds to 0 is refused as 0 is: the run would
    /// learn nothing, or clip to nothing and give infinite losses.
    func testARateOrEpsilonThatFloat32RoundsToZeroIsRefused() {
        expectLine("compile m loss=binary_crossentropy optimizer=sgd rate=1e-50", "11:50: 1e-50 is below the smallest 32-bit number above 0, 1.4e-45, so it would be 0 | nnbook computes in 32-bit numbers (Float32), as Keras does: the learning rate must be above 0; rates are small numbers such as 0.01 or 0.001")
        expectLine("loss binary_crossentropy y_true=[1, 0] y_pred=[0, 1] epsilon=1e-50", "11:54: 1e-50 is below the smallest 32-bit number above 0, 1.4e-45, so it would be 0 | nnbook computes in 32-bit numbers (Float32), as Keras does: epsilon must be above 0; cross-entropy clips each probability to [epsilon, 1 − epsilon] before its log; Keras uses 1e-7, the course's log loss 1e-15")
        expect(prelude + "loss binary_crossentropy y_true=[1, 0] y_pred=[0, 1] epsilon=1e-50 dtype=float64\n```\n", [])
    }

    /// The check knows the size of a small table: a split of one sample is found before the run.
    func testSplittingASingleSampleIsFoundByTheCheck() {
        expectLine("take data 1 as one\nsplit one", "12:7: one has 1 sample, and a split needs at least 2: one to train on, one to test on | load more samples, or train and evaluate on one as it is")
    }

    /// A class of one sample cannot be in both splits: the check has read a small table's
    /// classes, and says so before anything runs, with the class's name; after a `take` of
    /// the first rows it knows theirs too.
    func testStratifyingAClassOfOneSampleIsRefusedByTheCheck() {
        let table = "```csv name=fruit\nweight,fruit\n150,apple\n140,apple\n155,apple\n120,banana\n90,lemon\n95,lemon\n```\n"
        expect(table + "```nnbook\nload inline fruit as f target=fruit codes=[fruit]\nsplit f stratify=true\n```\n", [
            "12:9: stratify needs at least 2 samples of each class, but class banana has only 1 | split without stratify=true, or leave out the classes of one sample",
        ])
        expect(table + "```nnbook\nload inline fruit as f target=fruit codes=[fruit]\ntake f 5 as some shuffle=false\nsplit some stratify=true\n```\n", [
            "13:12: stratify needs at least 2 samples of each class, but class banana has only 1 | split without stratify=true, or leave out the classes of one sample",
        ])
    }

    /// A seeded choice (`take`, `rows=`) of a small table's samples is replayed by the check
    /// with the notebook's seed, as the run draws it: the class it leaves with one sample is
    /// refused at stratify=, naming the choice, before anything runs.
    func testStratifyingAClassOfOneSampleLeftByASeededChoiceIsFoundByTheCheck() {
        let table = "```csv name=fruit\nweight,fruit\n150,apple\n140,apple\n155,apple\n120,banana\n125,banana\n90,lemon\n95,lemon\n```\n"
        expect(table + "```nnbook\nload inline fruit as f target=fruit codes=[fruit]\ntake f 4 as some\nsplit some stratify=true\n```\n", [
            "14:12: stratify needs at least 2 samples of each class, but class banana has only 1 | take at line 13 kept 4 of the 7 samples of f, chosen by a seeded shuffle: keep more samples, or split without stratify=true",
        ])
        expect(table + "```nnbook\nload inline fruit as f target=fruit codes=[fruit] rows=4\nsplit f stratify=true\n```\n", [
            "13:9: stratify needs at least 2 samples of each class, but class banana has only 1 | rows=4 at line 12 kept 4 of the 7 samples, chosen by a seeded shuffle: keep more samples, or split without stratify=true",
        ])
    }

    /// A word target made one-hot rows (`one_hot=[fruit]`) is classes, and stratifies.
    func testStratifyingOneHotRowsOfAWordTargetIsAccepted() throws {
        let text = "```csv name=fruit\nweight,fruit\n150,apple\n140,apple\n120,banana\n125,banana\n90,lemon\n95,lemon\n```\n```nnbook\nload inline fruit as f target=fruit one_hot=[fruit]\nsplit f test=0.5 stratify=true\n```\n"
        expect(text, [])
        XCTAssertEqual(try NotebookFixtures.run(text, folder: folder).status, .succeeded)
    }

    /// The first rows a `take` keeps are known to the check as the run will find them: the
    /// class of one sample among them is refused at stratify=, with the hint for few samples.
    func testStratifyingAClassOfOneSampleAmongTheFirstRowsIsPlacedAtStratify() {
        let text = "```csv name=t\nx,y\n1,0\n2,1\n3,2\n4,2\n```\n```nnbook\nload inline t as d target=y\ntake d 4 as few shuffle=false\nsplit few test=0.5 stratify=true\n```\n"
        expect(text, ["11:20: stratify needs at least 2 samples of each class, but class 0 has only 1 | split without stratify=true, or leave out the classes of one sample"])
    }

    /// Decision regions are classes: a regression's are refused, as its confusion matrix is.
    func testBoundaryOfARegressionIsRefused() {
        expect("```csv name=t\nx1,x2,y\n1,2,3.5\n2,1,4.5\n```\n```nnbook\nload inline t as d target=y\nmodel r\n  dense 1\ncompile r loss=mse\ntrain r on d\nboundary r on d\n```\n", [
            "12:10: decision regions are the classes a classifier predicts, but 'r' predicts numbers: it was compiled with mse | for a regression use `scatter r on d`, its predictions against the true values; compile a classifier with binary_crossentropy or (sparse_)categorical_crossentropy",
        ])
    }

    /// scikit-learn refuses to stratify continuous targets: there are no classes to keep.
    func testStratifyingNumbersToPredictIsRefused() {
        expectLine("load csv \"data.csv\" as prices target=x1\nsplit prices stratify=true", "12:14: stratify needs class targets (whole numbers 0, 1, 2, … or one-hot rows), not other numbers | stratify keeps each class's share in both splits; for numbers to predict, split without stratify=true")
    }

    func testTakingFromOneSampleSpeaksOfOneSample() {
        expectLine("take data 1 as one\ntake one 2 as two", "12:10: one has 1 sample, so 2 cannot be taken | take 1 sample")
    }

    func testPlotOfAValidationMetricOfAnUnvalidatedTraining() {
        expectLine("train m on data epochs=$epochs\nplot m metric=val_loss", "12:8: 'm' will not have recorded val_loss by this line | train it with validation=DATA or validation_split=SHARE to record val_loss")
    }

    /// The validation loss exists from epoch 3 only: a plot of epochs 1 to 2 has no line.
    func testPlotOfValidationEpochsTrainedWithoutValidation() {
        expectLine("train m on data epochs=2\ntrain m on data epochs=2 validation_split=0.2\nplot m metric=val_loss from=1 to=2", "13:8: 'm' recorded val_loss only in epochs 3 to 4, none of epochs 1 to 2 | draw the epochs that have it, e.g. from=3, or validate the training of epochs 1 to 2")
        expect(prelude + "train m on data epochs=2\ntrain m on data epochs=2 validation_split=0.2\nplot m metric=val_loss from=2 to=3\n```\n", [])
    }

    func testPlotOfAMetricNotCompiled() {
        expectLine("train m on data epochs=$epochs\nplot m metric=accuracy", "12:8: 'm' will not have recorded accuracy by this line | it records: loss; add accuracy to the metrics of `compile m`")
    }

    func testPlotOfAMetricInKerasSpelling() {
        expectLine(
            "compile m loss=binary_crossentropy optimizer=sgd metrics=[accuracy]\ntrain m on data epochs=$epochs\nplot m metric=acc",
            "13:8: 'm' will not have recorded acc by this line | did you mean 'accuracy'? nnbook calls acc accuracy; it records: accuracy, loss")
        expectLine(
            "compile m loss=binary_crossentropy optimizer=sgd metrics=[accuracy]\ntrain m on data epochs=$epochs validation_split=0.2\nplot m metric=val_acc",
            "13:8: 'm' will not have recorded val_acc by this line | did you mean 'val_accuracy'? nnbook calls val_acc val_accuracy; it records: accuracy, loss, val_accuracy, val_loss")
    }

    /// One misspelt metric of a plot of several models is one mistake, told once.
    func testAMetricNoModelOfAPlotRecordedIsOneError() {
        expectLine(
            "model k like m\ncompile k loss=binary_crossentropy\ntrain m on data\ntrain k on data\nplot m k metric=los",
            "15:10: 'm' and 'k' will not have recorded los by this line | did you mean 'loss'? they record: loss")
    }

    func testPlotOfEpochsOutsideTheHistory() {
        expectLine("train m on data epochs=3\ntrain m on data epochs=2\nplot m from=6", "13:8: from=6 lies outside the history, which holds epochs 1 to 5 by this line | choose epochs from 1 to 5")
        // A `train` whose validation data is wrong still trains: the history holds its epochs.
        expect(prelude + "train m on data epochs=3\ntrain m on data epochs=2 validation=nothere\nplot m from=0 to=4\n```\n", [
            "12:37: no data set named 'nothere' has been defined before this line | the known data sets are: data",
            "13:8: from=0 lies outside the history, which holds epochs 1 to 5 by this line | choose epochs from 1 to 5",
        ])
        // After a `train` that cannot be read, how far the history reaches is unknown; only
        // that it starts at 1.
        expect(prelude + "train m on data epochs=3\ntrain m on nothere epochs=2\nplot m from=0 to=4\n```\n", [
            "12:12: no data set named 'nothere' has been defined before this line | the known data sets are: data",
            "13:8: from=0 lies outside the history, whose epochs are counted from 1 | choose epochs from 1",
        ])
    }

    func testTakeOfMoreSamplesThanTheCheckerKnows() {
        expectLine("take data 3 as few\ntake few 4 as more", "12:10: few has 3 samples, so 4 cannot be taken | take from 1 to 3 samples")
    }

    func testTakeOfMoreImagesThanASplitHolds() {
        expect("```nnbook\nload fashion-mnist as clothes\ntake clothes.test 20000 as big\n```\n", [
            "3:19: clothes.test has 10000 samples, so 20000 cannot be taken | take from 1 to 10000 samples",
        ])
    }

    func testLoadRowsBeyondASplitOfFashionMNIST() {
        expect("```nnbook\nload fashion-mnist as clothes rows=20000\n```\n", [
            "2:31: clothes.test has 10000 samples, so 20000 cannot be taken | rows= keeps N samples of each split; give at most 10000",
        ])
    }

    func testLoadRowsBeyondATable() {
        expect("```csv name=t\nx,y\n1,0\n2,1\n```\n```nnbook\nload inline t as d target=y rows=3\n```\n", [
            "7:29: the table 't' has 2 samples, so 3 cannot be taken | rows= keeps N samples; give at most 2",
        ])
    }

    func testPlotLabelsOfTheWrongCount() {
        expectLine("train m on data epochs=3\nplot m labels=[a, b]", "12:8: labels= names 2 lines, but the plot has 1 model | give one label per model, in the order the models are written")
    }

    func testPlotOnALogScaleWithALimitOfZero() {
        expectLine("train m on data epochs=3\nplot m scale=log ymin=0", "12:18: a log scale has no place for 0 | give limits above 0")
    }

    /// Limits out of order are one mistake of the pair, told once at the pair (not also as a
    /// top below every value, or a 0 on a log scale), with limits the metric can reach.
    func testPlotLimitsOutOfOrderAreOneErrorAtThePair() {
        expectLine("train m on data epochs=3\nplot m ymin=0 ymax=0", "12:8: ymin=0 must be below ymax=0 | ymin= is the bottom of the axis and ymax= its top, above it: e.g. ymin=0 ymax=1")
        expectLine("train m on data epochs=3\nplot m scale=log ymin=3 ymax=-1", "12:18: ymin=3 must be below ymax=-1 | ymin= is the bottom of the axis and ymax= its top, above it: e.g. ymin=3 ymax=30")
        expectLine("train m on data epochs=3\nplot m scale=log ymin=0 ymax=0", "12:18: ymin=0 must be below ymax=0 | ymin= is the bottom of the axis and ymax= its top, above it: e.g. ymin=0.1 ymax=1")
        expectLine("train m on data epochs=3\nplot m ymin=2 ymax=0.5", "12:8: ymin=2 must be below ymax=0.5 | ymin= is the bottom of the axis and ymax= its top: swap them, ymin=0.5 ymax=2")
        expectLine("train m on data epochs=3\nplot m ymin=2 ymax=-1", "12:8: ymin=2 must be below ymax=-1 | ymin= is the bottom of the axis and ymax= its top: swap them, ymin=-1 ymax=2")
    }

    func testTrainingBeforeCompiling() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1\ntrain m on data\n```\n", [
            "5:7: the model 'm' must be compiled before it is trained | add `compile m loss=… optimizer=…` before this line",
        ])
    }

    func testUnknownLayer() {
        expect("```nnbook\nmodel m\n  dens 1\n```\n", ["3:3: 'dens' cannot be used under 'model' | did you mean 'dense'?"])
    }

    func testUnknownCellAttribute() {
        expect("```nnbook lable=x\nmodel m\n  dense 1\n```\n", ["1:11: 'lable=x' is not a cell attribute | a cell's fence may carry a label: ```nnbook label=training (letters, digits, '-' and '_')"])
        expect("```nnbook label={{x}}\nmodel m\n  dense 1\n```\n", [
            "1:17: the label '{{x}}' is not a fixed name | a label names the cell's pictures, so it is written out in letters, digits, '-' and '_' (it cannot use a parameter): ```nnbook label=training",
        ])
    }

    func testOverlongCellLabel() {
        let label = String(repeating: "a", count: 300)
        expect("```nnbook label=\(label)\nmodel m\n  dense 1\n```\n", [
            "1:17: the label '\(label.prefix(40))…' is 300 characters long; a label may have at most 64 | a label names the files of the cell's pictures, so it must stay short: ```nnbook label=training",
        ])
    }

    func testDuplicateCellLabel() {
        expect("```nnbook label=a\nmodel m\n  dense 1\n```\n```nnbook label=a\nmodel k\n  dense 1\n```\n", [
            "5:1: the label 'a' is already used by the cell at line 1 | labels name a cell's images and metrics, so each must be unique",
        ])
    }

    func testModelWithoutLayers() {
        expect("```nnbook\nmodel m\n```\n", ["2:1: the model has no layers | list its layers on indented lines below, e.g.\n  model m\n    dense 1 activation=sigmoid\nor copy another model's layers: model m like OTHER"])
    }

    func testDenseWithZeroUnits() {
        expect("```nnbook\nmodel m\n  dense 0\n```\n", ["3:9: a dense layer needs at least 1 unit, not 0 | its units are its outputs, one number each per sample: `dense 1` for one prediction, `dense 10` for ten classes"])
    }

    func testMissingDataFile() {
        expect("```nnbook\nload csv \"missing.csv\" as d target=y\n```\n", ["2:10: there is no file missing.csv | paths are read from the notebook's folder, \(folder.path)"])
    }

    /// Splitting a split: the hint says how to get what the learner wanted, validation samples
    /// or a smaller set of its own to split.
    func testSplittingASplitTeachesValidationSplitAndTake() {
        expectLine("split data test=0.4\nsplit data.train test=0.5", "12:7: data.train is already a split of data, and only a whole data set can be split | to hold out validation samples from data.train, train with validation_split=0.2 (`train MODEL on data validation_split=0.2`); to split its samples again, make them a data set of their own first: `take data.train 3 as data_train`, then `split data_train`")
        expectLine("split data test=0.4\nsplit data.test", "12:7: data.test is already a split of data, and only a whole data set can be split | to split its samples again, make them a data set of their own first: `take data.test 2 as data_test`, then `split data_test`")
    }

    /// A second `split` of one data set would split every sample again and drop the first
    /// split: its test samples would be trained on.
    func testSplittingADataSetTwiceIsAnErrorAtTheSecondSplit() {
        expectLine("split data test=0.4\nshow data.test\nsplit data test=0.5", "13:7: data is already split, at line 11, into data.train (3 samples) and data.test (2) | split a data set once: change test= at line 11 instead; to hold out validation samples from data.train, train with validation_split=0.2 (`train MODEL on data validation_split=0.2`); to split its samples again, make them a data set of their own first: `take data.train 3 as data_train`, then `split data_train`")
        // A data set made anew under the name may be split again.
        expect(prelude + "split data\ntake data 4 as data\nsplit data\n```\n", [])
    }

    /// The name the hint proposes is not in use: following it replaces nothing.
    func testTheSplitOfASplitHintNamesANewDataSet() {
        expectLine("split data\ntake data.train 3 as data_train\nsplit data.train", "13:7: data.train is already a split of data, and only a whole data set can be split | to hold out validation samples from data.train, train with validation_split=0.2 (`train MODEL on data validation_split=0.2`); to split its samples again, make them a data set of their own first: `take data.train 4 as data_train2`, then `split data_train2`")
    }

    func testTestShareOutOfRange() {
        expectLine("split data test=1.5", "11:12: the test share must lie between 0 and 1, not 1.5 | test=0.2 keeps a fifth of the samples for testing")
    }

    /// batch= and shuffle= are mini-batch descent's: with another mode they would be ignored
    /// in silence. A descent given by a parameter may be mini-batch in another run: left alone.
    func testBatchOrShuffleWithAnotherDescentIsAnError() {
        expectLine("train m on data descent=batch batch=32", "11:31: batch= has no effect with descent=batch: each step uses all the training samples | drop batch=, or use descent=mini-batch for steps of that many samples")
        expectLine("explain m on data descent=stochastic shuffle=false", "11:38: shuffle= has no effect with descent=stochastic: each step uses one sample, picked at random | drop shuffle=, or use descent=mini-batch for steps of shuffled samples")
        expect("---\nparams:\n  descent: batch\n---\n```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on data descent=$descent batch=2 shuffle=false\ntrain m on data descent=mini-batch batch=2 shuffle=false\n```\n", [])
    }

    /// The hand-computed loss takes from_logits= and epsilon= as `compile` does: only for a
    /// cross-entropy (they were ignored in silence, and the column was headed "logits").
    func testCrossEntropyOptionsOnTheLossLessonOfAnotherLoss() {
        expect("```nnbook\nloss mae y_true=[0.3, 1] y_pred=[1, 0] from_logits=true\nloss mse y_true=[0.3, 1] y_pred=[1, 0] epsilon=0.1\n```\n", [
            "2:40: from_logits= applies to cross-entropy losses, and loss=mae has none | drop from_logits=, or compute a cross-entropy such as binary_crossentropy",
            "3:40: epsilon= applies to cross-entropy losses, and loss=mse has none | drop epsilon=, or compute a cross-entropy such as binary_crossentropy",
        ])
    }

    /// The activation lesson's numbers are a network's: Float32, as a layer's slope= is.
    func testActivationLessonInputsBeyondFloat32OrNone() {
        expect("```nnbook\nactivation leaky_relu x=[-1, 5] slope=1e40\nactivation sigmoid x=[1e40]\nactivation softmax x=[]\n```\n", [
            "2:33: 1e+40 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+40 would be infinite: Keras' slope is 0.2, the course's 0.1",
            "3:20: 1e+40 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+40 would be infinite: a network's inputs and sums are 32-bit numbers",
            "4:20: x= holds no inputs | give the inputs to compute softmax at, e.g. x=[-1, 0, 2]",
        ])
    }

    /// `curve` draws the same functions over a range of inputs: its numbers are refused as the
    /// `activation` lesson's are.
    func testCurveNumbersBeyondFloat32() {
        expect("```nnbook\ncurve relu leaky_relu slope=1e300 from=-3 to=1e300\ncurve sigmoid from=5 to=-5\n```\n", [
            "2:23: 1e+300 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+300 would be infinite: Keras' slope is 0.2, the course's 0.1",
            "2:43: 1e+300 is beyond the largest 32-bit number, 3.4e38 | nnbook computes in 32-bit numbers (Float32), as Keras does, so 1e+300 would be infinite: a network's inputs and sums are 32-bit numbers",
            "3:15: from= must be smaller than to= | from= is the smallest input drawn and to= the largest, e.g. from=-5 to=5",
        ])
    }

    func testScaleWithoutAMethod() {
        expectLine("scale data x1", "11:1: say how to scale: give either divide= or method= | e.g. scale data x1 divide=100, or method=min-max")
    }

    /// Found by fuzzing: a line of carriage returns once made the lexer loop for ever.
    func testStrayCarriageReturnsAreSpaces() {
        expect("```nnbook\n\r\r\r\rloss\r\rmae y_true=[1]\ry_pred=[0]\n```\n", [])
        expect("```nnbook\n\r\r\r\r\n```\n", [])
    }

    func testEveryErrorIsReportedInOnePass() {
        expect("```nnbook\ntrian m\nmodel\nshow nothing\n```\n", [
            "2:1: unknown command 'trian' | did you mean 'train'?",
            "3:7: 'model' needs MODEL (the model's name) | usage: model MODEL [like MODEL] [input=[INTEGER, …]]",
            "4:6: no data set named 'nothing' has been defined before this line | define the data set in an earlier command",
        ])
    }

    /// A `compile` line that cannot be read (a loss nnbook does not know, a list never closed)
    /// still compiles its model, with what it could not read unknown: the lines after it are
    /// checked, and nothing that depends on the unknown loss or metrics is said (a last layer
    /// without an activation fits some losses; `accuracy` may be among the metrics).
    func testACompileLineThatCannotBeReadStillCompilesItsModel() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1\ncompile m loss=hinge optimizer=sgd metrics=[accuracy]\ntrain m on data epochs=2\nexpect m accuracy >= 0.5 on data\npredict m x3=1\n```\n", [
            "5:16: 'hinge' is not one of the choices | the known choices are: binary_crossentropy, categorical_crossentropy, mae, mean_absolute_error, mean_squared_error, mse, sparse_categorical_crossentropy",
            "8:11: the model 'm' was not trained on a feature called 'x3' | did you mean 'x1'? its features are x1, x2",
        ])
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd metrics=[accuracy\ntrain m on data epochs=2\nplot m metric=accuracy\nplot m metric=los\nexpect m mae < 0.5 on data\npredict m x3=1\n```\n", [
            "5:58: this list is never closed | add ']' after the last item",
            "8:8: 'm' will not have recorded los by this line | did you mean 'loss'? it records: loss",
            "10:11: the model 'm' was not trained on a feature called 'x3' | did you mean 'x1'? its features are x1, x2",
        ])
        // What was read of the line is still checked.
        expect("```nnbook\nmodel m\n  dense 1\ncompile m loss=hinge rate=-1\n```\n", [
            "4:16: 'hinge' is not one of the choices | the known choices are: binary_crossentropy, categorical_crossentropy, mae, mean_absolute_error, mean_squared_error, mse, sparse_categorical_crossentropy",
            "4:22: the learning rate must be above 0, not -1 | rates are small numbers such as 0.01 or 0.001",
        ])
    }

    /// A layer line that cannot be read (Keras' `Dense(…)`, `flatten()`, a stray comma) is that
    /// line's mistake: the model's other layers and the lines after it are still checked.
    func testALayerLineThatCannotBeReadLeavesTheOtherLayersAndLaterLinesChecked() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  Dense(4, activation=\"relu\")\n  conv2d 32\n  dense 4 activation=relu,\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy metrics=[accuracy]\ntrain m on data epochs=2\nplot m metric=val_acc\npredict m x3=1\n```\n", [
            "4:3: this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes | write `dense 4 activation=relu`",
            "5:3: 'conv2d' cannot be used under 'model' | the known lines under 'model' are: dense, dropout, flatten",
            "6:26: unexpected ',' | lists are written [1, 2, 3]",
            "10:8: 'm' will not have recorded val_acc by this line | it records: accuracy, loss",
            "11:11: the model 'm' was not trained on a feature called 'x3' | did you mean 'x1'? its features are x1, x2",
        ])
    }

    /// A model's name used as a data set before the model is defined is one error at that use:
    /// the model's line replaces no data set, and a later use of its name as a data set is an
    /// error of its own.
    func testANameUsedBeforeItIsDefinedIsReplacedByNothing() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nscale m x1 divide=10\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on data epochs=2\nevaluate m on m\n```\n", [
            "3:7: no data set named 'm' has been defined before this line | the known data sets are: data",
            "8:15: 'm' is a model, not a data set | the known data sets are: data",
        ])
    }

    /// `one_hot d.train` is one error, and is read as the `one_hot d` its hint says to write.
    func testAOneHotOfASplitIsReadAsOfItsDataSet() {
        expect("```nnbook\nload csv \"data.csv\" as data target=y\nsplit data test=0.4\none_hot data.train\none_hot data classes=5\n```\n", [
            "4:9: encode the whole data set, not one split: the splits are encoded alike | write `one_hot data`",
            "5:9: the target has 2 columns; one_hot needs a single column of class numbers",
        ])
    }

    /// A misspelt target column is one error, and is read as the column it is close to: the
    /// lines after it are checked as if it were written right. A name as close to two columns
    /// is read as neither.
    func testAMisspeltTargetColumnIsReadAsTheColumnItIsCloseTo() {
        expect("```nnbook\nload csv \"data.csv\" as data target=yy\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\ntrain m on data epochs=2\npredict m x3=1\n```\n", [
            "2:29: data.csv has no column \"yy\" | did you mean 'y'? the columns are x1, x2, y",
            "7:11: the model 'm' was not trained on a feature called 'x3' | did you mean 'x1'? its features are x1, x2",
        ])
        expect("```nnbook\nload csv \"data.csv\" as data target=x\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\ntrain m on data epochs=2\npredict m x3=1\n```\n", [
            "2:29: data.csv has no column \"x\" | the columns are x1, x2, y",
        ])
        expect("```nnbook\nload csv \"data.csv\" as data target=x3\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\ntrain m on data epochs=2\npredict m x3=1\n```\n", [
            "2:29: data.csv has no column \"x3\" | did you mean 'x1'? the columns are x1, x2, y",
        ])
    }

    func testOverrideOfAnUnknownParameterListsTheDeclaredOnes() {
        XCTAssertEqual(NotebookFixtures.diagnostics(prelude + "```\n", overrides: [("rat", "0.1")], folder: folder), [
            "-: unknown parameter 'rat' | did you mean 'rate'? the parameters are: rate (number, default 0.5), epochs (integer, default 10)",
        ])
    }

    func testOverrideOfTheWrongType() {
        XCTAssertEqual(NotebookFixtures.diagnostics(prelude + "```\n", overrides: [("epochs", "many")], folder: folder), [
            "-: the parameter 'epochs' must be a whole number, not 'many' | the parameters are: rate (number, default 0.5), epochs (integer, default 10)",
        ])
    }

    /// A `-p` value of the right type that does not fit where the parameter is used is one
    /// mistake of the command line, however many lines use it.
    func testAnOverrideThatDoesNotFitItsUsesIsReportedOnceAsTheCommandLines() {
        let text = "---\nparams:\n  act: sigmoid\n  units: 4\n---\n```nnbook\nmodel a\n  dense $units activation=$act\nmodel b\n  dense $units activation=$act\n```\n"
        XCTAssertEqual(NotebookFixtures.diagnostics(text, overrides: [("act", "sigmoidd")], folder: folder), [
            "-: -p act=sigmoidd does not fit where lines 8 and 10 use $act: 'sigmoidd' is not one of the choices | did you mean 'sigmoid'?",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(text, overrides: [("units", "-3"), ("act", "relu")], folder: folder), [
            "-: -p units=-3 does not fit where lines 8 and 10 use $units: a dense layer needs at least 1 unit, not -3 | its units are its outputs, one number each per sample: `dense 1` for one prediction, `dense 10` for ten classes",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(prelude + "train m on data epochs=$epochs\n```\n", overrides: [("epochs", "0")], folder: folder), [
            "-: -p epochs=0 does not fit where line 11 uses $epochs: epochs must be 1 or more, not 0 | epochs=: how many passes over the training samples; e.g. train neuron on insurance descent=batch epochs=1000 every=100",
        ])
        // The same value as the notebook's own default is the notebook's mistake, at its declaration.
        XCTAssertEqual(NotebookFixtures.diagnostics(text.replacingOccurrences(of: "act: sigmoid", with: "act: sigmoidd"), folder: folder), [
            "3:3: the default of 'act', sigmoidd, does not fit where lines 8 and 10 use $act: 'sigmoidd' is not one of the choices | did you mean 'sigmoid'?",
        ])
    }

    /// A default of the wrong kind used on several lines is one mistake, at the front matter;
    /// a use that alone does not fit is that line's mistake.
    func testAWrongDefaultUsedOnSeveralLinesIsOneErrorAtTheFrontMatter() {
        expect("---\nparams:\n  units: four\n  act: relu\n---\n```nnbook\nmodel a\n  dense $units activation=$act\nmodel b\n  dense $units activation=$act\nshow nothing\n```\n", [
            "3:3: the default of 'units', four, does not fit where lines 8 and 10 use $units: expected a whole number, not \"four\"",
            "11:6: no data set named 'nothing' has been defined before this line | define the data set in an earlier command",
        ])
        expect("---\nparams:\n  act: relu\n---\n```nnbook\nmodel a\n  dense 1 activation=$act\nactivation $act x=[1]\nloss $act y_true=[1] y_pred=[1]\n```\n", [
            "9:6: 'relu' is not one of the choices | the known choices are: binary_crossentropy, categorical_crossentropy, mae, mean_absolute_error, mean_squared_error, mse, sparse_categorical_crossentropy",
        ])
    }

    /// A label in quotes, as an HTML attribute is written, is one mistake however many words the
    /// quotes hold, with the label it can be.
    func testAQuotedLabelIsOneErrorWithTheLabelWrittenAsOneWord() {
        expect("```nnbook label=\"my train\"\nmodel m\n  dense 1\n```\n", [
            "1:17: a label is one word, written without quotes | write ```nnbook label=my_train (letters, digits, '-' and '_'; it names the cell's pictures)",
        ])
        expect("```nnbook label='data' \nmodel m\n  dense 1\n```\n", [
            "1:17: a label is one word, written without quotes | write ```nnbook label=data (letters, digits, '-' and '_'; it names the cell's pictures)",
        ])
    }

    /// A share written as a percentage gets the number nnbook takes, on a command and on an
    /// `expect` bound alike.
    func testAPercentageWhereAShareIsTakenIsToldTheNumber() {
        expectLine("split data test=20%", "11:17: expected a number, not 20% | write 0.2: nnbook writes a share as a number from 0 to 1, not as a percentage")
        expectLine("train m on data epochs=1\nexpect m accuracy >= 80% on data", "12:22: expected a number, not 80% | write 0.8: nnbook writes a share as a number from 0 to 1, not as a percentage")
        XCTAssertEqual(NotebookFixtures.diagnostics(prelude + "train m on data epochs=1\n```\n", overrides: [("rate", "50%")], folder: folder), [
            "-: the parameter 'rate' must be a number, not '50%' | write 0.5: nnbook writes a share as a number from 0 to 1, not as a percentage",
        ])
    }

    /// A whole number too large for 64 bits is whole: it is too large, and the largest is said.
    func testAWholeNumberBeyond64BitsIsTooLargeNotFractional() {
        expectLine("train m on data epochs=99999999999999999999", "11:24: 99999999999999999999 is too large for a whole number (the largest is 9223372036854775807)")
        XCTAssertEqual(NotebookFixtures.diagnostics(prelude + "train m on data epochs=$epochs\n```\n", overrides: [("epochs", "99999999999999999999")], folder: folder), [
            "-: the parameter 'epochs' cannot be 99999999999999999999: it is too large for a whole number (the largest is 9223372036854775807) | the parameters are: rate (number, default 0.5), epochs (integer, default 10)",
        ])
    }

    /// A default that is wrong is reported on the front matter's own line: a whole number too
    /// large (which YAML would read as 1e+20), a setting written `name=value`, and a default
    /// that does not fit its one use.
    func testAWrongDefaultIsReportedOnItsOwnLine() {
        expect("---\nparams:\n  epochs: 99999999999999999999\n---\n```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1\ncompile m loss=mse\ntrain m on data epochs=$epochs\n```\n", [
            "3:11: the default of 'epochs', 99999999999999999999, is too large for a whole number (the largest is 9223372036854775807)",
        ])
        expect("---\nparams:\n  epochs: {type: integer, default: 99999999999999999999}\n---\n", [
            "3:36: the default of 'epochs', 99999999999999999999, is too large for a whole number (the largest is 9223372036854775807)",
        ])
        expect("---\nparams:\n  epochs=1000\n  rate: 0.5\n---\n", [
            "3:9: a setting of the front matter is written `name: value`, not `name=value` | write epochs: 1000",
        ])
        expect("---\nparams:\n  epochs: 0\n---\n```nnbook\nload csv \"data.csv\" as data target=y\nmodel m\n  dense 1\ncompile m loss=mse\ntrain m on data epochs=$epochs\n```\n", [
            "3:3: the default of 'epochs', 0, does not fit where line 10 uses $epochs: epochs must be 1 or more, not 0 | epochs=: how many passes over the training samples; e.g. train neuron on insurance descent=batch epochs=1000 every=100",
        ])
    }

    /// A model no machine could hold is refused without suggesting a larger --memory-limit.
    func testAModelBeyondWhat64BitsAddressIsNotToldToRaiseTheLimit() {
        XCTAssertEqual(NotebookFixtures.diagnostics("```nnbook\nmodel m input=[9223372036854775807]\n  dense 1\n```\n", folder: folder, memory: MemoryLimit(bytes: 1_000_000_000)), [
            "3:9: the model m would need more memory than a 64-bit machine can address, far more than the limit of 1.0 GB | `dense 1` holds more than a 64-bit machine can address of it: 9,223,372,036,854,775,807 weights (9,223,372,036,854,775,807 inputs × 1 units, and a bias per unit), each with its gradient and the optimizer's state, and 1 outputs for each sample of a batch; make it smaller: no machine can address that much memory, whatever --memory-limit says",
        ])
    }

    /// A line that uses a parameter of a front matter YAML could not read is still checked,
    /// silent only about the parameter.
    func testALineUsingAParameterOfUnreadableYAMLIsStillChecked() {
        expect("---\ntitle: a: b\nparams:\n  units: 4\n---\n```nnbook\nmodel a\n  dense $units activation=reluu\ntrain a on nothing epochs=$units shufle=false\n```\n", [
            "2:9: the front matter is not valid YAML: mapping values are not allowed in this context | ': ' inside a value starts another setting: put the value in quotes, title: \"a: b\"",
            "8:27: 'reluu' is not one of the choices | did you mean 'relu'?",
            "9:12: no data set named 'nothing' has been defined before this line | define the data set in an earlier command",
            "9:34: 'train' has no option 'shufle' | did you mean 'shuffle'?",
        ])
    }

    /// A `-p` value that breaks a line where it is not written, in a notebook that passes with
    /// its defaults, is the command line's mistake, naming the value and where it shows; of
    /// several values, the one that alone breaks it.
    func testAnOverrideThatBreaksAnotherLineIsTheCommandLinesMistake() {
        let text = "---\nparams:\n  loss: {choices: [binary_crossentropy, mse, sparse_categorical_crossentropy], default: binary_crossentropy}\n  n: 4\n  share: 0.25\n---\n"
            + "```nnbook\nload csv \"data.csv\" as data target=y\ntake data $n as g\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=$loss optimizer=adam\ntrain m on g epochs=5 validation_split=$share\n```\n"
        XCTAssertEqual(NotebookFixtures.diagnostics(text, folder: folder), [])
        XCTAssertEqual(NotebookFixtures.diagnostics(text, overrides: [("loss", "sparse_categorical_crossentropy")], folder: folder), [
            "-: -p loss=sparse_categorical_crossentropy does not fit the notebook, which uses $loss at line 12: at line 11, the labels of g go up to 1, but the last dense layer has 1 unit, for the classes 0 to 0 | give the last dense layer 2 units, one per class",
        ])
        XCTAssertEqual(NotebookFixtures.diagnostics(text, overrides: [("loss", "mse"), ("n", "1")], folder: folder), [
            "-: -p n=1 does not fit the notebook, which uses $n at line 9: at line 13, validation_split=0.25 of 1 sample leaves 0 to train on and 1 to validate on | validation_split=0.2 keeps the last fifth of the samples for validation",
        ])
    }

    /// A cell fenced inside a list item, or indented up to three spaces, is a cell, as CommonMark
    /// reads it: the fence's indentation is taken off its lines, a layer is indented beyond it,
    /// and a mistake in it is shown where it stands.
    func testACellIndentedInAListItemIsReadAsACell() {
        expect("- the data:\n\n  ```nnbook label=data\n  load csv \"data.csv\" as data target=y\n  model m\n    dense 1\n  ```\n\n```nnbook\nshow data\nsummary m\n```\n", [])
        expect("   ```nnbook\n   load csv \"data.csv\" as data target=y\n   split data tset=0.2\n   ```\n", ["3:15: 'split' has no option 'tset' | did you mean 'test'?"])
        let (notebook, _) = NotebookParser.read("- the data:\n\n  ```nnbook\n  model m\n    dense 1\n  ```\n", path: "t.nnbook")
        XCTAssertEqual(notebook.cells.first?.source, ["model m", "  dense 1"])
    }

    /// A cell's fence indented four spaces or more is code to Markdown, and one in a quote is
    /// quoted code: one error at the fence; the indented one is read all the same, so that its
    /// data set is known to the cells after it.
    func testACellFenceMarkdownDoesNotTakeForOneIsOneErrorAtTheFence() {
        expect("Some prose.\n\n    ```nnbook\n    load csv \"data.csv\" as data target=y\n    ```\n\n```nnbook\nshow data\n```\n", [
            "3:5: this cell's fence is indented 4 spaces, so Markdown shows the cell as code and it would not run | start ```nnbook at most 3 spaces in (in a list item, under the item's first word), its lines and its closing ``` as far in",
        ])
        expect("> ```nnbook\n> model m\n> ```\n", [
            "1:3: a cell in a quote ('>') is shown as quoted code, and it would not run | take the cell out of the quote: remove the '>' before its lines",
        ])
    }

    /// Values in the order of the options a command needs, as Keras' loss(y_true, y_pred) is
    /// called, are one mistake with the line written with their names.
    func testValuesInTheOrderOfTheOptionsNeededAreOneErrorWithTheirNames() {
        expect("```nnbook\nloss mae [0.30, 0.7, 1, 0, 0.5] [1, 1, 0, 0, 1]\n```\n", [
            "2:10: 'loss' takes y_true and y_pred as options, written with their names | write loss mae y_true=[0.30, 0.7, 1, 0, 0.5] y_pred=[1, 1, 0, 0, 1]",
        ])
    }

    /// A file given to the reader of another format is named for what it looks like, with the
    /// line written for that format, before the other options are read in the wrong terms.
    func testAFileOfAnotherFormatIsNamedForWhatItLooksLike() throws {
        expect("```nnbook\nload idx \"data.csv\" as data target=y\n```\n", [
            "2:10: data.csv is not an IDX file: it looks like a CSV file | write load csv \"data.csv\" as data target=y",
        ])
        try NotebookFixtures.idx([2, 2], [1, 2, 3, 4]).write(to: folder.appendingPathComponent("x.idx"))
        expect("```nnbook\nload csv \"x.idx\" as data target=y\n```\n", [
            "2:10: x.idx is not a CSV file: it looks like an IDX file | write load idx \"x.idx\" as data target=y",
        ])
    }

    /// A table separated by ';' or tabs is one column to the ',' reader: the error says which
    /// separator the header seems to use and how to read it, and `separator=` reads it, in a file
    /// or an inline table alike; names written after ', ' are read without the space.
    func testATableSeparatedByAnotherCharacterIsToldItsSeparator() throws {
        try "x1;x2;y\n0.1;1;0\n".write(to: folder.appendingPathComponent("semi.csv"), atomically: true, encoding: .utf8)
        try "x1\tx2\ty\n0.1\t1\t0\n".write(to: folder.appendingPathComponent("tabs.csv"), atomically: true, encoding: .utf8)
        expect("```nnbook\nload csv \"semi.csv\" as data target=y\n```\n", [
            "2:10: semi.csv:1:1: the header is one column: its fields seem separated by ';', not ',' | read it with separator=\";\" on the load line",
        ])
        expect("```nnbook\nload csv \"tabs.csv\" as data target=y\n```\n", [
            "2:10: tabs.csv:1:1: the header is one column: its fields seem separated by tabs, not ',' | read it with separator=\"\\t\" on the load line",
        ])
        expect("```nnbook\nload csv \"semi.csv\" as a target=y separator=\";\"\nload csv \"tabs.csv\" as b target=y separator=\"\\t\"\nshow a\nshow b\n```\n", [])
        let table = "```csv name=g\nx1;x2;y\n0;1;1\n```\n"
        expect(table + "```nnbook\nload inline g as g target=y\n```\n", [
            "2:1: in the table 'g': the header is one column: its fields seem separated by ';', not ',' | read it with separator=\";\" on the load line",
        ])
        expect(table + "```nnbook\nload inline g as g target=y separator=\";\"\nshow g\n```\n", [])
        expect("```csv name=g\nx1, x2, y\n0, 1, 1\n```\n```nnbook\nload inline g as g target=y\nmodel m\n  dense 1\ncompile m loss=mse\ntrain m on g\npredict m x1=1 x2=0\n```\n", [])
    }

    /// pandas', matplotlib's, scikit-learn's and Keras' names get nnbook's, and a hint never
    /// teaches a next step that is itself a mistake.
    func testOtherLibrariesNamesGetNnbooksAndHintsTeachARightNextStep() {
        expect(prelude + "imshow data\nconfusion_matrix m on data\nget_weights m\ninfo data\n```\n", [
            "11:1: unknown command 'imshow' | did you mean 'images'? nnbook calls imshow images",
            "12:1: unknown command 'confusion_matrix' | did you mean 'confusion'? nnbook calls confusion_matrix confusion",
            "13:1: unknown command 'get_weights' | did you mean 'weights'? nnbook calls get_weights weights",
            "14:1: unknown command 'info' | did you mean 'describe'? nnbook calls info describe",
        ])
        expectLine("scale data x1 method=StandardScaler", "11:22: 'StandardScaler' is not one of the choices | did you mean 'standardize'? nnbook calls StandardScaler standardize")
        expectLine("scale data x1 method=MinMaxScaler", "11:22: 'MinMaxScaler' is not one of the choices | did you mean 'min-max'? nnbook calls MinMaxScaler min-max")
        expectLine("scale data x1 divide=100 method=min-max", "11:26: give divide= or method=, not both | divide= divides by a number you choose; method= fits a scaling to the training values")
        expectLine("compile m loss=mse metrics=[mse]", "11:29: 'mse' is a loss, not one of the metrics | the loss is recorded whatever it is: compile with loss=mse to record it; the metrics are accuracy, mae")
        expectLine("compile m loss=mse optimizer=Adam()", "11:34: Adam(…) is Python's call; an option's value is one word, and its settings are options of their own | write `optimizer=adam`")
        expect("```nnbook\nload csv \"data.csv\" as d label=y\nshow d\n```\n", ["2:26: 'load' has no option 'label' | did you mean 'target'? nnbook calls label target"])
    }

    /// Keras' Python names for a choice (a path, a class, a call) are answered with nnbook's
    /// word, and the line is read as that word: the compile still compiles.
    func testKerasPathsAndClassesAreReadAsTheNameTheyEndIn() {
        expectLine("compile m loss=mse optimizer=keras.optimizers.SGD", "11:30: 'keras.optimizers.SGD' is Keras' Python name; nnbook writes the choice as one word, in lower case | write `optimizer=sgd`")
        expectLine("compile m loss=mse optimizer=tf.keras.optimizers.Adam(learning_rate=0.1)", "11:54: tf.keras.optimizers.Adam(…) is Python's call; an option's value is one word, and its settings are options of their own | write `optimizer=adam rate=0.1`")
        expectLine("compile m loss=tf.keras.losses.MeanSquaredError() optimizer=sgd", "11:48: tf.keras.losses.MeanSquaredError(…) is Python's call; an option's value is one word, and its settings are options of their own | write `loss=mean_squared_error`")
        expectLine("compile m loss=MeanSquaredError optimizer=sgd", "11:16: 'MeanSquaredError' is Keras' class name; nnbook writes the choice as one word, in lower case | write `loss=mean_squared_error`")
        expect(prelude + "compile m loss=keras.losses.mse optimizer=sgd metrics=[keras.metrics.MeanAbsoluteError()]\n```\n", [
            "11:16: 'keras.losses.mse' is Keras' Python name; nnbook writes the choice as one word, in lower case | write `loss=mse`",
            "11:56: 'keras.metrics.MeanAbsoluteError()' is Keras' Python name; nnbook writes the choice as one word, in lower case | write `mae`",
        ])
        expect(prelude + "compile m loss=mse optimizer=keras.optimizers.SGD\ntrain m on data epochs=0\n```\n", [
            "11:30: 'keras.optimizers.SGD' is Keras' Python name; nnbook writes the choice as one word, in lower case | write `optimizer=sgd`",
            "12:17: epochs must be 1 or more, not 0 | epochs=: how many passes over the training samples; e.g. train neuron on insurance descent=batch epochs=1000 every=100",
        ])
    }

    /// Keras' habits in `train`, `predict` and `expect` are told what nnbook does instead.
    func testKerasHabitsInTrainPredictAndExpectGetHintsThatTeach() {
        let everySample = "for steps with every training sample, write descent=batch (batch gradient descent); batch= counts the samples of one mini-batch"
        expectLine("train m on data batch=all", "11:23: expected a whole number, not all | \(everySample)")
        expectLine("train m on data batch=len(data)", "11:26: len(…) is Python's call; an option's value is one word | \(everySample)")
        expectLine("train m on data verbose=0", "11:17: 'train' has no option 'verbose' | train prints a row per epoch, every= shows every Nth; `nnbook run --quiet` prints nothing but errors")
        expectLine("train m on data callbacks=[early]", "11:17: 'train' has no option 'callbacks' | nnbook has no callbacks: every= sets how often a row is shown, and `expect` states what the training must reach")
        expectLine(
            "train m on data initial_epoch=3",
            "11:17: 'train' has no option 'initial_epoch' | nnbook needs no initial_epoch: a second `train` of the same model continues where the one before stopped and numbers its epochs on (epochs=5 twice trains epochs 1 to 5, then 6 to 10)")
        expect(prelude + "train m on data\npredict m x1=[58, 30]\npredict m x=[[58, 1]]\nexpect m prediction ≈ 1 within 0.5 x1=[1, 2] x2=1\n```\n", [
            "12:14: x1= takes one value, not a list: one `predict` line is for one sample | for several samples, write one `predict` line each, with x1=58 on one and x1=30 on the next, or predict the first rows of a data set: `predict m on DATA rows=N`",
            "13:13: x= takes one value, not a list: one `predict` line is for one sample | give the inputs by name, one value each: x1=58 x2=1; for several samples, write one `predict` line each, or predict the first rows of a data set: `predict m on DATA rows=N`",
            "14:39: x1= takes one value, not a list: one `expect` line is for one sample | for several samples, write one `expect` line each, with x1=1 on one and x1=2 on the next",
        ])
        expect(prelude + "train m on data validation_split=0.5\nexpect m acc >= 0.5 on data\nexpect m val_acc >= 0.5\nexpect m val_loss <= 0.5 on data\n```\n", [
            "12:10: the model 'm' does not report 'acc' | add it to the model's compile: metrics=[accuracy] (nnbook calls acc accuracy)",
            "13:10: 'expect' measures accuracy on the data set after `on`; val_acc is what train records of its validation data each epoch | write `expect m accuracy >= 0.5 on DATA`, naming the data the model was validated on",
            "14:10: 'expect' measures loss on the data set after `on`; val_loss is what train records of its validation data each epoch | write `expect m loss <= 0.5 on data`, naming the data the model was validated on",
        ])
    }

    /// A default that the one line using it refuses is told at the default, whichever check
    /// refuses it (a rate below 0 as a rate beyond Float32).
    func testADefaultRateBelowZeroIsToldAtTheDefault() {
        expect(prelude.replacingOccurrences(of: "rate: 0.5", with: "rate: -1") + "```\n", [
            "3:3: the default of 'rate', -1, does not fit where line 10 uses $rate: the learning rate must be above 0, not -1 | rates are small numbers such as 0.01 or 0.001",
        ])
        expect(prelude.replacingOccurrences(of: "rate: 0.5", with: "rate: 1e39") + "```\n", [
            "3:3: the default of 'rate', 1e+39, does not fit where line 10 uses $rate: the learning rate 1e+39 is too large for a 32-bit number | rates are small numbers such as 0.01 or 0.001",
        ])
    }

    /// A column name written twice in an inline table's header is reported on the second, in
    /// the header, whichever column is the target.
    func testAColumnNamedTwiceInAnInlineTableIsReportedAtTheHeader() {
        let hint = "give each column a name of its own: nnbook finds a column by its name (pandas would rename the second one)"
        expect("```csv name=t\nx,x,y\n1,2,0\n3,4,1\n```\n```nnbook\nload inline t as d target=y\n```\n", [
            "2:3: in the table 't': the column name \"x\" appears twice in the header | \(hint)",
        ])
        expect("```csv name=t\nx, y, y\n1,2,0\n3,4,1\n```\n```nnbook\nload inline t as d target=x\n```\n", [
            "2:7: in the table 't': the column name \"y\" appears twice in the header | \(hint)",
        ])
    }

    /// `choices:` of a number, integer or string parameter restricts its values, as argparse's
    /// choices do: the default must be one, and each choice a value of the type.
    func testChoicesOfANumberParameterAreItsValues() {
        expect("---\nparams:\n  rate: {type: number, choices: [0.1, 0.5], default: 0.3}\n---\n", [
            "3:54: the default of 'rate', 0.3, is not one of its choices | the choices are 0.1, 0.5; add 0.3 to them, or choose one as the default",
        ])
        expect("---\nparams:\n  rate: {type: number, choices: [0.1, fast], default: 0.1}\n---\n", ["3:39: the choice 'fast' of 'rate' is not a number"])
        expect("---\nparams:\n  sizes: {type: list of integer, choices: [16, 32], default: [16, 64]}\n---\n", [
            "3:62: the default of 'sizes' holds 64, which is not one of its choices | the choices are 16, 32; add 64 to them, or choose one as the default",
        ])
        expect("---\nparams:\n  shuffle: {type: boolean, choices: [true], default: true}\n---\n", ["3:37: a boolean parameter takes no choices: it is true or false | drop choices:"])
        let chosen = "---\nparams:\n  rate: {type: number, choices: [0.1, 0.5], default: 0.5}\n---\n"
        XCTAssertEqual(NotebookFixtures.diagnostics(chosen, overrides: [(name: "rate", value: "0.50")], folder: folder), [])
        XCTAssertEqual(NotebookFixtures.diagnostics(chosen, overrides: [(name: "rate", value: "0.3")], folder: folder), [
            "-: the parameter 'rate' must be one of its choices, 0.1, 0.5, not '0.3' | the parameters are: rate (number, one of 0.1, 0.5, default 0.5)",
        ])
    }

    /// Keras' calls and Python's habits are answered with a line that nnbook takes as it is:
    /// nnbook's verb and option names, the data set after `on`, the input's shape on the model's
    /// line.
    func testPythonHabitsAreAnsweredWithALineThatWorks() {
        let message = "this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes"
        expect("```nnbook\nmodel m\n  Flatten(input_shape=(28, 28))\n  Input(shape=(784,))\nm.fit(data, epochs=5)\nm.fit(x_train, y_train, epochs=5, batch_size=32)\nm.evaluate(x_test, y_test)\n```\n", [
            "3:3: \(message) | write `flatten`; the input's shape goes on the model's line: `model NAME input=[28, 28]`",
            "4:3: \(message) | give the model its input's shape on its line: `model NAME input=[784]`",
            "5:1: \(message) | write `train m on data epochs=5`",
            "6:1: \(message) | write `train m on DATA epochs=5 batch=32`, where DATA is the data set nnbook loaded: it holds Keras' x and y, the inputs and their targets",
            "7:1: \(message) | write `evaluate m on DATA`, where DATA is the data set nnbook loaded: it holds Keras' x and y, the inputs and their targets",
        ])
        expect("```nnbook\nmodel m\n  dense 10 input_shape=[784]\n  flatten input_dim=784\n```\n", [
            "3:12: 'dense' has no option 'input_shape' | the input's shape goes on the model's line, as input=: `model NAME input=[28, 28]`, or input=784 for samples of 784 numbers",
            "4:11: 'flatten' has no option 'input_dim' | the input's shape goes on the model's line, as input=: `model NAME input=[28, 28]`, or input=784 for samples of 784 numbers",
        ])
        expect(prelude + "history = train m on data epochs=1\n```\n", [
            "11:9: '=' must follow an option name | nnbook has no assignments: write `train m on data epochs=1`; the model keeps its history, which `plot m` draws",
        ])
        expect(prelude + "x_train = x_train / 255.0\n```\n", [
            "11:9: '=' must follow an option name | nnbook has no assignments: dividing a data set's values is a command, `scale DATA divide=255`",
        ])
        expect(prelude + "size = 3\n```\n", [
            "11:6: '=' must follow an option name | nnbook has no variables: a value used on several lines is a parameter, declared in the front matter (params:, then size: 3) and written $size",
        ])
        expectLine(
            "compile m loss=BinaryCrossentropy() optimizer=adam",
            "11:34: BinaryCrossentropy(…) is Python's call; an option's value is one word, and its settings are options of their own | write `loss=binary_crossentropy`")
        expectLine("compile m loss=mse, optimizer=adam", "11:19: unexpected ',' | options are separated by spaces, not commas: remove the ','")
    }

    /// A slope beside an activation other than leaky_relu would be ignored: the same error for
    /// a layer and for the `activation` command.
    func testASlopeBesideAnActivationThatTakesNoneIsRefused() {
        let unused = "slope applies only to leaky_relu, not sigmoid | drop slope=, or use leaky_relu: relu with that slope for negative inputs"
        expect("```nnbook\nactivation sigmoid x=[-0.5, 0, 2] slope=0.1\nmodel m\n  dense 2 activation=sigmoid slope=0.1\nactivation leaky_relu x=-1 slope=0.1\n```\n", [
            "2:35: \(unused)",
            "4:30: \(unused)",
        ])
    }

    /// Keras' ways to ask for several values or inputs get nnbook's.
    func testKerasWaysToAskForSeveralThingsGetNnbooks() {
        expect(prelude + "train m on data\nplot m metric=[loss, accuracy]\n```\n", [
            "12:15: expected a name, not a list | metric= takes one value: write one `plot` line each, with metric=loss on one and metric=accuracy on the next",
        ])
        expect(prelude + "train m on data\nplot m metric=loss,accuracy\n```\n", [
            "12:19: unexpected ',' | an option takes one value: for loss and accuracy, write a line for each, or the list [loss, accuracy] where the option takes a list (metrics=[accuracy, mae])",
        ])
        expect(prelude + "train m on data\nplot m accuracy\n```\n", [
            "12:8: no model named 'accuracy' has been defined before this line | a metric is given with metric=: write `plot MODEL metric=accuracy`, one metric per plot",
        ])
        expect(prelude + "compile m loss=mse optimizer=sgd metrics=[mae]\ntrain m on data\nplot m metric=mse\nplot m metric=val_mean_squared_error\n```\n", [
            "13:8: 'm' will not have recorded mse by this line | the loss is recorded as loss, whatever it is: write metric=loss",
            "14:8: 'm' will not have recorded val_mean_squared_error by this line | it records: loss, mae",
        ])
        expect(prelude + "train m on data\npredict m 0.5 1\npredict m [[0.5, 1]]\npredict m x=[[0.5, 1]]\npredict m on data rows=2 threshold=0.3\n```\n", [
            "12:11: unexpected 0.5: 'predict' takes only 2 values before its options | give the inputs by name, one value each: x1=0.5 x2=1",
            "13:11: unexpected [[0.5, 1]]: 'predict' takes only 2 values before its options | give the inputs by name, one value each: x1=0.5 x2=1",
            "14:13: x= takes one value, not a list: one `predict` line is for one sample | give the inputs by name, one value each: x1=0.5 x2=1; for several samples, write one `predict` line each, or predict the first rows of a data set: `predict m on DATA rows=N`",
            "15:26: 'predict' has no option 'threshold' | the known options of 'predict' are: precision, rows",
        ])
        expect(prelude + "train m on data\nexpect m test_accuracy >= 0.8\nexpect m loss < 1\nassert m loss < 1 on data\n```\n", [
            "12:10: 'expect' names the metric alone, accuracy, and the data it is measured on after `on` | write `expect m accuracy >= 0.8 on DATA`",
            "13:1: 'expect' needs 'on DATASET' to measure loss on | e.g. expect m loss < 1 on DATA, naming the data set or split to measure on; a prediction for inputs is `expect m prediction ≈ V within T name=value …`",
            "14:1: unknown command 'assert' | did you mean 'expect'? nnbook calls assert expect",
        ])
    }

    func testPrinterShowsTheLineAndACaret() {
        let printer = DiagnosticPrinter(path: "g.nnbook", lines: ["", "trian neuron on insurance"])
        let text = printer.format(Diagnostic("unknown command 'trian'", at: SourceRange(line: 2, column: 1, length: 5), hint: "did you mean 'train'?"))
        XCTAssertEqual(text, "g.nnbook:2:1: error: unknown command 'trian'\n 2 | trian neuron on insurance\n   | ^~~~~\nhint: did you mean 'train'?")
    }
}
