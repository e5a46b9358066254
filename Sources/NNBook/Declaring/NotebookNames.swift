// The names a notebook defines and uses, as typed values: a command that takes `ModelName`
// gets the name of a model defined before it, never a data set or an undefined word.

/// The name of a model defined earlier (`train neuron …`).
public struct ModelName: CommandValue, CustomStringConvertible, Hashable {
    public let name: String
    public let range: SourceRange

    public static var valueType: ValueType { .uses(.model) }
    public init(checked value: TypedValue, at range: SourceRange) {
        name = value.string ?? ""
        self.range = range
    }
    public var typedValue: TypedValue? { .string(name) }
    public var description: String { name }
}

/// A data set defined earlier, or one of its splits (`insurance`, `insurance.test`).
public struct DatasetName: CommandValue, CustomStringConvertible, Hashable {
    /// The data set's own name, without the split.
    public let name: String
    public let split: DatasetSplit?
    public let range: SourceRange

    public static var valueType: ValueType { .uses(.dataset) }
    public init(checked value: TypedValue, at range: SourceRange) {
        let parts = (value.string ?? "").split(separator: ".", maxSplits: 1).map(String.init)
        name = parts.first ?? ""
        split = parts.count > 1 ? DatasetSplit(rawValue: parts[1]) : nil
        self.range = range
    }
    public var typedValue: TypedValue? { .string(description) }
    /// As written: `insurance.test`.
    public var description: String { split.map { "\(name).\($0.rawValue)" } ?? name }
}

/// The two halves `split` makes, and that data such as MNIST comes in.
public enum DatasetSplit: String, Sendable, CaseIterable {
    case train, test
}

/// A new name for a data set (`load … as insurance`).
public struct NewDatasetName: CommandValue, CustomStringConvertible {
    public let name: String
    public let range: SourceRange

    public static var valueType: ValueType { .defines(.dataset) }
    public init(checked value: TypedValue, at range: SourceRange) {
        name = value.string ?? ""
        self.range = range
    }
    public var typedValue: TypedValue? { .string(name) }
    public var description: String { name }
}

/// A new name for a model (`model neuron`).
public struct NewModelName: CommandValue, CustomStringConvertible {
    public let name: String
    public let range: SourceRange

    public static var valueType: ValueType { .defines(.model) }
    public init(checked value: TypedValue, at range: SourceRange) {
        name = value.string ?? ""
        self.range = range
    }
    public var typedValue: TypedValue? { .string(name) }
    public var description: String { name }
}

/// A bare word: a column's name, an initializer's name.
public struct Word: CommandValue, CustomStringConvertible, Hashable {
    public let text: String
    public let range: SourceRange

    /// A word written at `range`; a declared default is written nowhere, and a command that
    /// uses the default reports it at the command itself.
    public init(_ text: String, at range: SourceRange = SourceRange(line: 0, column: 0)) {
        self.text = text
        self.range = range
    }

    public static var valueType: ValueType { .word }
    public init(checked value: TypedValue, at range: SourceRange) { self.init(value.string ?? "", at: range) }
    public var typedValue: TypedValue? { .string(text) }
    public var description: String { text }
}

/// A file path, relative to the notebook's folder.
public struct FilePath: CommandValue, CustomStringConvertible {
    public let path: String
    public let range: SourceRange

    public static var valueType: ValueType { .path }
    public init(checked value: TypedValue, at range: SourceRange) {
        path = value.string ?? ""
        self.range = range
    }
    public var typedValue: TypedValue? { .string(path) }
    public var description: String { path }
}
