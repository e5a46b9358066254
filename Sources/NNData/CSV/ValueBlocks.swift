// A growing list of numbers kept in blocks of a megabyte, so that growing it never copies it and
// releasing it gives its memory back at once.

import Foundation

/// Values appended one at a time, read back by index, and released from the front.
///
/// An array doubles its storage when it fills and copies into the new one, so for a moment it
/// takes up to three times what it holds; blocks take what they hold plus at most one block. The
/// data set is assembled from the front, releasing each block once it is copied: the values read
/// and the data set made of them then never both exist whole. Each block is mapped from the
/// system directly: the C allocator would keep a freed megabyte for its own reuse, and the
/// process would hold the values twice after all.
struct ValueBlocks<Value: BitwiseCopyable> {
    static var blockLength: Int { Block.bytes / MemoryLayout<Value>.stride }

    /// One megabyte of memory mapped for this list alone, unmapped when released.
    private final class Block {
        static var bytes: Int { 1 << 20 }
        let values: UnsafeMutablePointer<Value>

        init?() {
            guard let memory = mmap(nil, Block.bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), memory != MAP_FAILED else {
                return nil
            }
            values = memory.bindMemory(to: Value.self, capacity: Block.bytes / MemoryLayout<Value>.stride)
        }

        deinit { munmap(values, Block.bytes) }
    }

    private var blocks: [Block?] = []
    private(set) var count = 0
    private var released = 0

    /// The memory the values take.
    var bytes: Int { count * MemoryLayout<Value>.stride }

    /// Adds `value`; false when the system has no memory left for another block.
    mutating func append(_ value: Value) -> Bool {
        if count % Self.blockLength == 0 {
            guard let block = Block() else { return false }
            blocks.append(block)
        }
        (blocks[blocks.count - 1]!.values + count % Self.blockLength).initialize(to: value)
        count += 1
        return true
    }

    subscript(index: Int) -> Value { blocks[index / Self.blockLength]!.values[index % Self.blockLength] }

    /// Frees the blocks that hold only values before `index`, which must not be read again.
    mutating func release(before index: Int) {
        while released < min(index / Self.blockLength, blocks.count) {
            blocks[released] = nil
            released += 1
        }
    }
}
