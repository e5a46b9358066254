// The path a model's weights take while it trains, for `landscape`: kept within a budget of
// memory however many epochs it trains and however many weights it has.

import NNCore

/// The weights before training and after each epoch, thinned as they grow. When the points
/// would pass `capacity`, every other one is dropped (the first kept) and from then on only
/// every second epoch is kept, then every fourth, …, so that the path keeps its shape over any
/// number of epochs; the newest epoch's weights are always there, so the path ends where the
/// model is. A model too large for any landscape keeps no path: its weights would be copied
/// every epoch for nothing (a 4000-4000-1 model's are 64 MB an epoch).
public struct WeightPath {
    /// The most points kept: every epoch of the course's longest run (5,000 epochs of Adam in
    /// the gradient-descent lesson) and then some, so that its pages draw every one.
    static let mostPoints = 16_384

    /// The most memory a path may take under `memory`: a sixteenth of it, at most 32 MB.
    static func budget(under memory: MemoryLimit) -> Int { min(32 << 20, memory.bytes / 16) }

    /// The points a path of a model with `weights` weights keeps at most under `memory`; 0 for a
    /// model too large for a landscape.
    static func capacity(weights: Int, under memory: MemoryLimit) -> Int {
        guard weights > 0, weights <= LandscapeCommand.mostWeights else { return 0 }
        return max(2, min(mostPoints, budget(under: memory) / (weights * MemoryLayout<Float>.stride)))
    }

    /// The most bytes a path of a model with `weights` weights takes under `memory`, with the
    /// point over capacity before it is thinned and the newest: what training's memory check
    /// counts.
    static func bytesNeeded(weights: Int, under memory: MemoryLimit) -> Int {
        let points = capacity(weights: weights, under: memory)
        return points == 0 ? 0 : (points + 2) * weights * MemoryLayout<Float>.stride
    }

    private var kept: [[Float]] = []
    private var newest: [Float]?
    private var every = 1, sinceKept = 0

    public init() {}

    /// The points in order: the first, the kept ones, and the newest.
    public var points: [[Float]] { kept + (newest.map { [$0] } ?? []) }

    public var isEmpty: Bool { kept.isEmpty }

    /// Adds the weights after an epoch (or before the first), read by `weights` only when the
    /// model is small enough to keep a path.
    mutating func append(weights count: Int, under memory: MemoryLimit, _ weights: () -> [Float]) {
        let capacity = WeightPath.capacity(weights: count, under: memory)
        guard capacity > 0 else { return }
        newest = nil
        sinceKept += 1
        guard kept.isEmpty || sinceKept >= every else {
            newest = weights()
            return
        }
        kept.append(weights())
        sinceKept = 0
        if kept.count > capacity {
            kept = Swift.stride(from: 0, to: kept.count, by: 2).map { kept[$0] }
            every *= 2
        }
    }
}
