// The hub behind the preview's event streams: a new browser gets the whole page, later ones
// only the blocks that changed; nothing is sent when nothing changed.

import Foundation
import XCTest
@testable import NNBookPreview

final class PreviewHubTests: XCTestCase {
    private func block(_ id: String, _ html: String) -> PreviewHub.Block { .init(id: id, html: html) }

    /// The events a stream holds now, as (name, JSON object).
    private func drain(_ stream: AsyncStream<[UInt8]>, count: Int) async -> [(String, [String: Any])] {
        var events: [(String, [String: Any])] = []
        for await bytes in stream {
            let text = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(text.hasSuffix("\n\n"), "an event ends with a blank line")
            let lines = text.split(separator: "\n")
            XCTAssertEqual(lines.count, 2, "one event line and one data line: \(text)")
            let json = try? JSONSerialization.jsonObject(with: Data(lines[1].dropFirst(6).utf8)) as? [String: Any]
            events.append((String(lines[0].dropFirst(7)), json ?? [:]))
            if events.count == count { break }
        }
        return events
    }

    func testANewClientGetsTheWholePageAndThenOnlyWhatChanged() async {
        let hub = PreviewHub()
        hub.publish(title: "T", status: "running", blocks: [block("a", "<p>a</p>"), block("b", "<p>b</p>")])
        let stream = hub.subscribe()
        XCTAssertEqual(hub.clientCount, 1)
        hub.publish(title: "T", status: "running", blocks: [block("a", "<p>a</p>"), block("b", "<p>b</p>")])
        hub.publish(title: "T", status: "done", blocks: [block("a", "<p>a</p>"), block("b", "<p>B\nnew</p>"), block("c", "<p>c</p>")])
        hub.progress(block: "c", text: "1/1 ━━")
        let events = await drain(stream, count: 3)
        XCTAssertEqual(events.map(\.0), ["page", "page", "progress"], "the identical publish sent nothing")
        XCTAssertEqual((events[0].1["changed"] as? [String: String])?.keys.sorted(), ["a", "b"])
        XCTAssertEqual(events[1].1["order"] as? [String], ["a", "b", "c"])
        XCTAssertEqual(events[1].1["changed"] as? [String: String], ["b": "<p>B\nnew</p>", "c": "<p>c</p>"])
        XCTAssertEqual(events[1].1["status"] as? String, "done")
        XCTAssertEqual(events[2].1["text"] as? String, "1/1 ━━")
    }

    func testFinishingEndsEveryStream() async {
        let hub = PreviewHub()
        let streams = [hub.subscribe(), hub.subscribe()]
        hub.finish()
        for stream in streams {
            var count = 0
            for await _ in stream { count += 1 }
            XCTAssertEqual(count, 1, "the whole page, then the end")
        }
        XCTAssertEqual(hub.clientCount, 0)
    }
}
