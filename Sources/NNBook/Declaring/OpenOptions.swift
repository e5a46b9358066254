// `@OpenOptions`: `name=value` pairs whose names the command does not know in advance
// (`predict neuron age=58 affordability=1`, where the names are the training columns).

/// Options beyond the declared ones, all of one type, in the order written.
@propertyWrapper
public struct OpenOptions<Value: CommandValue>: Decodable, Sendable {
    private let decoded: [NamedValue<Value>]?

    public init() { decoded = nil }

    public init(from decoder: Decoder) throws {
        let property = try PropertyDecoder.of(decoder)
        decoded = property.invocation.extraOptions.map { name, value, valueRange in
            let range = property.invocation.range(of: name)
            return NamedValue(name: name, value: Value(checked: value, at: valueRange), range: range, valueRange: valueRange)
        }
    }

    public var wrappedValue: [NamedValue<Value>] {
        guard let decoded else { preconditionFailure("open options are read only in a decoded command") }
        return decoded
    }
}

/// One `name=value` pair of open options.
public struct NamedValue<Value: Sendable>: Sendable {
    public let name: String
    public let value: Value
    /// Where the name is written: a name that is wrong is pointed at here.
    public let range: SourceRange
    /// Where the value is written: a value that is wrong (`colour=purple`) is pointed at here.
    public let valueRange: SourceRange
}

extension OpenOptions: DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts) {
        if decoded == nil { schema.openOptions = Value.valueType }
    }
}
