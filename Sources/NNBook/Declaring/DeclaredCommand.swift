// A command declared as a type whose properties are its arguments and options, the way
// swift-argument-parser declares commands. The schema (and so the checker's type checks, the
// usage line, `nnbook help` and `nnbook plugins`) is derived from the properties; a checked
// invocation is decoded into a fresh value of the type before it is checked further or run.

import Foundation

/// The verb, summary and examples of a declared command: what its properties cannot say.
/// `spellings` are what Keras, scikit-learn or pandas call the same step (`fit` for `train`):
/// not accepted, so that a notebook has one spelling, but answered with the verb.
/// `otherOptions` are options the same step takes there that nnbook has no option for
/// (Keras' `initial_epoch`), each with the hint that says what nnbook does instead.
public struct CommandConfiguration: Sendable {
    public let verb: String
    public let summary: String
    public let examples: [String]
    public let spellings: [String]
    public let otherOptions: [String: String]

    public init(verb: String, summary: String, examples: [String] = [], spellings: [String] = [], otherOptions: [String: String] = [:]) {
        self.verb = verb
        self.summary = summary
        self.examples = examples
        self.spellings = spellings
        self.otherOptions = otherOptions
    }
}

/// A command or a command's line declared with `@Argument`, `@Option`, `@OpenOptions` and
/// `@Clauses` properties.
public protocol DeclaredCommand: Decodable, Sendable {
    static var configuration: CommandConfiguration { get }
    /// The declaration: every property holds how it is written, and no value yet.
    init()
}

extension DeclaredCommand {
    /// The schema derived from the declared properties, in the order they are declared. It is
    /// derived once per type: every line checked and every registry built asks for it, and
    /// deriving it reflects over a fresh value of the type.
    public static var schema: CommandSchema {
        DerivedSchemas.shared.schema(of: Self.self, deriving: derivedSchema)
    }

    private static func derivedSchema() -> CommandSchema {
        var parts = SchemaParts()
        for child in Mirror(reflecting: Self()).children {
            guard let label = child.label, label.hasPrefix("_"), let property = child.value as? any DeclaredProperty else { continue }
            property.declare(named: notebookName(ofProperty: String(label.dropFirst())), in: &parts)
        }
        return CommandSchema(
            verb: configuration.verb, summary: configuration.summary, arguments: parts.arguments, options: parts.options,
            clauses: parts.clauses, openOptions: parts.openOptions, examples: configuration.examples,
            otherSpellings: configuration.spellings, otherOptions: configuration.otherOptions)
    }

    /// The command with the values of a checked invocation.
    static func decoded(_ invocation: Invocation) throws -> Self {
        var declared: [String: Any] = [:]
        for child in Mirror(reflecting: Self()).children {
            if let label = child.label, label.hasPrefix("_") { declared[String(label.dropFirst())] = child.value }
        }
        return try Self(from: InvocationDecoder(invocation: invocation, declared: declared))
    }
}

/// A command that a cell runs, declared with typed properties.
///
/// ```swift
/// struct TrainCommand: NotebookCommand {
///     static let configuration = CommandConfiguration(verb: "train", summary: "train a compiled model")
///     @Argument(help: "the model") var model: ModelName
///     @Argument(keyword: "on", help: "the data to learn from") var data: DatasetName
///     @Option(help: "how many passes over the training samples") var epochs = 1
///
///     func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] { … }
/// }
/// ```
public protocol NotebookCommand: DeclaredCommand, CellCommand {
    /// Problems the types cannot express, found without running anything; records what the
    /// command establishes (a data set's shape, a compiled model) for the commands after it,
    /// also when it finds a problem (``CellCommand/check(_:in:)``).
    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic]

    /// Runs the command; throws `RunError` for problems the learner can fix.
    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output]
}

extension NotebookCommand {
    public var schema: CommandSchema { Self.schema }

    public func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] { [] }

    public func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        // The checker resolved the invocation against this very schema, so decoding succeeds.
        let command = try! Self.decoded(invocation)
        let places = (command as? any PrintsNumbers)?.precisionDiagnostics(at: invocation.range(of: "precision")) ?? []
        return places + command.check(in: &context, at: invocation.range)
    }

    /// Runs the command; one that prints numbers does so with its own `precision=` when given.
    public func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let command = try! Self.decoded(invocation)
        guard let places = (command as? any PrintsNumbers)?.precision else { return try command.run(in: state, at: invocation.range) }
        return try state.printing(places: places) { () throws(RunError) in try command.run(in: state, at: invocation.range) }
    }
}

/// The name a notebook writes for a property: Swift's `oneHot` is the notebook's `one_hot`, as
/// Keras spells its arguments.
func notebookName(ofProperty property: String) -> String {
    var name = ""
    for character in property {
        if character.isUppercase {
            name += "_" + character.lowercased()
        } else {
            name.append(character)
        }
    }
    return name
}

/// A property that contributes to a command's schema.
protocol DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts)
}

/// The parts of a schema that properties declare, collected in declaration order.
struct SchemaParts {
    var arguments: [ArgumentSchema] = []
    var options: [OptionSchema] = []
    var clauses: [CommandSchema] = []
    var openOptions: ValueType?
}

/// The schemas of declared command types, derived on first use.
private final class DerivedSchemas: @unchecked Sendable {
    static let shared = DerivedSchemas()
    private let lock = NSLock()
    private var schemas: [ObjectIdentifier: CommandSchema] = [:]

    /// The lock is not held while deriving: a command's schema takes in its clauses' schemas.
    func schema(of type: Any.Type, deriving derive: () -> CommandSchema) -> CommandSchema {
        if let known = lock.withLock({ schemas[ObjectIdentifier(type)] }) { return known }
        let schema = derive()
        lock.withLock { schemas[ObjectIdentifier(type)] = schema }
        return schema
    }
}
