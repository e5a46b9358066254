// The results and states of the cells of earlier runs, so that a run after an edit starts at
// the first cell that changed (what the live preview does on every save).

/// Stored cell results by key, each with the files it and the cells before it read and, while
/// memory allows, the state after it.
///
/// A run may skip cells 1…k when every one of them has a stored result under its current key,
/// every file and table they read is unchanged, and cell k still has its state. States are
/// dropped, least recently used first, when together they hold more than `byteLimit` bytes;
/// the outputs (small) stay, so that a later cell's state still makes a full prefix.
public final class SnapshotCache {
    struct Entry {
        /// Each command's outputs.
        let outputs: [[Output]]
        /// What this cell and every cell before it read. The key chains the cells' commands,
        /// not the files they read: a cell stored before a data file changed must not follow
        /// the first cell stored after it (a run stopped part-way by a save leaves exactly
        /// that).
        let inputs: [RunInput]
        var snapshot: StateSnapshot?
        var lastUsed: Int
    }

    /// nnbook's version, the root of every key: a result never outlives the program that made it.
    public let version: String
    public let byteLimit: Int
    /// How many states were dropped to stay under the limit, since the cache was made.
    public private(set) var droppedStates = 0
    private var entries: [SnapshotKey: Entry] = [:]
    private var clock = 0
    /// Results without a state cost little, but a long session edits many times: beyond this
    /// many, the least recently used go.
    private let entryLimit = 512

    public init(version: String, byteLimit: Int = 1 << 30) {
        self.version = version
        self.byteLimit = byteLimit
    }

    /// What a run of `plan` may skip: the outputs of its first cells, the files and tables
    /// they read, and the state after the last of them; or nothing.
    func reusablePrefix(of plan: Plan, keys: [SnapshotKey], limit: Int) -> (outputs: [[[Output]]], inputs: [RunInput], state: StateSnapshot?) {
        clock += 1
        var found: [Entry] = []
        var usable = 0
        for index in 0..<min(limit, keys.count) {
            guard var entry = entries[keys[index]], entry.inputs.allSatisfy({ $0.isCurrent(tables: plan.notebook.tables) }) else { break }
            entry.lastUsed = clock
            entries[keys[index]] = entry
            found.append(entry)
            if entry.snapshot != nil { usable = index + 1 }
        }
        let reused = found.prefix(usable)
        return (reused.map(\.outputs), reused.last?.inputs ?? [], reused.last?.snapshot)
    }

    /// Keeps a cell's result, the inputs read up to it and the state after it, then keeps
    /// memory under the limit.
    func store(_ key: SnapshotKey, outputs: [[Output]], inputs: [RunInput], state: StateSnapshot) {
        clock += 1
        entries[key] = Entry(outputs: outputs, inputs: inputs, snapshot: state, lastUsed: clock)
        if entries.count > entryLimit {
            let oldest = entries.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(entries.count - entryLimit)
            for (key, _) in oldest { entries[key] = nil }
        }
        while heldBytes > byteLimit,
            let oldest = entries.filter({ $0.value.snapshot != nil && $0.key != key }).min(by: { $0.value.lastUsed < $1.value.lastUsed })
        {
            entries[oldest.key]?.snapshot = nil
            droppedStates += 1
        }
    }

    /// The bytes of every array the stored states hold, each shared array once.
    public var heldBytes: Int {
        var buffers: [UnsafeRawPointer: Int] = [:]
        for entry in entries.values {
            guard let snapshot = entry.snapshot else { continue }
            buffers.merge(snapshot.buffers) { first, _ in first }
        }
        return buffers.values.reduce(0, +)
    }

    /// How many cells have a stored result.
    public var count: Int { entries.count }
}
