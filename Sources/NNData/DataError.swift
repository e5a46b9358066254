// Errors in data files, located by file, line and column so a learner can open the file there.

/// A problem in a data file or a data transform.
public struct DataError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    /// The file, when the problem is in one.
    public let path: String?
    /// 1-based line and column in that file.
    public let line: Int?
    public let column: Int?
    public let hint: String?

    public init(_ message: String, path: String? = nil, line: Int? = nil, column: Int? = nil, hint: String? = nil) {
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// `data/insurance.csv:6:4: "yes" is not a number`.
    public var description: String {
        var location = path ?? ""
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
