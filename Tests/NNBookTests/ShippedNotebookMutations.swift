// Single mistakes made mechanically in a shipped notebook's commands and inline tables, the
// slips a learner makes (a letter dropped, a capital, a zero, a unit more, a list left open, one
// option's word given to another), each replacing one line: the material for checking that two
// independent mistakes are both reported.

import Foundation
@testable import NNBook
import NNCore

/// The mistakes made in one shipped notebook, and which two of them depend on each other.
struct ShippedNotebookMutations {
    /// One line of the notebook changed into a likely mistake.
    struct Mutation: CustomStringConvertible {
        /// The index of the changed line (0-based) and what it now says.
        let line: Int
        let replacement: String
        /// The command the line belongs to (a layer line belongs to its `model`), or the table.
        let command: Int
        /// The names whose meaning the mistake changes: a misspelt name (where it is defined
        /// or used), or every name of a command whose own word is misspelt.
        let brokenNames: Set<String>
        /// The model whose own lines (`model` with its layers, `compile`) the mistake is in.
        let builds: String?

        var description: String { "line \(line + 1): \(replacement.trimmingCharacters(in: .whitespaces))" }
    }

    let lines: [String]
    let all: [Mutation]
    /// The data set and model names each command mentions (a split counts for its data set).
    private let names: [Int: Set<String>]
    /// The command each line of a cell belongs to, by line number (from 1).
    private let commands: [Int: Int]
    /// The names of each command that gives one name facts of another: `train m on d` (m
    /// learns d's columns), `explain`, `take d 10 as e`, `model b like a`.
    private let flows: [Set<String>]

    /// The mistakes of the notebook `text`, whose data files are read from `folder` (the
    /// columns a `load` line names).
    init(of text: String, folder: URL) {
        lines = text.components(separatedBy: "\n")
        let defined = ShippedNotebookMutations.definedNames(in: lines)
        let mentions = ShippedNotebookMutations.mentions(of: defined, in: lines)
        var mutations: [Mutation] = []
        var names: [Int: Set<String>] = [:]
        var fence: String?
        var command = -1
        var builds: String?
        var flows: [Set<String>] = []
        var commands: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("```") {
                fence = fence == nil ? String(line.dropFirst(3).prefix { $0 != " " }) : nil
                command += 1
                continue
            }
            guard let language = fence, !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            if language == "csv" {
                mutations += ShippedNotebookMutations.tableRow(line, at: index, command: command, lines: lines)
                continue
            }
            guard language == "nnbook" else { continue }
            let indented = line.hasPrefix(" ")
            let indent = String(line.prefix { $0 == " " })
            let tokens = line.dropFirst(indent.count).components(separatedBy: " ")
            if !indented {
                command += 1
                builds = ["model", "compile"].contains(tokens[0]) && tokens.count > 1 ? tokens[1] : nil
            }
            commands[index + 1] = command
            let mentioned = Set(tokens.map { String($0.split(separator: ".", maxSplits: 1).first ?? "") }.filter(defined.contains))
            names[command, default: []].formUnion(mentioned)
            if ["train", "explain", "take"].contains(tokens[0]) || tokens.contains("like") { flows.append(mentioned) }
            // A load line's column that is as close to another column as to the one meant
            // (`xr` for xor, beside x1 and x2) is not read as either: the data is then unknown.
            let columns = tokens[0] == "load" ? ShippedNotebookMutations.columns(loadedBy: tokens, lines: lines, folder: folder) : nil
            let command = command, builds = builds
            func make(_ position: Int, _ token: String, breaking broken: Set<String> = []) -> Mutation {
                var changed = tokens
                changed[position] = token
                return Mutation(line: index, replacement: indent + changed.joined(separator: " "), command: command, brokenNames: broken, builds: builds)
            }
            for (position, token) in tokens.enumerated() {
                if position == 0 {
                    let mentioned = Set(tokens.filter(defined.contains))
                    if !indented { mutations.append(make(0, ShippedNotebookMutations.dropped(token), breaking: mentioned)) }
                    continue
                }
                // A slip in the name a line defines, which two lines after it or more spell right,
                // is read as their name: it breaks nothing.
                let defines = (tokens[0] == "model" && position == 1) || tokens[position - 1] == "as"
                if defines, mentions[token, default: 0] >= 3 {
                    mutations += ShippedNotebookMutations.variants(of: token, defined: defined).map { make(position, $0.token) }
                    continue
                }
                for variant in ShippedNotebookMutations.variants(of: token, defined: defined) {
                    let guessed = columns.map { ShippedNotebookMutations.isAmbiguousColumn(variant.token, for: token, among: $0) } ?? false
                    mutations.append(make(position, variant.token, breaking: (guessed ? mentioned : []).union(variant.breaks.map { [$0] } ?? [])))
                }
            }
            // A word of another option of the line (`loss=sgd`), close to nothing this one takes.
            let words = tokens.indices.dropFirst().compactMap { position in ShippedNotebookMutations.wordOption(tokens[position]).map { (position, $0) } }
            for (own, other) in zip(words, words.dropFirst() + words.prefix(1)) where words.count > 1 {
                mutations.append(make(own.0, own.1.name + "=" + other.1.value))
            }
        }
        all = mutations
        self.names = names
        self.flows = flows
        self.commands = commands
    }

    /// The notebook with `mutations` made.
    func text(with mutations: Mutation...) -> String {
        var changed = lines
        for mutation in mutations { changed[mutation.line] = mutation.replacement }
        return changed.joined(separator: "\n")
    }

    /// Whether one of two mistakes may rightly hide the other or change its words, by two rules;
    /// each comes with the line its error is reported at alone. A mistake that misspells a name
    /// (or its command's word), or a `target=` column of a `load` line that is as close to
    /// another column as to the one meant (read as neither), leaves what that name holds unknown: the other
    /// depends on it when its command, or the command its error is reported at, mentions that
    /// name or a name that takes facts from it (`train m on d` gives `m` the columns of `d`).
    /// And the lines that make one model, its layers and its `compile` line, are checked
    /// against each other (the loss against the last layer's activation and units): a change
    /// of one can make the other right or wrong.
    func dependent(_ first: Mutation, reportedAt firstLine: Int?, _ second: Mutation, reportedAt secondLine: Int?) -> Bool {
        if let model = first.builds, model == second.builds { return true }
        return !first.brokenNames.isDisjoint(with: reach(of: second, reportedAt: secondLine))
            || !second.brokenNames.isDisjoint(with: reach(of: first, reportedAt: firstLine))
    }

    /// The names that `mutation`'s command and the command its error is reported at mention,
    /// and those they take facts from or give them to.
    private func reach(of mutation: Mutation, reportedAt line: Int?) -> Set<String> {
        let own = [mutation.command, line.flatMap { commands[$0] }].compactMap { $0 }.reduce(into: Set<String>()) { $0.formUnion(names[$1] ?? []) }
        return flows.filter { !$0.isDisjoint(with: own) }.reduce(own) { $0.union($1) }
    }

    /// An option whose value is a word (`loss=mse`), as its name and value.
    private static func wordOption(_ token: String) -> (name: String, value: String)? {
        guard let equals = token.firstIndex(of: "=") else { return nil }
        let value = String(token[token.index(after: equals)...])
        guard value.count > 2, value.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) else { return nil }
        return (String(token[..<equals]), value)
    }

    /// The columns of the table a `load csv` or `load inline` line reads: the CSV file's first
    /// line, or the inline table's.
    private static func columns(loadedBy tokens: [String], lines: [String], folder: URL) -> [String]? {
        guard tokens.count > 2 else { return nil }
        let header: String?
        switch tokens[1] {
        case "csv":
            let path = tokens[2].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            header = (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))?.components(separatedBy: "\n").first
        case "inline":
            header = lines.firstIndex(of: "```csv name=\(tokens[2])").map { lines[$0 + 1] }
        default:
            header = nil
        }
        return header?.components(separatedBy: ",")
    }

    /// Whether `token`, a slip of `original`'s `target=` column, is as close to another column
    /// as to the one meant.
    private static func isAmbiguousColumn(_ token: String, for original: String, among columns: [String]) -> Bool {
        guard original.hasPrefix("target="), token.hasPrefix("target="), token != original else { return false }
        return Suggestions.onlyClosest(to: String(token.dropFirst(7)), in: columns) != String(original.dropFirst(7))
    }

    /// The names a `model` line or an `as NAME` defines.
    private static func definedNames(in lines: [String]) -> Set<String> {
        var names: Set<String> = []
        for line in lines {
            let tokens = line.components(separatedBy: " ")
            if tokens.first == "model", tokens.count > 1 { names.insert(tokens[1]) }
            if let position = tokens.firstIndex(of: "as"), position + 1 < tokens.count { names.insert(tokens[position + 1]) }
        }
        return names
    }

    /// How many lines of `nnbook` cells name each of `names`.
    private static func mentions(of names: Set<String>, in lines: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var inCell = false
        for line in lines {
            if line.hasPrefix("```") { inCell = !inCell && line.hasPrefix("```nnbook") }
            guard inCell else { continue }
            let words = Set(line.components(separatedBy: " ").map { String($0.split(separator: ".", maxSplits: 1).first ?? "") })
            for name in words.intersection(names) { counts[name, default: 0] += 1 }
        }
        return counts
    }

    /// The mistakes a learner makes in one word of a command, with the name each one breaks.
    private static func variants(of token: String, defined: Set<String>) -> [(token: String, breaks: String?)] {
        if token.hasPrefix("\"") || token.hasPrefix("$") || ["on", "as", "within", "and"].contains(token) { return [] }
        if let equals = token.firstIndex(of: "=") {
            let name = String(token[..<equals]), value = String(token[token.index(after: equals)...])
            var found: [(String, String?)] = name.count > 3 ? [(dropped(name) + "=" + value, nil)] : []
            if value.hasPrefix("$") || value.hasPrefix("\"") { return found }
            if let number = Double(value) {
                if number != 0 { found.append((name + "=0", nil)) }
                if number > 0 { found.append((name + "=-" + value, nil)) }
            } else if value.hasPrefix("["), value.hasSuffix("]"), !value.contains(","), value.count > 4 {
                found.append((name + "=[" + dropped(String(value.dropFirst().dropLast())) + "]", nil))
                found.append((String(token.dropLast()), nil))
            } else if value.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }), value.count > 2 {
                found.append((name + "=" + dropped(value), nil))
                if value.uppercased() != value { found.append((name + "=" + value.uppercased(), nil)) }
                // Another loss or activation of the course: a kind mistake, not a spelling one.
                for group in [Losses.names, Activations.names] where group.contains(value) {
                    found += group.filter { $0 != value }.map { (name + "=" + $0, nil) }
                }
            }
            return found
        }
        if let number = Int(token) { return [(String(number + 1), nil), ("1e3", nil)] }
        if Double(token) != nil { return [] }
        let parts = token.split(separator: ".", maxSplits: 1).map(String.init)
        if defined.contains(parts[0]) {
            return [(dropped(parts[0]) + (parts.count == 2 ? "." + parts[1] : ""), parts[0])]
                + (parts.count == 2 ? [(parts[0] + "." + dropped(parts[1]), nil)] : [])
        }
        return token.count > 2 && token.allSatisfy({ $0.isLetter || $0 == "_" }) ? [(dropped(token), nil)] : []
    }

    /// A table's first row of data with a class it did not have: its last field two more.
    private static func tableRow(_ line: String, at index: Int, command: Int, lines: [String]) -> [Mutation] {
        guard lines[index - 2].hasPrefix("```"), var fields = Optional(line.components(separatedBy: ",")),
            let last = fields.last.flatMap({ Int($0) })
        else { return [] }
        fields[fields.count - 1] = String(last + 2)
        return [Mutation(line: index, replacement: fields.joined(separator: ","), command: command, brokenNames: [], builds: nil)]
    }

    /// `word` with a letter dropped from its middle: `sigmoid` → `sigmid`.
    private static func dropped(_ word: String) -> String {
        var characters = Array(word)
        characters.remove(at: characters.count / 2)
        return String(characters)
    }
}
