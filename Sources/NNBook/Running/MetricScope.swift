// Where a metric comes from inside its cell — `evaluate/net/images.test` — so that two
// commands of one cell that both report `accuracy` are both kept in the run's record.

/// Names each metric a command reports after the command that reported it.
///
/// A cell that evaluates a model on its training split and then on its test split reports
/// `accuracy` twice; keyed by the cell alone, the second would hide the first. A metric is
/// therefore recorded as `VERB/MODEL/DATA/METRIC` — `evaluate/net/images.test/accuracy` — with
/// the models and data sets the command names, in the order written (a command that names none,
/// such as `loss`, gives `loss/mean_squared_error`). The same command written twice in one cell
/// (train, evaluate, train again, evaluate again) gets `#2`, `#3`, … after its verb.
struct MetricScope {
    private var seen: [String: Int] = [:]

    /// `outputs` with each metric's name prefixed by the command's scope.
    mutating func qualify(_ outputs: [Output], of invocation: Invocation, schema: CommandSchema) -> [Output] {
        guard outputs.contains(where: { if case .metric = $0 { true } else { false } }) else { return outputs }
        let names = schema.arguments.filter { argument in
            switch argument.type {
            case .uses, .list(.uses): true
            default: false
            }
        }.flatMap { argument -> [String] in
            switch invocation.values[argument.name] {
            case .string(let name): [name]
            case .list(let names): names.compactMap(\.string)
            default: []
            }
        }
        let plain = ([invocation.verb] + names).joined(separator: "/")
        seen[plain, default: 0] += 1
        let count = seen[plain] ?? 1
        let scope = ([count == 1 ? invocation.verb : "\(invocation.verb)#\(count)"] + names).joined(separator: "/")
        return outputs.map { output in
            if case .metric(let name, let value, let units) = output { .metric(name: "\(scope)/\(name)", value: value, units: units) } else { output }
        }
    }
}
