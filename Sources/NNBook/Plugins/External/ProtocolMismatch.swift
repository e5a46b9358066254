// Why a plugin's JSON answer is not a protocol message, in the words of the protocol: which
// field, what it must be, and what the plugin sent instead — never the answer itself, which may
// be long and is the plugin's to print on standard error.

import Foundation

/// The reason a plugin's answer could not be read as a protocol message.
enum ProtocolMismatch {
    /// `error`, met while decoding `answer`, as "`plugin.commands[0] (say).produces` must be an
    /// object, not the text "blobs"".
    static func reason(_ error: DecodingError, in answer: Data) -> String {
        let tree = try? JSONDecoder().decode(Node.self, from: answer)
        func field(_ path: [CodingKey]) -> String { "`" + name(of: path, in: tree) + "`" }
        func found(_ path: [CodingKey]) -> String { tree?.node(at: path)?.description ?? "something else" }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(field(context.codingPath)) must be \(expected(type)), not \(found(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "\(field(context.codingPath)) must be \(expected(type)), not null"
        case .keyNotFound(let key, let context):
            return context.codingPath.isEmpty
                ? "the answer lacks the field `\(key.stringValue)`"
                : "\(field(context.codingPath)) lacks the field `\(key.stringValue)`"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "\(field(context.codingPath)) cannot be read"
        @unknown default:
            return "it does not follow the protocol"
        }
    }

    /// Whether `error` means the answer is not JSON at all, rather than JSON of the wrong form.
    static func isNotJSON(_ error: DecodingError) -> Bool {
        if case .dataCorrupted(let context) = error { context.codingPath.isEmpty } else { false }
    }

    /// What a field of type `type` holds, as the article "Writing a plugin" says it.
    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is UInt64.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is Float32Number.Type: "a number Float32 can hold (from -3.4e38 to 3.4e38)"
        case is Bool.Type: "true or false"
        case is PluginProtocol.SizeMessage.Type: "a whole number, or the name of one of the command's integer arguments or options"
        case is JSONValue.Type: "a number, text, true, false or a list"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// `plugin.commands[0] (say).produces`: the path as the protocol's fields, a command named by
    /// its verb when it has one.
    private static func name(of path: [CodingKey], in tree: Node?) -> String {
        var text = ""
        for (index, key) in path.enumerated() {
            let parent = tree?.node(at: Array(path[..<index]))
            guard case .list? = parent, let position = key.intValue else {
                text += (text.isEmpty ? "" : ".") + key.stringValue.excerpt(limit: 24)
                continue
            }
            text += "[\(position)]"
            if case .object(let fields)? = tree?.node(at: Array(path[...index])), case .text(let verb)? = fields["verb"] {
                text += " (\(verb.excerpt(limit: 24)))"
            }
        }
        return text
    }

    /// An answer read as plain JSON, to say what a field holds instead of what it should.
    private indirect enum Node: Decodable, CustomStringConvertible {
        case object([String: Node])
        case list([Node])
        case text(String)
        case number(Double)
        case boolean(Bool)
        case null

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .text(value) }
            else if let value = try? container.decode([Node].self) { self = .list(value) }
            else { self = .object(try container.decode([String: Node].self)) }
        }

        /// The value at `path`, if the answer has one there.
        func node(at path: [CodingKey]) -> Node? {
            var node = self
            for key in path {
                switch node {
                case .list(let items):
                    guard let index = key.intValue, items.indices.contains(index) else { return nil }
                    node = items[index]
                case .object(let fields):
                    guard let field = fields[key.stringValue] else { return nil }
                    node = field
                default:
                    return nil
                }
            }
            return node
        }

        /// What the value is, with a short scalar shown: `the text "blobs"`, `the number 2.5`.
        var description: String {
            switch self {
            case .object: "an object"
            case .list: "a list"
            case .text(let text): "the text \"\(text.excerpt(limit: 24))\""
            case .number(let number): "the number \(NumberText.plain(number))"
            case .boolean(let value): "\(value)"
            case .null: "null"
            }
        }
    }
}
