// `load csv "data/insurance.csv" as insurance target=bought_insurance`

import Foundation
import NNData

/// Reads a data set from a file next to the notebook.
struct LoadCommand: CellCommand {
    let schema = CommandSchema(
        verb: "load",
        summary: "read a data set from a file; the target columns are what the model learns to predict",
        arguments: [
            ArgumentSchema("format", .choice(["csv"]), summary: "the file's format"),
            ArgumentSchema("path", .path, summary: "the file, relative to the notebook"),
            ArgumentSchema("name", .defines(.dataset), summary: "the name to give the data set", keyword: "as"),
        ],
        options: [
            OptionSchema("target", .list(.word), summary: "the column or columns to predict", isRequired: true),
            OptionSchema("separator", .string, summary: "the character between fields", default: .string(",")),
        ],
        examples: [#"load csv "data/insurance.csv" as insurance target=bought_insurance"#])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let path = invocation.string("path") ?? ""
        let url = context.folder.resolvingNotebookPath(path)
        if !FileManager.default.fileExists(atPath: url.path) {
            diagnostics.append(Diagnostic(
                "there is no file \(path)", at: invocation.range(of: "path"),
                hint: "paths are read from the notebook's folder, \(context.folder.path)"))
        }
        if (invocation.string("separator") ?? ",").count != 1 {
            diagnostics.append(Diagnostic("the separator must be one character", at: invocation.range(of: "separator")))
        }
        return diagnostics
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let path = invocation.string("path") ?? ""
        let url = state.folder.resolvingNotebookPath(path)
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw RunError("cannot read \(path): \(error.localizedDescription)", at: invocation.range(of: "path"))
        }
        let reader = CSVReader(separator: invocation.string("separator")?.first ?? ",")
        let dataset: Dataset
        do {
            let table = try reader.read(bytes, path: path)
            dataset = try Dataset(csv: table, targets: invocation.strings("target") ?? [], path: path)
        } catch {
            throw RunError(error, at: invocation.range(of: "path"))
        }
        let name = invocation.string("name") ?? ""
        state.datasets[name] = NotebookDataset(all: dataset)
        let features = dataset.featureNames.joined(separator: ", ")
        return [.text("\(name): \(dataset.count) samples; features: \(features); target: \(dataset.targetNames.joined(separator: ", "))")]
    }
}
