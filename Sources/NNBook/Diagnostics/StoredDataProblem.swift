// What is wrong with a JSON document nnbook stored (a run's record, a page), in a learner's
// words: which field is missing or of the wrong kind, never the text Swift's decoder prints.

import Foundation

/// Describes an error met while reading or writing a stored JSON document.
public enum StoredDataProblem {
    /// `error` as a clause: "the field 'parameters.rate' is missing", "the document is not JSON".
    /// Given the `document` it was met in, a document the decoder calls no JSON (as Foundation
    /// calls JSON whose number does not fit the field) is told apart from one that is JSON with
    /// a whole number too large for any field of nnbook, which is named.
    public static func describe(_ error: any Error, in document: Data? = nil) -> String {
        if case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty, let document,
            let tree = try? JSONSerialization.jsonObject(with: document, options: [.fragmentsAllowed])
        {
            if let (keys, number) = outsized(in: tree, at: "") {
                return "the field '\(keys)' holds \(number), a whole number larger than nnbook can hold"
            }
            return "a value in the document is not of the kind nnbook reads there (a fraction or a negative number where a count belongs, say)"
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "the field '\(path(context.codingPath + [key]))' is missing"
        case DecodingError.valueNotFound(_, let context):
            return "the field '\(path(context.codingPath))' is empty"
        case DecodingError.typeMismatch(let type, let context):
            return "the field '\(path(context.codingPath))' is not \(kind(type))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the document is not JSON" : "the field '\(path(context.codingPath))' holds a value nnbook cannot read"
        case is EncodingError:
            return "a value could not be written as JSON"
        default:
            return "the document could not be read (\(type(of: error)))"
        }
    }

    /// The first whole number in `value` written beyond 64 bits (a seed of 2**70), with its path from
    /// `path`, as `path(_:)` writes one.
    private static func outsized(in value: Any, at path: String) -> (String, String)? {
        switch value {
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if let found = outsized(in: object[key]!, at: path.isEmpty ? key : path + "." + key) { return found }
            }
        case let list as [Any]:
            for (index, element) in list.enumerated() {
                if let found = outsized(in: element, at: path + "[\(index)]") { return found }
            }
        // Foundation reads a number written with all its digits beyond 64 bits as a decimal
        // number; one written as JSONEncoder writes a large Double (`3e+25`, a diverged loss)
        // is a Double, which nnbook holds.
        case let number as NSDecimalNumber:
            let value = number.doubleValue
            if value.isFinite, value == value.rounded(), abs(value) >= 0x1p63 { return (path.isEmpty ? "(the document)" : path, number.stringValue) }
        default: break
        }
        return nil
    }

    /// `parameters.rate`, `blocks[3].cell`: the way a learner finds the field in the file.
    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "(the document)" }
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is UInt64.Type, is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "true or false"
        default: "of the kind nnbook expects there"
        }
    }
}
