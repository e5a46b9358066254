// A command that an external plugin provides: its schema comes from the plugin's `describe`
// answer; checking and running are requests to the plugin.

import Foundation
import NNCore
import NNData

/// A cell command served by an external plugin.
struct ExternalCommand: CellCommand {
    let process: PluginProcess
    let schema: CommandSchema
    /// The data set the command declares it makes, if it declares one.
    let produces: ProducedDataset?

    init(process: PluginProcess, message: PluginProtocol.CommandMessage) throws(PluginFailure) {
        self.process = process
        func convert(_ argument: PluginProtocol.CommandMessage.Argument) throws(PluginFailure) -> ValueType {
            guard let type = ExternalCommand.valueType(argument.type) else {
                if argument.type == "new model" {
                    throw PluginFailure(
                        plugin: process.name, message: "declares '\(argument.name)' of \(message.verb) as a new model, but a plugin cannot make models",
                        hint: "the protocol carries data sets, not a model's layers and weights; a plugin may take a model's name (type `model`)")
                }
                throw PluginFailure(plugin: process.name, message: "declares '\(argument.name)' of \(message.verb) with the unknown type '\(argument.type)'")
            }
            return type
        }
        var arguments: [ArgumentSchema] = []
        for argument in message.arguments ?? [] {
            arguments.append(ArgumentSchema(argument.name, try convert(argument), summary: argument.summary, keyword: argument.keyword, isOptional: argument.optional ?? false))
        }
        var options: [OptionSchema] = []
        for option in message.options ?? [] {
            options.append(OptionSchema(option.name, try convert(option), summary: option.summary, default: option.default?.typedValue, isRequired: !(option.optional ?? true) && option.default == nil))
        }
        let schema = CommandSchema(verb: message.verb, summary: message.summary, arguments: arguments, options: options, examples: message.examples ?? [])
        self.schema = schema
        if let declared = message.produces {
            produces = try ProducedDataset(declared, of: message, schema: schema, plugin: process.name)
        } else {
            produces = nil
        }
    }

    /// The protocol's type names: `number`, `integer`, `string`, `boolean`, `name`, `path`,
    /// `dataset`, `model`, `new dataset`, `choice: a|b`, `list of TYPE`.
    static func valueType(_ text: String) -> ValueType? {
        switch text {
        case "number": return .number
        case "integer": return .integer
        case "string": return .string
        case "boolean": return .boolean
        case "name": return .word
        case "path": return .path
        case "dataset": return .uses(.dataset)
        case "model": return .uses(.model)
        case "new dataset": return .defines(.dataset)
        default:
            if text.hasPrefix("choice:") {
                let choices = text.dropFirst(7).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return choices.isEmpty ? nil : .choice(choices)
            }
            if text.hasPrefix("list of ") { return valueType(String(text.dropFirst(8))).map(ValueType.list) }
            return nil
        }
    }

    private func arguments(_ invocation: Invocation) -> [String: JSONValue] {
        invocation.values.mapValues(JSONValue.init)
    }

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let request = PluginProtocol.Request(request: "check", command: schema.verb, arguments: arguments(invocation))
        // What a data set it makes holds is what the plugin declares, or unknown.
        for argument in schema.arguments where argument.type == .defines(.dataset) {
            guard let name = invocation.values[argument.name]?.string else { continue }
            context.datasets[name] = argument.name == produces?.argument ? produces?.facts(for: invocation) : DatasetFacts()
        }
        let problems: [Diagnostic]
        do {
            let response = try process.send(request)
            problems = (response.diagnostics ?? []).map { problem in
                Diagnostic(problem.message, at: problem.argument.map(invocation.range(of:)) ?? invocation.range, hint: problem.hint?.visible())
            }
        } catch {
            problems = [Diagnostic(error.description, at: invocation.range, hint: error.hint)]
        }
        // The plugin does not say what a line it refuses would make or change.
        if !problems.isEmpty {
            for argument in schema.arguments {
                guard let name = invocation.values[argument.name]?.string else { continue }
                switch argument.type {
                case .defines(let kind): context.markErroneous(name, as: kind)
                case .uses(let kind) where argument.isChanged: context.markErroneous(Checker.base(of: name, kind), as: kind)
                default: break
                }
            }
        }
        return problems
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        var data: [String: PluginProtocol.DatasetMessage] = [:]
        for argument in schema.arguments + schema.options.map({ ArgumentSchema($0.name, $0.type, summary: $0.summary) }) {
            guard case .uses(.dataset) = argument.type, let value = invocation.values[argument.name] else { continue }
            let reference = DatasetName(checked: value, at: invocation.range(of: argument.name))
            data[reference.description] = ExternalCommand.message(try state.dataset(reference))
        }
        let request = PluginProtocol.Request(request: "run", command: schema.verb, arguments: arguments(invocation), data: data, seed: state.seed)
        let response: PluginProtocol.Response
        do {
            response = try process.send(request, stopsWhen: state.shouldStop)
        } catch {
            if error.interrupted { throw RunError.stopped("the request to the plugin '\(process.name)'", at: invocation.range) }
            throw RunError(error.description, hint: error.hint, at: invocation.range)
        }
        if let problem = response.error {
            throw RunError(problem.message, hint: problem.hint?.visible(), at: problem.argument.map(invocation.range(of:)) ?? invocation.range)
        }
        for argument in schema.arguments where argument.type == .defines(.dataset) {
            guard let name = invocation.values[argument.name]?.string else { continue }
            guard let message = response.datasets?[name] else {
                let fields = response.unknownFields.map { "'\($0.excerpt(limit: 24))'" }
                throw RunError(
                    "the plugin '\(process.name)' did not return the data set '\(name)' it was asked to make",
                    hint: (fields.isEmpty ? "" : "its answer has the field\(fields.count == 1 ? "" : "s") \(fields.joined(separator: ", ")), which the protocol does not know; ")
                        + "a plugin returns the data sets it makes under \"datasets\", by name: {\"protocol\": 1, \"datasets\": {\"\(name)\": {…}}}",
                    at: invocation.range(of: argument.name))
            }
            let made = try dataset(message, name: name, range: invocation.range(of: argument.name))
            if let produces, produces.argument == argument.name, let contradiction = produces.contradiction(of: made, facts: produces.facts(for: invocation)) {
                throw RunError(
                    "the plugin '\(process.name)' returned the data set '\(name)' with \(contradiction)",
                    hint: "the plugin's `produces` declaration must describe what it returns: the check relied on it", at: invocation.range(of: argument.name))
            }
            state.define(name, as: NotebookDataset(all: made), at: invocation.range)
        }
        let outputs = response.outputs ?? []
        let pictures = outputs.count { $0.svg != nil }
        if outputs.count > PluginProtocol.maximumOutputs || pictures > PluginProtocol.maximumPictures {
            let (count, what, limit) = outputs.count > PluginProtocol.maximumOutputs
                ? (outputs.count, "outputs", PluginProtocol.maximumOutputs) : (pictures, "pictures", PluginProtocol.maximumPictures)
            throw RunError(
                "the plugin '\(process.name)' answered with \(count) \(what), more than the \(limit) one answer may hold",
                hint: "a plugin shows a summary (a few texts, one table, a few pictures) and writes a large result to a file that the notebook loads", at: invocation.range)
        }
        let tables = outputs.compactMap(\.table)
        let cells = tables.reduce(0) { sum, table in sum + table.headers.count + table.rows.reduce(0) { $0 + $1.count } }
        if cells > PluginProtocol.maximumTableCells {
            throw RunError(
                "the plugin '\(process.name)' answered with \(tables.count == 1 ? "a table" : "tables") of \(cells) cells, more than the \(PluginProtocol.maximumTableCells) a page can hold",
                hint: "a plugin shows a summary (the first rows, or statistics) and writes a large result to a file that the notebook loads", at: invocation.range)
        }
        // A picture's name becomes part of a file name beside the page: letters, digits, '-'
        // and '_' only, so that no plugin can name a file outside the assets folder.
        if let bad = outputs.compactMap(\.svg?.name).first(where: { name in
            name.isEmpty || name.count > 64 || !name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        }) {
            throw RunError("the plugin '\(process.name)' named a picture '\(bad.excerpt())'; a picture's name may hold only letters, digits, '-' and '_'", at: invocation.range)
        }
        // The plugin's words reach the page, the terminal and Jupyter as text: control and
        // invisible characters (a terminal's escape sequences, a right-to-left override) are
        // shown as escapes, as in every message.
        func shown(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n").visible(keepingNewlines: true) }
        return outputs.compactMap { output in
            if let text = output.text { return .text(shown(text)) }
            if let table = output.table { return .table(Table(headers: table.headers.map(shown), rows: table.rows.map { $0.map(shown) })) }
            if let metric = output.metric { return .metric(name: shown(metric.name), value: metric.value) }
            if let svg = output.svg { return .figure(Figure(name: svg.name, caption: shown(svg.caption), kind: .svg(svg.svg))) }
            return nil
        }
    }

    static func message(_ dataset: Dataset) -> PluginProtocol.DatasetMessage {
        .init(featureNames: dataset.featureNames, targetNames: dataset.targetNames,
              features: .init(shape: dataset.features.shape, values: dataset.features.scalars),
              targets: .init(shape: dataset.targets.shape, values: dataset.targets.scalars))
    }

    /// A returned data set, checked: shapes that account for every value, as many target rows
    /// as samples, and a name for every column when names are given.
    private func dataset(_ message: PluginProtocol.DatasetMessage, name: String, range: SourceRange) throws(RunError) -> Dataset {
        func wrong(_ detail: String) -> RunError {
            RunError("the plugin '\(process.name)' returned the data set '\(name)' with the wrong shapes: \(detail)", at: range)
        }
        let features: Tensor, targets: Tensor
        do {
            features = try Tensor(shape: message.features.shape, scalars: message.features.values)
            targets = try Tensor(shape: message.targets.shape, scalars: message.targets.values)
        } catch {
            throw wrong(error.message)
        }
        guard features.rows == targets.rows else { throw wrong("\(features.rows) samples but \(targets.rows) targets") }
        guard message.featureNames.isEmpty || message.featureNames.count == features.columns else {
            throw wrong("\(message.featureNames.count) feature names for \(features.columns) feature columns")
        }
        guard message.targetNames.count == targets.columns else {
            throw wrong("\(message.targetNames.count) target names for \(targets.columns) target columns")
        }
        return Dataset(featureNames: message.featureNames, targetNames: message.targetNames, features: features, targets: targets)
    }
}
