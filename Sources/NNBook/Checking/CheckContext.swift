// What the checker knows at each command: the parameters, and every data set and model the
// commands before it have defined, with their shapes and states.

import Foundation
import NNCore

/// The state of checking, passed from command to command in notebook order: the typed
/// counterpart of what `RunState` holds while the notebook runs.
public struct CheckContext: Sendable {
    /// The folder relative paths are read from: the notebook's own.
    public let folder: URL
    public let parameters: [String: TypedValue]
    /// The notebook's inline tables, by name.
    public let tables: [String: InlineTable]
    /// The most memory a model may need when it runs (`--memory-limit`): the check refuses a
    /// model the run would refuse, by the same rule.
    public let memory: MemoryLimit
    /// Every data set defined so far, by name.
    public var datasets: [String: DatasetFacts] = [:]
    /// Every model defined so far, by name.
    public var models: [String: ModelFacts] = [:]

    public init(folder: URL, parameters: [String: TypedValue], tables: [String: InlineTable] = [:], memory: MemoryLimit = .standard) {
        self.folder = folder
        self.parameters = parameters
        self.tables = tables
        self.memory = memory
    }

    /// A new name, known by its kind until the command that defines it says more.
    mutating func define(_ name: String, as kind: NameKind) {
        switch kind {
        case .dataset:
            models[name] = nil
            datasets[name] = DatasetFacts()
        case .model:
            datasets[name] = nil
            models[name] = ModelFacts(layers: [], inputShape: nil)
        }
    }

    /// What a name stands for, if anything.
    public func kind(of name: String) -> NameKind? {
        if datasets[name] != nil { return .dataset }
        if models[name] != nil { return .model }
        return nil
    }

    /// Names that an unknown command may have defined: using them later is not reported again,
    /// so one misspelt command gives one error, not a cascade.
    private(set) var assumed: Set<String> = []

    mutating func assumeDefined(_ name: String) { assumed.insert(name) }

    public func names(of kind: NameKind) -> [String] {
        (kind == .dataset ? Array(datasets.keys) : Array(models.keys)).sorted()
    }

    /// What is known of the data set or split `reference` names.
    public func facts(of reference: DatasetName) -> DatasetFacts? { datasets[reference.name] }

    /// How many samples `reference` holds, when known.
    public func samples(in reference: DatasetName) -> Int? { datasets[reference.name]?.samples(in: reference.split) }
}
