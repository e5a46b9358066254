// Runs a checked plan: each command of each cell, in order, over one shared state.

import Foundation

/// Executes plans. It only runs: checking happened before, and commands come from the plan.
public struct Interpreter {
    /// Called as each cell starts and ends, for a status line on the terminal.
    public var cellWillRun: (Cell, Int) -> Void = { _, _ in }
    public var cellDidRun: (RunResult.CellResult, Int) -> Void = { _, _ in }

    public init() {}

    /// Runs every cell; a failing command stops the run, and the remaining cells are listed as
    /// not run. With a cache, the first cells whose results it holds (same commands, same
    /// state before, same files) are not run again: their outputs and the state after them
    /// come from the cache, and each cell that runs to the end is stored in it.
    public func run(_ plan: Plan, state: RunState, cache: SnapshotCache? = nil) -> RunResult {
        var results: [RunResult.CellResult] = []
        var status = RunStatus.succeeded
        state.tables = plan.notebook.tables
        state.notebookPath = plan.notebook.path
        // An external plugin keeps its own state in its process, which a snapshot cannot hold:
        // results are stored only for the cells before the first that calls one.
        let storable = plan.cells.firstIndex { $0.steps.contains { $0.command is ExternalCommand } } ?? plan.cells.count
        let keys = cache.map { SnapshotKey.chain(plan, version: $0.version) } ?? []
        if let cache {
            let (outputs, inputs, snapshot) = cache.reusablePrefix(of: plan, keys: keys, limit: storable)
            if let snapshot { state.restore(snapshot, inputs: inputs) }
            for (index, cellOutputs) in outputs.enumerated() {
                let result = RunResult.CellResult(cell: plan.cells[index].cell, commandOutputs: cellOutputs, error: nil, seconds: 0, ran: true, reused: true)
                cellDidRun(result, plan.cells.count)
                results.append(result)
            }
        }
        for (index, planned) in plan.cells.enumerated().dropFirst(results.count) {
            guard status == .succeeded else {
                results.append(.init(cell: planned.cell, commandOutputs: [], error: nil, seconds: 0, ran: false))
                continue
            }
            cellWillRun(planned.cell, plan.cells.count)
            let start = Date()
            let missedBefore = state.missedExpectations.count
            var outputs: [[Output]] = []
            var failure: Diagnostic?
            var scope = MetricScope()
            for step in planned.steps {
                if state.shouldStop() {
                    failure = Diagnostic("the run was stopped before this command", at: step.invocation.range)
                    status = .interrupted
                    break
                }
                do {
                    outputs.append(scope.qualify(try step.command.run(step.invocation, in: state), of: step.invocation, schema: step.command.schema) + plan.notes(about: step))
                } catch {
                    failure = error.diagnostic(defaultRange: step.invocation.range)
                    status = error.interrupted ? .interrupted : .failed
                    break
                }
                // A stop asked for while a command ran (a long load, describe or plot) stops the
                // run here, even after the last command: `timeout` and Ctrl-C are never ignored.
                if state.shouldStop() {
                    failure = Diagnostic("the run was stopped during this command", at: step.invocation.range)
                    status = .interrupted
                    break
                }
            }
            let missed = Array(state.missedExpectations[missedBefore...])
            let result = RunResult.CellResult(
                cell: planned.cell, commandOutputs: outputs, error: failure, seconds: Date().timeIntervalSince(start), ran: true, missedExpectations: missed,
                interrupted: status == .interrupted)
            // A stored cell comes back as outputs alone; one that missed an expectation is run
            // again, so that the page still says so. It keeps every input read up to it, not
            // only its own: its state grew from all of them.
            if let cache, failure == nil, missed.isEmpty, index < storable {
                cache.store(keys[index], outputs: outputs, inputs: state.inputs, state: state.snapshot())
            }
            cellDidRun(result, plan.cells.count)
            results.append(result)
        }
        return RunResult(notebook: plan.notebook, parameters: plan.parameters, cells: results, status: status)
    }
}
