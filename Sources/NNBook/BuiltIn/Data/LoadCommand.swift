// `load csv "data/insurance.csv" as insurance target=bought_insurance`, and the other formats:
// inline tables, IDX, NumPy, MNIST and Fashion-MNIST.

import Foundation
import NNCore
import NNData

/// Reads a data set from a file next to the notebook, from a table in the notebook, or from the
/// machine's copy of MNIST or Fashion-MNIST.
struct LoadCommand: CellCommand {
    static let formats = ["csv", "inline", "idx", "npy", "npz", "mnist", "fashion-mnist"]

    let schema = CommandSchema(
        verb: "load",
        summary: "read a data set: a CSV file, an inline table, IDX or NumPy files, or MNIST / Fashion-MNIST",
        arguments: [
            ArgumentSchema("format", .choice(LoadCommand.formats), summary: "where the data comes from"),
            ArgumentSchema("path", .path, summary: "the file (relative to the notebook), or the inline table's name", isOptional: true),
            ArgumentSchema("name", .defines(.dataset), summary: "the name to give the data set", keyword: "as"),
        ],
        options: [
            OptionSchema("target", .list(.word), summary: "csv/inline: the columns to predict; idx/npy: the labels file; npz: the labels array"),
            OptionSchema("features", .word, summary: "npz: the array of inputs (default x_train, else x)"),
            OptionSchema("separator", .string, summary: "csv: the character between fields", default: .string(",")),
            OptionSchema("codes", .list(.word), summary: "csv: columns of words to number 0, 1, 2, … alphabetically"),
            OptionSchema("one_hot", .list(.word), summary: "csv: columns of words to turn into one 0/1 column per word"),
            OptionSchema("missing", .choice(["drop"]), summary: "csv: drop rows with an empty field"),
            OptionSchema("fill", .number, summary: "csv: put this number in empty fields"),
            OptionSchema("folder", .path, summary: "mnist/fashion-mnist: the folder holding the four IDX files"),
            OptionSchema("rows", .integer, summary: "keep only this many samples (of each split, for data that comes split)"),
            OptionSchema("shuffle", .boolean, summary: "with rows=: choose them by a seeded shuffle; false keeps the first ones", default: .boolean(true)),
        ],
        examples: [
            #"load csv "data/insurance.csv" as insurance target=bought_insurance"#,
            "load inline homes as homes target=price",
            "load fashion-mnist as clothes",
            "load fashion-mnist as clothes rows=2000",
            #"load mnist as digits folder="~/data/mnist""#,
        ])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let format = invocation.string("format") ?? ""
        let path = invocation.string("path")
        var diagnostics: [Diagnostic] = []
        let formatOptions: Set<String> = switch format {
        case "csv": ["target", "separator", "codes", "one_hot", "missing", "fill"]
        case "inline": ["target", "codes", "one_hot", "missing", "fill"]
        case "idx", "npy": ["target"]
        case "npz": ["target", "features"]
        default: ["folder"]
        }
        let allowed = formatOptions.union(["rows", "shuffle"])
        for option in invocation.ranges.keys where schema.option(named: option) != nil && !allowed.contains(option) {
            diagnostics.append(Diagnostic(
                "\(option)= does not apply to \(format) data", at: invocation.range(of: option),
                hint: "for \(format), the options are: " + (allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", "))))
        }
        if ["csv", "inline"].contains(format), invocation.values["target"] == nil {
            diagnostics.append(Diagnostic(
                "say which column the model should learn to predict", at: invocation.range,
                hint: "add target=COLUMN, e.g. target=bought_insurance"))
        }
        if invocation.values["missing"] != nil, invocation.values["fill"] != nil {
            diagnostics.append(Diagnostic("give missing=drop or fill=NUMBER, not both", at: invocation.range(of: "fill")))
        }
        switch format {
        case "mnist", "fashion-mnist":
            if path != nil {
                diagnostics.append(Diagnostic(
                    "\(format) takes no path", at: invocation.range(of: "path"),
                    hint: "give the folder that holds its files as folder=PATH"))
            }
            let name = invocation.string("name") ?? ""
            context.note("split:\(name)")
            let rows = invocation.integer("rows")
            if let diagnostic = rows.flatMap({ TakeCommand.checkCount($0, of: LoadCommand.imageTestCount, from: "each split of \(format)", at: invocation.range(of: "rows")) }) {
                diagnostics.append(diagnostic)
            }
            context.sampleCounts[name] = rows ?? LoadCommand.imageTrainCount
            context.sampleCounts[name + ".train"] = rows ?? LoadCommand.imageTrainCount
            context.sampleCounts[name + ".test"] = rows ?? LoadCommand.imageTestCount
        case "inline":
            guard let name = path else {
                diagnostics.append(Diagnostic("name the inline table to load", at: invocation.range, hint: "e.g. load inline homes as homes target=price"))
                break
            }
            if context.tables[name] == nil {
                diagnostics.append(Diagnostic(
                    "there is no inline table named '\(name)'", at: invocation.range(of: "path"),
                    hint: context.tables.isEmpty
                        ? "write the table in the notebook as a fenced block: ```csv name=\(name)"
                        : Suggestions.hint(for: name, in: Array(context.tables.keys), kind: "tables")))
            }
        default:
            guard let path else {
                diagnostics.append(Diagnostic("give the file to load", at: invocation.range, hint: #"e.g. load \#(format) "data/file" as data"#))
                break
            }
            var files = [path]
            if format == "idx" || format == "npy" { files += invocation.strings("target") ?? [] }
            for file in files where !FileManager.default.fileExists(atPath: context.folder.resolvingNotebookPath(file).path) {
                diagnostics.append(Diagnostic(
                    "there is no file \(file)", at: invocation.range(of: file == path ? "path" : "target"),
                    hint: "paths are read from the notebook's folder, \(context.folder.path)"))
            }
        }
        if let rows = invocation.integer("rows"), !["mnist", "fashion-mnist"].contains(format) {
            if let diagnostic = TakeCommand.checkCount(rows, of: nil, from: "", at: invocation.range(of: "rows")) { diagnostics.append(diagnostic) }
            context.sampleCounts[invocation.string("name") ?? ""] = rows
        }
        if invocation.ranges["shuffle"] != nil, invocation.values["rows"] == nil {
            diagnostics.append(Diagnostic("shuffle= applies only with rows=", at: invocation.range(of: "shuffle"), hint: "e.g. rows=2000 shuffle=false keeps the first 2000 samples"))
        }
        if (invocation.string("separator") ?? ",").count != 1 {
            diagnostics.append(Diagnostic("the separator must be one character", at: invocation.range(of: "separator")))
        }
        return diagnostics
    }

    /// MNIST's and Fashion-MNIST's fixed sizes, known to the checker without reading a file.
    static let imageTrainCount = 60_000, imageTestCount = 10_000

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("name") ?? ""
        var entry: NotebookDataset
        do {
            entry = try DataSources.load(invocation, state: state)
        } catch {
            throw RunError(error, at: invocation.range(of: invocation.values["path"] == nil ? "format" : "path"))
        }
        if let rows = invocation.integer("rows") {
            let shuffle = invocation.boolean("shuffle") ?? true
            do throws(DataError) {
                try entry.updateEverySplit { (data: inout Dataset) throws(DataError) in data = try data.taking(rows, shuffle: shuffle, generator: &state.generator) }
            } catch {
                throw RunError(error, at: invocation.range(of: "rows"))
            }
        }
        state.datasets[name] = entry
        let data = entry.all
        let shape = data.featureNames.isEmpty ? "inputs of shape \(Tensor.describe(data.features.sampleShape))" : "features: " + data.featureNames.joined(separator: ", ")
        let counts = entry.cameSplit
            ? "\(entry.trainSplit?.count ?? 0) training and \(entry.testSplit?.count ?? 0) test samples (\(name).train, \(name).test)"
            : "\(data.count) samples"
        return [.text("\(name): \(counts); \(shape); target: \(data.targetNames.joined(separator: ", "))")]
    }
}
