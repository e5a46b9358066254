// Which external plugins may run: a notebook is data, and running it must not silently run
// programs. Trust binds to a program file and its contents, never to a name alone, so that a
// notebook cannot borrow a trusted name by shipping a program of that name.

import Foundation
import NNData

/// The external programs the user allowed: for one run by `--allow-plugin NAME` (the program
/// the name resolves to, unless the user allowed another program of that name for good) or
/// `--allow-plugin PATH` (that very file), or for good as lines `NAME sha256:DIGEST PATH` in
/// `$XDG_CONFIG_HOME/nnbook/trusted-plugins` (`$HOME/.config/nnbook/trusted-plugins` by
/// default), which `nnbook plugins --trust NAME` writes. Built-in plugins need no permission.
public struct PluginTrust: Sendable {
    /// One program allowed for good: its resolved path and the SHA-256 of its bytes then.
    public struct Grant: Equatable, Sendable {
        public let name: String
        public let path: String
        public let digest: String

        public init(name: String, path: String, digest: String) {
            self.name = name
            self.path = path
            self.digest = digest
        }

        /// The grant for the program at `executable` as it is now.
        public static func of(name: String, executable: URL) throws -> Grant {
            let resolved = executable.resolvingSymlinksInPath()
            return Grant(name: name, path: resolved.path, digest: SHA256.hex(of: try Data(contentsOf: resolved)))
        }

        var line: String { "\(name) sha256:\(digest) \(path)" }
    }

    /// Whether a program found under a plugin's name may run, and if not, why.
    public enum Decision: Equatable, Sendable {
        case allowed
        case refused(Refusal)
    }

    /// A program that may not run: which file, why, and how to allow it.
    public struct Refusal: Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// Neither `--allow-plugin` nor the trusted-plugins file allows it.
            case notAllowed
            /// The file allowed in `config` has other contents now.
            case changed(config: String)
            /// `config` allows another program under the same name.
            case otherProgram(config: String, allowed: String)
            /// `config` lists the name alone, as nnbooks before trust bound to files wrote it.
            case nameOnly(config: String)
            /// `--allow-plugin NAME` was given, but a line of `config` that starts with this name
            /// cannot be read: it may allow another program of the name, which the user meant.
            case unreadableGrant(config: String, line: Int)
            /// `--allow-plugin NAME` was given, but `config` allows another program of that
            /// name: the user meant that one, and this one (a notebook's own, say) takes its
            /// place in the search.
            case nameMeansAnother(config: String, allowed: String)
            /// `--allow-plugin NAME` was given, nothing trusts a program of that name, and this
            /// one, from the notebook's own plugin folders, would take the place of the program
            /// installed under that name (beside nnbook or on PATH), which the user meant.
            case shadowsInstalled(installed: String)
        }

        public let name: String
        /// The program's resolved path.
        public let path: String
        public let reason: Reason

        /// Why, in a clause that follows "was refused: ".
        public var why: String {
            switch reason {
            case .notAllowed: "nothing allows it (neither --allow-plugin \(name) nor the trusted-plugins file)"
            case .changed(let config): "its contents changed since it was allowed in \(config)"
            case .otherProgram(let config, let allowed): "\(config) allows another program under that name, \(allowed)"
            case .nameOnly(let config): "\(config) names '\(name)' without its program, which allows nothing"
            case .unreadableGrant(let config, let line): "line \(line) of \(config), which names '\(name)', is not UTF-8 text, so --allow-plugin \(name) cannot tell which program of that name you allowed"
            case .nameMeansAnother(let config, let allowed): "--allow-plugin \(name) allows the program \(config) has under that name, \(allowed), not this one"
            case .shadowsInstalled(let installed): "--allow-plugin \(name) allows the program installed under that name, \(installed), not this one that the notebook ships"
            }
        }

        /// The commands that allow it, for a hint.
        public var howToAllow: String {
            switch reason {
            // --allow-plugin NAME would mean the program the name already stands for, not this one.
            case .otherProgram, .nameMeansAnother, .shadowsInstalled, .unreadableGrant: return "to run this very file, allow it by its path: --allow-plugin \(path)"
            default: break
            }
            let how = "allow it for one run with --allow-plugin \(name), or for good with `nnbook plugins --trust \(name)`"
            if case .changed = reason { return "if the change is yours, " + how }
            return how
        }

        public var description: String {
            switch reason {
            case .notAllowed: "\(path) is not allowed to run; \(howToAllow)"
            case .changed(let config): "\(path) changed since it was allowed in \(config); \(howToAllow)"
            case .otherProgram(let config, let allowed): "\(path) is not the program allowed under that name (\(config) allows \(allowed)); \(howToAllow)"
            case .nameOnly(let config): "\(config) names '\(name)' without its program, which allows nothing; \(howToAllow)"
            case .unreadableGrant(let config, let line): "\(path) may not run by --allow-plugin \(name): line \(line) of \(config), which names '\(name)', is not UTF-8 text, so which program of that name you allowed cannot be told; \(howToAllow)"
            case .nameMeansAnother(let config, let allowed): "\(path) is not the program --allow-plugin \(name) allows (\(config) allows \(allowed) under that name); \(howToAllow)"
            case .shadowsInstalled(let installed): "\(path) is not the program --allow-plugin \(name) allows (\(installed) is installed under that name); \(howToAllow)"
            }
        }
    }

    /// Names allowed on the command line for this run.
    public let names: Set<String>
    /// Programs allowed on the command line for this run by their resolved paths.
    public let paths: Set<String>
    public let grants: [Grant]
    /// Names the file lists without a program (the format before trust bound to files): they
    /// allow nothing, but the refusal says how to record them.
    public let bareNames: Set<String>
    /// The lines of the file that are not UTF-8 text: they allow nothing, and a name they start
    /// with (when that much reads) is allowed by `--allow-plugin NAME` no more, since the line
    /// may say which program of the name the user meant.
    public let unreadableLines: [UnreadableLine]
    public let configFile: URL

    /// A line of the trusted-plugins file that is not UTF-8 text.
    public struct UnreadableLine: Equatable, Sendable {
        public let line: Int
        /// The column (in characters) of the first byte that is not UTF-8.
        public let column: Int
        /// The name the line starts with, when that much is UTF-8.
        public let name: String?
    }

    public init(
        names: Set<String>, paths: Set<String> = [], grants: [Grant] = [], bareNames: Set<String> = [], unreadableLines: [UnreadableLine] = [],
        configFile: URL = PluginTrust.configFile()
    ) {
        self.names = names
        self.paths = paths
        self.grants = grants
        self.bareNames = bareNames
        self.unreadableLines = unreadableLines
        self.configFile = configFile
    }

    /// A warning for each line of the file that is not UTF-8 text, `file:line:col: warning:`,
    /// so that trust a user recorded is never lost without a word.
    public var warnings: [String] {
        unreadableLines.map { bad in
            "\(configFile.path):\(bad.line):\(bad.column): warning: this line of the trusted-plugins file is not UTF-8 text, so it allows no plugin"
                + (bad.name.map { " (and --allow-plugin \($0.excerpt()) allows only a program given by its path)" } ?? "")
                + "\nhint: write the line again in UTF-8, or delete it and trust the plugin again with `nnbook plugins --trust NAME`; the other lines still count, and --trust keeps this one as it is"
        }
    }

    /// The per-user file of trusted plugins: `$XDG_CONFIG_HOME`, then `$HOME/.config`.
    public static func configFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0).appendingPathComponent(".config") : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return base.appendingPathComponent("nnbook/trusted-plugins")
    }

    /// The names and paths allowed on the command line (a value with a `/` is a path, relative
    /// to the current folder) and the programs recorded in the config file.
    /// A line that is not UTF-8 text is left out and listed in `unreadableLines`: one stray
    /// byte never voids the other lines.
    public static func load(commandLine: [String], config: URL = configFile()) -> PluginTrust {
        let data = (try? Data(contentsOf: config)) ?? Data()
        var grants: [Grant] = [], bare: Set<String> = [], unreadable: [UnreadableLine] = []
        for (index, bytes) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard let line = String(validating: bytes, as: UTF8.self) else {
                // The name is known when the line's first field ends before the bad byte.
                let readable = String(decoding: bytes.prefix(PluginTrust.validUTF8Prefix(bytes)), as: UTF8.self)
                let head = readable.drop { $0 == " " || $0 == "\t" }
                let name = head.firstIndex(of: " ").map { String(head[..<$0]) }
                unreadable.append(UnreadableLine(line: index + 1, column: readable.count + 1, name: name))
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if fields.count == 3, fields[1].hasPrefix("sha256:") {
                grants.append(Grant(name: String(fields[0]), path: String(fields[2]), digest: String(fields[1].dropFirst("sha256:".count))))
            } else {
                bare.insert(String(fields[0]))
            }
        }
        let paths = commandLine.filter { $0.contains("/") }.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        return PluginTrust(
            names: Set(commandLine.filter { !$0.contains("/") }), paths: Set(paths), grants: grants, bareNames: bare, unreadableLines: unreadable, configFile: config)
    }

    /// How many of `bytes`' first bytes are whole UTF-8 characters.
    static func validUTF8Prefix(_ bytes: Data) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var count = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { count += UTF8.width(scalar) }
        return count
    }

    /// Whether the program `executable`, found as the plugin `name`, may run. `installed` is the
    /// program of that name outside the notebook's plugin folders, when `executable` is the
    /// notebook's own and takes its place.
    public func decision(name: String, executable: URL, installed: URL? = nil) -> Decision {
        let path = executable.resolvingSymlinksInPath().path
        if paths.contains(path) { return .allowed }
        let config = configFile.path
        let granted = grants.filter { $0.name == name }
        if names.contains(name) {
            if !granted.contains(where: { $0.path == path }), let bad = unreadableLines.first(where: { $0.name == name }) {
                return .refused(Refusal(name: name, path: path, reason: .unreadableGrant(config: config, line: bad.line)))
            }
            if let other = granted.first, !granted.contains(where: { $0.path == path }) {
                return .refused(Refusal(name: name, path: path, reason: .nameMeansAnother(config: config, allowed: other.path)))
            }
            if granted.isEmpty, let other = installed?.resolvingSymlinksInPath().path, other != path {
                return .refused(Refusal(name: name, path: path, reason: .shadowsInstalled(installed: other)))
            }
            return .allowed
        }
        if let grant = granted.first(where: { $0.path == path }) {
            guard let now = try? Grant.of(name: name, executable: executable), now.digest == grant.digest else {
                return .refused(Refusal(name: name, path: path, reason: .changed(config: config)))
            }
            return .allowed
        }
        if let other = granted.first {
            return .refused(Refusal(name: name, path: path, reason: .otherProgram(config: config, allowed: other.path)))
        }
        return .refused(Refusal(name: name, path: path, reason: bareNames.contains(name) ? .nameOnly(config: config) : .notAllowed))
    }

    /// Records `grant` in `config`, replacing any earlier grant of the same name; the file is
    /// replaced whole through a temporary file. Every other line is kept byte for byte, one
    /// that is not UTF-8 text too.
    public static func record(_ grant: Grant, in config: URL = configFile()) throws {
        let data = (try? Data(contentsOf: config)) ?? Data("# Programs nnbook may run as plugins: NAME sha256:DIGEST PATH (written by `nnbook plugins --trust NAME`)\n".utf8)
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        lines.removeAll { line in
            let first = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
            return first == grant.name
        }
        lines.append(Data(grant.line.utf8))
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (Data(lines.joined(separator: [UInt8(ascii: "\n")])) + Data("\n".utf8)).write(to: config, options: .atomic)
    }
}
