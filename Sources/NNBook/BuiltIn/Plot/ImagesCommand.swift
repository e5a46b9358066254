// `images clothes.test count=5 model=hidden`: samples drawn as pictures, with their labels and,
// given a model, its predictions.

import NNCore

/// Draws image samples of a data set in a row.
struct ImagesCommand: CellCommand {
    let schema = CommandSchema(
        verb: "images",
        summary: "draw image samples with their labels (and a model's predictions)",
        arguments: [ArgumentSchema("data", .uses(.dataset), summary: "the data set or split")],
        options: [
            OptionSchema("start", .integer, summary: "the first sample (from 0)", default: .integer(0)),
            OptionSchema("count", .integer, summary: "how many samples", default: .integer(1)),
            OptionSchema("model", .uses(.model), summary: "a trained model whose predictions to show"),
        ],
        examples: ["images clothes.test", "images clothes.test count=8 model=hidden"])

    func check(_ invocation: Invocation, in context: inout CheckContext) -> [Diagnostic] {
        let count = invocation.integer("count") ?? 1
        if count < 1 || count > 50 { return [Diagnostic("count must be from 1 to 50", at: invocation.range(of: "count"))] }
        if (invocation.integer("start") ?? 0) < 0 { return [Diagnostic("start must be 0 or more", at: invocation.range(of: "start"))] }
        return []
    }

    func run(_ invocation: Invocation, in state: RunState) throws(RunError) -> [Output] {
        let reference = invocation.string("data") ?? ""
        let data = try state.dataset(reference, at: invocation.range(of: "data"))
        let shape = data.features.sampleShape
        guard shape.count == 2 else {
            throw RunError("the samples of \(reference) have shape \(Tensor.describe(shape)), not the (height, width) of an image", at: invocation.range(of: "data"))
        }
        let start = invocation.integer("start") ?? 0
        let indices = Array(start..<min(start + (invocation.integer("count") ?? 1), data.count))
        guard !indices.isEmpty else { throw RunError("\(reference) has only \(data.count) samples", at: invocation.range(of: "start")) }
        let samples = data.subset(indices)
        var predicted: [Int]?
        if let name = invocation.string("model") {
            let entry = try state.model(name, at: invocation.range(of: "model"))
            guard entry.model.isBuilt, entry.model.inputShape == shape else {
                throw RunError("the model '\(name)' has not been trained on images of this shape", at: invocation.range(of: "model"))
            }
            predicted = Classes.of(predictions: entry.model.predict(samples.features))
        }
        let labels = Classes.of(truth: samples.targets)
        let tiles = indices.enumerated().map { position, index -> ImageGrid.Tile in
            var caption = "#\(index): label \(labels[position])"
            if let predicted { caption += ", predicted \(predicted[position])" }
            return .init(width: shape[1], height: shape[0], pixels: Array(samples.features.row(position)), caption: caption)
        }
        let text = tiles.map(\.caption).joined(separator: "; ")
        return [.figure(Figure(name: "images-\(start)", caption: text, kind: .images(ImageGrid(tiles: tiles)))), .text(text)]
    }
}
