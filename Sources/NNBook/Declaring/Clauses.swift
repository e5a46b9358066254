// `@Clauses`: the indented lines under a command (a model's layers), each a declared command
// of its own.

/// The lines under a command, decoded to the declared types that their verbs name.
///
/// ```swift
/// @Clauses(DenseLine.self, DropoutLine.self, FlattenLine.self) var layers: [Located<any LayerLine>]
/// ```
@propertyWrapper
public struct Clauses<Line: Sendable>: Decodable, Sendable {
    private let types: [any DeclaredCommand.Type]
    private let decoded: [Located<Line>]?
    private let unread: [SourceRange]

    public init(_ types: any DeclaredCommand.Type...) {
        self.types = types
        decoded = nil
        unread = []
    }

    public init(from decoder: Decoder) throws {
        let property = try PropertyDecoder.of(decoder)
        guard let declared = property.declared as? Clauses<Line> else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "clauses decoded without their declaration"))
        }
        types = declared.types
        var lines: [Located<Line>] = []
        for clause in property.invocation.clauses {
            // The checker accepted only the verbs of `types`.
            guard let type = types.first(where: { $0.configuration.verb == clause.verb }),
                let line = try type.decoded(clause) as? Line
            else {
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(clause.verb)' is not a declared line"))
            }
            lines.append(Located(line, at: clause.range))
        }
        decoded = lines
        unread = property.invocation.unreadClauses
    }

    public var wrappedValue: [Located<Line>] {
        guard let decoded else { preconditionFailure("clauses are read only in a decoded command") }
        return decoded
    }

    /// Where the lines stand that the checker could not read (reported already): the decoded
    /// lines are then not all the command has.
    public var projectedValue: [SourceRange] { unread }
}

extension Clauses: DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts) {
        if decoded == nil { schema.clauses = types.map { $0.schema } }
    }
}
