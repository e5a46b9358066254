// The table Keras' model.summary() prints: each layer, its output shape, its parameter count.

/// One row per layer, then the total, as in Keras' `model.summary()`.
public struct ModelSummary: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let layer: String
        public let outputShape: String
        public let parameters: Int
    }

    public let rows: [Row]
    public let totalParameters: Int

    /// Layers are named as Keras names them: `dense`, `dense_1`, `flatten`, ….
    public init(_ model: Sequential) {
        var seen: [String: Int] = [:]
        rows = model.layers.enumerated().map { index, layer in
            let base = layer.typeName.lowercased()
            let count = seen[base, default: 0]
            seen[base] = count + 1
            let name = count == 0 ? base : "\(base)_\(count)"
            let shape = index < model.outputShapes.count
                ? "(" + (["None"] + model.outputShapes[index].map(String.init)).joined(separator: ", ") + ")"
                : "?"
            return Row(layer: "\(name) (\(layer.typeName))", outputShape: shape, parameters: layer.parameterCount)
        }
        totalParameters = model.parameterCount
    }
}
