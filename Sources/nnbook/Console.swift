// Where the command line writes: results to files, messages and progress to standard error.

import Foundation

/// Writes to standard error, and knows whether it is a terminal.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
