// The plugin registry, external schemas and trust, without starting any program.

import Foundation
import XCTest
@testable import NNBook

final class PluginRegistryTests: XCTestCase {
    func testExternalTypeNamesMapToSchemaTypes() {
        XCTAssertEqual(ExternalCommand.valueType("number"), .number)
        XCTAssertEqual(ExternalCommand.valueType("dataset"), .uses(.dataset))
        XCTAssertEqual(ExternalCommand.valueType("new dataset"), .defines(.dataset))
        XCTAssertEqual(ExternalCommand.valueType("choice: a|b"), .choice(["a", "b"]))
        XCTAssertEqual(ExternalCommand.valueType("list of integer"), .list(.integer))
        XCTAssertNil(ExternalCommand.valueType("matrix"))
    }

    /// The facts a `produces` declaration gives the check, for an invocation of `make NAME
    /// classes=N`: sizes read from the option, each target kind, and nothing invented.
    func testDeclaredOutputsBecomeTheCheckersFacts() throws {
        func facts(_ produces: String, classes: Int? = 4) throws -> DatasetFacts? {
            let json = #"{"verb": "make", "summary": "s", "arguments": [{"name": "name", "type": "new dataset", "summary": "n"}], "options": [{"name": "classes", "type": "integer", "summary": "c", "optional": true}], "produces": \#(produces)}"#
            let message = try JSONDecoder().decode(PluginProtocol.CommandMessage.self, from: Data(json.utf8))
            let command = try ExternalCommand(process: PluginProcess(name: "t", executable: URL(fileURLWithPath: "/bin/false"), timeLimit: 1), message: message)
            var values: [String: TypedValue] = ["name": .string("made")]
            if let classes { values["classes"] = .integer(classes) }
            return command.produces?.facts(for: Invocation(verb: "make", range: SourceRange(line: 1, column: 1), values: values))
        }
        XCTAssertEqual(try facts(#"{"dataset": "name"}"#), DatasetFacts(), "a declaration of nothing leaves everything unknown")
        XCTAssertEqual(
            try facts(#"{"dataset": "name", "columns": ["a", "b"], "samples": 10, "target": {"kind": "classes", "classes": "classes"}}"#),
            DatasetFacts(columns: ["a", "b"], sampleShape: [2], target: TargetFacts(columns: 1, kind: .classNumbers(largest: 3)), samples: 10))
        XCTAssertEqual(
            try facts(#"{"dataset": "name", "sample_shape": [8, "classes"], "target": {"kind": "classes", "classes": "classes"}}"#, classes: nil),
            DatasetFacts(target: TargetFacts(columns: 1, kind: .classNumbers(largest: nil))), "a size from an option left out is unknown")
        XCTAssertEqual(
            try facts(#"{"dataset": "name", "sample_shape": [28, 28], "target": {"kind": "one-hot", "classes": "classes"}}"#)?.target,
            TargetFacts(columns: 4, kind: .oneHot(classes: 4)))
        XCTAssertEqual(
            try facts(#"{"dataset": "name", "target": {"kind": "numbers", "names": ["price", "rent"]}}"#)?.target,
            TargetFacts(columns: 2, kind: .numbers, names: ["price", "rent"]))
        XCTAssertThrowsError(try facts(#"{"dataset": "name", "target": {"kind": "labels"}}"#)) { error in
            XCTAssertEqual((error as? PluginFailure)?.message, "declares the unknown target kind 'labels' for make; the kinds are classes, one-hot, numbers")
        }
        XCTAssertThrowsError(try facts(#"{"dataset": "classes"}"#)) { error in
            XCTAssertEqual((error as? PluginFailure)?.message, "declares that make produces a data set named by 'classes', which is not one of its `new dataset` arguments")
        }
    }

    func testAPluginCannotDeclareThatItMakesAModel() throws {
        let json = #"{"verb": "build", "summary": "s", "arguments": [{"name": "name", "type": "new model", "summary": "n"}]}"#
        let message = try JSONDecoder().decode(PluginProtocol.CommandMessage.self, from: Data(json.utf8))
        XCTAssertThrowsError(try ExternalCommand(process: PluginProcess(name: "t", executable: URL(fileURLWithPath: "/bin/false"), timeLimit: 1), message: message)) { error in
            XCTAssertEqual((error as? PluginFailure)?.message, "declares 'name' of build as a new model, but a plugin cannot make models")
        }
    }

    func testTrustBindsToTheProgramFileAndItsContents() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("other"), withIntermediateDirectories: true)
        let program = root.appendingPathComponent("nnbook-plugin-stats"), impostor = root.appendingPathComponent("other/nnbook-plugin-stats")
        try "#!/bin/sh\necho one\n".write(to: program, atomically: true, encoding: .utf8)
        try "#!/bin/sh\necho two\n".write(to: impostor, atomically: true, encoding: .utf8)
        let config = root.appendingPathComponent("config/nnbook/trusted-plugins")
        try PluginTrust.record(try .of(name: "stats", executable: program), in: config)
        try PluginTrust.record(try .of(name: "stats", executable: program), in: config)
        XCTAssertEqual(try String(contentsOf: config, encoding: .utf8).components(separatedBy: "\nstats ").count, 2, "one line per name")

        let trust = PluginTrust.load(commandLine: [], config: config)
        XCTAssertEqual(trust.decision(name: "stats", executable: program), .allowed)
        guard case .refused(let other) = trust.decision(name: "stats", executable: impostor) else { return XCTFail("another file of the name ran") }
        XCTAssertEqual(other, .init(name: "stats", path: impostor.resolvingSymlinksInPath().path, reason: .otherProgram(config: config.path, allowed: program.resolvingSymlinksInPath().path)))
        XCTAssertTrue("\(other)".hasPrefix("\(impostor.resolvingSymlinksInPath().path) is not the program allowed under that name (\(config.path) allows \(program.resolvingSymlinksInPath().path))"), "\(other)")
        try "#!/bin/sh\necho changed\n".write(to: program, atomically: true, encoding: .utf8)
        guard case .refused(let changed) = trust.decision(name: "stats", executable: program) else { return XCTFail("a changed file ran") }
        XCTAssertEqual(changed.why, "its contents changed since it was allowed in \(config.path)")
        XCTAssertTrue("\(changed)".hasPrefix("\(program.resolvingSymlinksInPath().path) changed since it was allowed in \(config.path)"), "\(changed)")
        // --allow-plugin stats means the program trusted under that name, not another one;
        // the other one runs when allowed by its path.
        XCTAssertEqual(PluginTrust.load(commandLine: ["stats"], config: config).decision(name: "stats", executable: impostor),
                       .refused(.init(name: "stats", path: impostor.resolvingSymlinksInPath().path, reason: .nameMeansAnother(config: config.path, allowed: program.resolvingSymlinksInPath().path))))
        XCTAssertEqual(PluginTrust.load(commandLine: ["stats"], config: config).decision(name: "stats", executable: program), .allowed, "changed, but allowed for this run by name")
        XCTAssertEqual(PluginTrust.load(commandLine: [impostor.path], config: config).decision(name: "stats", executable: impostor), .allowed)
    }

    func testANameWithoutItsProgramAllowsNothing() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trusted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# mine\nstats\n".write(to: file, atomically: true, encoding: .utf8)
        guard case .refused(let reason) = PluginTrust.load(commandLine: [], config: file).decision(name: "stats", executable: URL(fileURLWithPath: "/bin/true")) else {
            return XCTFail("a bare name allowed a program")
        }
        XCTAssertTrue(reason.why.contains("names 'stats' without its program, which allows nothing"), reason.why)
    }

    func testTheConfigFileFollowsXDGThenHome() {
        XCTAssertEqual(PluginTrust.configFile(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/h"]).path, "/cfg/nnbook/trusted-plugins")
        XCTAssertEqual(PluginTrust.configFile(environment: ["HOME": "/h"]).path, "/h/.config/nnbook/trusted-plugins")
        XCTAssertEqual(PluginTrust.configFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]).path, "/h/.config/nnbook/trusted-plugins")
    }

    func testSHA256MatchesTheStandardVectors() {
        XCTAssertEqual(SHA256.hex(of: Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testFindingPluginsTakesExecutablesByNameFirstFolderFirst() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plugins-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("a"), second = root.appendingPathComponent("b")
        for folder in [first, second] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for (folder, name, mode) in [(first, "nnbook-plugin-x", 0o755), (second, "nnbook-plugin-x", 0o755), (second, "nnbook-plugin-y", 0o755), (second, "nnbook-plugin-z", 0o644)] {
            try "#!/bin/sh\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: folder.appendingPathComponent(name).path)
        }
        try FileManager.default.createDirectory(at: second.appendingPathComponent("nnbook-plugin-w.product"), withIntermediateDirectories: true)
        let found = ExternalPlugin.find(in: [first, second])
        XCTAssertEqual(found.map(\.name), ["x", "y"])
        XCTAssertEqual(found[0].executable.deletingLastPathComponent().lastPathComponent, "a")
    }

    func testARefusedPluginsFileAndReasonAreInTheMessageAndHowToAllowItInTheHint() throws {
        var registry = BuiltInPlugins.registry()
        registry.blocked = [
            .init(name: "blobs", path: "/p/nnbook-plugin-blobs", reason: .changed(config: "/c/trusted-plugins")),
            .init(name: "stats", path: "/p/nnbook-plugin-stats", reason: .notAllowed),
        ]
        // Near a built-in, or another library's name for one, a slip is the likelier story:
        // the near name is all the hint says, and no unrelated plugin is offered.
        XCTAssertEqual(registry.unknown("trian").message, "unknown command 'trian'")
        XCTAssertEqual(registry.unknown("trian").hint, "did you mean 'train'?")
        XCTAssertEqual(registry.unknown("fit").message, "unknown command 'fit'")
        XCTAssertEqual(registry.unknown("fit").hint, "did you mean 'train'? nnbook calls fit train")
        // A refused plugin of the command's very name is named, with how to allow it alone.
        XCTAssertEqual(registry.unknown("blobs").message, "unknown command 'blobs'; it may come from a plugin that was not started: "
            + "/p/nnbook-plugin-blobs (plugin 'blobs') was refused: its contents changed since it was allowed in /c/trusted-plugins")
        XCTAssertEqual(registry.unknown("blobs").hint, "for 'blobs': if the change is yours, allow it for one run with --allow-plugin blobs, or for good with `nnbook plugins --trust blobs`")
        let unknown = registry.unknown("percentiles")
        XCTAssertEqual(unknown.message, "unknown command 'percentiles'; it may come from a plugin that was not started: "
            + "/p/nnbook-plugin-blobs (plugin 'blobs') was refused: its contents changed since it was allowed in /c/trusted-plugins; "
            + "/p/nnbook-plugin-stats (plugin 'stats') was refused: nothing allows it (neither --allow-plugin stats nor the trusted-plugins file)")
        XCTAssertEqual(unknown.hint, "for 'blobs': if the change is yours, allow it for one run with --allow-plugin blobs, or for good with `nnbook plugins --trust blobs`; "
            + "for 'stats': allow it for one run with --allow-plugin stats, or for good with `nnbook plugins --trust stats`")
    }

    /// A plugin that could not describe itself: its reason is in the message, what it wrote to
    /// standard error is the hint, and a reason with nothing more to say gives no hint at all
    /// (not an empty `hint:` line).
    func testAnUnusablePluginsReasonIsTheMessageAndItsOutputTheHint() {
        var registry = BuiltInPlugins.registry()
        registry.broken = ["boom": PluginFailure(plugin: "boom", message: "crashed: it exited with status 1")]
        XCTAssertEqual(registry.unknown("boom").message, "unknown command 'boom'; the plugin 'boom' could not be used: it crashed: it exited with status 1")
        XCTAssertNil(registry.unknown("boom").hint)
        registry.broken["boom"]?.hint = "it wrote to standard error:\n  ValueError: bad"
        XCTAssertEqual(registry.unknown("boom").hint, "it wrote to standard error:\n  ValueError: bad")
    }

    func testHelpIsGeneratedFromTheSchema() {
        let registry = BuiltInPlugins.registry()
        let help = CommandHelp.text(for: registry.command("model")!.schema, plugin: "model")
        XCTAssertTrue(help.hasPrefix("model — define a sequential model; its layers follow on indented lines, or come from another model (`like`) (plugin: model)\n\nusage: model MODEL [like MODEL] [input=[INTEGER, …]]\n"), help)
        XCTAssertTrue(help.contains("indented lines under it:\n  dense INTEGER [activation=ACTIVATION] [slope=NUMBER]"), help)
    }
}
