// The bad-input catalogue: every mistake a learner (or a hostile notebook) can make, each with
// the exact diagnostic and exit code it must produce — never a crash, never a half-written page,
// never a snapshot of a run that did not happen.

import Foundation
import XCTest

final class BadInputCatalogTests: XCTestCase {
    /// One bad input: the files it needs, the nnbook command, what must come out.
    struct Case: Sendable {
        let name: String
        var files: [String: Data] = [:]
        var arguments = ["run", "t.nnbook", "--quiet"]
        let status: Int32
        /// The first line written to standard error.
        let firstLine: String
        /// The first diagnostic's hint, whole (its lines after `hint: `), when the case is about it.
        var hint: String?
        /// The last line written to standard error, when the case is about how many mistakes are found.
        var lastLine: String?
        /// Prepares the folder (after the files are written), e.g. damaging history.
        var prepare: (@Sendable (URL) throws -> Void)?
    }

    private static func notebook(_ text: String) -> [String: Data] { ["t.nnbook": Data(text.utf8)] }

    private static func cell(_ lines: String) -> [String: Data] { notebook("```nnbook\n\(lines)\n```\n") }

    /// The notebook loads `d.csv` (x1, x2, y) and compiles a one-neuron model `m`.
    private static func withData(_ lines: String, csv: String = "x1,x2,y\n0.1,1,0\n0.9,0,1\n0.5,1,1\n0.3,0,0\n") -> [String: Data] {
        var files = cell("load csv \"d.csv\" as d target=y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\n\(lines)")
        files["d.csv"] = Data(csv.utf8)
        return files
    }

    private static func loadCSV(_ csv: String, extra: String = "") -> [String: Data] {
        var files = cell("load csv \"d.csv\" as d target=y\(extra)")
        files["d.csv"] = Data(csv.utf8)
        return files
    }

    /// A version 1 `.npy` file of `descr` values (`<f8`: float64) and that shape.
    private static func npy(_ descr: String, _ shape: [Int], _ values: [UInt8]) -> Data {
        let header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': (\(shape.map(String.init).joined(separator: ", ")),), }\n"
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(header.count & 0xFF), UInt8(header.count >> 8)] + Array(header.utf8) + values)
    }

    private static func idx(_ shape: [Int], _ values: [UInt8], type: UInt8 = 8) -> Data {
        var bytes: [UInt8] = [0, 0, type, UInt8(shape.count)]
        for dimension in shape { bytes += [UInt8(dimension >> 24 & 0xFF), UInt8(dimension >> 16 & 0xFF), UInt8(dimension >> 8 & 0xFF), UInt8(dimension & 0xFF)] }
        return Data(bytes + values)
    }

    static let cases: [Case] = syntax + frontMatter + arguments + dataFiles + models + training + history + plugins + usage + outputs + numbers + echoes + silentValues + memory

    static let syntax: [Case] = [
        Case(name: "unclosed cell", files: notebook("```nnbook\nmodel m\n"), status: 1, firstLine: "t.nnbook:1:1: error: this nnbook cell is never closed"),
        Case(name: "cell running into the next cell", files: notebook("```nnbook\nload csv \"d.csv\" as d target=y\n\nSome prose.\n\n```nnbook\nshow d\n```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1, firstLine: "t.nnbook:6:1: error: this cell (opened at line 1) was never closed"),
        Case(name: "lower-case prose after an unclosed cell", files: notebook("```nnbook\nload csv \"d.csv\" as d target=y\n\ntrain the model as shown below, then plot it.\n\n```nnbook\nshow d\n```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:6:1: error: this cell (opened at line 1) was never closed", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a layer in Python", files: cell("model m\n  Dense(1, activation='sigmoid')"), status: 1,
             firstLine: "t.nnbook:3:3: error: this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes", hint: "write `dense 1 activation=sigmoid`",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "word processor quotes", files: cell("load csv “d.csv” as d target=y"), status: 1, firstLine: "t.nnbook:2:10: error: only straight double quotes \"…\" make a string, not “…”"),
        Case(name: "list continued on the next line", files: cell("loss mae y_true=[1, 0\n  ] y_pred=[1, 0]"), status: 1, firstLine: "t.nnbook:2:17: error: this list is never closed"),
        Case(name: "bad value in an inline table", files: notebook("```nnbook\nload inline p as p target=y\n```\n```csv name=p\nx,y\n1,2\n3,six\n```\n"), status: 1,
             firstLine: "t.nnbook:7:3: error: in the table 'p': \"six\" in column \"y\" is not a number"),
        Case(name: "unknown command", files: cell("modle m"), status: 1, firstLine: "t.nnbook:2:1: error: unknown command 'modle'"),
        Case(name: "indented first line", files: cell("  dense 1"), status: 1, firstLine: "t.nnbook:2:3: error: this line is indented but there is no command above it"),
        Case(name: "unclosed string", files: cell("load csv \"d.csv as d"), status: 1, firstLine: "t.nnbook:2:10: error: this string is never closed"),
        Case(name: "unclosed list", files: cell("loss mae y_true=[1, 2"), status: 1, firstLine: "t.nnbook:2:17: error: this list is never closed"),
        Case(name: "lone dollar", files: cell("loss mae y_true=$ y_pred=[1]"), status: 1, firstLine: "t.nnbook:2:17: error: '$' must be followed by a parameter name"),
        Case(name: "equals without a name", files: cell("summary = m"), status: 1, firstLine: "t.nnbook:2:9: error: '=' must follow an option name"),
        Case(name: "option without value", files: cell("loss mae y_true="), status: 1, firstLine: "t.nnbook:2:10: error: the option 'y_true' has no value"),
        Case(name: "cell starting with a value", files: cell("[1, 2]"), status: 1, firstLine: "t.nnbook:2:1: error: a command must start with its name"),
        Case(name: "bad cell attribute", files: notebook("```nnbook cell=1\nmodel m\n  dense 1\n```\n"), status: 1, firstLine: "t.nnbook:1:11: error: 'cell=1' is not a cell attribute"),
        Case(name: "duplicate label", files: notebook("```nnbook label=a\nmodel m\n  dense 1\n```\n```nnbook label=a\nmodel n\n  dense 1\n```\n"), status: 1, firstLine: "t.nnbook:5:1: error: the label 'a' is already used by the cell at line 1"),
        Case(name: "duplicate inline table", files: notebook("```csv name=t\na\n```\n```csv name=t\nb\n```\n"), status: 1, firstLine: "t.nnbook:4:1: error: a table named 't' is already written above"),
        Case(name: "label in quotes", files: notebook("```nnbook label=\"my train\"\nmodel m\n  dense 1\n```\n"), status: 1,
             firstLine: "t.nnbook:1:17: error: a label is one word, written without quotes",
             hint: "write ```nnbook label=my_train (letters, digits, '-' and '_'; it names the cell's pictures)", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "cell in a list item", files: notebook("1. the data:\n\n   ```nnbook\n   load csv \"d.csv\" as d target=y\n   shwo d\n   ```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:5:4: error: unknown command 'shwo'", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "cell fence indented four spaces", files: notebook("    ```nnbook\n    load csv \"d.csv\" as d target=y\n    ```\n```nnbook\nshow d\n```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:1:5: error: this cell's fence is indented 4 spaces, so Markdown shows the cell as code and it would not run", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a column named twice in an inline table", files: notebook("```csv name=t\nx,x,y\n1,2,0\n```\n```nnbook\nload inline t as d target=y\n```\n"), status: 1,
             firstLine: "t.nnbook:2:3: error: in the table 't': the column name \"x\" appears twice in the header",
             hint: "give each column a name of its own: nnbook finds a column by its name (pandas would rename the second one)", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a loss's lists without their names", files: cell("loss mae [0.3, 0.7] [1, 1]"), status: 1,
             firstLine: "t.nnbook:2:10: error: 'loss' takes y_true and y_pred as options, written with their names", hint: "write loss mae y_true=[0.3, 0.7] y_pred=[1, 1]",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a Keras optimizer class", files: cell("model m\n  dense 1\ncompile m loss=mse optimizer=Adam()"), status: 1,
             firstLine: "t.nnbook:4:34: error: Adam(…) is Python's call; an option's value is one word, and its settings are options of their own", hint: "write `optimizer=adam`",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a Keras optimizer's Python path", files: cell("model m\n  dense 1\ncompile m loss=mse optimizer=keras.optimizers.SGD"), status: 1,
             firstLine: "t.nnbook:4:30: error: 'keras.optimizers.SGD' is Keras' Python name; nnbook writes the choice as one word, in lower case", hint: "write `optimizer=sgd`",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a Keras optimizer's call by its Python path", files: cell("model m\n  dense 1\ncompile m loss=mse optimizer=tf.keras.optimizers.Adam(learning_rate=0.1)"), status: 1,
             firstLine: "t.nnbook:4:54: error: tf.keras.optimizers.Adam(…) is Python's call; an option's value is one word, and its settings are options of their own",
             hint: "write `optimizer=adam rate=0.1`", lastLine: "1 error in t.nnbook; nothing was run"),
    ]

    static let frontMatter: [Case] = [
        Case(name: "Quarto's fence", files: notebook("# Lesson\n```{nnbook}\nloss mae y_true=[1] y_pred=[0]\n```\n"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:4: error: this block is fenced ```{nnbook}, so it would be shown, not run", hint: "write it without braces (Quarto's and R Markdown's {…} are not read here): ```nnbook"),
        Case(name: "a python block of nnbook commands", files: notebook("# Lesson\n```python\nloss mae y_true=[1] y_pred=[0]\n```\n"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:4: error: this block is fenced ```python, but its lines are nnbook commands: it would be shown, not run"),
        Case(name: "a title with a colon", files: notebook("---\ntitle: Keras: intro\n---\n"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:13: error: the front matter is not valid YAML: mapping values are not allowed in this context", hint: #"': ' inside a value starts another setting: put the value in quotes, title: "Keras: intro""#),
        Case(name: "unclosed front matter", files: notebook("---\ntitle: x\n"), status: 1, firstLine: "t.nnbook:1:1: error: the front matter that starts here is never closed"),
        Case(name: "invalid YAML", files: notebook("---\ntitle: a: b\n---\n"), status: 1, firstLine: "t.nnbook:2:9: error: the front matter is not valid YAML: mapping values are not allowed in this context"),
        Case(name: "invalid YAML before a cell with mistakes", files: notebook("---\ntitle: a: b\nparams:\n  units: 4\n---\n```nnbook\nmodel m\n  dense $units\ntrian m\n```\n"), status: 1,
             firstLine: "t.nnbook:2:9: error: the front matter is not valid YAML: mapping values are not allowed in this context", lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "default used on several lines that fits none", files: notebook("---\nparams:\n  units: four\n---\n```nnbook\nmodel a\n  dense $units\nmodel b\n  dense $units\n```\n"), status: 1,
             firstLine: "t.nnbook:3:3: error: the default of 'units', four, does not fit where lines 7 and 9 use $units: expected a whole number, not \"four\"", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "unclosed front matter list", files: notebook("---\ntitle: [x\n---\n"), status: 1, firstLine: "t.nnbook:2:8: error: this list is never closed"),
        Case(name: "unknown setting", files: notebook("---\nseeds: 1\n---\n"), status: 1, firstLine: "t.nnbook:2:1: error: unknown front matter setting 'seeds'"),
        Case(name: "negative seed", files: notebook("---\nseed: -4\n---\n"), status: 1, firstLine: "t.nnbook:2:7: error: the seed must be a whole number of 0 or more"),
        Case(name: "precision too large", files: notebook("---\nprecision: 40\n---\n"), status: 1, firstLine: "t.nnbook:2:12: error: precision must be a whole number of decimal places from 0 to 12"),
        Case(name: "front matter that is a list", files: notebook("---\n- a\n- b\n---\n"), status: 1, firstLine: "t.nnbook:2:1: error: the front matter must be a list of settings such as `title: My notebook`"),
        Case(name: "choice without choices", files: notebook("---\nparams:\n  mode: {type: choice, default: a}\n---\n"), status: 1, firstLine: "t.nnbook:3:3: error: the choice parameter 'mode' needs a list of choices"),
        Case(name: "default of the wrong type", files: notebook("---\nparams:\n  n: {type: integer, default: many}\n---\n"), status: 1, firstLine: "t.nnbook:3:31: error: the default 'many' of 'n' is not a whole number"),
        Case(name: "bad parameter name", files: notebook("---\nparams:\n  2fast: 1\n---\n"), status: 1, firstLine: "t.nnbook:3:3: error: '2fast' is not a valid parameter name"),
        Case(name: "undeclared parameter", files: cell("loss mae y_true=[$a] y_pred=[1]"), status: 1, firstLine: "t.nnbook:2:18: error: the parameter '$a' is not declared"),
        Case(name: "override of an unknown parameter", files: notebook("---\nparams:\n  rate: 0.5\n---\n"), arguments: ["run", "t.nnbook", "-p", "rat=1"], status: 2, firstLine: "t.nnbook: error: unknown parameter 'rat'"),
        Case(name: "override of the wrong type", files: notebook("---\nparams:\n  epochs: 5\n---\n"), arguments: ["run", "t.nnbook", "-p", "epochs=1.5"], status: 2, firstLine: "t.nnbook: error: the parameter 'epochs' must be a whole number, not '1.5'"),
        Case(name: "override that does not fit where it is used", files: notebook("---\nparams:\n  units: 4\n---\n```nnbook\nmodel a\n  dense $units\nmodel b\n  dense $units\n```\n"), arguments: ["run", "t.nnbook", "-p", "units=0"], status: 2,
             firstLine: "t.nnbook: error: -p units=0 does not fit where lines 7 and 9 use $units: a dense layer needs at least 1 unit, not 0"),
        Case(name: "override outside a number parameter's choices", files: notebook("---\nparams:\n  rate: {type: number, choices: [0.1, 0.5], default: 0.1}\n---\n"),
             arguments: ["run", "t.nnbook", "-p", "rate=0.3"], status: 2,
             firstLine: "t.nnbook: error: the parameter 'rate' must be one of its choices, 0.1, 0.5, not '0.3'", hint: "the parameters are: rate (number, one of 0.1, 0.5, default 0.1)"),
        Case(name: "swept value outside an integer parameter's choices", files: notebook("---\nparams:\n  epochs: {type: integer, choices: [5, 10], default: 5}\n---\n"),
             arguments: ["sweep", "t.nnbook", "-p", "epochs=5,20", "--print"], status: 2,
             firstLine: "t.nnbook: error: the parameter 'epochs' must be one of its choices, 5, 10, not '20'"),
        Case(name: "override without equals", files: notebook("# x\n"), arguments: ["run", "t.nnbook", "-p", "rate"], status: 2, firstLine: "Error: -p takes NAME=VALUE, e.g. -p rate=0.1, not 'rate'"),
        Case(name: "setting written with equals", files: notebook("---\nparams:\n  epochs=1000\n  rate: 0.5\n---\n"), status: 1,
             firstLine: "t.nnbook:3:9: error: a setting of the front matter is written `name: value`, not `name=value`", hint: "write epochs: 1000"),
        Case(name: "default too large for a whole number", files: notebook("---\nparams:\n  epochs: 99999999999999999999\n---\n```nnbook\nmodel m\n  dense 1\ncompile m loss=mse\nload csv \"d.csv\" as d target=y\ntrain m on d epochs=$epochs\n```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:3:11: error: the default of 'epochs', 99999999999999999999, is too large for a whole number (the largest is 9223372036854775807)", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "default that fits not its one use", files: notebook("---\nparams:\n  epochs: 0\n---\n```nnbook\nmodel m\n  dense 1\ncompile m loss=mse\nload csv \"d.csv\" as d target=y\ntrain m on d epochs=$epochs\n```\n").merging(["d.csv": Data("x,y\n1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:3:3: error: the default of 'epochs', 0, does not fit where line 10 uses $epochs: epochs must be 1 or more, not 0"),
        Case(name: "invalid YAML before a line with a parameter and a mistake", files: notebook("---\ntitle: a: b\nparams:\n  units: 4\n---\n```nnbook\nmodel m\n  dense $units activation=reluu\n```\n"), status: 1,
             firstLine: "t.nnbook:2:9: error: the front matter is not valid YAML: mapping values are not allowed in this context", lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "override too large for a whole number", files: notebook("---\nparams:\n  epochs: 5\n---\n"), arguments: ["check", "t.nnbook", "-p", "epochs=99999999999999999999"], status: 2,
             firstLine: "t.nnbook: error: the parameter 'epochs' cannot be 99999999999999999999: it is too large for a whole number (the largest is 9223372036854775807)"),
        Case(name: "override as a percentage", files: notebook("---\nparams:\n  share: 0.2\n---\n"), arguments: ["check", "t.nnbook", "-p", "share=20%"], status: 2,
             firstLine: "t.nnbook: error: the parameter 'share' must be a number, not '20%'", hint: "write 0.2: nnbook writes a share as a number from 0 to 1, not as a percentage"),
        Case(name: "override that breaks a line where it is not written", files: notebook("---\nparams:\n  n: 4\n---\n```nnbook\nload csv \"d.csv\" as d target=y\ntake d $n as g\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on g epochs=1 validation_split=0.25\n```\n").merging(["d.csv": Data("x,y\n1,0\n2,1\n3,0\n4,1\n".utf8)]) { $1 },
             arguments: ["run", "t.nnbook", "-p", "n=1"], status: 2,
             firstLine: "t.nnbook: error: -p n=1 does not fit the notebook, which uses $n at line 7: at line 11, validation_split=0.25 of 1 sample leaves 0 to train on and 1 to validate on"),
    ]

    static let arguments: [Case] = [
        Case(name: "unknown option", files: withData("train m on d epoch=5"), status: 1, firstLine: "t.nnbook:6:14: error: 'train' has no option 'epoch'"),
        Case(name: "wrong type", files: withData("train m on d epochs=five"), status: 1, firstLine: "t.nnbook:6:21: error: expected a whole number, not five"),
        Case(name: "validation split of nothing", files: withData("train m on d validation_split=0"), status: 1, firstLine: "t.nnbook:6:14: error: validation_split=0 has no effect: it holds out no samples", hint: "leave validation_split out to train without validation data, or give a share such as 0.2 to validate on the last fifth of the training samples"),
        Case(name: "two commands on a line", files: withData("split d test=0.5; scale d x1 divide=10"), status: 1, firstLine: "t.nnbook:6:17: error: a line holds one command",
             hint: "put `scale d x1 divide=10` on a line of its own, without the ';'", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "Python's True", files: withData("train m on d shuffle=True"), status: 1, firstLine: "t.nnbook:6:22: error: expected true or false, not True", hint: "write true, in lower case"),
        Case(name: "Keras' acc", files: withData("compile m loss=mse metrics=[acc]"), status: 1, firstLine: "t.nnbook:6:29: error: 'acc' is not one of the choices", hint: "did you mean 'accuracy'? nnbook calls acc accuracy"),
        Case(name: "expectation without a comparison", files: withData("train m on d\nexpect m loss 0.5 on d"), status: 1, firstLine: "t.nnbook:7:15: error: a comparison is missing before 0.5",
             hint: "write `>= 0.5` for at least 0.5, `<= 0.5` for at most, or `≈ 0.5 within 0.01` for about 0.5"),
        Case(name: "undefined data set", files: withData("train m on e"), status: 1, firstLine: "t.nnbook:6:12: error: no data set named 'e' has been defined before this line"),
        Case(name: "model used as a data set", files: withData("train m on m"), status: 1, firstLine: "t.nnbook:6:12: error: 'm' is a model, not a data set"),
        Case(name: "model named like a data set still used", files: withData("model d\n  dense 1\ntrain m on d\nevaluate m on d"), status: 1,
             firstLine: "t.nnbook:6:7: error: this line names a model 'd', which replaces the data set 'd' (line 2), but later lines still use that data set",
             hint: "give the model a name of its own, such as d_model: a name stands for one data set or one model at a time, as a Python variable does",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "missing keyword argument", files: withData("train m"), status: 1, firstLine: "t.nnbook:6:9: error: 'train' needs 'on DATASET' (the data to learn from)"),
        Case(name: "duplicate option", files: withData("train m on d epochs=1 epochs=2"), status: 1, firstLine: "t.nnbook:6:23: error: the option 'epochs' is given twice"),
        Case(name: "split that does not exist", files: withData("evaluate m on d.valid"), status: 1, firstLine: "t.nnbook:6:15: error: 'valid' is not a split"),
        Case(name: "choice misspelt", files: withData("train m on d descent=batches"), status: 1, firstLine: "t.nnbook:6:22: error: 'batches' is not one of the choices"),
        Case(name: "test share of one", files: withData("split d test=1"), status: 1, firstLine: "t.nnbook:6:9: error: the test share must lie between 0 and 1, not 1"),
        // Once a crash of `check` itself: a share beyond Int was counted in samples before it was refused.
        Case(name: "test share beyond Int", files: withData("split d test=1e19"), status: 1, firstLine: "t.nnbook:6:9: error: the test share must lie between 0 and 1, not 1e+19"),
        Case(name: "validation share beyond Int", files: withData("train m on d validation_split=-1e30"), status: 1, firstLine: "t.nnbook:6:14: error: validation_split must be 0 or more and below 1, not -1e+30"),
        Case(name: "loss vectors of different lengths", files: cell("loss mae y_true=[1, 2] y_pred=[1]"), status: 1, firstLine: "t.nnbook:2:24: error: y_true has 2 values but y_pred has 1"),
        Case(name: "loss rows of different lengths", files: cell("loss categorical_crossentropy y_true=[[1, 0], [0, 1]] y_pred=[[0.5, 0.5], [0.2]]"), status: 1, firstLine: "t.nnbook:2:55: error: the rows of y_pred have different lengths: row 1 has 2 values, row 2 has 1"),
        Case(name: "class number beyond the row", files: cell("loss sparse_categorical_crossentropy y_true=[2] y_pred=[0.5, 0.5]"), status: 1, firstLine: "t.nnbook:2:38: error: class 2 is beyond the row: y_pred gives 2 classes, numbered 0 to 1"),
        Case(name: "one-hot row for the sparse loss", files: cell("loss sparse_categorical_crossentropy y_true=[[0, 1]] y_pred=[[0.5, 0.5]]"), status: 1, firstLine: "t.nnbook:2:38: error: sparse_categorical_crossentropy takes class numbers, not one-hot rows"),
        Case(name: "name that is not a name", files: cell("model 3m\n  dense 1"), status: 1, firstLine: "t.nnbook:2:7: error: '3m' cannot be used as a name"),
        // Once a run crash (a range from 0 to -3): refused by the check, as show's rows= is.
        Case(name: "predict rows below one", files: withData("train m on d\npredict m on d rows=-3"), status: 1, firstLine: "t.nnbook:7:16: error: rows must be 1 or more, not -3"),
        Case(name: "predict no rows", files: withData("train m on d\npredict m on d rows=0"), status: 1, firstLine: "t.nnbook:7:16: error: rows must be 1 or more, not 0"),
        // The first rows of a file the check read whole: it knows their classes, as the run does.
        Case(name: "stratify of the first rows", files: loadCSV("x,y\n1,0\n2,0\n3,1\n4,1\n5,1\n", extra: " rows=3 shuffle=false\nsplit d test=0.5 stratify=true"), status: 1,
             firstLine: "t.nnbook:3:18: error: stratify needs at least 2 samples of each class, but class 1 has only 1"),
        Case(name: "stratify of the first taken", files: loadCSV("x,y\n1,0\n2,0\n3,1\n4,1\n5,1\n", extra: "\ntake d 3 as few shuffle=false\nsplit few test=0.5 stratify=true"), status: 1,
             firstLine: "t.nnbook:4:20: error: stratify needs at least 2 samples of each class, but class 1 has only 1"),
        Case(name: "load no rows", files: loadCSV("x,y\n1,0\n", extra: " rows=0"), status: 1, firstLine: "t.nnbook:2:32: error: rows must be 1 or more, not 0"),
    ]

    static let dataFiles: [Case] = [
        Case(name: "empty CSV", files: loadCSV(""), status: 1, firstLine: "t.nnbook:2:10: error: d.csv: the file is empty"),
        Case(name: "ragged CSV row", files: loadCSV("a,y\n1,2\n3\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: this row has 1 field, but the header has 2"),
        Case(name: "non-numeric cell", files: loadCSV("a,y\n1,2\nten,3\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: \"ten\" in column \"a\" is not a number"),
        Case(name: "non-UTF-8 bytes", files: ["t.nnbook": Data("```nnbook\nload csv \"d.csv\" as d target=y\n```\n".utf8), "d.csv": Data([0x61, 0x2C, 0x79, 0x0A, 0xFF, 0x2C, 0x31, 0x0A])], status: 1, firstLine: "t.nnbook:2:10: error: d.csv:2:1: the file is not UTF-8 text"),
        Case(name: "number too large for Float32", files: loadCSV("a,y\n0,1\n1e39,1\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: 1e39 in column \"a\" is too large for a 32-bit number"),
        Case(name: "missing value", files: loadCSV("a,y\n0,1\n,1\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: the value of \"a\" is missing"),
        Case(name: "missing value in the first row", files: loadCSV("a,y\n,1\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:2:1: field 1 has no value"),
        Case(name: "unknown target column", files: loadCSV("a,b\n1,2\n"), status: 1, firstLine: "t.nnbook:2:23: error: d.csv has no column \"y\"", hint: "the columns are a, b"),
        Case(name: "misspelt target column", files: loadCSV("x,yes\n1,0\n2,1\n", extra: "s"), status: 1, firstLine: "t.nnbook:2:23: error: d.csv has no column \"ys\"", hint: "did you mean 'yes'? the columns are x, yes"),
        Case(name: "front matter after a blank line", files: notebook("\n---\nparams:\n  n: 2\n---\n```nnbook\nloss mae y_true=[$n] y_pred=[0]\n```\n"), status: 1,
             firstLine: "t.nnbook:2:1: error: the front matter must start on the notebook's first line", hint: "remove the blank line above it", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a choice called as in Python", files: withData("compile m loss=mse optimizer=sgd(learning_rate=0.5)"), status: 1,
             firstLine: "t.nnbook:6:33: error: sgd(…) is Python's call; an option's value is one word, and its settings are options of their own", hint: "write `optimizer=sgd rate=0.5`",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "wrong IDX magic", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\n```\n".utf8), "x.idx": Data("PK\u{3}\u{4}rest".utf8)], status: 1, firstLine: "t.nnbook:2:10: error: x.idx is not an IDX file: it looks like a NumPy .npz archive"),
        Case(name: "IDX magic of no known format", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\n```\n".utf8), "x.idx": Data([0x01, 0x02, 0x03, 0x04])], status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: this is not an IDX file: it should start with the bytes 00 00, not 01 02"),
        Case(name: "truncated gzip", files: ["t.nnbook": Data("```nnbook\nload idx \"x.gz\" as d\n```\n".utf8), "x.gz": Data([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0x63, 0x60])], status: 1, firstLine: "t.nnbook:2:10: error: x.gz: the compressed data ends too early (the file is truncated)"),
        Case(name: "image and label counts differ", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d target=\"y.idx\"\n```\n".utf8), "x.idx": idx([2, 1, 1], [1, 2]), "y.idx": idx([3], [0, 1, 2])], status: 1, firstLine: "t.nnbook:2:23: error: y.idx: there are 2 images but 3 labels"),
        Case(name: "zero-byte npy", files: ["t.nnbook": Data("```nnbook\nload npy \"x.npy\" as d\n```\n".utf8), "x.npy": Data()], status: 1, firstLine: "t.nnbook:2:10: error: x.npy: the file is empty"),
        Case(name: "file that is not there", files: cell("load csv \"nowhere.csv\" as d target=y"), status: 1, firstLine: "t.nnbook:2:10: error: there is no file nowhere.csv"),
        Case(name: "IDX too large for the memory limit", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\n```\n".utf8), "x.idx": idx([100000, 100000], [])], status: 1, firstLine: "t.nnbook:2:10: error: x.idx: the 100000×100000 values of the file would need 50.0 GB of memory, more than the limit of 1.0 GB", prepare: nil),
        Case(name: "a CSV file given to load idx", files: ["t.nnbook": Data("```nnbook\nload idx \"d.csv\" as d target=y\n```\n".utf8), "d.csv": Data("x,y\n1,0\n".utf8)], status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv is not an IDX file: it looks like a CSV file", hint: "write load csv \"d.csv\" as d target=y", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a CSV file separated by semicolons", files: loadCSV("x;y\n1;0\n"), status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv:1:1: the header is one column: its fields seem separated by ';', not ','", hint: "read it with separator=\";\" on the load line",
             lastLine: "1 error in t.nnbook; nothing was run"),
    ]

    static let models: [Case] = [
        // One mistake hides no other: a compile line that cannot be read still compiles its model,
        // and a misspelt target column is read as the column it is close to.
        Case(name: "unknown loss, then a later mistake", files: withData("compile m loss=hinge\ntrain m on d\npredict m x3=1"), status: 1,
             firstLine: "t.nnbook:6:16: error: 'hinge' is not one of the choices", lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "unclosed metrics, then a later mistake", files: withData("compile m loss=binary_crossentropy metrics=[accuracy\ntrain m on d\npredict m x3=1"), status: 1,
             firstLine: "t.nnbook:6:44: error: this list is never closed", lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "misspelt target column, then a later mistake",
             files: loadCSV("x1,x2,y\n0.1,1,0\n0.9,0,1\n", extra: "y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on d\npredict m x3=1"), status: 1,
             firstLine: "t.nnbook:2:23: error: d.csv has no column \"yy\"", hint: "did you mean 'y'? the columns are x1, x2, y", lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "images without flatten", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d target=\"y.idx\"\nmodel m\n  dense 2 activation=softmax\ncompile m loss=sparse_categorical_crossentropy optimizer=adam\ntrain m on d\n```\n".utf8), "x.idx": idx([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), "y.idx": idx([2], [0, 1])], status: 1, firstLine: "t.nnbook:4:3: error: dense expects each sample to be a flat list of numbers, but the samples have shape (2, 2) — fed from d at line 6"),
        Case(name: "zero units", files: cell("model m\n  dense 0"), status: 1, firstLine: "t.nnbook:3:9: error: a dense layer needs at least 1 unit, not 0"),
        Case(name: "absurd model", files: cell("model m input=[500000]\n  dense 500000"), status: 1, firstLine: "t.nnbook:3:9: error: the model m would need 5006.2 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "dropout of one", files: cell("model m\n  dropout 1\n  dense 1"), status: 1, firstLine: "t.nnbook:3:11: error: the dropout rate must be at least 0 and below 1, not 1"),
        Case(name: "unknown initializer", files: cell("model m\n  dense 1 weights=glorot"), status: 1, firstLine: "t.nnbook:3:11: error: unknown initializer 'glorot'"),
        Case(name: "wrong number of outputs", files: withData("model k\n  dense 3 activation=softmax\ncompile k loss=categorical_crossentropy optimizer=adam\ntrain k on d"), status: 1, firstLine: "t.nnbook:8:11: error: the model gives 3 outputs per sample, but the targets of d have 1 column"),
        // One mistake, one error, at its own line; the lines after it are checked as if it were mended.
        Case(name: "misspelt model definition, and another mistake after it", files: withData("model nueron\n  dense 1 activation=sigmoid\ncompile neuron loss=binary_crossentropy optimizer=sgd\ntrain neuron on d\npredict neuron x1=0.5 x3=1"), status: 1,
             firstLine: "t.nnbook:6:7: error: this line names the model 'nueron', but 3 other lines use 'neuron' (the first at line 8)", hint: "a typo? write neuron here, as they do",
             lastLine: "2 errors in t.nnbook; nothing was run"),
        Case(name: "a model's name given again where the lines after use another", files: withData("train m on d\nmodel m\n  dense 1 activation=sigmoid\ncompile m2 loss=binary_crossentropy optimizer=sgd\ntrain m2 on d\nevaluate m on d"), status: 1,
             firstLine: "t.nnbook:7:7: error: this line gives the name 'm' to a new model, replacing the model of line 3, but 2 lines after it use 'm2', which no line defines (the first at line 9)",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a last layer of two units, expected to predict one number twice", files: withData("model r\n  dense 2\ncompile r loss=mse optimizer=sgd\ntrain r on d\nexpect r prediction ≈ 0.5 within 0.5 x1=0.1 x2=1\nexpect r prediction ≈ 0.5 within 0.5 x1=0.9 x2=0"), status: 1,
             firstLine: "t.nnbook:7:3: error: the model gives 2 outputs per sample, but the targets of d have 1 column", lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "weights of an untrained model", files: cell("model m\n  dense 1\nweights m"), status: 1, firstLine: "t.nnbook:4:9: error: the model 'm' has no weights yet: they are made when it first trains"),
        // The kind of the last layer's outputs: each of these runs to its end, learning nothing.
        Case(name: "softmax over one unit", files: withData("model k\n  dense 1 activation=softmax\ncompile k loss=binary_crossentropy optimizer=sgd\ntrain k on d"), status: 1,
             firstLine: "t.nnbook:7:11: error: softmax over 1 unit always gives 1"),
        Case(name: "model without a dense layer", files: withData("model k\n  dropout 0.5\ncompile k loss=mse optimizer=sgd\ntrain k on d"), status: 1,
             firstLine: "t.nnbook:6:1: error: the model 'k' has no dense layer, so it has no weights to learn and its outputs are its inputs"),
        Case(name: "cross-entropy without sigmoid", files: withData("model k\n  dense 1\ncompile k loss=binary_crossentropy optimizer=sgd\ntrain k on d"), status: 1,
             firstLine: "t.nnbook:7:3: error: binary_crossentropy takes probabilities, but the last dense layer has no activation, so its outputs are scores"),
        Case(name: "prices from a sigmoid", files: withData("model k\n  dense 1 activation=sigmoid\ncompile k loss=mse optimizer=sgd\ntrain k on d", csv: "x1,x2,y\n1,2,100\n3,4,187\n"), status: 1,
             firstLine: "t.nnbook:7:11: error: the targets of d go up to 187, but activation=sigmoid gives outputs from 0 to 1"),
    ]

    static let training: [Case] = [
        Case(name: "learning rate that diverges", files: withData("model r\n  dense 1\ncompile r loss=mse optimizer=sgd rate=1000\ntrain r on d descent=batch epochs=100", csv: "x1,x2,y\n100,200,1\n300,400,0\n"), status: 1, firstLine: "t.nnbook:9:1: error: the loss became NaN or infinite at epoch",
             hint: "d.x1 goes up to 300, d.x2 goes up to 400, unscaled: values so far from 0 to 1 make every step huge, whatever the rate; bring them near 0 to 1 first (scale d method=standardize); the steps are too large for this data: try a smaller learning rate, e.g. rate=100.0\nthe run stopped in cell 1; the page with the outputs so far is t.md"),
        Case(name: "zero epochs", files: withData("train m on d epochs=0"), status: 1, firstLine: "t.nnbook:6:14: error: epochs must be 1 or more, not 0"),
        Case(name: "batch of zero", files: withData("train m on d batch=0"), status: 1, firstLine: "t.nnbook:6:14: error: batch must be 1 or more, not 0"),
        Case(name: "a batch of all the samples", files: withData("train m on d batch=all"), status: 1, firstLine: "t.nnbook:6:20: error: expected a whole number, not all",
             hint: "for steps with every training sample, write descent=batch (batch gradient descent); batch= counts the samples of one mini-batch"),
        Case(name: "Keras' initial_epoch", files: withData("train m on d epochs=2\ntrain m on d epochs=2 initial_epoch=2"), status: 1,
             firstLine: "t.nnbook:7:23: error: 'train' has no option 'initial_epoch'",
             hint: "nnbook needs no initial_epoch: a second `train` of the same model continues where the one before stopped and numbers its epochs on (epochs=5 twice trains epochs 1 to 5, then 6 to 10)"),
        Case(name: "Keras' assignment of a history", files: withData("history = train m on d epochs=1"), status: 1,
             firstLine: "t.nnbook:6:9: error: '=' must follow an option name",
             hint: "nnbook has no assignments: write `train m on d epochs=1`; the model keeps its history, which `plot m` draws"),
        Case(name: "Keras' fit of x and y arrays", files: withData("m.fit(x_train, y_train, epochs=5, batch_size=32)"), status: 1,
             firstLine: "t.nnbook:6:1: error: this is Python's call syntax; a line of nnbook is words: no parentheses, commas or quotes",
             hint: "write `train m on DATA epochs=5 batch=32`, where DATA is the data set nnbook loaded: it holds Keras' x and y, the inputs and their targets"),
        Case(name: "inputs to predict in order", files: withData("train m on d\npredict m 0.2 1"), status: 1,
             firstLine: "t.nnbook:7:11: error: unexpected 0.2: 'predict' takes only 2 values before its options", hint: "give the inputs by name, one value each: x1=0.2 x2=1"),
        Case(name: "several samples in one predict", files: withData("train m on d\npredict m x1=[0.2, 0.8] x2=1"), status: 1,
             firstLine: "t.nnbook:7:14: error: x1= takes one value, not a list: one `predict` line is for one sample",
             hint: "for several samples, write one `predict` line each, with x1=0.2 on one and x1=0.8 on the next, or predict the first rows of a data set: `predict m on DATA rows=N`"),
        Case(name: "training before compiling", files: ["t.nnbook": Data("```nnbook\nload csv \"d.csv\" as d target=y\nmodel m\n  dense 1\ntrain m on d\n```\n".utf8), "d.csv": Data("x,y\n1,0\n".utf8)], status: 1, firstLine: "t.nnbook:5:7: error: the model 'm' must be compiled before it is trained"),
        Case(name: "labels outside the classes", files: withData("model k\n  dense 2 activation=softmax\ncompile k loss=sparse_categorical_crossentropy optimizer=adam\ntrain k on d", csv: "x1,x2,y\n1,2,0\n3,4,5\n"), status: 1, firstLine: "t.nnbook:7:3: error: the labels of d go up to 5, but the last dense layer has 2 units, for the classes 0 to 1"),
        Case(name: "zero learning rate", files: withData("compile m loss=mse optimizer=sgd rate=0"), status: 1, firstLine: "t.nnbook:6:34: error: the learning rate must be above 0, not 0"),
        Case(name: "batch beside batch descent", files: withData("train m on d descent=batch batch=2"), status: 1, firstLine: "t.nnbook:6:28: error: batch= has no effect with descent=batch: each step uses all the training samples"),
        Case(name: "a divisor beyond Float32", files: withData("scale d x2 divide=1e39\ntrain m on d"), status: 1,
             firstLine: "t.nnbook:6:12: error: 1e+39 is beyond the largest 32-bit number, 3.4e38"),
        Case(name: "a divisor that makes values infinite", files: withData("scale d x2 divide=1e-45\ntrain m on d"), status: 1, firstLine: "t.nnbook:6:12: error: dividing by 1e-45 makes d.x2, which goes up to 1, infinite: 1 / 1e-45 is 1e+45, too large for a 32-bit number (at most 3.4e38)"),
        Case(name: "landscape on data of another shape", files: withData("train m on d\nload csv \"e.csv\" as e target=y\nlandscape m on e").merging(["e.csv": Data("x1,x2,x3,y\n0,0,0,0\n1,1,1,1\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:8:16: error: the model 'm' expects samples of shape (2,), but e has samples of shape (3,)"),
        Case(name: "confusion on a label the model never learned", files: withData("train m on d\nload csv \"e.csv\" as e target=y\nconfusion m on e").merging(["e.csv": Data("x1,x2,y\n0,0,2\n1,1,0\n".utf8)]) { $1 }, status: 1,
             firstLine: "t.nnbook:8:16: error: binary_crossentropy needs targets of 0 and 1, but the labels of e go up to 2"),
        Case(name: "expected prediction of scores beyond a probability", files: withData("model k\n  dense 1\ncompile k loss=binary_crossentropy from_logits=true\ntrain k on d\nexpect k prediction > 1 x1=1 x2=0"), status: 1,
             firstLine: "t.nnbook:10:23: error: the prediction of 'k' is a probability, from 0 to 1, which is never > 1"),
        Case(name: "a predict input beyond Float32", files: withData("train m on d\npredict m x1=1e39 x2=0"), status: 1,
             firstLine: "t.nnbook:7:14: error: x1=1e39 is beyond the largest 32-bit number, 3.4e38"),
        Case(name: "a predict input beyond any number", files: withData("train m on d\npredict m x1=0.5 x2=1e400"), status: 1,
             firstLine: "t.nnbook:7:21: error: x2=1e400 is beyond the largest 32-bit number, 3.4e38"),
        // 3e38, within Float32, is divided by 0.3 into infinity: the check reads the small
        // table, fits the scaling as the run will, and stops the notebook before it runs.
        Case(name: "a predict input that scaling makes infinite, at check", files: withData("scale d x1 method=standardize\ntrain m on d\npredict m x1=3e38 x2=0"),
             arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:8:14: error: x1=3e38, scaled as the training data was ((x1 − 0.45) / 0.29580396), is beyond the largest 32-bit number, 3.4e38",
             lastLine: "1 error in t.nnbook; nothing was run"),
        Case(name: "a take that names its result as its source, beyond its samples, at check", files: withData("take d 9 as d"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:6:8: error: d has 4 samples, so 9 cannot be taken"),
    ]

    static let history: [Case] = [
        Case(name: "corrupt reference", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["log", "t.nnbook"], status: 1,
             firstLine: "t.nnbook: error: read refs/nnbook/runs/t.nnbook: corrupted loose reference file: refs/nnbook/runs/t.nnbook",
             prepare: { folder in
                 try BadInputCatalogTests.runOnce(folder)
                 try Data("not an object id\n".utf8).write(to: folder.appendingPathComponent(".nnbook-history/refs/nnbook/runs/t.nnbook"))
             }),
        Case(name: "unwritable repository", files: cell("loss mae y_true=[1] y_pred=[0]"), status: 1,
             firstLine: "t.nnbook: error: write a blob: failed to make directory 'FOLDER/.nnbook-history/objects/",
             prepare: { folder in
                 try BadInputCatalogTests.runOnce(folder)
                 // Permissions do not stop root (CI runs as root), so the object store is made
                 // unusable instead: a file where its folder should be.
                 let objects = folder.appendingPathComponent(".nnbook-history/objects")
                 for entry in try FileManager.default.contentsOfDirectory(atPath: objects.path) where entry.count == 2 {
                     try FileManager.default.removeItem(at: objects.appendingPathComponent(entry))
                     try Data().write(to: objects.appendingPathComponent(entry))
                 }
                 for entry in ["00", "3e", "a5", "f4", "9d", "e6"] where !FileManager.default.fileExists(atPath: objects.appendingPathComponent(entry).path) {
                     try Data().write(to: objects.appendingPathComponent(entry))
                 }
             }),
        Case(name: "store path taken by a file", files: cell("loss mae y_true=[1] y_pred=[0]").merging([".nnbook-history": Data("x".utf8)]) { a, _ in a }, status: 1,
             firstLine: "t.nnbook: error: cannot record the run: FOLDER/.nnbook-history is a file, but nnbook keeps the history of notebooks outside a git repository in a folder of that name; move the file away"),
        Case(name: "symbolic reference to a missing branch", files: cell("loss mae y_true=[1] y_pred=[0]"), status: 1,
             firstLine: "t.nnbook: error: cannot record the run: refs/nnbook/runs/t.nnbook is a symbolic reference to refs/heads/missing, not a chain of runs",
             prepare: { folder in
                 try BadInputCatalogTests.runOnce(folder)
                 try Data("ref: refs/heads/missing\n".utf8).write(to: folder.appendingPathComponent(".nnbook-history/refs/nnbook/runs/t.nnbook"))
             }),
        Case(name: "reference of an earlier naming in the way", files: cell("loss mae y_true=[1] y_pred=[0]"), status: 1,
             firstLine: "t.nnbook: error: cannot record the run: git cannot create its reference refs/nnbook/runs/t.nnbook because refs/nnbook/runs/t.nnbook/q.nnbook exists, and a reference cannot be both a name and a folder of names (an earlier nnbook named references so, or one was made by hand). Keep that reference's runs under another name, then run again: `git update-ref refs/nnbook/kept/runs/t.nnbook/q.nnbook refs/nnbook/runs/t.nnbook/q.nnbook && git update-ref -d refs/nnbook/runs/t.nnbook/q.nnbook` in the notebook's repository",
             prepare: { folder in
                 try BadInputCatalogTests.runOnce(folder)
                 let reference = folder.appendingPathComponent(".nnbook-history/refs/nnbook/runs/t.nnbook")
                 let id = try Data(contentsOf: reference)
                 try FileManager.default.removeItem(at: reference)
                 try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: false)
                 try id.write(to: reference.appendingPathComponent("q.nnbook"))
             }),
        // A damaged record costs only its run: `log` lists it as unreadable, with a note.
        Case(name: "run record without a field", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["log", "t.nnbook"], status: 0,
             firstLine: "t.nnbook: note: run 2 (",
             prepare: { try BadInputCatalogTests.runOnce($0); try BadInputCatalogTests.replaceRunRecord($0, with: "{}") }),
        Case(name: "run record that is not JSON", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["show", "t.nnbook"], status: 1,
             firstLine: "t.nnbook: error: run 2 (",
             prepare: { try BadInputCatalogTests.runOnce($0); try BadInputCatalogTests.replaceRunRecord($0, with: "{\"notebook\": ") }),
        Case(name: "run record with a field of the wrong kind", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["log", "t.nnbook"], status: 0,
             firstLine: "t.nnbook: note: run 2 (",
             prepare: { try BadInputCatalogTests.runOnce($0); try BadInputCatalogTests.replaceRunRecord($0, with: "{\"notebook\": 5}") }),
        Case(name: "diff of a notebook whose history has no runs", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["diff", "t.nnbook"], status: 1,
             firstLine: "t.nnbook: error: t.nnbook has no recorded runs yet: `nnbook run t.nnbook` records one", prepare: { try BadInputCatalogTests.emptyHistory($0) }),
        Case(name: "log without runs", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["log", "t.nnbook"], status: 1, firstLine: "t.nnbook: error: t.nnbook has no recorded runs yet: `nnbook run t.nnbook` records one"),
        Case(name: "show of a run that does not exist", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["show", "t.nnbook", "9"], status: 2,
             firstLine: "t.nnbook: error: there is no run '9': name a run by its number (1 to 1), its id, or last, last~1, …", prepare: { try BadInputCatalogTests.runOnce($0) }),
    ]

    static let plugins: [Case] = [
        Case(name: "untrusted plugin", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nhello\n```\n".utf8), "p/nnbook-plugin-greet": Data("#!/bin/sh\nexit 1\n".utf8)], status: 1,
             firstLine: "t.nnbook:5:1: error: unknown command 'hello'; it may come from a plugin that was not started: FOLDER/p/nnbook-plugin-greet (plugin 'greet') was refused: nothing allows it (neither --allow-plugin greet nor the trusted-plugins file)"),
        Case(name: "refused plugin whose command is near a built-in", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nfake\n```\n".utf8), "p/nnbook-plugin-fake": Data("#!/bin/sh\nexit 1\n".utf8)], status: 1,
             firstLine: "t.nnbook:5:1: error: unknown command 'fake'; it may come from a plugin that was not started: FOLDER/p/nnbook-plugin-fake (plugin 'fake') was refused: nothing allows it"),
        Case(name: "help for a command of a refused plugin", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n".utf8), "p/nnbook-plugin-greet": Data("#!/bin/sh\nexit 1\n".utf8)], arguments: ["help", "hello", "--notebook", "t.nnbook"], status: 2,
             firstLine: "error: unknown command 'hello'; it may come from a plugin that was not started: FOLDER/p/nnbook-plugin-greet (plugin 'greet') was refused"),
        Case(name: "Keras' fit beside a refused plugin", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nfit m on d\n```\n".utf8), "p/nnbook-plugin-blobs": Data("#!/bin/sh\nexit 1\n".utf8)], arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:5:1: error: unknown command 'fit'", hint: "did you mean 'train'? nnbook calls fit train"),
        Case(name: "typo of a built-in beside a refused plugin", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nevalute m on d\n```\n".utf8), "p/nnbook-plugin-blobs": Data("#!/bin/sh\nexit 1\n".utf8)], arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:5:1: error: unknown command 'evalute'", hint: "did you mean 'evaluate'?"),
        Case(name: "plugin that cannot describe itself", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nhello\n```\n".utf8), "p/nnbook-plugin-greet": Data("#!/bin/sh\necho nonsense\n".utf8)], arguments: ["run", "t.nnbook", "--allow-plugin", "greet"], status: 1, firstLine: "t.nnbook:5:1: error: unknown command 'hello'"),
        Case(name: "plugin declaring a verb twice", files: ["t.nnbook": Data("---\nplugins: [p]\n---\n```nnbook\nhello\n```\n".utf8), "p/nnbook-plugin-greet": Data(#"#!/bin/sh\necho '{"protocol": 1, "plugin": {"name": "greet", "summary": "s", "commands": [{"verb": "hello", "summary": "a"}, {"verb": "hello", "summary": "b"}]}}'\n"#.utf8)], arguments: ["check", "t.nnbook", "--allow-plugin", "greet"], status: 1, firstLine: "t.nnbook:5:1: error: unknown command 'hello'"),
    ]

    static let usage: [Case] = [
        Case(name: "no notebook given", arguments: ["run"], status: 2, firstLine: "Error: Missing expected argument '<file>'"),
        Case(name: "unknown subcommand", arguments: ["trian"], status: 2, firstLine: "Error: Unexpected argument 'trian'"),
        Case(name: "notebook that is not there", arguments: ["run", "nothing.nnbook"], status: 2, firstLine: "nothing.nnbook: error: cannot read the notebook: no such file"),
        Case(name: "a data file given as the notebook", files: ["data.csv": Data("x,y\n1,0\n".utf8)], arguments: ["check", "data.csv"], status: 2,
             firstLine: "data.csv: error: not a notebook: nnbook reads .nnbook files"),
        Case(name: "-p without a name", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["check", "t.nnbook", "-p", "=3"], status: 2,
             firstLine: "Error: -p takes NAME=VALUE, e.g. -p rate=0.1, not '=3'"),
        Case(name: "notebook that is not UTF-8", files: ["t.nnbook": Data([0x23, 0x20, 0xC3, 0x28, 0x0A])], status: 1, firstLine: "t.nnbook: error: the notebook is not UTF-8 text"),
        Case(name: "memory limit of zero", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["run", "t.nnbook", "--memory-limit", "0"], status: 2, firstLine: "Error: --memory-limit must be a number of GB above 0, such as 0.5 or 8, not '0'"),
        Case(name: "memory limit beyond any machine", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["run", "t.nnbook", "--memory-limit", "1e30"], status: 2,
             firstLine: "Error: --memory-limit 1e30 GB is more than any machine has: give at most 1000000000 GB"),
        Case(name: "memory limit of 1e99", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["preview", "t.nnbook", "--memory-limit", "1e99"], status: 2,
             firstLine: "Error: --memory-limit 1e99 GB is more than any machine has: give at most 1000000000 GB"),
        Case(name: "negative memory limit", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["run", "t.nnbook", "--memory-limit", "-1"], status: 2,
             firstLine: "Error: --memory-limit must be a number of GB above 0, such as 0.5 or 8, not '-1'"),
        Case(name: "memory limit that is not a number", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["render", "t.nnbook", "--to", "html", "--memory-limit", "abc"], status: 2,
             firstLine: "Error: --memory-limit must be a number of GB above 0, such as 0.5 or 8, not 'abc'"),
        Case(name: "memory limit nan", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["sweep", "t.nnbook", "--memory-limit", "nan"], status: 2,
             firstLine: "Error: --memory-limit must be a number of GB above 0, such as 0.5 or 8, not 'nan'"),
        Case(name: "negative plugin timeout", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["check", "t.nnbook", "--plugin-timeout", "-1"], status: 2,
             firstLine: "Error: --plugin-timeout must be a number of seconds above 0, such as 5 or 60, not '-1'"),
        Case(name: "plugin timeout that is not a number", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["run", "t.nnbook", "--plugin-timeout", "abc"], status: 2,
             firstLine: "Error: --plugin-timeout must be a number of seconds above 0, such as 5 or 60, not 'abc'"),
        // A list of 150,001 numbers written in the notebook: data that belongs in a file.
        Case(name: "line of a cell too long", files: cell("activation relu x=[" + String(repeating: "1,", count: 150_000) + "1]"), arguments: ["check", "t.nnbook", "--memory-limit", "0.1"], status: 1,
             firstLine: "t.nnbook:2:1: error: this line is 300021 characters long; a line of a cell holds at most 200000"),
        // Swift reads `0x10` as sixteen; a learner who types it meant no decimal number.
        Case(name: "hexadecimal memory limit", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["check", "t.nnbook", "--memory-limit", "0x10"], status: 2,
             firstLine: "Error: --memory-limit must be a number of GB above 0, such as 0.5 or 8, not '0x10'"),
        Case(name: "hexadecimal plugin timeout", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["check", "t.nnbook", "--plugin-timeout", "0x1p4"], status: 2,
             firstLine: "Error: --plugin-timeout must be a number of seconds above 0, such as 5 or 60, not '0x1p4'"),
        Case(name: "hexadecimal parameter", files: ["t.nnbook": Data("---\nparams:\n  rate: 0.5\n---\n```nnbook\nloss mae y_true=[1] y_pred=[$rate]\n```\n".utf8)],
             arguments: ["run", "t.nnbook", "-p", "rate=0x10"], status: 2, firstLine: "t.nnbook: error: the parameter 'rate' must be a number, not '0x10'"),
        Case(name: "hexadecimal argument", files: cell("loss mae y_true=[1] y_pred=[0x10]"), status: 1, firstLine: "t.nnbook:2:29: error: expected a number, not 0x10"),
        Case(name: "history command without its notebook", arguments: ["show", "1"], status: 2,
             firstLine: "1: error: there is no notebook 1"),
        Case(name: "data set named by a path", files: withData("train m on \"../../../ds\""), status: 1,
             firstLine: "t.nnbook:6:12: error: '../../../ds' is not the name of a data set"),
        Case(name: "render --run of a run that fails", files: withData("train m on d epochs=1\nexpect m loss < 0.0001 on d"), arguments: ["render", "t.nnbook", "--to", "html", "--run", "--quiet"], status: 1,
             firstLine: "t.nnbook:7:1: error: expected m loss < 0.0001 on d, got "),
        Case(name: "render to an unknown format", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["render", "t.nnbook", "--to", "pdf"], status: 2,
             firstLine: "Error: nnbook render exports --to html (one self-contained web page) or --to ipynb (a Jupyter notebook), not 'pdf'"),
        Case(name: "render to Markdown", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["render", "t.nnbook", "--to=md"], status: 2,
             firstLine: "Error: nnbook render exports --to html (one self-contained web page) or --to ipynb (a Jupyter notebook), not 'md'; the Markdown page is the one `nnbook run` writes (NAME.md)"),
        Case(name: "render with the format as --format", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["render", "t.nnbook", "--format", "ipynb"], status: 2,
             firstLine: "Error: nnbook render names the format with --to, as jupyter nbconvert does, not with --format: write --to ipynb"),
        Case(name: "render without a format", files: cell("loss mae y_true=[1] y_pred=[0]"), arguments: ["render", "t.nnbook"], status: 2,
             firstLine: "Error: say which format to export: --to html (one self-contained web page) or --to ipynb (a Jupyter notebook)"),
    ]

    /// Files nnbook must never write over: the notebook itself, a user's file where the
    /// pictures go or among them.
    static let outputs: [Case] = [
        Case(name: "notebook whose page is itself", files: ["t.md": Data("```nnbook\nloss mae y_true=[1] y_pred=[0]\n```\n".utf8)], arguments: ["run", "t.md"], status: 2,
             firstLine: "t.md: error: not a notebook: nnbook reads .nnbook files"),
        Case(name: "file where the pictures go", files: cell("curve sigmoid").merging(["t.assets": Data("mine".utf8)]) { a, _ in a }, status: 1,
             firstLine: "t.md: error: cannot write the page: FOLDER/t.assets is in the way: it is a file, but nnbook keeps the page's pictures in a folder of that name"),
        Case(name: "user's files among the pictures", files: cell("curve sigmoid").merging(["t.assets/cell-1-sigmoid.svg": Data("mine".utf8), "t.assets/notes/n.txt": Data("mine".utf8)]) { a, _ in a },
             status: 0, firstLine: ""),
    ]

    static let big = "9223372036854775807"

    /// Numbers at the edges of Int and of memory: each an error (or a run) with a message, never a signal.
    static let numbers: [Case] = [
        Case(name: "one-hot classes of Int.max", files: withData("one_hot d classes=\(big)"), status: 1,
             firstLine: "t.nnbook:6:11: error: 9223372036854775807 one-hot columns for 4 rows would need more memory than a 64-bit machine can address, far more than the limit of 1.0 GB"),
        Case(name: "one-hot classes of a trillion", files: withData("one_hot d classes=1000000000000"), status: 1,
             firstLine: "t.nnbook:6:11: error: 1000000000000 one-hot columns for 4 rows would need 32000.0 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "label too large to be a class", files: withData("one_hot d", csv: "x1,x2,y\n1,2,1e30\n"), status: 1,
             firstLine: "t.nnbook:6:9: error: the target of d holds numbers that are not class numbers (0, 1, 2, … up to 16777216)"),
        Case(name: "batch of Int.max", files: withData("train m on d batch=\(big)"), status: 0, firstLine: ""),
        Case(name: "epochs of Int.max", files: withData("train m on d epochs=\(big)"), status: 1,
             firstLine: "t.nnbook:6:14: error: remembering the loss of 9223372036854775807 epochs would need"),
        Case(name: "continued training past Int.max epochs", files: withData("train m on d epochs=2\ntrain m on d epochs=\(big)"), status: 1,
             firstLine: "t.nnbook:7:14: error: remembering the loss of 9223372036854775807 epochs would need"),
        Case(name: "a billion epochs on three rows", files: withData("train m on d epochs=1000000000"), status: 1,
             firstLine: "t.nnbook:6:14: error: remembering the loss of 1000000000 epochs would need 160.0 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "a billion epochs on three rows, at check", files: withData("train m on d epochs=1000000000"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:6:14: error: remembering the loss of 1000000000 epochs would need 160.0 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "image start of Int.max", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\nimages d start=\(big)\n```\n".utf8), "x.idx": idx([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])], status: 1,
             firstLine: "t.nnbook:3:10: error: d has only 2 samples, so start must be below 2"),
        Case(name: "lists nested thirty thousand deep", files: cell("loss mae y_true=" + String(repeating: "[", count: 30000) + "1" + String(repeating: "]", count: 30000) + " y_pred=[1]"), status: 1,
             firstLine: "t.nnbook:2:25: error: lists are nested more than 8 deep here"),
        Case(name: "training steps larger than the memory limit", files: withData("model w\n  dense 1000\n  dense 1\ncompile w loss=mse optimizer=sgd\ntrain w on d descent=batch", csv: "x1,x2,y\n" + String(repeating: "0,0,0\n", count: 200_000)), status: 1,
             firstLine: "t.nnbook:10:1: error: training w on steps of 200000 samples would need 2.4 GB of memory, more than the limit of 1.0 GB"),
        // The check applies the run's memory rules, with the same --memory-limit (1 GB here),
        // to the sizes it knows from the layers and the data's headers.
        Case(name: "training steps larger than the memory limit, at check",
             files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d target=\"y.idx\"\nmodel w\n  dense 1000\n  dense 1\ncompile w loss=mse optimizer=sgd\ntrain w on d descent=batch\n```\n".utf8),
                     "x.idx": idx([200_000, 2], Array(repeating: 0, count: 400_000)), "y.idx": idx([200_000], Array(repeating: 0, count: 200_000))],
             arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:7:1: error: training w on steps of 200000 samples would need 2.4 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "model larger than the memory limit, at check", files: cell("model big input=[20000]\n  dense 20000"), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:3:9: error: the model big would need 8.2 GB of memory, more than the limit of 1.0 GB"),
        Case(name: "model first built by train larger than the memory limit, at check", files: withData("model wide\n  dense 30000\n  dense 30000\n  dense 1\ncompile wide loss=mse optimizer=sgd\ntrain wide on d"),
             arguments: ["check", "t.nnbook", "--memory-limit", "2"], status: 1,
             firstLine: "t.nnbook:8:9: error: the model wide would need 18.2 GB of memory, more than the limit of 2.0 GB"),
        Case(name: "a share written as a percentage", files: withData("split d test=20%"), status: 1,
             firstLine: "t.nnbook:6:14: error: expected a number, not 20%", hint: "write 0.2: nnbook writes a share as a number from 0 to 1, not as a percentage"),
        Case(name: "a whole number beyond 64 bits", files: withData("train m on d epochs=99999999999999999999"), status: 1,
             firstLine: "t.nnbook:6:21: error: 99999999999999999999 is too large for a whole number (the largest is 9223372036854775807)"),
    ]

    /// Values from files and notebooks are quoted as short, escaped excerpts, never whole.
    static let echoes: [Case] = [
        Case(name: "environment read as CSV", files: cell("load csv \"/proc/self/environ\" as d target=y"), status: 1,
             firstLine: "t.nnbook:2:10: error: /proc/self/environ:1:1: the first line is not a header of column names: it holds control characters, so this is not a CSV file"),
        Case(name: "huge field that is not a number", files: loadCSV("a,y\n0,1\n" + String(repeating: "z", count: 1_000_000) + ",1\n"), status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv:3:1: \"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz…\" in column \"a\" is not a number"),
        Case(name: "unknown word of 150,000 characters", files: cell(String(repeating: "q", count: 150_000)), status: 1,
             firstLine: "t.nnbook:2:1: error: unknown command 'qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq…'"),
        Case(name: "control characters in a column name", files: loadCSV("a\u{1B}[31m,y\n1,2\n", extra: " codes=[b]"), status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv:1:1: the first line is not a header of column names"),
    ]

    private static func loadNumPy(_ files: [String: Data], labels: Bool = false, then lines: String = "") -> [String: Data] {
        files.merging(["t.nnbook": Data("```nnbook\nload npy \"x.npy\" as d\(labels ? " target=\"y.npy\"" : "")\n\(lines.isEmpty ? "" : lines + "\n")```\n".utf8)]) { a, _ in a }
    }

    private static func float32s(_ values: [Float]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }

    private static func float64s(_ values: [Double]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }

    private static func loadIDX(_ files: [String: Data], labels: Bool = false) -> [String: Data] {
        files.merging(["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\(labels ? " target=\"y.idx\"" : "")\n```\n".utf8)]) { a, _ in a }
    }

    /// Values that were once taken without a word, each now an error with its reason.
    static let silentValues: [Case] = [
        Case(name: "CSV with a header and no rows", files: loadCSV("a,y\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:1:1: the file has a header but no rows of data"),
        Case(name: "hexadecimal in a CSV", files: loadCSV("a,y\n0,1\n0x10,1\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: \"0x10\" in column \"a\" is not a number"),
        Case(name: "NUL after a number in a CSV", files: loadCSV("a,y\n0,1\n2\u{0},1\n"), status: 1, firstLine: "t.nnbook:2:10: error: d.csv:3:1: \"2\\u{0}\" in column \"a\" is not a number"),
        Case(name: "binary labels of 5", files: withData("train m on d", csv: "x1,x2,y\n1,2,5\n3,4,0\n"), status: 1,
             firstLine: "t.nnbook:5:11: error: binary_crossentropy needs targets of 0 and 1, but the labels of d go up to 5"),
        Case(name: "binary loss lesson with labels outside 0 to 1", files: cell("loss binary_crossentropy y_true=[5, -1] y_pred=[0.5, 0.5]"), status: 1,
             firstLine: "t.nnbook:2:26: error: y_true holds 5, but binary_crossentropy takes true values from 0 to 1"),
        Case(name: "learning rate beyond Float32", files: withData("compile m loss=mse optimizer=sgd rate=1e39"), status: 1,
             firstLine: "t.nnbook:6:34: error: the learning rate 1e+39 is too large for a 32-bit number"),
        Case(name: "bias beyond Float32", files: withData("model k\n  dense 1 activation=sigmoid bias=1e39\ncompile k loss=binary_crossentropy optimizer=sgd\ntrain k on d"), status: 1,
             firstLine: "t.nnbook:7:30: error: 1e39 is beyond the largest 32-bit number, 3.4e38"),
        Case(name: "binary labels of -1 and 1", files: withData("train m on d", csv: "x1,x2,y\n1,2,-1\n3,4,1\n"), status: 1,
             firstLine: "t.nnbook:5:11: error: binary_crossentropy needs targets from 0 to 1, but the targets of d go down to -1"),
        Case(name: "binary target standardized", files: withData("scale d y method=standardize\ntrain m on d"), status: 1,
             firstLine: "t.nnbook:6:9: error: binary_crossentropy needs targets from 0 to 1, but this scale makes the targets of d, labels of classes, other numbers: they are centred on 0, so some are below 0"),
        Case(name: "IDX of no samples", files: loadIDX(["x.idx": idx([0, 3], [])]), status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the array holds no samples: its shape is (0, 3)"),
        Case(name: "IDX with bytes after its values", files: loadIDX(["x.idx": idx([2], [0, 1, 7])]), status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the file holds 1 bytes after the 2 values its header announces"),
        Case(name: "IDX holding NaN", files: loadIDX(["x.idx": idx([1], [0x7F, 0xC0, 0, 0], type: 0x0D)]), status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the value at [0] (sample 1) is nan, not a number nnbook can learn from"),
        // A file over a megabyte is read by the run alone: a label beyond 0 and 1 in its last
        // row is named by its line, not by its place among the samples trained on.
        Case(name: "a large CSV's wrong label, at its line",
             files: loadCSV("a,y\n" + String(repeating: "1,0\n", count: 300_000) + "1,2\n", extra: "\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on d epochs=1"),
             status: 1, firstLine: "t.nnbook:6:1: error: d.csv:300002: this row has the target 2.0, but binary_crossentropy takes targets from 0 to 1"),
        // The values of a CSV file over a megabyte are the run's to read (the README says so): a
        // word in its last row passes the check, and the run refuses it at its row and column.
        Case(name: "a large CSV's word, not seen by the check", files: loadCSV("a,y\n" + String(repeating: "1,0\n", count: 300_000) + "x,1\n"),
             arguments: ["check", "t.nnbook"], status: 0, firstLine: ""),
        Case(name: "a large CSV's word, at its row", files: loadCSV("a,y\n" + String(repeating: "1,0\n", count: 300_000) + "x,1\n"),
             status: 1, firstLine: "t.nnbook:2:10: error: d.csv:300002:1: \"x\" in column \"a\" is not a number"),
        // What the check reads of an array file (its header, its size, a small labels file)
        // refuses what the run refuses, before anything runs.
        Case(name: "NumPy of big-endian numbers, at check", files: loadNumPy(["x.npy": npy(">f4", [1], [0x3F, 0x80, 0, 0])]), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: arrays of type >f4 are not supported"),
        Case(name: "NumPy of objects, at check", files: loadNumPy(["x.npy": npy("|O", [1], [0, 0, 0, 0, 0, 0, 0, 0])]), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: arrays of type |O are not supported"),
        Case(name: "truncated NumPy file, at check", files: loadNumPy(["x.npy": npy("<f4", [50, 2], Array(repeating: 0, count: 100))]), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: the file is truncated: the shape (50, 2,) needs 400 bytes but 100 follow"),
        Case(name: "truncated IDX file, at check", files: loadIDX(["x.idx": idx([50, 4, 4], Array(repeating: 0, count: 100))]), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the file is truncated: its header announces 50×4×4 values (800 bytes) but only 100 bytes follow"),
        Case(name: "NumPy holding inf", files: loadNumPy(["x.npy": npy("<f4", [2, 2], float32s([1, 2, .infinity, 4]))]), status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: the value at [1, 0] (sample 2, feature 1) is inf, not a number nnbook can learn from"),
        // A features file under a megabyte is read whole by the check, as a small CSV is.
        Case(name: "NumPy features holding nan, at check", files: loadNumPy(["x.npy": npy("<f4", [2, 2], float32s([1, 2, 3, .nan])), "y.npy": npy("<f4", [2], float32s([0, 1]))], labels: true),
             arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: the value at [1, 1] (sample 2, feature 2) is nan, not a number nnbook can learn from"),
        Case(name: "IDX features beyond Float32, at check", files: loadIDX(["x.idx": idx([1, 1], [0x47, 0xF0, 0, 0, 0, 0, 0, 0], type: 0x0E)]), arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the value at [0, 0] (sample 1, feature 1) is 3.402823669209385e+38, too large for a 32-bit number"),
        Case(name: "NumPy float64 beyond Float32", files: loadNumPy(["x.npy": npy("<f8", [2], float64s([1, 1e300]))]), status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: the value at [1] (sample 2) is 1e+300, too large for a 32-bit number"),
        Case(name: "NumPy labels holding nan, at check", files: loadNumPy(["x.npy": npy("<f4", [2, 1], float32s([1, 2])), "y.npy": npy("<f4", [2], float32s([0, .nan]))], labels: true),
             arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:23: error: y.npy: the value at [1] (sample 2) is nan, not a number nnbook can learn from"),
        Case(name: "NumPy without labels, trained", files: loadNumPy(["x.npy": npy("<f4", [2, 1], float32s([1, 2]))], then: "model m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy\ntrain m on d epochs=1"),
             arguments: ["check", "t.nnbook"], status: 1,
             firstLine: "t.nnbook:2:10: error: d has no targets to learn from: it was loaded without its labels", hint: "add target=\"labels.npy\", the file of one label per sample"),
        Case(name: "labels file of images", files: loadIDX(["x.idx": idx([3, 1, 1], [1, 2, 3]), "y.idx": idx([3, 2, 2], Array(repeating: 0, count: 12))], labels: true), status: 1,
             firstLine: "t.nnbook:2:23: error: y.idx: the labels have shape (3, 2, 2), but labels are one number or one row per image: shape (3) for class numbers or (3, CLASSES) for one-hot rows"),
    ]

    /// Memory limits that apply to every reader, before the bytes are read or inflated.
    static let memory: [Case] = [
        Case(name: "gzip whose IDX header asks for too much", files: cell("load idx \"x.gz\" as d"), status: 1,
             firstLine: "t.nnbook:2:10: error: x.gz: the 100000×100000 values of the file would need 50.0 GB of memory, more than the limit of 1.0 GB",
             prepare: { folder in
                 try (idx([100000, 100000], []) + Data(count: 1_000_000)).write(to: folder.appendingPathComponent("x"))
                 let gzip = Process()
                 gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
                 gzip.arguments = ["-n", "-S", ".gz", folder.appendingPathComponent("x").path]
                 try gzip.run()
                 gzip.waitUntilExit()
             }),
        // The values are counted as the file is read: 200,000 rows of two 4-byte numbers pass
        // the limit of 1 MB at the 125,001st row, and the reading stops there.
        Case(name: "CSV larger than the memory limit", files: loadCSV("a,y\n" + String(repeating: "1,0\n", count: 200_000)), arguments: ["run", "t.nnbook", "--quiet", "--memory-limit", "0.001"], status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv:125002:1: the values read up to this line already fill the memory limit of 1 MB"),
        Case(name: "a megabyte-long CSV field", files: loadCSV("a,y\n0,1\n" + String(repeating: "x", count: 1_000_000) + ",1\n"), status: 1,
             firstLine: "t.nnbook:2:10: error: d.csv:3:1: \"" + String(repeating: "x", count: 40) + "…\" in column \"a\" is not a number"),
        Case(name: "negative predicted probability", files: cell("loss binary_crossentropy y_true=[1] y_pred=[-0.5]"), status: 1,
             firstLine: "t.nnbook:2:37: error: y_pred holds -0.5, but binary_crossentropy takes predicted probabilities from 0 to 1"),
        Case(name: "flat y_pred for the sparse loss", files: cell("loss sparse_categorical_crossentropy y_true=[1, 1] y_pred=[0.6, 0.4]"), status: 1,
             firstLine: "t.nnbook:2:52: error: y_pred is one row of 2 class probabilities (a single sample), but y_true has 2 class numbers"),
        Case(name: "a number beyond 64 bits in a list", files: cell("loss mae y_true=[1] y_pred=[1e400]"), status: 1,
             firstLine: "t.nnbook:2:29: error: expected a number, not 1e400"),
        Case(name: "a landscape over a weight the model lacks", files: withData("train m on d epochs=1\nlandscape m on d x=w9"), status: 1,
             firstLine: "t.nnbook:7:18: error: 'm' has no weight named 'w9'"),
        Case(name: "sizes that round alike", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\n```\n".utf8), "x.idx": idx([319_999], [])],
             arguments: ["run", "t.nnbook", "--quiet", "--memory-limit", "0.0016"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the 319999 values of the file would need 1600003 bytes of memory, more than the limit of 1600000 bytes"),
        // The check reads the headers, and refuses what the run would refuse to read.
        Case(name: "IDX values beyond the memory limit, at check", files: ["t.nnbook": Data("```nnbook\nload idx \"x.idx\" as d\n```\n".utf8), "x.idx": idx([319_999], [])],
             arguments: ["check", "t.nnbook", "--memory-limit", "0.0016"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.idx: the 319999 values of the file would need 1600003 bytes of memory, more than the limit of 1600000 bytes"),
        Case(name: "NumPy file larger than the memory limit, at check",
             files: ["t.nnbook": Data("```nnbook\nload npy \"x.npy\" as d\n```\n".utf8), "x.npy": npy("<f8", [1000], Array(repeating: 0, count: 8000))],
             arguments: ["check", "t.nnbook", "--memory-limit", "0.000005"], status: 1,
             firstLine: "t.nnbook:2:10: error: x.npy: reading the 8 KB file would need"),
        Case(name: "a model no machine could address", files: cell("model m input=[9223372036854775807]\n  dense 1"), status: 1,
             firstLine: "t.nnbook:3:9: error: the model m would need more memory than a 64-bit machine can address, far more than the limit of 1.0 GB",
             hint: "`dense 1` holds more than a 64-bit machine can address of it: 9,223,372,036,854,775,807 weights (9,223,372,036,854,775,807 inputs × 1 units, and a bias per unit), each with its gradient and the optimizer's state, and 1 outputs for each sample of a batch; make it smaller: no machine can address that much memory, whatever --memory-limit says"),
    ]

    /// Records one good run of the notebook, as the history cases need.
    /// A git repository in which no run of the notebook is recorded yet.
    static func emptyHistory(_ folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["init", "-q"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
    }

    static func runOnce(_ folder: URL) throws {
        let process = Process()
        process.executableURL = try CLIFixture().executable
        process.arguments = ["run", "t.nnbook", "--quiet"]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
    }

    /// A notebook that loads a file of secrets as CSV never gets any of it quoted, by `check`
    /// or `run`, on the terminal or in a page: a file is quoted only once a row of it has read
    /// as data under its header. Small files are read whole at check time, large ones only to
    /// their first row; both are tried.
    func testNoMessageQuotesAFileOfSecretsLoadedAsCSV() throws {
        let cli = try CLIFixture()
        let secret = "hunter2"
        let large = String(repeating: "\(secret)\n", count: 200_000)
        let files = [
            "\(secret)\n", "\(secret)\n\(secret)\n", "API_KEY=\(secret)\nOTHER=\(secret)\n", "\(secret),\(secret)\n", "\(secret),\(secret)\n\(secret)\n",
            "user,\(secret)\n,\(secret)\n", "\(secret)\n" + large, "\(secret),\(secret),y\n" + large,
        ]
        let loads = ["target=y", "target=\(secret.prefix(4))", "target=y codes=[x]", "target=y missing=drop"]
        for (index, text) in files.enumerated() {
            try Data(text.utf8).write(to: cli.folder.appendingPathComponent("s.txt"))
            for load in loads {
                try "```nnbook\nload csv \"s.txt\" as d \(load)\n```\n".write(to: cli.folder.appendingPathComponent("t.nnbook"), atomically: true, encoding: .utf8)
                for command in [["check", "t.nnbook"], ["run", "t.nnbook", "--quiet", "--no-snapshot"]] {
                    let outcome = try cli.nnbookArguments(command)
                    XCTAssertEqual(outcome.status, 1, "file \(index), \(load), \(command): \(outcome.error)")
                    XCTAssertFalse((outcome.output + outcome.error).contains(secret), "file \(index), \(load), \(command): \(outcome.error)")
                    let page = (try? String(contentsOf: cli.folder.appendingPathComponent("t.md"), encoding: .utf8)) ?? ""
                    XCTAssertFalse(page.contains(secret), "file \(index), \(load), \(command): the page quotes it")
                }
            }
        }
    }

    /// Records a run on top of the last whose run.json is `text`, as a damaged or hand-edited
    /// history would hold it.
    static func replaceRunRecord(_ folder: URL, with text: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", """
            set -e
            cd .nnbook-history
            ref=refs/nnbook/runs/t.nnbook
            blob=$(printf '%s' "$1" | git hash-object -w --stdin)
            tree=$(git ls-tree $ref | sed "s/blob [0-9a-f]*\trun.json$/blob $blob\trun.json/" | git mktree)
            git update-ref $ref $(git -c user.name=n -c user.email=n@example.com commit-tree $tree -p $ref -m damaged)
            """, "sh", text]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The first hint of `error`: the text after `hint: `, up to the next diagnostic or the count.
    private static func firstHint(in error: String) -> String? {
        let lines = error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("hint: ") }) else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.contains(": error: ") || $0.range(of: #"^\d+ errors? in "#, options: .regularExpression) != nil } ?? lines.count
        let rest = lines[(start + 1)..<end].reversed().drop { $0.isEmpty }.reversed()
        return ([String(lines[start].dropFirst("hint: ".count))] + rest).joined(separator: "\n")
    }

    func testTheCatalogueHoldsSixtyCasesOrMore() {
        XCTAssertGreaterThanOrEqual(BadInputCatalogTests.cases.count, 60)
        XCTAssertEqual(Set(BadInputCatalogTests.cases.map(\.name)).count, BadInputCatalogTests.cases.count, "names are unique")
    }

    func testEveryBadInputGivesItsDiagnosticAndExitCode() throws {
        for testCase in BadInputCatalogTests.cases {
            let cli = try CLIFixture()
            let folder = cli.folder.appendingPathComponent("case")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (path, data) in testCase.files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                if path.contains("nnbook-plugin-") { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            }
            try testCase.prepare?(folder)
            let pageBefore = try? Data(contentsOf: folder.appendingPathComponent("t.md"))
            let refsBefore = try? FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent(".nnbook-history/refs").path)
            let outcome = try cli.nnbookArguments(testCase.arguments, in: folder, memoryLimit: "1")
            let first = outcome.error.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let expected = testCase.firstLine.replacingOccurrences(of: "FOLDER", with: folder.resolvingSymlinksInPath().path)
            XCTAssertEqual(outcome.status, testCase.status, "\(testCase.name): \(outcome.error)")
            XCTAssertTrue(first.hasPrefix(expected), "\(testCase.name): expected\n\(expected)\ngot\n\(first)")
            if let hint = testCase.hint {
                XCTAssertEqual(BadInputCatalogTests.firstHint(in: outcome.error), hint, testCase.name)
            }
            if let last = testCase.lastLine {
                XCTAssertEqual(outcome.error.split(separator: "\n").last.map(String.init), last, testCase.name)
            }
            XCTAssertFalse(outcome.error.contains("Fatal error") || outcome.error.contains("Program crashed"), "\(testCase.name) crashed")
            // A check failure writes nothing; a run that fails writes a whole page with the error.
            let pageAfter = try? Data(contentsOf: folder.appendingPathComponent("t.md"))
            for (path, data) in testCase.files {
                XCTAssertEqual(try? Data(contentsOf: folder.appendingPathComponent(path)), data, "\(testCase.name): \(path) is the user's, and nnbook changed it")
            }
            if outcome.error.contains("nothing was run") || testCase.status == 2 {
                XCTAssertEqual(pageAfter, pageBefore, "\(testCase.name): a page was written for a notebook that did not run")
                let refsAfter = try? FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent(".nnbook-history/refs").path)
                XCTAssertEqual(refsAfter, refsBefore, "\(testCase.name): a run that did not happen was recorded")
            } else if testCase.arguments.first == "run", let page = pageAfter.map({ String(decoding: $0, as: UTF8.self) }), page != pageBefore.map({ String(decoding: $0, as: UTF8.self) }) {
                XCTAssertTrue(page.hasSuffix("\n"), "\(testCase.name): the page is whole")
            }
        }
    }
}
