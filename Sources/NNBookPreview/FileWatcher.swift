// Noticing saves: the notebook and the data files it reads, watched through their folders, so
// that an editor's write in place and its write-then-rename both count.

import Foundation
import NNBook
#if canImport(Glibc)
import Glibc
#endif

/// Counts changes to a set of files. Watching sleeps until the kernel reports an event
/// (inotify on Linux, kqueue through Dispatch elsewhere): an idle preview uses no CPU.
final class FileWatcher: @unchecked Sendable {
    /// Why the system would not watch files: the preview cannot follow saves without it.
    public struct StartError: Error, CustomStringConvertible {
        let reason: String
        public var description: String {
            "cannot watch the notebook for changes: \(reason.lowercased()) (each user may watch only so many folders at once; close other watching programs, or raise fs.inotify.max_user_instances)"
        }
    }

    private let condition = NSCondition()
    private var changes = 0
    private var stopped = false
    private var files: Set<String> = []

    /// How many changes were seen so far; compare with a later value to know whether anything
    /// changed in between.
    var count: Int { condition.withLock { changes } }

    /// Waits until the count passes `seen` (or `stop` is called); true when something changed.
    func wait(after seen: Int) -> Bool {
        condition.withLock {
            while changes == seen && !stopped { condition.wait() }
            return changes != seen
        }
    }

    /// Counts a change the kernel could not report: one made to a file before it was watched.
    func noteMissedChange() {
        condition.withLock { noteChange() }
    }

    /// Called with the lock held when a watched file changed.
    private func noteChange() {
        changes += 1
        condition.broadcast()
    }

    #if canImport(Glibc)
    private var folders: [Int32: String] = [:]
    private let descriptor: Int32
    private var wake: [Int32] = [-1, -1]

    /// The kernel's events that mean a file's contents or its presence changed: written and
    /// closed, renamed over, created, deleted, renamed away.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB)

    init() throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0, pipe(&wake) == 0 else { throw StartError(reason: String(cString: strerror(errno))) }
        let thread = Thread { [self] in readEvents() }
        thread.name = "nnbook file watcher"
        thread.start()
    }

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

    /// Ends every wait; the watching thread ends with it.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    /// Sleeps in `poll` until the kernel has events (or `stop` writes to the pipe), and counts
    /// those that name a watched file.
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
                if touched { noteChange() }
            }
        }
    }
    #else
    /// A kqueue source on each file (writes in place) and on each folder (a file renamed over
    /// or removed). A folder's events do not name the file, so each event compares the
    /// files' fingerprints with those last seen; the page nnbook writes beside the notebook
    /// then counts as no change.
    private var sources: [any DispatchSourceFileSystemObject] = []
    private var fingerprints: [String: String] = [:]

    init() throws {}

    func watch(_ paths: Set<String>) {
        condition.withLock {
            sources.forEach { $0.cancel() }
            files = paths
            fingerprints = Dictionary(uniqueKeysWithValues: paths.map { ($0, RunInput.file(URL(fileURLWithPath: $0)).fingerprint) })
            let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent })
            sources = paths.union(folders).compactMap { path in
                let descriptor = open(path, O_EVTONLY)
                guard descriptor >= 0 else { return nil }
                let source = DispatchSource.makeFileSystemObjectSource(
                    fileDescriptor: descriptor, eventMask: [.write, .extend, .delete, .rename, .attrib], queue: .global())
                source.setEventHandler { [weak self] in self?.compare() }
                source.setCancelHandler { close(descriptor) }
                source.resume()
                return source
            }
        }
    }

    private func compare() {
        condition.withLock {
            let now = Dictionary(uniqueKeysWithValues: files.map { ($0, RunInput.file(URL(fileURLWithPath: $0)).fingerprint) })
            if now != fingerprints {
                fingerprints = now
                noteChange()
            }
        }
    }

    func stop() {
        condition.withLock {
            stopped = true
            sources.forEach { $0.cancel() }
            condition.broadcast()
        }
    }
    #endif
}
