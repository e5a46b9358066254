// Writing values into HTML: every character that could end a text run or an attribute is an
// entity, so no value from a run becomes markup.

/// HTML (and SVG) escaping, for text and for quoted attribute values alike.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
