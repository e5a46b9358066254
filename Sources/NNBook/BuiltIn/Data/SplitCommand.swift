// `split insurance test=0.2`: training and test samples, shuffled with the notebook's seed.

import NNData

/// Splits a data set into `NAME.train` and `NAME.test`.
struct SplitCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "split",
        summary: "split a data set into NAME.train and NAME.test, shuffled with the notebook's seed",
        examples: ["split insurance test=0.2"])

    @Argument(help: "the data set to split") var data: DatasetName
    @Option(help: "the share of samples kept for testing") var test = 0.2
    @Option(help: "keep each class's share the same in both splits") var stratify = false

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if data.split != nil {
            return [Diagnostic("only a whole data set can be split, not a split of one", at: data.range)]
        }
        if test <= 0 || test >= 1 {
            return [Diagnostic(
                "the test share must lie between 0 and 1, not \(NumberText.plain(test))", at: $test,
                hint: "test=0.2 keeps a fifth of the samples for testing")]
        }
        context.note("split:\(data.name)")
        if let count = context.sampleCounts[data.name], !stratify {
            let test = min(Int((self.test * Double(count)).rounded(.up)), count - 1)
            context.sampleCounts[data.name + ".test"] = test
            context.sampleCounts[data.name + ".train"] = count - test
        }
        return []
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let name = data.name
        return try state.updateDataset(data) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard !entry.cameSplit else {
                throw RunError("\(name) already comes split into \(name).train and \(name).test", hint: "use those splits as they are", at: data.range)
            }
            do throws(DataError) {
                let (train, test) = try entry.all.split(testFraction: test, stratify: stratify, generator: &state.generator)
                entry.trainSplit = train
                entry.testSplit = test
            } catch {
                throw RunError(error, at: command)
            }
            return [.text("\(name).train: \(entry.trainSplit?.count ?? 0) samples; \(name).test: \(entry.testSplit?.count ?? 0) samples")]
        }
    }
}
