// Noticing saves: the notebook and the data files it reads, watched through their folders, so
// that an editor's write in place and its write-then-rename both count.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Counts changes to a set of files. Watching happens on a thread that sleeps in `poll` until
/// the kernel reports an event (inotify on Linux): an idle preview uses no CPU.
final class FileWatcher: @unchecked Sendable {
    private let condition = NSCondition()
    private var changes = 0
    private var stopped = false
    private var files: Set<String> = []
    private var folders: [Int32: String] = [:]
    private let descriptor: Int32
    private var wake: [Int32] = [-1, -1]

    /// The kernel's events that mean a file's contents or its presence changed: written and
    /// closed, renamed over, created, deleted, renamed away.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB)

    init() throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0, pipe(&wake) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let thread = Thread { [self] in readEvents() }
        thread.name = "nnbook file watcher"
        thread.start()
    }

    /// How many changes were seen so far; compare with a later value to know whether anything
    /// changed in between.
    var count: Int { condition.withLock { changes } }

    /// Watches exactly `paths` (absolute) from now on, adding a watch on each one's folder.
    func watch(_ paths: Set<String>) {
        condition.withLock {
            files = paths
            let watched = Set(folders.values)
            for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }) where !watched.contains(folder) {
                let watch = inotify_add_watch(descriptor, folder, FileWatcher.mask)
                if watch >= 0 { folders[watch] = folder }
            }
        }
    }

    /// Waits until the count passes `seen` (or `stop` is called); true when something changed.
    func wait(after seen: Int) -> Bool {
        condition.withLock {
            while changes == seen && !stopped { condition.wait() }
            return changes != seen
        }
    }

    /// Ends every wait; the watching thread ends with it.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    private func readEvents() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
        while true {
            guard poll(&polled, 2, -1) >= 0 || errno == EINTR else { return }
            if polled[1].revents != 0 { return }
            guard polled[0].revents != 0 else { continue }
            let length = read(descriptor, buffer, size)
            guard length > 0 else { continue }
            var offset = 0
            var touched = false
            condition.withLock {
                while offset + MemoryLayout<inotify_event>.size <= length {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                    let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                    if let folder = folders[event.wd], files.contains(folder + "/" + name) { touched = true }
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                }
                if touched {
                    changes += 1
                    condition.broadcast()
                }
            }
        }
    }
}
