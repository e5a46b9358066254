// A line pasted from a Jupyter notebook's code cell that means nothing to nnbook (`import …`,
// `%matplotlib inline`, `!pip install …`, `print(…)`): one error that says to delete it.

import Foundation

/// Lines a learner coming from Jupyter writes first in a cell. They define nothing, so the
/// answer is never a command list (it has no command near `import`): it is to delete the line.
enum JupyterLine {
    /// The one error of the line `text` (file line `line`) when it is such a line; nil otherwise.
    static func diagnostic(_ text: String, line: Int) -> Diagnostic? {
        let indent = text.prefix { $0 == " " || $0 == "\t" }.count
        let code = text.dropFirst(indent)
        let word = code.prefix { !$0.isWhitespace && $0 != "(" }
        let message: String, hint: String
        if word.first == "%", word.count > 1 {
            message = "'\(word.excerpt())' is an IPython magic; a cell holds nnbook commands"
            hint = word == "%matplotlib" ? "nnbook draws its plots into the page by itself: delete this line" : "delete this line"
        } else if word.first == "!", word.count > 1 {
            message = "'\(word.excerpt())' is a shell command; a notebook never runs one"
            hint = word == "!pip" || word == "!conda" ? "nnbook needs nothing installed: delete this line" : "delete this line"
        } else if word == "import" || (word == "from" && code.contains(" import ")) {
            message = "'\(word)' is Python; a cell holds nnbook commands"
            hint = "nnbook needs no imports, its commands are always there: delete this line"
        } else if word == "print", code.dropFirst(word.count).first == "(" {
            message = "'print' is Python; a cell holds nnbook commands"
            hint = "write text as prose outside the cell; `show DATASET` shows a data set's first rows, `summary MODEL` a model's layers"
        } else {
            return nil
        }
        return Diagnostic(message, at: SourceRange(line: line, column: indent + 1, length: word.count), hint: hint)
    }
}
