// `one_hot digits`: class numbers become rows of 0s with a single 1, for categorical_crossentropy.

import NNCore
import NNData

/// Turns a data set's class-number target into one-hot rows, in every split alike.
struct OneHotCommand: CellCommand {
    let schema = CommandSchema(
        verb: "one_hot",
        summary: "turn class numbers (0, 1, 2, …) into one-hot rows, as keras.utils.to_categorical",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set")],
        options: [OptionSchema("classes", .integer, summary: "the number of classes (default: the largest label + 1)")],
        examples: ["one_hot digits", "one_hot digits classes=10"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        if (invocation.string("data") ?? "").contains(".") {
            return [Diagnostic("encode the whole data set, not one split: the splits are encoded alike", at: invocation.range(of: "data"))]
        }
        if let classes = invocation.integer("classes"), classes < 2 {
            return [Diagnostic("one-hot needs at least 2 classes", at: invocation.range(of: "classes"))]
        }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("data") ?? ""
        return try state.updateDataset(name, at: invocation.range(of: "data")) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard entry.all.targets.columns == 1 else {
                throw RunError("the target has \(entry.all.targets.columns) columns; one_hot needs a single column of class numbers", at: invocation.range(of: "data"))
            }
            let labels = [entry.all, entry.trainSplit, entry.testSplit].compactMap { $0 }.flatMap(\.targets.scalars)
            if let bad = labels.first(where: { $0 < 0 || $0 != $0.rounded() }) {
                throw RunError("the target holds \(bad), which is not a class number (0, 1, 2, …)", at: invocation.range(of: "data"))
            }
            let classes = invocation.integer("classes") ?? (Int(labels.max() ?? 0) + 1)
            if let big = labels.first(where: { Int($0) >= classes }) {
                throw RunError("the label \(Int(big)) does not fit in \(classes) classes", hint: "give classes= at least \(Int(big) + 1)", at: invocation.range(of: "classes"))
            }
            let targetName = entry.all.targetNames.first ?? "label"
            entry.updateEverySplit { (dataset: inout Dataset) in
                var rows = Tensor(shape: [dataset.count, classes])
                for row in 0..<dataset.count { rows[row, Int(dataset.targets[row, 0])] = 1 }
                dataset.targets = rows
                dataset.targetNames = (0..<classes).map { "\(targetName)=\($0)" }
            }
            return [.text("\(name): \(targetName) → \(classes) one-hot columns")]
        }
    }
}
