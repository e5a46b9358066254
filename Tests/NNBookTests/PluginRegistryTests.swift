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

    func testTrustComesFromTheCommandLineAndTheConfigFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trusted-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "# mine\nstats\n  blobs  # the Swift one\n\n".write(to: file, atomically: true, encoding: .utf8)
        let trust = PluginTrust.load(commandLine: ["extra"], config: file)
        XCTAssertEqual(trust.allowed, ["stats", "blobs", "extra"])
        XCTAssertFalse(PluginTrust.load(commandLine: [], config: file.appendingPathExtension("missing")).allows("stats"))
        XCTAssertEqual(PluginTrust.configFile(environment: ["XDG_CONFIG_HOME": "/cfg"]).path, "/cfg/nnbook/trusted-plugins")
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

    func testBlockedPluginsAreNamedInTheHintForAnUnknownCommand() throws {
        var registry = BuiltInPlugins.registry()
        registry.blocked = ["stats"]
        XCTAssertEqual(registry.hint(forUnknown: "trian"), "did you mean 'train'?")
        XCTAssertTrue(registry.hint(forUnknown: "percentiles").hasPrefix("the external plugin stats may provide it but is not allowed to run: allow one with --allow-plugin stats"))
    }

    func testHelpIsGeneratedFromTheSchema() {
        let registry = BuiltInPlugins.registry()
        let help = CommandHelp.text(for: registry.command("model")!.schema, plugin: "model")
        XCTAssertTrue(help.hasPrefix("model — define a sequential model; its layers follow on indented lines (plugin: model)\n\nusage: model MODEL [input=[INTEGER, …]]\n"))
        XCTAssertTrue(help.contains("indented lines under it:\n  dense INTEGER [activation=ACTIVATION] [slope=NUMBER]"), help)
    }
}
