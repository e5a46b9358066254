// `take clothes.train 2000 as small`: a smaller data set for a quick lesson, drawn with the
// notebook's seed.

import NNData

/// A new data set of N samples of a data set or split: a seeded shuffle's first N, or with
/// `shuffle=false` the first N as they are.
struct TakeCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "take",
        summary: "a new data set of N samples of a data set or split, chosen by a seeded shuffle (or the first N)",
        examples: ["take clothes.train 2000 as small", "take houses 100 as first shuffle=false"])

    @Argument(help: "the data set or split to take from") var data: DatasetName
    @Argument(help: "how many samples") var count: Int
    @Argument(keyword: "as", help: "the new data set's name") var name: NewDatasetName
    @Option(help: "choose the samples by a seeded shuffle; false takes the first N") var shuffle = true

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        let problem = TakeCommand.checkCount(count, of: context.samples(in: data), from: context.label(of: data), at: $count)
        var facts = context.facts(of: data) ?? DatasetFacts()
        let available = context.samples(in: data)
        let source = facts.read?.samples(in: data.split)
        // The check knows the classes of a whole data set, or of the training split of data
        // that came split (its name alone stands for it), not of a split it made.
        let labelled = switch facts.splits {
        case .none: data.split == nil
        case .cameSplit: data.split != .test
        case .split: false
        }
        if !labelled { facts.classLabels = nil }
        if problem != nil {
            // Samples like its source's, of a count not known: the wrong count is the one
            // mistake, and what the run would draw after it is not known either.
            facts.keepSamples(count, kept: nil, of: nil, chosen: nil)
            context.generator = nil
        } else if shuffle {
            let kept = context.replayChoice(count, of: available)
            facts.keepSamples(count, kept: kept, of: source, chosen: available.map { choice(of: $0, from: context.label(of: data)) })
        } else {
            facts.keepSamples(count, kept: Array(0..<count), of: source, chosen: nil)
        }
        facts.samples = problem == nil ? count : nil
        facts.splits = .none
        context.datasets[name.name] = facts
        return problem.map { [$0] } ?? []
    }

    /// A count below 1, or above the samples the checker knows the source to have.
    static func checkCount(_ count: Int, of available: Int?, from source: String, at range: SourceRange) -> Diagnostic? {
        if count < 1 {
            return Diagnostic("take at least 1 sample, not \(count)", at: range, hint: "the count is how many samples to keep, e.g. take \(source) 100 as small")
        }
        if let available, count > available {
            return Diagnostic(
                "\(source) has \(available) sample\(available == 1 ? "" : "s"), so \(count) cannot be taken", at: range,
                hint: available == 1 ? "take 1 sample" : "take from 1 to \(available) samples")
        }
        return nil
    }

    /// How the seeded shuffle chose the samples of `available` (in `source`): the check and the
    /// run name it alike in an error it explains.
    private func choice(of available: Int, from source: String) -> String {
        "take at line \($count.line) kept \(count) of the \(available) samples of \(source), chosen by a seeded shuffle"
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let source = try state.dataset(data)
        do {
            let taken = try source.taking(count, shuffle: shuffle, generator: &state.generator)
            let chosen = shuffle ? choice(of: source.count, from: state.label(of: data)) : nil
            state.define(name.name, as: NotebookDataset(all: taken, chosen: chosen), at: command)
            return [.text("\(name): \(taken.count) of the \(source.count) samples of \(state.label(of: data))" + (shuffle ? ", chosen by a seeded shuffle" : ", the first ones"))]
        } catch {
            throw RunError(error, at: $count)
        }
    }
}
