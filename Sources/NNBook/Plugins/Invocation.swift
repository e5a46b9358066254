// One checked command: every argument converted to its declared type, before a declared
// command decodes it into its typed properties (or an external plugin receives it as JSON).

/// A command as the checker resolved it: parameters substituted, values typed, defaults filled.
public struct Invocation: Sendable {
    public let verb: String
    /// Where the command's name stands; runtime errors without a better place point here.
    public let range: SourceRange
    public let values: [String: TypedValue]
    /// Where each argument or option was written, for errors about one value.
    public let ranges: [String: SourceRange]
    /// The options given by a `$parameter`: the notebook leaves their value to `-p`.
    public let parameterized: Set<String>
    /// Options accepted through the schema's `openOptions`, in the order written, each with
    /// where its value was written (`purple` in `colour=purple`), for errors about the value.
    public let extraOptions: [(name: String, value: TypedValue, valueRange: SourceRange)]
    public let clauses: [Invocation]
    /// Where the lines under the command stand that could not be read (a layer of `1e3`
    /// units): reported already, they leave what the command makes partly unknown.
    public let unreadClauses: [SourceRange]
    /// The options whose values the line does not give in a form the checker can read (a value
    /// with no choice close to it, a list never closed, and every option a syntax error may have
    /// cut off): only a command that ``CellCommand/checksLinesReadInPart`` is checked with such
    /// an invocation, and it is never run.
    public let unread: Set<String>

    public init(
        verb: String, range: SourceRange, values: [String: TypedValue], ranges: [String: SourceRange] = [:], parameterized: Set<String> = [],
        extraOptions: [(name: String, value: TypedValue, valueRange: SourceRange)] = [], clauses: [Invocation] = [], unreadClauses: [SourceRange] = [],
        unread: Set<String> = []
    ) {
        self.verb = verb
        self.range = range
        self.values = values
        self.ranges = ranges
        self.parameterized = parameterized
        self.extraOptions = extraOptions
        self.clauses = clauses
        self.unreadClauses = unreadClauses
        self.unread = unread
    }

    /// Where `name` was written, or the command itself.
    public func range(of name: String) -> SourceRange { ranges[name] ?? range }
}
