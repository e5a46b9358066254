// Single mistakes made mechanically in a shipped notebook's commands and inline tables, the
// slips a learner makes (a letter dropped, a capital, a zero, a unit more), each replacing one
// line: the material for checking that two independent mistakes are both reported.

import Foundation
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

    init(of text: String) {
        lines = text.components(separatedBy: "\n")
        let defined = ShippedNotebookMutations.definedNames(in: lines)
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
            // A load line that cannot be read (a column or table it lacks) leaves its data unknown.
            let loads = tokens[0] == "load" ? mentioned : []
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
                for variant in ShippedNotebookMutations.variants(of: token, defined: defined) {
                    mutations.append(make(position, variant.token, breaking: loads.union(variant.breaks.map { [$0] } ?? [])))
                }
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
    /// (or its command's word), or any mistake of a `load` line (whose data is not read when a
    /// column or table it names is wrong), leaves what that name holds unknown: the other
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
