// `split insurance test=0.2`: training and test samples, shuffled with the notebook's seed.

import NNData

/// Splits a data set into `NAME.train` and `NAME.test`.
struct SplitCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "split",
        summary: "split a data set into NAME.train and NAME.test, shuffled with the notebook's seed",
        examples: ["split insurance test=0.2"], spellings: ["train_test_split"])

    @Argument(help: "the data set to split", changes: true) var data: DatasetName
    @Option(help: "the share of samples kept for testing", spellings: ["test_size"]) var test = 0.2
    @Option(help: "keep each class's share the same in both splits") var stratify = false

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if let split = data.split {
            // A learner who splits a split wants validation samples, or a smaller set to split.
            return [Diagnostic(
                "\(data) is already a split of \(data.name), and only a whole data set can be split", at: data.range,
                hint: SplitCommand.againHint(of: data.name, split, in: context))]
        }
        guard var facts = context.facts(of: data) else { return refusal(splitting: DatasetFacts()).map { [$0] } ?? [] }
        if case .cameSplit = facts.splits {
            return [Diagnostic(
                "\(data) already comes split into \(data).train and \(data).test", at: data.range, hint: "use those splits as they are")]
        }
        // A second split would split every sample again and drop the first: the test samples
        // seen so far would be trained on.
        if case .split(let train, let test, let line) = facts.splits {
            let sizes = train.map { " (\($0) samples)" } ?? "", tested = test.map { " (\($0))" } ?? ""
            return [Diagnostic(
                "\(data) is already split, at line \(line), into \(data).train\(sizes) and \(data).test\(tested)", at: data.range,
                hint: "split a data set once: change test= at line \(line) instead; "
                    + SplitCommand.againHint(of: data.name, .train, in: context))]
        }
        // Whatever is wrong below, the line splits the data: its splits exist after it, of
        // sizes known only when the line is right.
        let refused = refusal(splitting: facts)
        // The run's draws, replayed, leave the generator where the run's will be.
        if refused == nil, var drawn = context.generator, let count = facts.samples, count <= CheckContext.replayLimit, !stratify || facts.classLabels != nil {
            let (train, test) = Dataset.splitIndices(of: count, testFraction: test, stratifiedBy: stratify ? facts.classLabels : nil, generator: &drawn)
            context.generator = drawn
            // The samples it read go where the run's split will put them.
            if let all = facts.read?.all, all.count == count {
                facts.read?.trainSplit = all.subset(train)
                facts.read?.testSplit = all.subset(test)
            } else {
                facts.read = nil
            }
        } else {
            context.generator = nil
            facts.read = nil
        }
        facts.classLabels = nil
        facts.stratifyProblem = nil
        // Sizes only of a share the run accepts: a share of 1e19 is no count of samples.
        let test = refused == nil ? facts.samples.map { count in min(Int((self.test * Double(count)).rounded(.up)), count - 1) } : nil
        facts.splits = .split(train: test.flatMap { test in facts.samples.map { $0 - test } }, test: test, line: command.line)
        context.notes += facts.fittedWhole.map { ScaleCommand.fittedBeforeSplit(data.name, at: $0, split: command) }
        facts.fittedWhole = []
        context.datasets[data.name] = facts
        return refused.map { [$0] } ?? []
    }

    /// Why the run would refuse to split `facts`' samples so.
    private func refusal(splitting facts: DatasetFacts) -> Diagnostic? {
        if test <= 0 || test >= 1 {
            return Diagnostic(
                "the test share must lie between 0 and 1, not \(NumberText.plain(test))", at: $test,
                hint: "test=0.2 keeps a fifth of the samples for testing")
        }
        if let count = facts.samples, count < 2 {
            return Diagnostic(
                "\(data) has \(count) sample\(count == 1 ? "" : "s"), and a split needs at least 2: one to train on, one to test on", at: data.range,
                hint: "load more samples, or train and evaluate on \(data) as it is")
        }
        if stratify, let target = facts.target, target.kind == .numbers || target.columns == 0 {
            return Diagnostic(Dataset.stratifyRefusal.message, at: $stratify, hint: Dataset.stratifyRefusal.hint)
        }
        if stratify, let problem = facts.stratifyProblem {
            let refusal = refusal(problem, chosen: facts.chosen)
            return Diagnostic(refusal.message, at: $stratify, hint: refusal.hint)
        }
        return nil
    }

    /// How to split the samples of `name`'s `split` again: validation_split= for the training
    /// samples, or `take` them into a data set of their own (of a name not in use, so that
    /// following the hint replaces nothing) and split that.
    private static func againHint(of name: String, _ split: DatasetSplit, in context: CheckContext) -> String {
        let reference = "\(name).\(split.rawValue)"
        let count = context.datasets[name]?.samples(in: split).map(String.init) ?? "N"
        let base = "\(name)_\(split.rawValue)"
        let part = context.kind(of: base) == nil ? base : (2...).lazy.map { "\(base)\($0)" }.first { context.kind(of: $0) == nil }!
        let again = "to split its samples again, make them a data set of their own first: `take \(reference) \(count) as \(part)`, then `split \(part)`"
        return split == .train
            ? "to hold out validation samples from \(reference), train with validation_split=0.2 (`train MODEL on \(name) validation_split=0.2`); " + again
            : again
    }

    /// What `stratify=true` says of samples it cannot stratify: when a seeded shuffle chose
    /// them (`chosen`), keeping more of them is the fix. The check (which replays the choice
    /// where it read the samples) and the run say it alike.
    private func refusal(_ problem: DataError, chosen: String?) -> (message: String, hint: String?) {
        guard let chosen, problem != Dataset.stratifyRefusal else { return (problem.message, problem.hint) }
        return (problem.message, "\(chosen): keep more samples, or split without stratify=true")
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let name = data.name
        return try state.updateDataset(data) { (entry: inout NotebookDataset) throws(RunError) -> [Output] in
            guard !entry.cameSplit else {
                throw RunError("\(name) already comes split into \(name).train and \(name).test", hint: "use those splits as they are", at: data.range)
            }
            if stratify, let problem = entry.all.stratifyProblem {
                let refusal = refusal(problem, chosen: entry.chosen)
                throw RunError(refusal.message, hint: refusal.hint, at: $stratify)
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
