// Fuzzes the notebook parser and checker: any bytes must give a notebook or diagnostics, never a
// crash or a hang.

import Foundation
import FuzzDriver
import NNBook

private let registry = BuiltInPlugins.registry()
private let folder = URL(fileURLWithPath: NSTemporaryDirectory())

@_cdecl("FuzzNotebook_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzNotebook(fuzzInput(data, count)) }
}

func fuzzNotebook(_ input: UnsafeRawBufferPointer) -> CInt {
    let text = String(decoding: input, as: UTF8.self)
    if case .failure(.notebook(let list, let notebook)) = NotebookPreparation.plan(
        text: text, path: "fuzz.nnbook", folder: folder, overrides: [("rate", "0.5")], registry: registry
    ), let notebook {
        _ = DiagnosticPrinter(notebook: notebook).format(list.diagnostics)
    }
    return 0
}
