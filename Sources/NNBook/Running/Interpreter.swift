// Runs a checked plan: each command of each cell, in order, over one shared state.

import Foundation

/// Executes plans. It only runs: checking happened before, and commands come from the plan.
public struct Interpreter {
    /// Called as each cell starts and ends, for a status line on the terminal.
    public var cellWillRun: (Cell, Int) -> Void = { _, _ in }
    public var cellDidRun: (RunResult.CellResult, Int) -> Void = { _, _ in }

    public init() {}

    /// Runs every cell; a failing command stops the run, and the remaining cells are listed as
    /// not run.
    public func run(_ plan: Plan, state: RunState) -> RunResult {
        var results: [RunResult.CellResult] = []
        var status = RunResult.Status.succeeded
        state.tables = plan.notebook.tables
        state.notebookPath = plan.notebook.path
        for planned in plan.cells {
            guard status == .succeeded else {
                results.append(.init(cell: planned.cell, outputs: [], error: nil, seconds: 0, ran: false))
                continue
            }
            cellWillRun(planned.cell, plan.cells.count)
            let start = Date()
            var outputs: [Output] = []
            var failure: Diagnostic?
            for step in planned.steps {
                do {
                    outputs += try step.command.run(step.invocation, in: state)
                } catch {
                    failure = error.diagnostic(defaultRange: step.invocation.range)
                    status = error.interrupted ? .interrupted : .failed
                    break
                }
            }
            let result = RunResult.CellResult(
                cell: planned.cell, outputs: outputs, error: failure, seconds: Date().timeIntervalSince(start), ran: true)
            cellDidRun(result, plan.cells.count)
            results.append(result)
        }
        return RunResult(notebook: plan.notebook, parameters: plan.parameters, cells: results, status: status)
    }
}
