// A request's line as the plugin's pipe takes it: made a piece at a time, so that a data set of
// 60,000 images (47 million numbers) is never held as text, and the request can be stopped, and
// timed out, while it is still being written.

import Foundation

/// The bytes of one request, one JSON line, made on demand in chunks. JSONEncoder, given the
/// whole request, built a tree of every number and then its text: 85 s and 2.5 GB for Fashion-
/// MNIST, before the plugin even started and with no way to stop it. Here the small fields are
/// encoded by JSONEncoder, and the data sets' numbers are written straight into the chunk.
struct RequestLine {
    /// A piece of the line: JSON text, or numbers to write as a JSON list's items.
    private enum Piece {
        case text([UInt8])
        case numbers([Float])
    }

    private var pieces: [Piece] = []
    /// The piece being written, and how many of its numbers are written.
    private var piece = 0, written = 0
    /// About how many bytes one chunk holds: a pipe's buffer, a few milliseconds of work.
    static let chunkBytes = 1 << 16

    /// The line of `request`; a data set holding a number JSON cannot write (nan, inf) is
    /// refused here, before the plugin starts.
    init(_ request: PluginProtocol.Request, plugin: String) throws(PluginFailure) {
        var fields = request
        fields.data = nil
        var head = try RequestLine.json(fields, plugin: plugin)
        guard let data = request.data, !data.isEmpty else {
            pieces = [.text(head + [UInt8(ascii: "\n")])]
            return
        }
        // `{"protocol":1,…}` becomes `{"protocol":1,…,"data":{…}}`.
        head.removeLast()
        var text = head + Array(#","data":{"#.utf8)
        for (index, (name, message)) in data.sorted(by: { $0.key < $1.key }).enumerated() {
            for (tensor, part) in [(message.features, "features"), (message.targets, "targets")] {
                if let bad = tensor.values.first(where: { !$0.isFinite }) {
                    throw PluginFailure(
                        plugin: plugin, message: "cannot be sent the data set '\(name)': its \(part) hold \(bad), which JSON cannot carry",
                        hint: "every number sent to a plugin is finite")
                }
            }
            text += Array((index == 0 ? "" : ",").utf8) + (try RequestLine.json(name, plugin: plugin)) + Array(#":{"feature_names":"#.utf8)
            text += try RequestLine.json(message.featureNames, plugin: plugin) + Array(#","target_names":"#.utf8)
            text += try RequestLine.json(message.targetNames, plugin: plugin) + Array(#","features":{"shape":"#.utf8)
            text += try RequestLine.json(message.features.shape, plugin: plugin) + Array(#","values":["#.utf8)
            pieces += [.text(text), .numbers(message.features.values)]
            text = Array(#"]},"targets":{"shape":"#.utf8) + (try RequestLine.json(message.targets.shape, plugin: plugin)) + Array(#","values":["#.utf8)
            pieces += [.text(text), .numbers(message.targets.values)]
            text = Array("]}}".utf8)
        }
        pieces.append(.text(text + Array("}}\n".utf8)))
    }

    /// Appends the line's next bytes to `chunk` (about `chunkBytes` of them); false once the
    /// whole line has been given.
    mutating func next(into chunk: inout [UInt8]) -> Bool {
        guard piece < pieces.count else { return false }
        while piece < pieces.count, chunk.count < RequestLine.chunkBytes {
            switch pieces[piece] {
            case .text(let bytes):
                chunk += bytes
                piece += 1
            case .numbers(let values):
                // A number takes at most 14 bytes and a comma.
                let end = min(values.count, written + max(1, (RequestLine.chunkBytes - chunk.count) / 15))
                for index in written..<end {
                    if index > 0 { chunk.append(UInt8(ascii: ",")) }
                    RequestLine.append(values[index], to: &chunk)
                }
                written = end
                if written == values.count {
                    piece += 1
                    written = 0
                }
            }
        }
        return true
    }

    /// A finite number as JSON: a whole number (a pixel, a label) by its digits, any other by
    /// Swift's shortest text that reads back as the same Float, which, at most 14 characters,
    /// is a small string held in place, not allocated.
    static func append(_ value: Float, to chunk: inout [UInt8]) {
        guard value == value.rounded(.towardZero), abs(value) < 1e7 else {
            chunk += value.description.utf8
            return
        }
        var whole = Int(value)
        if whole < 0 {
            chunk.append(UInt8(ascii: "-"))
            whole = -whole
        }
        var divisor = 1
        while divisor * 10 <= whole { divisor *= 10 }
        while divisor > 0 {
            chunk.append(UInt8(ascii: "0") + UInt8(whole / divisor % 10))
            divisor /= 10
        }
    }

    /// A small part of the request as JSON.
    private static func json<Value: Encodable>(_ value: Value, plugin: String) throws(PluginFailure) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(value))
        } catch {
            throw PluginFailure(plugin: plugin, message: "cannot encode the request: \(error)")
        }
    }
}
