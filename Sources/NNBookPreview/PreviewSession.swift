// `nnbook preview`'s loop: run the notebook, show it, wait for a save, run again from the first
// cell that changed — until stopped.

import Foundation
import NNBook
import NNBookRender
import NNData
import NNCore

/// One notebook served live. `serve()` blocks the calling thread: it runs the notebook there,
/// while the server's tasks and the file watcher's thread do their work beside it.
public final class PreviewSession: @unchecked Sendable {
    public struct Settings {
        public var notebook: URL
        public var overrides: [(name: String, value: String)]
        public var plugins: PluginSetup
        public var memory: MemoryLimit
        /// The most bytes the stored cell states may hold.
        public var snapshotLimit: Int
        /// nnbook's version: stored results never outlive it.
        public var version: String
        /// Where NAME.md goes; the notebook's folder when nil.
        public var out: URL?

        public init(notebook: URL, overrides: [(name: String, value: String)], plugins: PluginSetup, memory: MemoryLimit, snapshotLimit: Int, version: String, out: URL?) {
            self.notebook = notebook
            self.overrides = overrides
            self.plugins = plugins
            self.memory = memory
            self.snapshotLimit = snapshotLimit
            self.version = version
            self.out = out
        }
    }

    /// A run that finished (not one cancelled by a save), with the page written for it.
    public struct CompletedRun {
        public let result: RunResult
        public let page: Page
        public let source: String
        public let started: Date
        public let pageURL: URL
    }

    /// Called on the run thread after each completed run: the command records it in history
    /// when asked to, and says so.
    public var runDidComplete: (CompletedRun) -> Void = { _ in }
    /// One-line messages for the terminal.
    public var log: (String) -> Void = { _ in }

    private let settings: Settings
    private let hub = PreviewHub()
    private let watcher: FileWatcher
    private let cache: SnapshotCache
    private var server: PreviewServer?
    /// Each cell's latest outputs by label, shown (marked) while it waits to run again.
    private var shown: [String: RunResult.CellResult] = [:]
    /// The data files the latest run read: watched even while the notebook fails to check, so
    /// that bringing back a vanished file runs it again.
    private var dataFiles: Set<String> = []
    /// The page last shown, to show again, marked stale, when the notebook stops checking.
    private var lastPage: Page?
    private let stopLock = NSLock()
    private var stopRequested = false

    public init(_ settings: Settings) throws {
        self.settings = settings
        watcher = try FileWatcher()
        cache = SnapshotCache(version: settings.version, byteLimit: settings.snapshotLimit)
    }

    private var name: String { settings.notebook.deletingPathExtension().lastPathComponent }
    private var folder: URL { settings.notebook.deletingLastPathComponent() }
    private var pageFolder: URL { settings.out ?? folder }
    private var pageURL: URL { pageFolder.appendingPathComponent(name + ".md") }

    /// Starts serving and returns the port; the page says the notebook is about to run.
    public func listen(host: String, port: UInt16) throws(PreviewServer.StartError) -> UInt16 {
        hub.publish(title: name, status: PreviewPage.status("Running \(settings.notebook.lastPathComponent)…", kind: "running"), blocks: [])
        let server = try PreviewServer(host: host, port: port, hub: hub)
        let bound = try server.start()
        self.server = server
        return bound
    }

    /// Runs, then runs again after every change, until `stop()`.
    public func serve() {
        while !isStopping {
            let seen = watcher.count
            runOnce(changesSeen: seen)
            guard watcher.wait(after: seen) else { break }
            // Editors often write in several steps (truncate, write, rename): let them finish.
            Thread.sleep(forTimeInterval: 0.03)
        }
        server?.stop()
    }

    /// Ends `serve()` at the next step of the run under way.
    public func stop() {
        stopLock.withLock { stopRequested = true }
        watcher.stop()
    }

    private var isStopping: Bool { stopLock.withLock { stopRequested } }

    /// Reads, checks and runs the notebook once; a save during the run cancels it at the next
    /// step (the loop then starts again from the first changed cell).
    private func runOnce(changesSeen seen: Int) {
        let path = settings.notebook.path
        watcher.watch(dataFiles.union([path]))
        let source: String
        do {
            guard let text = String(data: try DataFile.contents(of: settings.notebook, path: path, memory: settings.memory), encoding: .utf8) else {
                return showProblem("\(settings.notebook.lastPathComponent) is not UTF-8 text; the outputs below are from the last good run.", detail: nil)
            }
            source = text
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            return showProblem(
                missing ? "\(settings.notebook.lastPathComponent) was deleted or moved away; the page shows the last run, and updates when the file is back."
                    : "\(settings.notebook.lastPathComponent) cannot be read (permission denied or not a file).", detail: nil)
        }
        let registry = { (notebook: Notebook) in self.settings.plugins.registry(checking: notebook, folder: self.folder) }
        let plan: Plan
        switch NotebookPreparation.plan(text: source, path: path, folder: folder, overrides: settings.overrides, memory: settings.memory, registry: registry) {
        case .success(let checked): plan = checked
        case .failure(.notebook(let list, _)), .failure(.parameters(let list, _)):
            let printer = DiagnosticPrinter(path: path, lines: NotebookParser.splitLines(source))
            let count = list.diagnostics.count
            log("\(count) error\(count == 1 ? "" : "s") in \(settings.notebook.lastPathComponent); the page keeps the last good outputs")
            return showProblem("\(count) error\(count == 1 ? "" : "s") in \(settings.notebook.lastPathComponent): nothing was run; the outputs below are from the last good run.", detail: printer.format(list.diagnostics))
        }
        run(plan, source: source, changesSeen: seen)
    }

    private func run(_ plan: Plan, source: String, changesSeen seen: Int) {
        let started = Date()
        var finished: [RunResult.CellResult] = []
        var terminal = TerminalText()
        var runningLabel = ""
        let count = plan.cells.count
        let watcher = self.watcher
        let progress = ProgressPrinter(write: { [hub] text in
            terminal.write(text)
            hub.progress(block: "cell-" + runningLabel, text: terminal.text)
        }, isTerminal: true, colour: false)
        let state = RunState(
            folder: folder, seed: plan.notebook.frontMatter.seed, precision: plan.notebook.frontMatter.precision,
            observer: progress, shouldStop: { [self] in watcher.count != seen || isStopping }, memory: settings.memory)
        var interpreter = Interpreter()
        interpreter.cellWillRun = { [self] cell, _ in
            runningLabel = cell.label
            terminal = TerminalText()
            progress.cellWillRun(cell, count)
            show(plan, finished: finished, running: cell.label, status: PreviewPage.status("Running cell \(cell.number) of \(count) (\(cell.label))…", kind: "running"))
        }
        interpreter.cellDidRun = { [self] result, _ in
            finished.append(result)
            shown[result.cell.label] = result
        }
        let result = interpreter.run(plan, state: state, cache: cache)
        if result.status == .interrupted, watcher.count != seen || isStopping { return }

        // The data files are known only now: watch them before showing the result, and count
        // a change made while the run read them (a file deleted or saved before its watch
        // began sends no event) as a change, so that the page is never left up to date with
        // data that are gone.
        dataFiles = Set(state.inputFiles)
        watcher.watch(dataFiles.union([settings.notebook.path]))
        if !state.inputs.allSatisfy({ $0.isCurrent(tables: plan.notebook.tables) }) { watcher.noteMissedChange() }

        let page = Page(run: result, assetsFolder: name + ".assets")
        var status = summary(result, seconds: Date().timeIntervalSince(started))
        do {
            try PageWriter().write(MarkdownRenderer.render(page), to: pageURL, assetsURL: pageFolder.appendingPathComponent(name + ".assets"))
        } catch {
            status = PreviewPage.status("The page could not be written: \(error)", kind: "error")
        }
        lastPage = page
        hub.publish(title: page.title ?? name, status: status, blocks: PreviewPage.blocks(page, states: [:]))
        runDidComplete(CompletedRun(result: result, page: page, source: source, started: started, pageURL: pageURL))
    }

    /// The page while a run is under way: the cells done so far, the others with their last
    /// outputs (waiting) or none.
    private func show(_ plan: Plan, finished: [RunResult.CellResult], running: String?, status: String) {
        var cells = finished
        var states: [String: BlockState] = [:]
        for planned in plan.cells.dropFirst(finished.count) {
            let label = planned.cell.label
            states[label] = label == running ? .running : .pending
            let earlier = shown[label]
            cells.append(RunResult.CellResult(cell: planned.cell, commandOutputs: earlier?.commandOutputs ?? [], error: earlier?.error, seconds: 0, ran: true))
        }
        let partial = RunResult(notebook: plan.notebook, parameters: plan.parameters, cells: cells, status: .succeeded)
        let page = Page(run: partial, assetsFolder: name + ".assets")
        lastPage = page
        hub.publish(title: page.title ?? name, status: status, blocks: PreviewPage.blocks(page, states: states))
    }

    /// A problem that stops the run before it starts: the status says it, every cell keeps its
    /// last outputs, marked stale.
    private func showProblem(_ message: String, detail: String?) {
        let status = PreviewPage.status(message, kind: "error", detail: detail)
        guard let page = lastPage else { return hub.publish(status: status) }
        var stale: [String: BlockState] = [:]
        for case .cell(let cell) in page.blocks { stale[cell.label] = .stale }
        hub.publish(title: page.title ?? name, status: status, blocks: PreviewPage.blocks(page, states: stale))
    }

    /// The status after a run: how it ended, what was reused, what the cache had to drop.
    private func summary(_ result: RunResult, seconds: Double) -> String {
        let reused = result.cells.filter(\.reused).count
        let ran = result.cells.filter { $0.ran && !$0.reused }.count
        var message = String(format: "%d cell%@ ran in %.2f s", ran, ran == 1 ? "" : "s", seconds)
        if reused > 0 { message += ", \(reused) came from the last run unchanged" }
        message += "; wrote \(pageURL.lastPathComponent)."
        if cache.droppedStates > 0 {
            message += " To stay under \(settings.snapshotLimit >> 20) MB, the states after \(cache.droppedStates) older cell\(cache.droppedStates == 1 ? "" : "s") were dropped: an edit before them runs from the start."
        }
        guard let failure = result.failure else { return PreviewPage.status("Up to date: " + message, kind: "done") }
        let printer = DiagnosticPrinter(notebook: result.notebook)
        return PreviewPage.status("Cell \(failure.cell.number) failed and the cells after it did not run: " + message, kind: "error", detail: printer.format(failure.diagnostic))
    }
}
