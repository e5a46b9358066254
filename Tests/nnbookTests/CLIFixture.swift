// A folder holding a copy of the gradient-descent notebook, and the built nnbook to run in it.

import Foundation

/// Runs the real `nnbook` executable in a fresh temporary folder.
final class CLIFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let goldenPage = repository.appendingPathComponent("Tests/NNBookRenderTests/Golden/gradient-descent.md")

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-cli-\(UUID().uuidString)")
        let notebooks = CLIFixture.repository.appendingPathComponent("Notebooks")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: notebooks.appendingPathComponent("gradient-descent.nnbook"), to: folder.appendingPathComponent("gradient-descent.nnbook"))
        try FileManager.default.copyItem(at: notebooks.appendingPathComponent("data/insurance.csv"), to: folder.appendingPathComponent("data/insurance.csv"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    /// Writes a notebook `name` whose one cell trains a neuron for ten million epochs: it runs
    /// until it is interrupted.
    func writeEndlessTraining(_ name: String) throws {
        try """
            ```nnbook
            load csv "data/insurance.csv" as insurance target=bought_insurance
            model neuron
              dense 1 activation=sigmoid
            compile neuron loss=binary_crossentropy optimizer=sgd rate=0.1
            train neuron on insurance descent=stochastic epochs=10000000
            ```
            """.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// The built `nnbook`, beside the test bundle.
    var executable: URL {
        let beside = Bundle.main.bundleURL.appendingPathComponent("nnbook")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return CLIFixture.repository.appendingPathComponent(".build/debug/nnbook")
    }

    /// Runs `nnbook` with `arguments` in the folder and waits for it.
    func nnbook(_ arguments: String...) throws -> Outcome {
        try nnbookArguments(arguments)
    }

    func nnbookArguments(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try run(executable, arguments, environment: environment)
    }

    /// A `nnbook` started without waiting for it, and what it has said on standard error.
    struct Started {
        let process: Process
        let errors: Pipe
        var said: String

        /// Reads standard error to its end and waits for the process.
        mutating func finish() {
            said += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
        }
    }

    /// Starts `nnbook` and reads its standard error until `text` appears (a minute at most), so
    /// that a test can interrupt it at a known point however slow the machine.
    func start(_ arguments: [String], until text: String, environment: [String: String] = [:]) throws -> Started {
        var started = try start(arguments, environment: environment)
        let deadline = Date().addingTimeInterval(60)
        while !started.said.contains(text), Date() < deadline {
            started.said += String(decoding: started.errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        return started
    }

    /// Starts `nnbook` and waits until `file` exists (a minute at most): for a point that
    /// nnbook does not announce, such as a plugin at work or a page written.
    func start(_ arguments: [String], untilExists file: URL) throws -> Started {
        let started = try start(arguments)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: file.path), Date() < deadline { usleep(5_000) }
        return started
    }

    /// Starts `nnbook` without waiting for anything.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Started {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        return Started(process: process, errors: errors, said: "")
    }

    /// Runs `nnbook` in another folder (a clone, say).
    func nnbookArguments(_ arguments: [String], in folder: URL) throws -> Outcome {
        try run(executable, arguments, in: folder)
    }

    /// Runs `nnbook` in another folder, with `--memory-limit GB` added to the commands that take it.
    func nnbookArguments(_ arguments: [String], in folder: URL, memoryLimit: String) throws -> Outcome {
        let limited = ["run", "render", "check"].contains(arguments.first) && !arguments.contains("--memory-limit") ? arguments + ["--memory-limit", memoryLimit] : arguments
        return try run(executable, limited, in: folder)
    }

    /// Runs a command line with /bin/sh in the folder, the built `nnbook` first on the PATH, as
    /// a scheduler runs the lines `nnbook sweep --print` prints.
    func shell(_ command: String) throws -> Outcome {
        let path = executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: ["PATH": path])
    }

    /// Runs git in the folder.
    func gitArguments(_ arguments: [String]) throws -> String {
        try run(URL(fileURLWithPath: "/usr/bin/git"), arguments).output
    }

    private func run(_ program: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory ?? folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }
}
