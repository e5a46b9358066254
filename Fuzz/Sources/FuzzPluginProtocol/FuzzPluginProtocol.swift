// Fuzzes the plugin protocol as nnbook reads it: any line a plugin answers with must be decoded
// into a description whose commands, schemas and help nnbook can use, or refused with a
// diagnostic — never a crash (a verb declared twice once was one).

import Foundation
import FuzzDriver
import NNBook

private let process = PluginProcess(name: "fuzz", executable: URL(fileURLWithPath: "/nonexistent/nnbook-plugin-fuzz"), timeLimit: 1)

@_cdecl("FuzzPluginProtocol_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzPluginProtocol(fuzzInput(data, count)) }
}

func fuzzPluginProtocol(_ input: UnsafeRawBufferPointer) -> CInt {
    let line = Data(input)
    guard let response = try? JSONDecoder().decode(PluginProtocol.Response.self, from: line) else { return 0 }
    do {
        let (_, commands) = try ExternalPlugin.described(by: response, process: process)
        for command in commands { _ = CommandHelp.text(for: command.schema, plugin: "fuzz") }
    } catch {
        _ = error.description
    }
    return 0
}
