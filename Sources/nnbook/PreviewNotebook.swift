// `nnbook preview FILE`: serve the notebook's page in the browser and keep it in step with
// every save, re-running only from the first cell that changed.

import ArgumentParser
import Dispatch
import Foundation
import NNBook
import NNBookPreview

struct PreviewNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve a notebook's page in the browser and update it live as the notebook or its data change.",
        discussion: """
            Runs the notebook and serves its page at http://127.0.0.1:PORT/ until Ctrl-C. Each
            save (or a change to a data file the notebook reads) runs it again from the first cell
            that changed: the cells before it keep their outputs and state without running. Open
            pages update in place. NAME.md is written after every completed run, as `nnbook run`
            writes it; runs are recorded in history only with --record.
            """)

    @Argument(help: "The notebook to preview.")
    var file: String

    @Option(name: .customShort("p"), help: ArgumentHelp("Override a parameter declared in the front matter.", valueName: "name=value"))
    var parameters: [String] = []

    // Unconditional parsing takes `-1` as the value it is, so that `validate()` can say what
    // is wrong with it instead of "missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("The port to serve on; 0 picks a free one.", valueName: "port"))
    var port: Int = 8000

    @Option(help: ArgumentHelp("The IPv4 address (or localhost) to serve on. The default, 127.0.0.1, lets no other machine connect.", valueName: "address"))
    var host = "127.0.0.1"

    @Flag(help: "Open the page in the default browser once the server listens.")
    var open = false

    @Flag(help: "Record each completed run in history, as `nnbook run` does.")
    var record = false

    @Option(help: ArgumentHelp("Write the page into this folder instead of beside the notebook.", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("snapshot-memory"), help: ArgumentHelp("The most memory (in MB) kept for the states of earlier cells.", valueName: "MB"))
    var snapshotMegabytes = 1024

    @OptionGroup var plugins: PluginOptions

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard snapshotMegabytes > 0 else { throw ValidationError("--snapshot-memory must be a positive number of MB") }
    }

    func run() throws {
        // A notebook that cannot be read at the start is a mistake in the command, as for
        // `nnbook run`; one deleted while serving is an edit, shown in the page.
        let readable = NotebookFile(path: file)
        if let refusal = readable.notANotebook() { throw refusal }
        do { _ = try readable.contents(memory: memory.limit) } catch { throw readable.cannotRead(error) }
        let notebook = URL(fileURLWithPath: file).standardizedFileURL
        let overrides = try parseOverrides(parameters)
        try checkOverrides(notebook, overrides)
        let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? notebook.deletingLastPathComponent()
        try NotebookRunner.checkReplaceable(
            folder.appendingPathComponent(notebook.deletingPathExtension().lastPathComponent + ".md"), format: .markdown, file: file, nothing: "nothing was served")
        let session: PreviewSession
        do {
            session = try PreviewSession(.init(
                notebook: notebook, overrides: overrides, plugins: plugins.setup, memory: memory.limit,
                snapshotLimit: snapshotMegabytes << 20, version: NNBookCLI.version, out: out.map { URL(fileURLWithPath: $0, isDirectory: true) }))
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(NNBookExit.notebookFailed)
        }
        session.log = { Console.error("nnbook preview: " + $0) }
        if record {
            session.runDidComplete = { run in
                do {
                    let seconds = Date().timeIntervalSince(run.started)
                    if let recorded = try NotebookRunner.record(
                        run.result, page: run.page, source: run.source, started: run.started, seconds: seconds,
                        name: notebook.deletingPathExtension().lastPathComponent, notebook: notebook)
                    {
                        Console.error("nnbook preview: " + recorded.message)
                    }
                } catch {
                    Console.error("nnbook preview: the run could not be recorded: \(NotebookRunner.describe(recordFailure: error))")
                }
            }
        }
        let bound: UInt16
        do {
            bound = try session.listen(host: host, port: UInt16(port))
        } catch {
            Console.error("error: cannot serve on \(host):\(port): \(error.description)")
            if let hint = error.hint { Console.error("hint: " + hint) }
            throw ExitCode(NNBookExit.usage)
        }
        let address = "http://\(host):\(bound)/"
        let reach = host.hasPrefix("127.") || host == "localhost" ? "on the loopback address only: other machines cannot connect" : "on \(host): other machines on this network can read the page"
        Console.error("nnbook preview: serving \(Console.display(notebook)) at \(address) (\(reach)); Ctrl-C stops")
        if open { openBrowser(address) }
        let signals = stopOnSignals(session)
        session.serve()
        signals.forEach { $0.cancel() }
        Console.error("nnbook preview: stopped")
    }

    /// A `-p` that names no parameter, or gives a value of the wrong type, is a usage error:
    /// said at once, exit 2. Everything else the notebook gets wrong shows in the page.
    private func checkOverrides(_ notebook: URL, _ overrides: [(name: String, value: String)]) throws {
        guard !overrides.isEmpty, let data = FileManager.default.contents(atPath: notebook.path), let text = String(data: data, encoding: .utf8),
            case .success(let parsed) = NotebookParser.parse(text, path: file),
            case .failure(let list) = ParameterBinding.resolve(parsed.frontMatter, overrides: overrides)
        else { return }
        Console.error(DiagnosticPrinter(notebook: parsed).format(list.diagnostics))
        throw ExitCode(NNBookExit.usage)
    }

    /// Ctrl-C and SIGTERM end the preview: the run under way stops at its next step and the
    /// server closes; the page on disk is whatever the last completed run wrote.
    private func stopOnSignals(_ session: PreviewSession) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { session.stop() }
            source.resume()
            return source
        }
    }

    /// Asks the desktop to open the page; a machine without one says so and goes on serving.
    private func openBrowser(_ address: String) {
        let opener = Process()
        #if os(macOS)
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        #endif
        opener.arguments = [address]
        do {
            try opener.run()
        } catch {
            Console.error("nnbook preview: could not open a browser (\(opener.executableURL!.path) failed); open \(address) yourself")
        }
    }
}
