// A plugin's answer that is JSON but not a protocol message is explained field by field: which
// field, what it must be, what came instead — and the answer itself is never repeated.

import Foundation
import XCTest
@testable import NNBook

final class ProtocolMismatchTests: XCTestCase {
    /// The reason given for `answer`, or nil when it reads as a protocol message.
    private func reason(_ answer: String) -> String? {
        do {
            _ = try JSONDecoder().decode(PluginProtocol.Response.self, from: Data(answer.utf8))
            return nil
        } catch let error as DecodingError {
            return ProtocolMismatch.reason(error, in: Data(answer.utf8))
        } catch {
            return "\(error)"
        }
    }

    private func describing(produces: String) -> String {
        #"{"protocol": 1, "plugin": {"name": "p", "summary": "s", "commands": [{"verb": "make", "summary": "s", "produces": \#(produces)}]}}"#
    }

    func testAProducesThatIsNotAnObjectNamesItsCommand() {
        XCTAssertEqual(reason(describing(produces: #""blobs""#)), #"`plugin.commands[0] (make).produces` must be an object, not the text "blobs""#)
    }

    func testAProducesWithoutItsDataSetNamesTheMissingField() {
        XCTAssertEqual(reason(describing(produces: #"{"sample_shape": [2]}"#)), "`plugin.commands[0] (make).produces` lacks the field `dataset`")
    }

    func testASizeThatIsNeitherANumberNorANameSaysWhatASizeIs() {
        XCTAssertEqual(
            reason(describing(produces: #"{"dataset": "name", "sample_shape": [28, [28]]}"#)),
            "`plugin.commands[0] (make).produces.sample_shape[1]` must be a whole number, or the name of one of the command's integer arguments or options, not a list")
        XCTAssertEqual(
            reason(describing(produces: #"{"dataset": "name", "sample_shape": "wide"}"#)),
            #"`plugin.commands[0] (make).produces.sample_shape` must be a list, not the text "wide""#)
    }

    func testAWrongScalarIsShownShortAndTheAnswerNever() {
        let secret = String(repeating: "s", count: 500)
        let answer = #"{"protocol": 1, "outputs": [{"metric": {"name": "acc", "value": "\#(secret)"}}]}"#
        XCTAssertEqual(reason(answer), #"`outputs[0].metric.value` must be a number, not the text "ssssssssssssssssssssssss…""#)
        XCTAssertEqual(reason(#"{"protocol": 1, "diagnostics": [{"hint": "h"}]}"#), "`diagnostics[0]` lacks the field `message`")
        XCTAssertEqual(reason(#"{"protocol": 1, "error": {"message": null}}"#), "`error.message` must be text, not null")
    }

    func testFieldsTheProtocolDoesNotKnowAreNamed() throws {
        let answer = #"{"protocol": 1, "data": {}, "outputs": [], "extra": 1}"#
        let response = try JSONDecoder().decode(PluginProtocol.Response.self, from: Data(answer.utf8))
        XCTAssertEqual(response.unknownFields, ["data", "extra"])
        XCTAssertEqual(response.outputs, [])
    }
}
