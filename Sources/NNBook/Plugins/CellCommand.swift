// The plugin API: what a command provides so that nnbook can check it, run it and document it.

/// A command that can appear in a cell, as the checker and the interpreter see it.
///
/// The interpreter knows no command by name: it finds each one through its schema in the
/// `PluginRegistry`. Checking happens for the whole notebook before anything runs; `check`
/// adds what the schema cannot say (a model must be compiled before it is trained). `run`
/// does the work and returns what the page shows. Built-in commands conform through
/// `NotebookCommand`, which derives all three from typed properties; an external plugin's
/// commands conform through its JSON description.
public protocol CellCommand: Sendable {
    var schema: CommandSchema { get }

    /// Problems the schema cannot express, found without running anything. It records in
    /// `context` what the command makes or changes, also when it finds a problem, and marks
    /// unknown (`CheckContext.markErroneous`) only what the problem leaves unknown, so that one
    /// mistake neither hides the mistakes of later lines nor makes them report false ones.
    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic]

    /// Whether `check` also takes a line that could not be read whole, with the options it
    /// could not read marked ``Invocation/unread``: the command then records what the line
    /// still makes (a `compile` whose loss is a word nnbook does not know still compiles its
    /// model) and checks only what it read. A line of any other command that cannot be read
    /// leaves what it defines or changes unknown.
    var checksLinesReadInPart: Bool { get }

    /// Runs the command; throws `RunError` for problems the learner can fix.
    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output]
}

extension CellCommand {
    public var checksLinesReadInPart: Bool { false }
}

/// A group of related commands (data, model, train, …).
public protocol Plugin: Sendable {
    var name: String { get }
    var summary: String { get }
    var commands: [any CellCommand] { get }
}
