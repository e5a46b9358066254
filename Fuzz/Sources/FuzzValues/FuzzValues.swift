// Fuzzes the value grammar and the numbers commands take: the input is written as the value of
// options that take whole numbers, numbers and lists, in a notebook that is then checked. Any
// text (tens of thousands of brackets, integers beyond Int) must give a plan or diagnostics.

import Foundation
import FuzzDriver
import NNBook

private let registry = BuiltInPlugins.registry()
private let folder = URL(fileURLWithPath: NSTemporaryDirectory())

/// Commands whose values the input replaces (`VALUE`): integers, sizes, lists and shapes.
private let templates = [
    "loss mae y_true=VALUE y_pred=[1]",
    "one_hot d classes=VALUE",
    "train m on d epochs=VALUE batch=VALUE every=VALUE",
    "images d start=VALUE count=VALUE",
    "model k input=VALUE\n  dense VALUE\n  dropout VALUE",
    "show d rows=VALUE",
]

@_cdecl("FuzzValues_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, count in fuzzValues(fuzzInput(data, count)) }
}

func fuzzValues(_ input: UnsafeRawBufferPointer) -> CInt {
    let value = String(decoding: input, as: UTF8.self)
    let commands = templates.map { $0.replacingOccurrences(of: "VALUE", with: value) }.joined(separator: "\n")
    let text = "```csv name=t\nx,y\n1,0\n2,1\n```\n```nnbook\nload inline t as d target=y\nmodel m\n  dense 1 activation=sigmoid\ncompile m loss=binary_crossentropy optimizer=sgd\n\(commands)\n```\n"
    if case .failure(.notebook(let list, let notebook)) = NotebookPreparation.plan(
        text: text, path: "fuzz.nnbook", folder: folder, overrides: [], registry: registry
    ), let notebook {
        _ = DiagnosticPrinter(notebook: notebook).format(list.diagnostics)
    }
    return 0
}
