// nnbook-plugin-blobs: an external nnbook plugin written in Swift that makes a data set of
// points in clusters ("blobs"), for classification lessons that need no data file.
//
// It speaks nnbook's plugin protocol on its own, with Foundation alone, as any plugin author's
// program would: one JSON request on standard input, one JSON answer on standard output.

import Foundation

/// The plugin's description: one command, `blobs NAME`, that defines a data set.
let description: [String: Any] = [
    "name": "blobs",
    "summary": "make data sets of points in clusters, seeded by the notebook",
    "commands": [[
        "verb": "blobs",
        "summary": "make a data set of 2-D points in round clusters, one class per cluster (scikit-learn's make_blobs)",
        "arguments": [["name": "name", "type": "new dataset", "summary": "the name of the new data set"]],
        "options": [
            ["name": "samples", "type": "integer", "summary": "how many points", "default": 300],
            ["name": "classes", "type": "integer", "summary": "how many clusters", "default": 3],
            ["name": "spread", "type": "number", "summary": "the standard deviation of each cluster", "default": 1.0],
        ],
        "examples": ["blobs points samples=300 classes=3"],
        // What `nnbook check` may know of the data set before the plugin runs: two columns,
        // `samples` rows, and one class number per point below `classes`.
        "produces": [
            "dataset": "name", "columns": ["x1", "x2"], "samples": "samples",
            "target": ["kind": "classes", "classes": "classes", "names": ["cluster"]] as [String: Any],
        ] as [String: Any],
    ]],
]

/// SplitMix64: a small seeded generator, so the same notebook seed makes the same points.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = max(unit(), .leastNonzeroMagnitude), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

func check(_ arguments: [String: Any]) -> [String: Any] {
    var problems: [[String: String]] = []
    if let samples = arguments["samples"] as? Double, samples < 2 || samples > 1_000_000 {
        problems.append(["message": "samples must be from 2 to 1,000,000", "argument": "samples"])
    }
    if let classes = arguments["classes"] as? Double, classes < 2 || classes > 20 {
        problems.append(["message": "classes must be from 2 to 20", "argument": "classes"])
    }
    if let spread = arguments["spread"] as? Double, spread <= 0 {
        problems.append(["message": "spread must be above 0", "argument": "spread"])
    }
    return ["protocol": 1, "diagnostics": problems]
}

/// Cluster k's centre sits on a circle of radius 4; point i belongs to cluster i mod classes.
func run(_ arguments: [String: Any], seed: UInt64) -> [String: Any] {
    let name = arguments["name"] as? String ?? "blobs"
    let samples = Int(arguments["samples"] as? Double ?? 300)
    let classes = Int(arguments["classes"] as? Double ?? 3)
    let spread = arguments["spread"] as? Double ?? 1
    var generator = SplitMix64(state: seed)
    var features: [Double] = [], targets: [Double] = []
    for index in 0..<samples {
        let cluster = index % classes
        let angle = 2 * Double.pi * Double(cluster) / Double(classes)
        features += [4 * cos(angle) + spread * generator.normal(), 4 * sin(angle) + spread * generator.normal()]
        targets.append(Double(cluster))
    }
    let dataset: [String: Any] = [
        "feature_names": ["x1", "x2"], "target_names": ["cluster"],
        "features": ["shape": [samples, 2], "values": features],
        "targets": ["shape": [samples, 1], "values": targets],
    ]
    return [
        "protocol": 1,
        "datasets": [name: dataset],
        "outputs": [["text": "\(name): \(samples) points in \(classes) clusters (spread \(spread))"]],
    ]
}

let line = readLine() ?? ""
let request = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
let arguments = request["arguments"] as? [String: Any] ?? [:]
let answer: [String: Any]
switch request["request"] as? String {
case "describe": answer = ["protocol": 1, "plugin": description]
case "check": answer = check(arguments)
case "run": answer = run(arguments, seed: (request["seed"] as? NSNumber)?.uint64Value ?? 0)
default: answer = ["protocol": 1, "error": ["message": "unknown request"]]
}
let data = (try? JSONSerialization.data(withJSONObject: answer)) ?? Data("{}".utf8)
FileHandle.standardOutput.write(data + Data("\n".utf8))
