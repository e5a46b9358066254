// `images clothes.test count=5 model=hidden`: samples drawn as pictures, with their labels and,
// given a model, its predictions.

import NNCore

/// Draws image samples of a data set in a row.
struct ImagesCommand: NotebookCommand {
    static let configuration = CommandConfiguration(
        verb: "images",
        summary: "draw image samples with their labels (and a model's predictions)",
        examples: ["images clothes.test", "images clothes.test count=8 model=hidden"], spellings: ["imshow"])

    @Argument(help: "the data set or split") var data: DatasetName
    @Option(help: "the number of the first sample to draw", minimum: 0, largest: ImagesCommand.lastSample) var start = 0
    @Option(help: "how many samples") var count = 1
    @Option(help: "a trained model whose predictions to show") var model: ModelName?

    func check(in context: inout CheckContext, at command: SourceRange) -> [Diagnostic] {
        if count < 1 || count > 50 { return [Diagnostic("count must be from 1 to 50", at: $count)] }
        let facts = context.facts(of: data)
        if let shape = facts?.sampleShape, let refusal = refusal(of: shape) { return [refusal] }
        if let samples = context.samples(in: data), start >= samples {
            return [Diagnostic(startBeyond(samples), at: $start, hint: samples == 1 ? "its one sample is number 0" : "the samples are numbered from 0 to \(samples - 1)")]
        }
        guard let model else { return [] }
        return FitChecks.predictions(of: model, on: data, in: context, for: "predict the images") { loss in
            // A regression's number read as a class would caption every image with a class the
            // model never meant.
            loss.predictsNumbers ? Diagnostic(
                "images with model= shows the class a classifier predicts for each image, but '\(model)' predicts numbers: it was compiled with \(loss.name)",
                at: model.range,
                hint: "give model= a classifier, compiled with binary_crossentropy or (sparse_)categorical_crossentropy; to measure '\(model)', use `evaluate \(model) on \(data)`")
                : nil
        }
    }

    /// Why samples of `shape` cannot be drawn, if they cannot: only greyscale images of
    /// (height, width) can. Colour images are told so, with how to make them greyscale.
    private func refusal(of shape: [Int]) -> Diagnostic? {
        switch shape.count {
        case 2:
            return nil
        case 3 where [3, 4].contains(shape[2]) || [3, 4].contains(shape[0]):
            return Diagnostic(
                "the samples of \(data) are colour images of shape \(Tensor.describe(shape)) (\(shape[2] == 3 || shape[2] == 4 ? shape[2] : shape[0]) channels), and images draws only greyscale ones of (height, width) for now",
                at: data.range,
                hint: "make them greyscale before loading, e.g. in NumPy: x = x @ [0.299, 0.587, 0.114] for channels last (the luminance of ITU-R BT.601), then np.save")
        case 1:
            return Diagnostic(
                "the samples of \(data) are rows of \(shape[0]) number\(shape[0] == 1 ? "" : "s"), not images of (height, width)", at: data.range,
                hint: "images draws data sets of pictures, such as mnist or fashion-mnist; for a table use `show \(data)`")
        default:
            return Diagnostic(
                "the samples of \(data) have shape \(Tensor.describe(shape)), not the (height, width) of a greyscale image", at: data.range,
                hint: "images draws data sets of pictures, such as mnist or fashion-mnist")
        }
    }

    /// The last sample of the data set a line names: the largest start there is.
    @Sendable private static func lastSample(_ values: [String: TypedValue], _ context: CheckContext) -> (value: Int, why: String)? {
        guard let written = values["data"] else { return nil }
        let data = DatasetName(checked: written, at: SourceRange(line: 0, column: 0))
        guard let samples = context.samples(in: data), samples > 0 else { return nil }
        return (samples - 1, "the last sample of \(data), which has \(samples)")
    }

    /// The check's and the run's words for a `start` past the last of `samples` samples.
    private func startBeyond(_ samples: Int) -> String {
        "\(data) has only \(samples) sample\(samples == 1 ? "" : "s"), so start must be below \(samples)"
    }

    func run(in state: RunState, at command: SourceRange) throws(RunError) -> [Output] {
        let dataset = try state.dataset(data)
        let shape = dataset.features.sampleShape
        if let refusal = refusal(of: shape) { throw RunError(refusal.message, hint: refusal.hint, at: data.range) }
        guard start < dataset.count else { throw RunError(startBeyond(dataset.count), at: $start) }
        let indices = Array(start..<(start + min(count, dataset.count - start)))
        let samples = dataset.subset(indices)
        var predicted: [Int]?
        // With a model, the labels and predictions are read as the model learned them: its
        // classes, and pixels scaled as its training images were; data it would refuse to be
        // measured on are refused here too.
        var asLearned = samples
        var labels = Classes.of(truth: samples.targets)
        if let model {
            let entry = try state.model(model)
            asLearned = try RunState.measured(samples, named: data, by: entry, model: model).samples
            predicted = Classes.of(predictions: entry.predict(asLearned.features))
            labels = try RunState.trueClasses(of: asLearned, named: data, model: model)
        }
        let tiles = indices.enumerated().map { position, index -> ImageGrid.Tile in
            var lines = ["#\(index): label \(asLearned.className(labels[position]))"]
            let mistaken = predicted.map { $0[position] != labels[position] } ?? false
            // A mistake is marked in words too, not by its colour alone, for readers who do not
            // see red, and in the alternative text.
            if let predicted { lines.append("predicted \(asLearned.className(predicted[position]))" + (mistaken ? " ✗" : "")) }
            return .init(
                width: shape[1], height: shape[0], pixels: Array(samples.features.row(position)), captionLines: lines, mistaken: mistaken)
        }
        let text = tiles.map(\.caption).joined(separator: "; ")
        return [.figure(Figure(name: "images-\(start)", caption: text, kind: .images(ImageGrid(tiles: tiles)))), .text(text)]
    }
}
