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
    /// A column the notebook names (`target=`, `codes=`) that the header does not have, and the
    /// columns it has: the notebook's line is the place to fix, with the nearest name.
    public var absentColumn: AbsentColumn?
    /// The reader stopped because the run was asked to stop (Ctrl-C, SIGTERM), not because of
    /// the file.
    public private(set) var interrupted = false

    public init(_ message: String, path: String? = nil, line: Int? = nil, column: Int? = nil, hint: String? = nil) {
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// Reading `path` was stopped part-way by a request to stop the run.
    public static func interrupted(path: String?) -> DataError {
        var error = DataError("reading the file was stopped", path: path)
        error.interrupted = true
        return error
    }

    /// `data/insurance.csv:6:4: "yes" is not a number`.
    public var description: String {
        var location = path ?? ""
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}

/// A column named that the data does not have, and the columns it has.
public struct AbsentColumn: Equatable, Sendable {
    public let name: String
    public let columns: [String]

    public init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}
