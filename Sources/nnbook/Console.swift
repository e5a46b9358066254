// Where the command line writes: results to files, messages and progress to standard error.

import Foundation
import NNBookRender
import NNData

/// Writes to standard error, and shows paths as the user would type them.
enum Console {
    /// A message and its line break. Control characters are written as escapes (`\u{1b}`), line
    /// breaks kept: a notebook's file name (a cloned repository can ship
    /// `$'\e]0;title\a.nnbook'`) or any text quoted from it never retitles, clears or recolours
    /// the terminal, however the message was put together.
    static func error(_ text: String) {
        write(text + "\n")
    }

    /// Text already made of whole lines, written as ``error(_:)`` writes a message.
    static func write(_ text: String) {
        StandardStream.write(text.visible(keepingNewlines: true), to: StandardStream.error)
    }

    /// A file's path as the user would type it: relative to the current folder when inside it,
    /// its control characters (a line break too) written as escapes.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let here = FileManager.default.currentDirectoryPath
        return (path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path).visible()
    }
}
