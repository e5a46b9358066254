// The progress printer's output as a terminal would show it, for a running cell in the browser.

/// Text written with carriage returns and "erase to end of line", kept as the lines a terminal
/// would display, so the browser shows the same Keras-style bar the terminal does.
struct TerminalText {
    private(set) var lines: [String] = [""]

    mutating func write(_ text: String) {
        var rest = Substring(text)
        while let character = rest.first {
            if rest.hasPrefix("\u{1B}[K") {
                rest = rest.dropFirst(3)
                continue
            }
            rest = rest.dropFirst()
            switch character {
            case "\r": lines[lines.count - 1] = ""
            case "\n": lines.append("")
            default: lines[lines.count - 1].append(character)
            }
        }
        // A long training keeps its recent lines only: the page shows a window, not a log.
        if lines.count > 12 { lines.removeFirst(lines.count - 12) }
    }

    var text: String { lines.joined(separator: "\n") }
}
