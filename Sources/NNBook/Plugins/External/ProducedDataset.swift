// The data set an external command declares it makes (`produces` in its `describe` answer),
// checked once when the plugin is described: what `nnbook check` then knows of the data set,
// and what the plugin's answer to `run` must agree with.

import NNCore
import NNData

/// A plugin command's declaration of the data set it makes.
struct ProducedDataset: Sendable {
    /// The argument whose value names the data set.
    let argument: String
    let columns: [String]?
    let sampleShape: [PluginProtocol.SizeMessage]?
    let samples: PluginProtocol.SizeMessage?
    let target: Target?

    struct Target: Sendable {
        let kind: Kind
        let classes: PluginProtocol.SizeMessage?
        let names: [String]?
    }

    enum Kind: String, Sendable, CaseIterable {
        case classes, oneHot = "one-hot", numbers
    }

    /// The declaration, or what is wrong with it: every size named by an argument must be an
    /// integer argument or option of the command, and the data set must be named by a
    /// `new dataset` argument.
    init(_ message: PluginProtocol.ProducesMessage, of command: PluginProtocol.CommandMessage, schema: CommandSchema, plugin: String) throws(PluginFailure) {
        func problem(_ text: String) -> PluginFailure {
            PluginFailure(plugin: plugin, message: text, hint: "the fields of `produces` are described in the article \"Writing a plugin\"")
        }
        guard let named = schema.arguments.first(where: { $0.name == message.dataset }), named.type == .defines(.dataset) else {
            throw problem("declares that \(command.verb) produces a data set named by '\(message.dataset)', which is not one of its `new dataset` arguments")
        }
        if let columns = message.columns, let shape = message.sampleShape, shape != [.fixed(columns.count)] {
            throw problem("declares both columns and a sample_shape for the data set of \(command.verb); give columns for a table, sample_shape for arrays")
        }
        var sizes = (message.sampleShape ?? []) + [message.samples, message.target?.classes].compactMap { $0 }
        sizes.removeAll { if case .fixed(let size) = $0 { size > 0 } else { false } }
        for size in sizes {
            guard case .argument(let name) = size else {
                throw problem("declares a size below 1 for the data set of \(command.verb)")
            }
            let type = schema.arguments.first { $0.name == name }?.type ?? schema.option(named: name)?.type
            guard type == .integer else {
                throw problem("declares a size of the data set of \(command.verb) given by '\(name)', which is not one of its integer arguments or options")
            }
        }
        var target: Target?
        if let declared = message.target {
            guard let kind = Kind(rawValue: declared.kind) else {
                throw problem("declares the unknown target kind '\(declared.kind)' for \(command.verb); the kinds are \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            target = Target(kind: kind, classes: declared.classes, names: declared.names)
        }
        argument = message.dataset
        columns = message.columns
        sampleShape = message.sampleShape
        samples = message.samples
        self.target = target
    }

    /// What the check knows of the data set `invocation` makes: the declared sizes, those given
    /// by arguments read from the invocation; nil where the plugin declared nothing.
    func facts(for invocation: Invocation) -> DatasetFacts {
        func size(_ size: PluginProtocol.SizeMessage?) -> Int? {
            switch size {
            case .fixed(let value): value
            case .argument(let name): invocation.values[name]?.integer
            case nil: nil
            }
        }
        let shape = columns.map { [$0.count] } ?? sampleShape.flatMap { sizes in
            let known = sizes.compactMap(size)
            return known.count == sizes.count ? known : nil
        }
        return DatasetFacts(columns: columns, sampleShape: shape, target: target.map { target in
            let classes = size(target.classes)
            switch target.kind {
            case .classes:
                return TargetFacts(columns: 1, kind: .classNumbers(largest: classes.map { $0 - 1 }), names: target.names)
            case .oneHot:
                return TargetFacts(columns: classes ?? target.names?.count, kind: classes.map { .oneHot(classes: $0) } ?? .unknown, names: target.names)
            case .numbers:
                return TargetFacts(columns: target.names?.count, kind: .numbers, names: target.names)
            }
        }, samples: size(samples))
    }

    /// What in `dataset`, as the plugin returned it, contradicts what the check was told of it.
    func contradiction(of dataset: Dataset, facts: DatasetFacts) -> String? {
        let sampleShape = Array(dataset.features.shape.dropFirst())
        if let columns, !dataset.featureNames.isEmpty, dataset.featureNames != columns {
            return "columns \(dataset.featureNames.joined(separator: ", ")), not the declared \(columns.joined(separator: ", "))"
        }
        if let declared = facts.sampleShape, declared != sampleShape {
            return "samples of shape \(Tensor.describe(sampleShape)), not the declared \(Tensor.describe(declared))"
        }
        if let declared = facts.samples, declared != dataset.count {
            return "\(dataset.count) samples, not the declared \(declared)"
        }
        if let declared = facts.target?.columns, declared != dataset.targets.columns {
            return "\(dataset.targets.columns) target columns, not the declared \(declared)"
        }
        if let classes = facts.target?.kind.classes, case .classNumbers = facts.target?.kind,
            let bad = dataset.targets.scalars.first(where: { $0.classNumber.map { $0 >= classes } ?? true })
        {
            return "the target \(NumberText.plain(Double(bad))), not a class number below the declared \(classes)"
        }
        return nil
    }
}
