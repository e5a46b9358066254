// swift-tools-version:6.0
// nnbook: plain-text neural-network notebooks that are checked, run, rendered and versioned.
import PackageDescription

let package = Package(
    name: "nnbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nnbook", targets: ["nnbook"]),
        .executable(name: "nnbook-bench", targets: ["nnbook-bench"]),
        .library(name: "NNCore", targets: ["NNCore"]),
        .library(name: "NNData", targets: ["NNData"]),
        .library(name: "NNBook", targets: ["NNBook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        // The live preview's HTTP server: small, with no SwiftNIO to build in CI.
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // nnbook's own kernels, one C source built for several instruction sets (see NNKernels.h).
        // Optimised in debug builds too: the tests train real networks, and the flags change only
        // speed, never bits (no contraction, no fast-math).
        .target(name: "NNKernels", cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))]),
        .target(name: "NNCore", dependencies: ["NNKernels"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NNData", dependencies: ["NNCore", "CZlib"]),
        // Starting plugins that die with nnbook, and ending what they leave behind (Linux).
        .target(name: "CProcessControl"),
        .target(name: "NNBook", dependencies: ["NNCore", "NNData", "CProcessControl", "Yams", "CCmarkGFM"]),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "NNBookRender", dependencies: ["NNBook", "NNData", "CCmarkGFM"]),
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "NNBookHistory", dependencies: ["NNBook", "CLibGit2"]),
        .target(name: "NNBookPreview", dependencies: ["NNBook", "NNBookRender", "NNData", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "nnbook",
            dependencies: [
                "NNBook", "NNBookRender", "NNBookHistory", "NNBookPreview", "CProcessControl",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "nnbook-plugin-blobs"),
        .executableTarget(name: "nnbook-bench", dependencies: ["NNCore", "NNData", "NNKernels"]),
        .plugin(
            name: "RenderNotebooks",
            capability: .command(
                intent: .custom(verb: "render-notebooks", description: "Run every notebook under Notebooks/ and write its page"),
                permissions: [.writeToPackageDirectory(reason: "The pages are written beside the notebooks")]
            ),
            dependencies: ["nnbook"]
        ),
        .testTarget(name: "NNCoreTests", dependencies: ["NNCore", "NNKernels"]),
        .testTarget(name: "NNDataTests", dependencies: ["NNData"]),
        .testTarget(name: "NNBookTests", dependencies: ["NNBook"], exclude: ["Golden"]),
        .testTarget(name: "NNBookRenderTests", dependencies: ["NNBookRender", "NNBook"], exclude: ["Golden"]),
        .testTarget(name: "NNBookHistoryTests", dependencies: ["NNBookHistory"]),
        .testTarget(name: "NNBookPreviewTests", dependencies: ["NNBookPreview"]),
        .testTarget(name: "nnbookTests", dependencies: ["nnbook", "nnbook-plugin-blobs"], exclude: ["Fixtures", "Golden"]),
    ]
)
