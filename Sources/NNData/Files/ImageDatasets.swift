// Finding MNIST and Fashion-MNIST on this machine: never downloading, always saying where it looked.

import Foundation
import NNCore

/// The two image data sets of the course, found in local folders.
public enum ImageDatasets {
    public enum Kind: String, Sendable {
        case mnist
        case fashionMNIST = "fashion-mnist"

        /// What the labels stand for: Zalando's names for Fashion-MNIST's ten classes (as
        /// Keras' tutorial lists them); MNIST's digits are their own names.
        public var classNames: [String]? {
            switch self {
            case .mnist: nil
            case .fashionMNIST: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
            }
        }
    }

    /// Where Debian's `dataset-fashion-mnist` package puts the files.
    public static let debianFashionFolder = "/usr/share/datasets/fashion-mnist"

    static let files = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]

    /// The training and test sets (60,000 and 10,000 images of 28×28 pixels, values 0–255,
    /// labels 0–9), read from the files `locate` finds.
    public static func load(
        _ kind: Kind, folder: URL?, memory: MemoryLimit = .unlimited,
        environment: [String: String] = ProcessInfo.processInfo.environment, home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) throws(DataError) -> (train: Dataset, test: Dataset) {
        try read(try locate(kind, folder: folder, environment: environment, home: home), memory: memory)
    }

    /// The files of the data set: those in `folder` when it is given, else from the first place
    /// that has them: `$NNBOOK_DATA` (and its subfolder named after the data set), then for
    /// Fashion-MNIST Debian's package folder, then Keras' cache in `~/.keras/datasets`. Four IDX
    /// files, or Keras' one `mnist.npz`. Kept apart from reading so that a caller can watch the files.
    public static func locate(
        _ kind: Kind, folder: URL?,
        environment: [String: String] = ProcessInfo.processInfo.environment, home: URL = FileManager.default.homeDirectoryForCurrentUser
    ) throws(DataError) -> [URL] {
        if let folder {
            // The folder the notebook names is the one meant: another place would give other
            // data (or the same data, not the user's copy) without a word.
            if let paths = idxFiles(in: folder) { return paths }
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
            throw DataError(
                exists ? "the folder \(folder.path) does not hold the four IDX files of \(kind.rawValue)" : "there is no folder \(folder.path)",
                hint: "folder= names the folder of \(files.map { $0 + ".gz" }.joined(separator: ", ")) (each .gz or not); without folder=, nnbook looks in $NNBOOK_DATA\(kind == .fashionMNIST ? ", Debian's \(debianFashionFolder)" : "") and ~/.keras/datasets")
        }
        var folders: [URL] = []
        if let data = environment["NNBOOK_DATA"], !data.isEmpty {
            let root = URL(fileURLWithPath: data)
            folders += [root, root.appendingPathComponent(kind.rawValue)]
        }
        if kind == .fashionMNIST { folders.append(URL(fileURLWithPath: debianFashionFolder)) }
        let kerasCache = home.appendingPathComponent(".keras/datasets")
        folders.append(kerasCache.appendingPathComponent(kind.rawValue))
        var looked: [String] = []
        for candidate in folders {
            if let paths = idxFiles(in: candidate) { return paths }
            looked.append(candidate.path + "/")
        }
        if kind == .mnist {
            let npz = kerasCache.appendingPathComponent("mnist.npz")
            if FileManager.default.fileExists(atPath: npz.path) { return [npz] }
            looked.append(npz.path)
        }
        let how = kind == .fashionMNIST
            ? "install Debian's package (apt-get install dataset-fashion-mnist), or put the four IDX files (train-images-idx3-ubyte.gz, …) in a folder and give folder= or set NNBOOK_DATA"
            : "put MNIST's four IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) in a folder and give folder= or set NNBOOK_DATA; a Keras user's ~/.keras/datasets/mnist.npz works too. nnbook never downloads data"
        throw DataError("\(kind.rawValue) was not found; looked in " + looked.joined(separator: ", "), hint: how)
    }

    /// The training and test sets from the files `locate` returned.
    public static func read(_ files: [URL], memory: MemoryLimit = .unlimited) throws(DataError) -> (train: Dataset, test: Dataset) {
        files.count == 1 ? try fromKerasArchive(files[0], memory: memory) : try fromIDX(files, memory: memory)
    }

    /// The four files in `folder`, each raw or `.gz`; nil unless all four are there.
    static func idxFiles(in folder: URL) -> [URL]? {
        let found = files.compactMap { name -> URL? in
            [name + ".gz", name].map { folder.appendingPathComponent($0) }.first { FileManager.default.fileExists(atPath: $0.path) }
        }
        return found.count == files.count ? found : nil
    }

    private static func fromIDX(_ paths: [URL], memory: MemoryLimit) throws(DataError) -> (train: Dataset, test: Dataset) {
        func tensor(_ url: URL) throws(DataError) -> Tensor {
            let data = try DataFile.contents(of: url, path: url.path, memory: memory)
            return try IDXReader.read(data, path: url.path, memory: memory)
        }
        return (try pair(tensor(paths[0]), tensor(paths[1]), path: paths[1].path),
                try pair(tensor(paths[2]), tensor(paths[3]), path: paths[3].path))
    }

    private static func fromKerasArchive(_ url: URL, memory: MemoryLimit) throws(DataError) -> (train: Dataset, test: Dataset) {
        let data = try DataFile.contents(of: url, path: url.path, memory: memory)
        let arrays = try NumPyReader.archive(data, path: url.path, memory: memory)
        guard let xTrain = arrays["x_train"], let yTrain = arrays["y_train"], let xTest = arrays["x_test"], let yTest = arrays["y_test"] else {
            throw DataError("the archive lacks x_train, y_train, x_test or y_test", path: url.path)
        }
        return (try pair(xTrain, yTrain, path: url.path), try pair(xTest, yTest, path: url.path))
    }

    /// Whether arrays of these shapes make samples and their labels, as `pair` needs: what the
    /// checker asks of the shapes in file headers before anything is read. `arrays` names the
    /// two arrays of a `.npz` archive; without it they are the two files of an IDX or `.npy` pair.
    public static func checkPair(images: [Int], labels: [Int], path: String, arrays: (features: String, labels: String)? = nil) throws(DataError) {
        try checkSamples(images, path: path, array: arrays?.features)
        let (imageCount, labelCount) = (images.first ?? 0, labels.first ?? 0)
        guard imageCount == labelCount else {
            guard let arrays else {
                throw DataError("there are \(imageCount) images but \(labelCount) labels", path: path, hint: "the images and labels files must come from the same set")
            }
            throw DataError(
                "\(arrays.features) holds \(imageCount) samples but \(arrays.labels) holds \(labelCount) labels", path: path,
                hint: "the two arrays must come from the same set, one label per sample")
        }
        // One label per sample (a list, or a column), or one row per sample (one-hot labels, as
        // Keras' to_categorical makes them); a (3, 2, 2) "labels" array is something else.
        guard labels.count == 1 || labels.count == 2 else {
            let shapes = "shape (\(labelCount)) for class numbers or (\(labelCount), CLASSES) for one-hot rows"
            guard let arrays else {
                throw DataError(
                    "the labels have shape \(Tensor.describe(labels)), but labels are one number or one row per image: \(shapes)", path: path,
                    hint: "the second file of the pair holds the labels, e.g. train-labels-idx1-ubyte")
            }
            throw DataError(
                "the labels \(arrays.labels) have shape \(Tensor.describe(labels)), but labels are one number or one row per sample: \(shapes)", path: path,
                hint: "name the array of labels with target=")
        }
    }

    /// Refuses an array of samples whose shape holds none, such as (0, 28, 28), as a CSV file
    /// without rows is refused: nothing could be trained or evaluated on it. `array` names it
    /// in a `.npz` archive.
    public static func checkSamples(_ shape: [Int], path: String, array: String? = nil) throws(DataError) {
        guard (shape.first ?? 0) == 0 else { return }
        throw DataError(
            "\(array ?? "the array") holds no samples: its shape is \(Tensor.describe(shape))", path: path,
            hint: "a data set needs at least one sample; the first number of the shape counts the samples")
    }

    /// The names of the target columns of `labels`: `label`, or `label=0`, `label=1`, … for one
    /// row per sample, as `one_hot` names its columns.
    public static func labelNames(columns: Int) -> [String] {
        columns == 1 ? ["label"] : (0..<columns).map { "label=\($0)" }
    }

    /// Images and their labels as one data set, checking that they belong together.
    public static func pair(_ images: Tensor, _ labels: Tensor, path: String, arrays: (features: String, labels: String)? = nil) throws(DataError) -> Dataset {
        try checkPair(images: images.shape, labels: labels.shape, path: path, arrays: arrays)
        let targets = labels.shape.count == 1 ? ((try? labels.reshaped([labels.rows, 1])) ?? labels) : labels
        var dataset = Dataset(featureNames: [], targetNames: labelNames(columns: targets.columns), features: images, targets: targets)
        dataset.origins = SampleOrigins(path: arrays.map { "\(path) (array \($0.labels))" } ?? path, samples: targets.rows)
        return dataset
    }
}
