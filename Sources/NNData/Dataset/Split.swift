// Splitting a data set into training and test samples, holding out validation samples, and
// taking a smaller subset, reproducibly.

import NNCore

extension Dataset {
    /// Shuffles the samples with `generator` and puts ⌈fraction · N⌉ of them in the test split,
    /// the rest in the training split (scikit-learn's `train_test_split` rule). With `stratify`,
    /// the same test count is shared among the classes in proportion to their sizes, and each
    /// class is split on its own, so both splits keep the class proportions; each split is then
    /// shuffled again: gathered class by class, it would hold all of one class first.
    public func split(testFraction: Double, stratify: Bool = false, generator: inout SeededGenerator) throws(DataError) -> (train: Dataset, test: Dataset) {
        guard testFraction > 0, testFraction < 1 else {
            throw DataError("the test share must lie between 0 and 1, not \(testFraction)", hint: "test=0.2 keeps a fifth of the samples for testing")
        }
        guard count >= 2 else {
            throw DataError("a data set of \(count) sample\(count == 1 ? "" : "s") cannot be split")
        }
        if stratify, let problem = stratifyProblem { throw problem }
        let (train, test) = Dataset.splitIndices(
            of: count, testFraction: testFraction, stratifiedBy: stratify ? Classes.of(truth: targets) : nil, generator: &generator)
        return (subset(train), subset(test))
    }

    /// Which of `count` samples go to the test split and which to the training split, drawn
    /// from `generator`; `labels` are the class of each sample for a stratified split. The run
    /// splits by it, and the check replays it on the classes it read, so that it knows the
    /// draws every later seeded choice starts from.
    public static func splitIndices(
        of count: Int, testFraction: Double, stratifiedBy labels: [Int]?, generator: inout SeededGenerator
    ) -> (train: [Int], test: [Int]) {
        let testCount = min(Int((testFraction * Double(count)).rounded(.up)), count - 1)
        guard let labels else {
            let order = generator.permutation(count)
            return (Array(order.dropFirst(testCount)), Array(order.prefix(testCount)))
        }
        var test: [Int] = [], train: [Int] = []
        let classes = Set(labels).sorted()
        let members = classes.map { label in labels.indices.filter { labels[$0] == label } }
        let shares = apportion(testCount, among: members.map(\.count), generator: &generator)
        for (indices, share) in zip(members, shares) {
            let order = generator.permutation(indices.count).map { indices[$0] }
            test += order.prefix(share)
            train += order.dropFirst(share)
        }
        test = generator.permutation(test.count).map { test[$0] }
        train = generator.permutation(train.count).map { train[$0] }
        return (train, test)
    }

    /// Why the targets cannot be stratified, if they cannot: stratifying keeps each class's
    /// share, so the targets must be classes, as scikit-learn refuses continuous targets.
    public var stratifyProblem: DataError? {
        let isClasses = targets.columns == 1
            ? targets.scalars.allSatisfy { $0.classNumber != nil }
            : targets.columns > 1 && (0..<targets.rows).allSatisfy { row in
                let values = targets.row(row)
                return values.allSatisfy { $0 == 0 || $0 == 1 } && values.reduce(0, +) == 1
            }
        guard isClasses else { return Dataset.stratifyRefusal }
        return Dataset.stratifyProblem(ofClasses: Classes.of(truth: targets), named: className)
    }

    /// Why samples of these classes (in order) cannot be stratified: a class of one sample
    /// cannot be in both splits (scikit-learn refuses it too). Whole numbers to predict, such
    /// as prices, look like classes of one sample each.
    public static func stratifyProblem(ofClasses labels: [Int], named className: (Int) -> String) -> DataError? {
        var sizes: [Int: Int] = [:]
        for label in labels { sizes[label, default: 0] += 1 }
        guard let single = sizes.filter({ $0.value == 1 }).keys.min() else { return nil }
        return DataError(
            "stratify needs at least 2 samples of each class, but class \(className(single)) has only 1",
            // Most samples alone in their class are numbers to predict; a few samples of a few
            // classes (4 samples of 3 classes) are just too few.
            hint: sizes.values.filter { $0 == 1 }.count > labels.count / 2
                ? "most targets are classes of their own: for numbers to predict, split without stratify=true"
                : "split without stratify=true, or leave out the classes of one sample")
    }

    /// What a learner reads when `stratify=true` meets targets that are not classes.
    public static let stratifyRefusal = DataError(
        "stratify needs class targets (whole numbers 0, 1, 2, … or one-hot rows), not other numbers",
        hint: "stratify keeps each class's share in both splits; for numbers to predict, split without stratify=true")

    /// `total` shared among groups of `sizes` in proportion to them: each group gets the whole
    /// part of its exact share, and the few left over go to the largest remainders, ties drawn
    /// with `generator` (scikit-learn's rule for stratified splits).
    static func apportion(_ total: Int, among sizes: [Int], generator: inout SeededGenerator) -> [Int] {
        let all = sizes.reduce(0, +)
        guard all > 0 else { return sizes.map { _ in 0 } }
        var shares = sizes.map { $0 * total / all }
        let remainders = sizes.map { $0 * total % all }
        let tieBreak = generator.permutation(sizes.count)
        let order = sizes.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : tieBreak[a] < tieBreak[b]
        }
        for index in order.prefix(total - shares.reduce(0, +)) { shares[index] += 1 }
        return shares
    }
}

extension Dataset {
    /// Keras' `validation_split`: training keeps the first ⌊(1 − share) · N⌋ samples, in their
    /// order before any shuffling, and the rest are held out for validation. Both parts must
    /// keep at least one sample: a share above 0 always holds one out.
    public func holdingOut(validationShare share: Double) throws(DataError) -> (train: Dataset, validation: Dataset) {
        if let problem = Dataset.holdOutProblem(samples: count, validationShare: share) { throw problem }
        let trainCount = Dataset.trainingCount(samples: count, validationShare: share)
        return (subset(Array(0..<trainCount)), subset(Array(trainCount..<count)))
    }

    /// Why `validation_split=share` cannot divide `count` samples, if it cannot: the check asks
    /// before anything runs, knowing the count from the notebook, and the run asks again.
    public static func holdOutProblem(samples count: Int, validationShare share: Double) -> DataError? {
        let trainCount = trainingCount(samples: count, validationShare: share)
        guard share > 0, share < 1, trainCount > 0 else {
            return DataError(
                "validation_split=\(share) of \(count) sample\(count == 1 ? "" : "s") leaves \(max(trainCount, 0)) to train on and \(count - max(trainCount, 0)) to validate on",
                hint: "validation_split=0.2 keeps the last fifth of the samples for validation")
        }
        return nil
    }

    /// The samples `validation_split=share` leaves to train on: what the check counts the
    /// training steps' memory by.
    /// A share outside 0…1 (refused by both) counts as its nearer end, so that a share of 1e30
    /// is a count of samples too.
    public static func trainingCount(samples count: Int, validationShare share: Double) -> Int {
        Int((Double(count) * (1 - min(max(share, 0), 1))).rounded(.down))
    }
}

extension Dataset {
    /// `count` samples: the first ones when `shuffle` is false, else the first `count` of a
    /// seeded shuffle (so a subset of 2,000 images keeps every class, in about its share).
    public func taking(_ wanted: Int, shuffle: Bool, generator: inout SeededGenerator) throws(DataError) -> Dataset {
        guard wanted >= 1, wanted <= count else {
            throw DataError(
                "cannot take \(wanted) sample\(wanted == 1 ? "" : "s") of \(count)",
                hint: count == 1 ? "take 1 sample" : "take from 1 to \(count) samples")
        }
        return subset(Dataset.chosenIndices(wanted, of: count, shuffle: shuffle, generator: &generator))
    }

    /// The samples `taking` keeps of `count`, in order: the first ones, or the first of a
    /// permutation drawn from `generator`. The check replays it on the classes it read, so
    /// that it sees the run's choice (a class left with one sample) before anything runs.
    public static func chosenIndices(_ wanted: Int, of count: Int, shuffle: Bool, generator: inout SeededGenerator) -> [Int] {
        shuffle ? Array(generator.permutation(count).prefix(wanted)) : Array(0..<wanted)
    }
}
