// Test helper: every test that switches kernel paths puts the fastest back afterwards.

@testable import NNCore

enum KernelPaths {
    static func restoreFastest() {
        if let fastest = KernelPath.available.last { KernelPath.use(fastest) }
    }
}
