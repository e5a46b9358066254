// `@OpenOptions`: `name=value` pairs whose names the command does not know in advance
// (`predict neuron age=58 affordability=1`, where the names are the training columns).

/// Options beyond the declared ones, all of one type, in the order written.
@propertyWrapper
public struct OpenOptions<Value: CommandValue>: Decodable, Sendable {
    private let decoded: [NamedValue<Value>]?

    public init() { decoded = nil }

    public init(from decoder: Decoder) throws {
        let property = try PropertyDecoder.of(decoder)
        decoded = property.invocation.extraOptions.map { name, value in
            let range = property.invocation.range(of: name)
            return NamedValue(name: name, value: Value(checked: value, at: range), range: range)
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
    public let range: SourceRange
}

extension OpenOptions: DeclaredProperty {
    func declare(named name: String, in schema: inout SchemaParts) {
        if decoded == nil { schema.openOptions = Value.valueType }
    }
}
