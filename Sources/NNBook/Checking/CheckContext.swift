// What the checker knows at each command: the parameters, and the names and facts established
// by the commands before it.

import Foundation

/// The state of checking, passed from command to command in notebook order.
public struct CheckContext: Sendable {
    /// The folder relative paths are read from: the notebook's own.
    public let folder: URL
    public let parameters: [String: ParameterValue]
    /// The notebook's inline tables, by name.
    public let tables: [String: InlineTable]
    private var names: [String: NameKind] = [:]
    private var facts: Set<String> = []
    /// How many samples a data set or split (`clothes.train`) holds, where that is known
    /// before reading any file: MNIST's fixed sizes, and what `take` and `load rows=` make.
    public var sampleCounts: [String: Int] = [:]
    /// Each model's compiled metrics and trained epochs so far, by model name.
    public var training: [String: TrainingFacts] = [:]

    public init(folder: URL, parameters: [String: ParameterValue], tables: [String: InlineTable] = [:]) {
        self.folder = folder
        self.parameters = parameters
        self.tables = tables
    }

    public mutating func define(_ name: String, as kind: NameKind) { names[name] = kind }

    public func kind(of name: String) -> NameKind? { names[name] }

    /// Names that an unknown command may have defined: using them later is not reported again,
    /// so one misspelt command gives one error, not a cascade.
    private(set) var assumed: Set<String> = []

    mutating func assumeDefined(_ name: String) { assumed.insert(name) }

    public func names(of kind: NameKind) -> [String] {
        names.filter { $0.value == kind }.map(\.key).sorted()
    }

    /// Records something later commands depend on, e.g. `"compiled:neuron"`.
    public mutating func note(_ fact: String) { facts.insert(fact) }

    public func knows(_ fact: String) -> Bool { facts.contains(fact) }
}
