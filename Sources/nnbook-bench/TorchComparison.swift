// The same two epochs in PyTorch, in this run, when NNBOOK_BENCH_TORCH names a Python with torch:
// 784-100-10 (ReLU, then sigmoid outputs trained as softmax cross-entropy of the scores, as
// nnbook and Keras do), Fashion-MNIST scaled to [0, 1], batch 32, one thread; the least CPU
// time of three epochs, as nnbook's own figures.

import Foundation

enum TorchComparison {
    /// Seconds per epoch for "sgd" and "adam", or nil when no Python with torch was named.
    static func epochs(python: String, dataFolder: String) throws -> [String: Double]? {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("nnbook-bench-torch-\(UUID().uuidString).py")
        try source.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, dataFolder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let figures = try JSONSerialization.jsonObject(with: data) as? [String: Double]
        else { return nil }
        return figures
    }

    private static let source = """
        import gzip, json, sys, time
        import numpy as np
        import torch
        torch.set_num_threads(1)
        torch.manual_seed(1)
        folder = sys.argv[1]
        def read(name, offset):
            with gzip.open(f"{folder}/{name}", "rb") as f:
                return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)
        x = torch.from_numpy(read("train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255)
        y = torch.from_numpy(read("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
        figures = {}
        for name in ["sgd", "adam"]:
            best = float("inf")
            for run in range(3):
                model = torch.nn.Sequential(torch.nn.Linear(784, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))
                optimizer = torch.optim.SGD(model.parameters(), lr=0.01) if name == "sgd" else torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
                loss = torch.nn.CrossEntropyLoss()
                order = torch.randperm(x.shape[0])
                start = time.process_time()
                for i in range(0, x.shape[0], 32):
                    batch = order[i:i + 32]
                    optimizer.zero_grad()
                    value = loss(model(x[batch]), y[batch])
                    value.backward()
                    optimizer.step()
                best = min(best, time.process_time() - start)
            figures[name] = best
        print(json.dumps(figures))
        """
}
