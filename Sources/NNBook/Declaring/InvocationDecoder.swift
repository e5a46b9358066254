// Decodes a checked invocation into a declared command: Swift's synthesised `Decodable` asks
// for each property by name, and each property wrapper takes its value from the invocation.

/// The decoder for a whole command: one keyed container whose keys are its property names.
struct InvocationDecoder: Decoder {
    let invocation: Invocation
    /// The declaration's property wrappers by property name (what `@Clauses` lists).
    let declared: [String: Any]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Properties<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw InvocationDecoder.unsupported }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw InvocationDecoder.unsupported }

    /// A declared command's stored properties are all `@Argument`, `@Option`, `@OpenOptions`
    /// or `@Clauses`; anything else cannot come from a notebook.
    static let unsupported = DecodingError.dataCorrupted(.init(
        codingPath: [], debugDescription: "a declared command's stored properties must be @Argument, @Option, @OpenOptions or @Clauses"))

    struct Properties<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: InvocationDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: PropertyDecoder(
                invocation: decoder.invocation, name: notebookName(ofProperty: key.stringValue), declared: decoder.declared[key.stringValue]))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw InvocationDecoder.unsupported
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw InvocationDecoder.unsupported }
        func superDecoder() throws -> any Decoder { throw InvocationDecoder.unsupported }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw InvocationDecoder.unsupported }
    }
}

/// The decoder one property wrapper receives: the invocation and the property's name.
struct PropertyDecoder: Decoder {
    let invocation: Invocation
    let name: String
    let declared: Any?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func of(_ decoder: any Decoder) throws -> PropertyDecoder {
        guard let property = decoder as? PropertyDecoder else { throw InvocationDecoder.unsupported }
        return property
    }

    /// The property's checked value, or its absence for an optional property; nil for an
    /// option the line does not give readably (``Invocation/unread``).
    func value<Value: CommandValue>(_ type: Value.Type) throws -> Located<Value>? {
        let range = invocation.range(of: name)
        if invocation.unread.contains(name) { return nil }
        if let value = invocation.values[name] { return Located(Value(checked: value, at: range), at: range) }
        guard let absent = Value.absent else {
            throw DecodingError.valueNotFound(Value.self, .init(codingPath: [], debugDescription: "'\(name)' was not checked"))
        }
        return Located(absent, at: range)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw InvocationDecoder.unsupported }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw InvocationDecoder.unsupported }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw InvocationDecoder.unsupported }
}
