// How a run, a cell or a sweep's combination ended: one enum, stored in `run.json` as the
// word it prints (`"succeeded"`, `"not run"`), so history, sweeps and the terminal agree.

/// How a run (or one of its cells, or one run of a sweep) ended.
public enum RunStatus: String, Codable, Sendable {
    case succeeded, failed, interrupted
    /// A cell after the one that failed; a sweep's run stopped before it started (Ctrl-C) or,
    /// when collecting, not found in history.
    case notRun = "not run"
}
