// `split insurance test=0.2`: training and test samples, shuffled with the notebook's seed.

import NNData

/// Splits a data set into `NAME.train` and `NAME.test`.
struct SplitCommand: CellCommand {
    let schema = CommandSchema(
        verb: "split",
        summary: "split a data set into NAME.train and NAME.test, shuffled with the notebook's seed",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set to split")],
        options: [
            OptionSchema("test", .number, summary: "the share of samples kept for testing", default: .number(0.2)),
            OptionSchema("stratify", .boolean, summary: "keep each class's share the same in both splits", default: .boolean(false)),
        ],
        examples: ["split insurance test=0.2"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let name = invocation.string("data") ?? ""
        if name.contains(".") {
            return [Diagnostic("only a whole data set can be split, not a split of one", at: invocation.range(of: "data"))]
        }
        let share = invocation.number("test") ?? 0
        if share <= 0 || share >= 1 {
            return [Diagnostic(
                "the test share must lie between 0 and 1, not \(NumberText.plain(share))", at: invocation.range(of: "test"),
                hint: "test=0.2 keeps a fifth of the samples for testing")]
        }
        context.note("split:\(name)")
        if let count = context.sampleCounts[name], invocation.boolean("stratify") != true {
            let test = min(Int((share * Double(count)).rounded(.up)), count - 1)
            context.sampleCounts[name + ".test"] = test
            context.sampleCounts[name + ".train"] = count - test
        }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let name = invocation.string("data") ?? ""
        return try state.updateDataset(name, at: invocation.range(of: "data")) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard !entry.cameSplit else {
                throw RunError("\(name) already comes split into \(name).train and \(name).test", hint: "use those splits as they are", at: invocation.range(of: "data"))
            }
            do throws(DataError) {
                let (train, test) = try entry.all.split(
                    testFraction: invocation.number("test") ?? 0.2, stratify: invocation.boolean("stratify") ?? false,
                    generator: &state.generator)
                entry.trainSplit = train
                entry.testSplit = test
            } catch {
                throw RunError(error, at: invocation.range)
            }
            return [.text("\(name).train: \(entry.trainSplit?.count ?? 0) samples; \(name).test: \(entry.testSplit?.count ?? 0) samples")]
        }
    }
}
