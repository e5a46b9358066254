// One command as written in a cell: a verb, its arguments, and the indented lines under it.

/// `train neuron on insurance epochs=$epochs` as the parser saw it, before any checking.
public struct CommandSyntax: Equatable, Sendable {
    public let verb: String
    public let verbRange: SourceRange
    public private(set) var arguments: [ArgumentSyntax]
    /// Indented lines that are commands of their own, e.g. a model's `dense` layers.
    public private(set) var clauses: [CommandSyntax]
    /// Nil for a command read whole. For one with a syntax error in its line or an indented line,
    /// the names written there: the checker skips the command and takes them as defined, so
    /// that one syntax error is one error, not one more at every later use of a name.
    public private(set) var unreadNames: [String]?

    public init(verb: String, verbRange: SourceRange, arguments: [ArgumentSyntax], clauses: [CommandSyntax] = []) {
        self.verb = verb
        self.verbRange = verbRange
        self.arguments = arguments
        self.clauses = clauses
    }

    public var line: Int { verbRange.line }

    /// The command and the lines indented under it, each with its own arguments.
    public var withClauses: [CommandSyntax] { [self] + clauses.flatMap(\.withClauses) }

    /// Every value written on the line and on the lines indented under it, with the items of
    /// its lists: what names and parameters the command mentions.
    public var values: [ValueSyntax] { withClauses.flatMap { $0.arguments.flatMap(\.value.flattened) } }

    /// Adds an indented line's options or clause, in place: a model of thousands of layers is
    /// parsed in time proportional to its lines.
    mutating func add(arguments more: [ArgumentSyntax] = [], clause: CommandSyntax? = nil) {
        arguments += more
        if let clause { clauses.append(clause) }
    }

    /// Marks the command as not read whole, `names` written on the line that could not be read.
    mutating func markUnread(names: [String]) {
        unreadNames = (unreadNames ?? []) + names
    }
}

/// A positional value (`neuron`) or an option (`epochs=1000`).
public enum ArgumentSyntax: Equatable, Sendable {
    case positional(ValueSyntax)
    case option(name: String, nameRange: SourceRange, value: ValueSyntax)

    public var range: SourceRange {
        switch self {
        case .positional(let value): value.range
        case .option(_, let nameRange, _): nameRange
        }
    }

    /// The value written, an option's after its `=`.
    public var value: ValueSyntax {
        switch self {
        case .positional(let value), .option(_, _, let value): value
        }
    }
}

/// A value as written: a bare word (a name or a number), a quoted string, a list, or `$param`.
public struct ValueSyntax: Equatable, Sendable {
    public indirect enum Kind: Equatable, Sendable {
        case word(String)
        case string(String)
        case list([ValueSyntax])
        case parameter(String)
    }

    public let kind: Kind
    public let range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// The value, and the items of a list with the items of theirs.
    public var flattened: [ValueSyntax] {
        if case .list(let items) = kind { [self] + items.flatMap(\.flattened) } else { [self] }
    }

    /// The value as the user typed it, for messages.
    public var text: String {
        switch kind {
        case .word(let word): word
        case .string(let string): "\"\(string)\""
        case .list(let items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        case .parameter(let name): "$" + name
        }
    }
}
