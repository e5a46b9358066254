// Commands declared with typed properties: the schema derived from the declaration, and the
// values a checked line decodes into.

import Foundation
import XCTest
@testable import NNBook

final class DeclaredCommandTests: XCTestCase {
    /// A command with one property of every declaration style.
    private struct Greet: NotebookCommand {
        static let configuration = CommandConfiguration(verb: "greet", summary: "greet a model", examples: ["greet m times=2"])

        enum Tone: String, ChoiceValue, CaseIterable {
            case warm, dry
        }

        @Argument(help: "whom to greet") var model: ModelName
        @Argument(keyword: "on", help: "where") var data: DatasetName?
        @Option(help: "how many times") var times = 1
        @Option(help: "how") var tone = Tone.warm
        @Option(help: "the loudness") var loudness: Double?
        @Option(help: "the words") var someWords: [Word]
        @OpenOptions var extras: [NamedValue<Double>]

        func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
            [.text("\(model) \(data?.description ?? "-") \(times) \(tone.rawValue) \(loudness ?? 0) \(someWords.map(\.text)) \(extras.map(\.name))")]
        }
    }

    func testTheSchemaIsDerivedFromTheDeclaration() {
        let schema = Greet.schema
        XCTAssertEqual(schema.usage, "greet MODEL [on DATASET] [times=INTEGER] [tone=warm|dry] [loudness=NUMBER] some_words=[NAME, …] [NAME=VALUE …]")
        XCTAssertEqual(schema.arguments.map(\.isOptional), [false, true])
        XCTAssertEqual(schema.option(named: "times")?.defaultValue, .integer(1))
        XCTAssertEqual(schema.option(named: "tone")?.defaultValue, .string("warm"))
        XCTAssertNil(schema.option(named: "loudness")?.defaultValue)
        XCTAssertEqual(schema.option(named: "loudness")?.isRequired, false)
        XCTAssertEqual(schema.option(named: "some_words")?.isRequired, true)
        XCTAssertEqual(schema.openOptions, .number)
    }

    func testACheckedLineDecodesIntoTypedPropertiesWithTheirPlaces() throws {
        let range = { (column: Int) in SourceRange(line: 3, column: column) }
        let invocation = Invocation(
            verb: "greet", range: range(1),
            values: ["model": .string("m"), "data": .string("d.test"), "times": .integer(1), "tone": .string("dry"), "some_words": .list([.string("hi")])],
            ranges: ["model": range(7), "data": range(12), "tone": range(20), "some_words": range(30)],
            extraOptions: [(name: "age", value: .number(58), valueRange: range(40))])
        let greet = try Greet.decoded(invocation)
        XCTAssertEqual(greet.model.name, "m")
        XCTAssertEqual(greet.model.range, range(7))
        XCTAssertEqual(greet.data?.name, "d")
        XCTAssertEqual(greet.data?.split, .test)
        XCTAssertEqual(greet.times, 1)
        XCTAssertEqual(greet.$times, range(1), "a default is placed at the command")
        XCTAssertEqual(greet.tone, .dry)
        XCTAssertEqual(greet.$tone, range(20))
        XCTAssertNil(greet.loudness)
        XCTAssertEqual(greet.someWords.map(\.text), ["hi"])
        XCTAssertEqual(greet.extras.map(\.name), ["age"])
        XCTAssertEqual(greet.extras.first?.value, 58)
        XCTAssertEqual(greet.extras.first?.valueRange, range(40))
    }

    func testEveryBuiltInCommandIsDeclaredWithTypedProperties() {
        for plugin in BuiltInPlugins.all {
            for command in plugin.commands {
                XCTAssertTrue(command is any NotebookCommand, "\(command.schema.verb) is not declared with typed properties")
            }
        }
    }
}
