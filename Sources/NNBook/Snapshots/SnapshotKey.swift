// What identifies a cell's result: everything the cell depends on, hashed in a chain.

/// A 64-bit FNV-1a hash of the cell's commands after parameter substitution and the check's
/// notes about them (a later `split` adds one under an earlier `scale`), chained with the
/// key of the cell before (which stands for the whole state it left) and, at the root,
/// nnbook's version, the seed and the precision. Files the cell read are not in the key: they
/// are known only once it has run, so each stored result keeps the fingerprints of every file
/// read up to it and is checked against them (as `make` checks a target's prerequisites).
public struct SnapshotKey: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt64

    /// The keys of every cell of `plan`, in order.
    public static func chain(_ plan: Plan, version: String) -> [SnapshotKey] {
        let frontMatter = plan.notebook.frontMatter
        var key = SnapshotKey(hashing: "nnbook \(version)\nseed \(frontMatter.seed)\nprecision \(frontMatter.precision)", after: 0xcbf2_9ce4_8422_2325)
        return plan.cells.map { planned in
            let commands = planned.steps.map { step in
                ([describe(step.invocation)] + plan.notes(about: step).map { "note \($0)" }).joined(separator: "\n")
            }.joined(separator: "\n")
            key = SnapshotKey(hashing: "cell \(planned.cell.label)\n" + commands, after: key.value)
            return key
        }
    }

    private init(hashing text: String, after previous: UInt64) {
        var hash = previous
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// A command as it will run: its verb, then every value in name order, then the clauses.
    private static func describe(_ invocation: Invocation) -> String {
        let values = invocation.values.keys.sorted().map { "\($0)=\(invocation.values[$0]!)" }
        let extras = invocation.extraOptions.map { "\($0.name)=\($0.value)" }
        let clauses = invocation.clauses.map { "  " + describe($0) }
        return ([invocation.verb] + values + extras).joined(separator: " ") + clauses.map { "\n" + $0 }.joined()
    }

    public var description: String { String(value, radix: 16) }
}
