// run.json as earlier nnbook versions wrote it is still read: statuses are the same words, and
// parameters recorded without their types are typed by their form.

import Foundation
import XCTest
import NNBook
@testable import NNBookHistory

final class RunRecordTests: XCTestCase {
    /// A run.json as nnbook wrote it before parameter types were kept: an interrupted run whose
    /// second cell never ran.
    private let earlierRunJSON = """
        {
          "cells" : [
            { "label" : "Training", "seconds" : 1.5, "status" : "interrupted" },
            { "label" : "Testing", "seconds" : 0, "status" : "not run" }
          ],
          "defaults" : { "epochs" : "100", "method" : "batch", "rate" : "0.5", "shuffle" : "true" },
          "error" : { "cell" : 1, "column" : null, "label" : "Training", "line" : null, "message" : "interrupted (Ctrl-C)" },
          "headline" : [],
          "machine" : { "memoryGiB" : 8, "processors" : 2, "system" : "Linux x86_64" },
          "nnbook_version" : "0.1.0",
          "notebook" : "lesson.nnbook",
          "parameters" : { "epochs" : "1000", "method" : "batch", "rate" : "0.05", "shuffle" : "false" },
          "precision" : 4,
          "seconds" : 1.6,
          "seed" : 7,
          "started" : "2026-11-20T10:00:00Z",
          "status" : "interrupted"
        }
        """

    func testAnEarlierRunJSONReadsItsStatusesAsTheEnum() throws {
        let record = try RunRecord.decode(run: Data(earlierRunJSON.utf8), metrics: nil)
        XCTAssertEqual(record.status, .interrupted)
        XCTAssertEqual(record.cells.map(\.status), [.interrupted, .notRun])
    }

    func testParametersRecordedWithoutTypesAreTypedByTheirForm() throws {
        let record = try RunRecord.decode(run: Data(earlierRunJSON.utf8), metrics: nil)
        XCTAssertEqual(record.typedParameters, ["epochs": .integer(1000), "rate": .number(0.05), "shuffle": .boolean(false), "method": .string("batch")])
    }

    func testStatusesAreWrittenAsTheWordsEarlierVersionsWrote() throws {
        let record = try RunRecord.decode(run: Data(earlierRunJSON.utf8), metrics: nil)
        let written = String(decoding: try record.json(), as: UTF8.self)
        XCTAssertTrue(written.contains("\"status\" : \"interrupted\""), written)
        XCTAssertTrue(written.contains("\"status\" : \"not run\""), written)
        XCTAssertEqual(try RunRecord.decode(run: try record.json(), metrics: nil), record)
    }
}
