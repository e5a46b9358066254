// `take clothes.train 2000 as small`: a smaller data set for a quick lesson, drawn with the
// notebook's seed.

import NNData

/// A new data set of N samples of a data set or split: a seeded shuffle's first N, or with
/// `shuffle=false` the first N as they are.
struct TakeCommand: CellCommand {
    let schema = CommandSchema(
        verb: "take",
        summary: "a new data set of N samples of a data set or split, chosen by a seeded shuffle (or the first N)",
        arguments: [
            ArgumentSchema("data", .uses(.dataset), summary: "the data set or split to take from"),
            ArgumentSchema("count", .integer, summary: "how many samples"),
            ArgumentSchema("name", .defines(.dataset), summary: "the new data set's name", keyword: "as"),
        ],
        options: [OptionSchema("shuffle", .boolean, summary: "choose the samples by a seeded shuffle; false takes the first N", default: .boolean(true))],
        examples: ["take clothes.train 2000 as small", "take houses 100 as first shuffle=false"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let source = invocation.string("data") ?? "", count = invocation.integer("count") ?? 0
        if let diagnostic = TakeCommand.checkCount(count, of: context.sampleCounts[source], from: source, at: invocation.range(of: "count")) {
            return [diagnostic]
        }
        context.sampleCounts[invocation.string("name") ?? ""] = count
        return []
    }

    /// A count below 1, or above the samples the checker knows the source to have.
    static func checkCount(_ count: Int, of available: Int?, from source: String, at range: SourceRange) -> Diagnostic? {
        if count < 1 {
            return Diagnostic("take at least 1 sample, not \(count)", at: range)
        }
        if let available, count > available {
            return Diagnostic("\(source) has \(available) samples, so \(count) cannot be taken", at: range, hint: "take from 1 to \(available) samples")
        }
        return nil
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let source = invocation.string("data") ?? "", name = invocation.string("name") ?? ""
        let data = try state.dataset(source, at: invocation.range(of: "data"))
        let shuffle = invocation.boolean("shuffle") ?? true
        do {
            let taken = try data.taking(invocation.integer("count") ?? 0, shuffle: shuffle, generator: &state.generator)
            state.datasets[name] = NotebookDataset(all: taken)
            return [.text("\(name): \(taken.count) of the \(data.count) samples of \(source)" + (shuffle ? ", chosen by a seeded shuffle" : ", the first ones"))]
        } catch {
            throw RunError(error, at: invocation.range(of: "count"))
        }
    }
}
