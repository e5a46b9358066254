// What is wrong with a JSON document nnbook stored (a run's record, a page), in a learner's
// words: which field is missing or of the wrong kind, never the text Swift's decoder prints.

import Foundation

/// Describes an error met while reading or writing a stored JSON document.
public enum StoredDataProblem {
    /// `error` as a clause: "the field 'parameters.rate' is missing", "the document is not JSON".
    public static func describe(_ error: any Error) -> String {
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
