// `one_hot digits`: class numbers become rows of 0s with a single 1, for categorical_crossentropy.

import NNCore
import NNData

/// Turns a data set's class-number target into one-hot rows, in every split alike.
struct OneHotCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "one_hot",
        summary: "turn class numbers (0, 1, 2, …) into one-hot rows, as keras.utils.to_categorical",
        examples: ["one_hot digits", "one_hot digits classes=10"], spellings: ["to_categorical"])

    @Argument(help: "the data set", changes: true) var data: DatasetName
    @Option(help: "the number of classes (default: the largest label + 1)") var classes: Int?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        // `one_hot d.train` is read as the `one_hot d` its hint says to write, so the lines after
        // it are checked as they will be once it is.
        let split = data.split.map { _ in
            Diagnostic(
                "encode the whole data set, not one split: the splits are encoded alike", at: data.range,
                hint: "write `one_hot \(data.name)`")
        }
        guard var facts = context.facts(of: data), let target = facts.target else { return [split, refusal(encoding: nil)].compactMap { $0 } }
        let refused = refusal(encoding: target)
        // A line that encodes wrongly still encodes: what the targets become is then not known.
        let count = refused == nil ? classes ?? target.kind.classes : nil
        facts.target = TargetFacts(columns: count, kind: count.map(TargetKind.oneHot) ?? .unknown, values: refused == nil ? .range(0...1) : .unknown)
        facts.target?.change = refused == nil ? .oneHot(at: command, before: target) : nil
        context.datasets[data.name] = facts
        return [split, refused].compactMap { $0 }
    }

    /// Why the run would refuse to encode `target` (nil: not known), the split aside.
    private func refusal(encoding target: TargetFacts?) -> Diagnostic? {
        if let classes, classes < 2 {
            return Diagnostic("one-hot needs at least 2 classes", at: $classes)
        }
        guard let target else { return nil }
        if let columns = target.columns, columns != 1 {
            return Diagnostic("the target has \(columns) columns; one_hot needs a single column of class numbers", at: data.range)
        }
        switch target.kind {
        case .numbers:
            return Diagnostic(
                "the target of \(data) holds numbers that are not class numbers (0, 1, 2, … up to 16777216)", at: data.range,
                hint: "one_hot is for labels of classes; numbers to predict need no encoding (use mse or mae)")
        case .classNumbers(let largest?) where classes.map({ largest >= $0 }) == true:
            return Diagnostic("the label \(largest) does not fit in \(classes ?? 0) classes", at: $classes, hint: "give classes= at least \(largest + 1)")
        default:
            return nil
        }
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        try state.updateDataset(data) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard entry.all.targets.columns == 1 else {
                throw RunError("the target has \(entry.all.targets.columns) columns; one_hot needs a single column of class numbers", at: data.range)
            }
            let labels = [entry.all, entry.trainSplit, entry.testSplit].compactMap { $0 }.flatMap(\.targets.scalars)
            if let bad = labels.first(where: { $0.classNumber == nil }) {
                throw RunError("the target holds \(bad), which is not a class number (0, 1, 2, … up to 16777216)", at: data.range)
            }
            let numbers = labels.compactMap(\.classNumber)
            let count = classes ?? ((numbers.max() ?? 0) + 1)
            if let big = numbers.first(where: { $0 >= count }) {
                throw RunError("the label \(big) does not fit in \(count) classes", hint: "give classes= at least \(big + 1)", at: $classes)
            }
            let rows = [entry.all, entry.trainSplit, entry.testSplit].compactMap { $0?.count }.reduce(0, +)
            let targetName = entry.all.targetNames.first ?? "label"
            // Each column is also named (`label=7`): on two rows, 100 million classes take twice
            // as much memory in names as in numbers.
            let name = "\(targetName)=\(count)".utf8.count
            let perName = MemoryLayout<String>.stride + (name > 15 ? name + 32 : 0)
            let needed = MemoryLimit.sum([MemoryLimit.product([rows, count], size: MemoryLayout<Float>.size), MemoryLimit.product([count], size: perName)])
            if let refusal = state.memory.refusal(needed, for: "\(count) one-hot columns for \(rows) rows") {
                throw RunError(refusal, hint: MemoryLimit.hint(needing: needed), at: classes == nil ? data.range : $classes)
            }
            entry.updateEverySplit { (dataset: inout Dataset) in
                var rows = Tensor(shape: [dataset.count, count])
                for row in 0..<dataset.count { rows[row, Int(dataset.targets[row, 0])] = 1 }
                dataset.targets = rows
                dataset.targetNames = (0..<count).map { "\(targetName)=\($0)" }
            }
            return [.text("\(data.name): \(targetName) → \(count) one-hot columns")]
        }
    }
}
