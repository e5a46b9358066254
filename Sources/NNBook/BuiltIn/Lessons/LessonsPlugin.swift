// The lessons plugin: compute a loss or an activation on numbers written in the cell, as the
// course does by hand before it trains anything.

/// Commands for the course's by-hand calculations.
public struct LessonsPlugin: Plugin {
    public init() {}
    public var name: String { "lessons" }
    public var summary: String { "compute losses and activation functions on numbers written in the notebook" }
    public var commands: [any CellCommand] { [LossCommand(), ActivationCommand()] }
}
