// What the checker knows at each command: the parameters, and every data set and model the
// commands before it have defined, with their shapes and states.

import Foundation
import NNCore
import NNData

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
    /// Where each data set and model so far was last named by the line that defines it.
    private(set) var definitions: [String: SourceRange] = [:]
    /// The lines of the whole notebook that name each data set or model, in order (a split
    /// counts for its data set): a name defined once and used nowhere, next to a close name used
    /// on several lines, is the misspelt one.
    var mentions: [String: [Int]] = [:]
    /// What the check notices that does not stop the notebook (a scaling fitted before the
    /// split), at the line it is about: `check` prints each, and the page says it under that
    /// line's output (``Plan/notes``).
    public var notes: [Diagnostic] = []
    /// The notebook's generator as the run will have it at this line, while the check knows
    /// every draw before it: `rows=`, `take` and `split` replay theirs (the same functions the
    /// run draws by), so a seeded choice's classes are known where the samples' were. Nil from
    /// the first draw the check does not make (a model's weights, training): the choices after
    /// it are the run's to see.
    public var generator: SeededGenerator?

    public init(folder: URL, parameters: [String: TypedValue], seed: UInt64, tables: [String: InlineTable] = [:], memory: MemoryLimit = .standard) {
        self.folder = folder
        self.parameters = parameters
        self.tables = tables
        self.memory = memory
        generator = SeededGenerator(seed: seed)
    }

    /// The indices a seeded choice of `wanted` of `count` samples keeps (`rows=`, `take`), as
    /// the run draws them, or nil when the draws before it are not known (or a permutation of
    /// `count` is more than the check should hold): the generator is then unknown after it.
    mutating func replayChoice(_ wanted: Int, of count: Int?) -> [Int]? {
        guard var drawn = generator, let count, count <= CheckContext.replayLimit else {
            generator = nil
            return nil
        }
        let chosen = Dataset.chosenIndices(wanted, of: count, shuffle: true, generator: &drawn)
        generator = drawn
        return chosen
    }

    /// The most samples whose shuffle the check replays: a million indices, 8 MB.
    static let replayLimit = 1 << 20

    /// A new name, written at `range`, known by its kind until the command that defines it
    /// says more. A data set's name given to a new data set keeps what it held until then:
    /// the line may read it first (`take d 100 as d`), as the run does, and then says what
    /// the name holds now.
    mutating func define(_ name: String, as kind: NameKind, at range: SourceRange?) {
        // A name only used before (an error there) named nothing that this line replaces.
        if let replaced = self.kind(of: name), replaced != kind, definitions[name] != nil, rebindings[name]?.replaced != replaced {
            rebindings[name] = Rebinding(replaced: replaced, definedAt: definitions[name], reboundAt: range)
        }
        if self.kind(of: name) == kind, let range {
            replacements[name] = Replacement(entry: entry(of: name), replacedAt: range)
        }
        erroneous[name] = nil
        definitions[name] = range
        switch kind {
        case .dataset:
            models[name] = nil
            datasets[name] = datasets[name] ?? DatasetFacts()
        case .model:
            datasets[name] = nil
            models[name] = ModelFacts(layers: [], inputShape: nil)
        }
    }

    /// A name given to a model that named a data set, or the reverse: as a Python variable, the
    /// name then stands for the new one, and the old one is gone.
    struct Rebinding: Sendable {
        let replaced: NameKind
        /// Where the name was given to what it replaced, and to what replaced it.
        let definedAt: SourceRange?
        let reboundAt: SourceRange?

        /// A later line's use of `name` as the `replaced` kind: one mistake, at the line that
        /// took the name, however many lines use it, since renaming there is the fix.
        func stillUsed(_ name: String) -> Diagnostic? {
            guard let reboundAt else { return nil }
            let other: NameKind = replaced == .dataset ? .model : .dataset
            let defined = definedAt.map { " (line \($0.line))" } ?? ""
            return Diagnostic(
                "this line names a \(other.rawValue) '\(name.excerpt())', which replaces the \(replaced.rawValue) '\(name.excerpt())'\(defined), but later lines still use that \(replaced.rawValue)",
                at: reboundAt,
                hint: "give the \(other.rawValue) a name of its own, such as \(name)_\(other == .model ? "model" : "data"): a name stands for one data set or one model at a time, as a Python variable does")
        }
    }

    /// The names a line gave to the other kind of thing than they named before.
    private(set) var rebindings: [String: Rebinding] = [:]

    /// What a name stood for before a later line gave it to another thing of the same kind
    /// (`model single` written again where `model hidden` was meant): when the lines after
    /// that one use a name nothing defines instead, the later line took the wrong name, and
    /// the name goes back to what it stood for.
    struct Replacement: Sendable {
        let entry: Entry
        /// Where the name was given again.
        let replacedAt: SourceRange
    }

    /// What the context holds for one name: its facts, or that they are unknown, and where
    /// the line that defined it names it.
    struct Entry: Sendable {
        let dataset: DatasetFacts?
        let model: ModelFacts?
        let erroneous: NameKind??
        let definedAt: SourceRange?
    }

    /// The names given again to a thing of the kind they stood for, with what they stood for.
    private(set) var replacements: [String: Replacement] = [:]

    private func entry(of name: String) -> Entry {
        Entry(dataset: datasets[name], model: models[name], erroneous: erroneous[name], definedAt: definitions[name])
    }

    private mutating func set(_ name: String, to entry: Entry) {
        datasets[name] = entry.dataset
        models[name] = entry.model
        erroneous[name] = entry.erroneous
        definitions[name] = entry.definedAt
    }

    /// Reads the line that defined `slip` as if it had defined `meant`, the name the lines
    /// after it use (a misspelt definition, reported once at that line): `meant` takes what
    /// `slip` holds, so every later line is checked as if the names agreed. `slip` goes back
    /// to what it stood for before that line when the line replaced it; else it is known as
    /// defined by a wrong line, so that the lines that use it are not told again.
    mutating func adopt(_ slip: String, as meant: String) {
        set(meant, to: entry(of: slip))
        let kind = self.kind(of: meant)
        if let replacement = replacements[slip], replacement.replacedAt == definitions[meant] {
            set(slip, to: replacement.entry)
            replacements[slip] = nil
        } else {
            set(slip, to: Entry(dataset: nil, model: nil, erroneous: (mentions[slip]?.count ?? 0) > 1 ? .some(kind) : nil, definedAt: nil))
        }
    }

    /// Notes the data sets whose target change (`scale`, `one_hot`) `diagnostics` blame, and the
    /// models whose last dense layer they blame as a whole, for its units (`dense 2` where the
    /// targets have one column), so that the lines after, which meet the same mistake, are not
    /// told it again.
    mutating func noteReported(_ diagnostics: [Diagnostic]) {
        let ranges = Set(diagnostics.map(\.range))
        for (name, facts) in datasets {
            guard let change = facts.target?.change, ranges.contains(change.range) else { continue }
            datasets[name]?.target?.changeReported = true
        }
        for (name, facts) in models {
            guard let last = facts.lastDense?.range, ranges.contains(last) else { continue }
            models[name]?.outputsAreKnown = false
        }
    }

    /// What a name stands for, if anything.
    public func kind(of name: String) -> NameKind? {
        if datasets[name] != nil { return .dataset }
        if models[name] != nil { return .model }
        return erroneous[name] ?? nil
    }

    /// Names defined or changed by a line that was wrong, or named by a command that is not
    /// known: they exist, but what they hold is not known (nil: not even their kind, for an
    /// unknown command). Using them later is not reported again, and the checks that need
    /// their facts stay silent, so one mistake gives one error, not a cascade of false ones.
    private(set) var erroneous: [String: NameKind?] = [:]

    /// Marks `name` as defined by a wrong line: its kind is `kind`, or the kind it had, and
    /// nothing more is known of it.
    mutating func markErroneous(_ name: String, as kind: NameKind?) {
        let kind = kind ?? self.kind(of: name)
        datasets[name] = nil
        models[name] = nil
        erroneous[name] = .some(kind)
    }

    /// Whether `name` was defined or changed by a wrong line, as a `kind` or as anything.
    func isErroneous(_ name: String, as kind: NameKind) -> Bool {
        guard let known = erroneous[name] else { return false }
        return known == nil || known == kind
    }

    /// Every name a line has defined so far as a `kind`, those whose facts are unknown too: a
    /// misspelt name is answered with the one it is close to, whatever that one holds.
    public func names(of kind: NameKind) -> [String] {
        let known = kind == .dataset ? Array(datasets.keys) : Array(models.keys)
        return (known + erroneous.compactMap { name, erroneousKind in erroneousKind == kind && definitions[name] != nil ? name : nil }).sorted()
    }

    /// What is known of the data set or split `reference` names.
    public func facts(of reference: DatasetName) -> DatasetFacts? { datasets[reference.name] }

    /// `reference` as a command's output names it: a data set that is split stands for its
    /// training split, and is then named `NAME.train`, so that no count passes for the whole.
    public func label(of reference: DatasetName) -> String {
        reference.split == nil && datasets[reference.name]?.splits.mayBeSplit == true ? "\(reference.name).train" : reference.description
    }

    /// How many samples `reference` holds, when known.
    public func samples(in reference: DatasetName) -> Int? { datasets[reference.name]?.samples(in: reference.split) }
}
