// A growing list of numbers kept in blocks of a megabyte, so that growing it never copies it.

/// Values appended one at a time, read back by index, and released from the front.
///
/// An array doubles its storage when it fills and copies into the new one, so for a moment it
/// takes up to three times what it holds; blocks take what they hold plus at most one block. The
/// data set is assembled from the front, releasing each block once it is copied: the values read
/// and the data set made of them then never both exist whole.
struct ValueBlocks<Value> {
    static var blockLength: Int { (1 << 20) / MemoryLayout<Value>.stride }

    private var blocks: [[Value]] = []
    private(set) var count = 0
    private var released = 0

    /// The memory the values take.
    var bytes: Int { count * MemoryLayout<Value>.stride }

    mutating func append(_ value: Value) {
        if count % Self.blockLength == 0 {
            blocks.append([])
            blocks[blocks.count - 1].reserveCapacity(Self.blockLength)
        }
        blocks[blocks.count - 1].append(value)
        count += 1
    }

    subscript(index: Int) -> Value { blocks[index / Self.blockLength][index % Self.blockLength] }

    /// Frees the blocks that hold only values before `index`, which must not be read again.
    mutating func release(before index: Int) {
        while released < min(index / Self.blockLength, blocks.count) {
            blocks[released] = []
            released += 1
        }
    }
}
