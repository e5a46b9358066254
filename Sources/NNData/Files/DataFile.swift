// Opening a data file a notebook names: the one place every reader (CSV, IDX, .npy, .npz)
// opens its file, so that only a regular file is ever read. A FIFO, a device or a socket named
// as data would block a reader forever or never end (`/dev/zero`); it is refused at once.

import Foundation
import NNCore

/// A data file opened for reading, known to be a regular file of `size` bytes.
public struct DataFile {
    public let handle: FileHandle
    /// The file as errors name it.
    public let path: String
    /// The file's size when it was opened: what a reader may plan its memory by.
    public let size: Int

    /// Opens `url` (`path` names it in errors). The file is opened without blocking, so that
    /// opening a FIFO with no writer returns at once, and checked with `fstat` on the open
    /// descriptor, so that what is checked is what is read. Symbolic links are followed: data
    /// folders (Debian's data sets, a shared drive) are often links.
    public init(_ url: URL, path: String) throws(DataError) {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        var status = stat()
        guard descriptor >= 0 else {
            let reason = errno
            // A socket cannot be opened at all; it is told as what it is, not as a permission.
            if stat(url.path, &status) == 0, let refusal = DataFile.refusal(of: status.st_mode, path: path) { throw refusal }
            throw DataError("cannot read the file: \(reason == ENOENT || reason == ENOTDIR ? "no such file" : "permission denied")", path: path)
        }
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw DataError("cannot read the file", path: path)
        }
        if let refusal = DataFile.refusal(of: status.st_mode, path: path) {
            close(descriptor)
            throw refusal
        }
        // Reads of a regular file never block; the flag only mattered for the open.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.path = path
        size = Int(status.st_size)
    }

    /// Why a file of this mode is not read, or nil for a regular file.
    private static func refusal(of mode: mode_t, path: String) -> DataError? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return DataError("cannot read the file: it is a folder", path: path, hint: "name a file inside the folder")
        default:
            return DataError(
                "cannot read the file: it is not a regular file (a pipe, a device or a socket)", path: path,
                hint: "save the data to a file and load that file")
        }
    }

    /// The whole of the file at `url`, refused before anything is read when its size does not
    /// fit in `memory`; at most the size seen at opening is read, so a file that grows while it
    /// is read cannot take more.
    public static func contents(of url: URL, path: String, memory: MemoryLimit = .unlimited) throws(DataError) -> Data {
        let file = try DataFile(url, path: path)
        defer { try? file.handle.close() }
        try file.checkFits(in: memory)
        return try file.read(upTo: file.size)
    }

    /// Refuses a file larger than `memory`, before it is read whole: the run asks, and the
    /// check asks the same before anything runs.
    public func checkFits(in memory: MemoryLimit) throws(DataError) {
        if let refusal = memory.refusal(size, for: "reading the \(MemoryLimit.describe(size)) file") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: size))
        }
    }

    /// At most `count` bytes from where the file is, fewer at its end.
    public func read(upTo count: Int) throws(DataError) -> Data {
        do {
            return try handle.read(upToCount: count) ?? Data()
        } catch {
            throw DataError("cannot read the file", path: path)
        }
    }
}
