// swift-tools-version:6.0
// libFuzzer targets for nnbook's readers of untrusted input. Built and run by scripts/fuzz.sh:
//   swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "nnbook-fuzz",
    dependencies: [.package(name: "nnbook", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzNotebook", dependencies: ["FuzzDriver", .product(name: "NNBook", package: "nnbook")]),
        .executableTarget(name: "FuzzValues", dependencies: ["FuzzDriver", .product(name: "NNBook", package: "nnbook")]),
        .executableTarget(name: "FuzzPluginProtocol", dependencies: ["FuzzDriver", .product(name: "NNBook", package: "nnbook")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "NNData", package: "nnbook")]),
        .executableTarget(name: "FuzzIDX", dependencies: ["FuzzDriver", .product(name: "NNData", package: "nnbook"), .product(name: "NNCore", package: "nnbook")]),
        .executableTarget(name: "FuzzNumPy", dependencies: ["FuzzDriver", .product(name: "NNData", package: "nnbook"), .product(name: "NNCore", package: "nnbook")]),
    ]
)
