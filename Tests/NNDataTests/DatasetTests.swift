// Splitting and scaling: seeded, fitted on the training split, invertible for predictions.

import NNCore
import XCTest
@testable import NNData

final class DatasetTests: XCTestCase {
    private func dataset(_ count: Int) throws -> Dataset {
        Dataset(
            featureNames: ["x"], targetNames: ["y"],
            features: try Tensor(shape: [count, 1], scalars: (0..<count).map(Float.init)),
            targets: try Tensor(shape: [count, 1], scalars: (0..<count).map { Float($0 % 2) }))
    }

    func testSplitTakesTheCeilingOfTheTestShareAndKeepsEverySample() throws {
        var generator = SeededGenerator(seed: 1)
        let (train, test) = try dataset(28).split(testFraction: 0.2, generator: &generator)
        XCTAssertEqual(test.count, 6)
        XCTAssertEqual(train.count, 22)
        XCTAssertEqual(Set(train.features.scalars + test.features.scalars), Set((0..<28).map(Float.init)))
    }

    /// Keras: `split_at = floor(N · (1 − share))`; the held-out samples are the last ones, unshuffled.
    func testValidationSplitHoldsOutTheLastSamplesAsKerasDoes() throws {
        let (train, validation) = try dataset(10).holdingOut(validationShare: 0.25)
        XCTAssertEqual(train.features.scalars, (0..<7).map(Float.init))
        XCTAssertEqual(validation.features.scalars, [7, 8, 9])
        XCTAssertEqual(try dataset(3).holdingOut(validationShare: 0.1).validation.count, 1)
        XCTAssertThrowsError(try dataset(3).holdingOut(validationShare: 0.9)) { error in
            XCTAssertEqual((error as? DataError)?.message, "validation_split=0.9 of 3 samples leaves 0 to train on and 3 to validate on")
        }
    }

    /// scikit-learn's StandardScaler: each column by its own mean and population deviation.
    func testStandardizingWithoutAColumnScalesEachColumnByItsOwnStatistics() throws {
        var data = Dataset(
            featureNames: ["rooms", "area"], targetNames: ["price"],
            features: try Tensor(rows: [[2, 1000], [3, 1500], [4, 2600]]), targets: try Tensor(rows: [[1], [2], [3]]))
        let scalings = try XCTUnwrap(data.fittedToEachFeature("standardize"))
        // rooms: mean 3, deviation √(2/3); area: mean 1700, deviation √((700² + 200² + 900²) / 3)
        let roomsDeviation = (2.0 / 3).squareRoot(), areaDeviation = ((490_000.0 + 40_000 + 810_000) / 3).squareRoot()
        XCTAssertEqual(scalings, [.standardize(mean: 3, deviation: roomsDeviation), .standardize(mean: 1700, deviation: areaDeviation)])
        data.scaleEachFeature(with: scalings)
        let expected = [-1 / roomsDeviation, -700 / areaDeviation, 0, -200 / areaDeviation, 1 / roomsDeviation, 900 / areaDeviation]
        for (value, hand) in zip(data.features.scalars, expected) { XCTAssertEqual(Double(value), hand, accuracy: 1e-6) }
        XCTAssertEqual(data.scalings["area"], scalings[1])
        XCTAssertEqual(data.targets.scalars, [1, 2, 3], "the target is not a feature")
    }

    func testMinMaxOfImagesWorksPerPixelPosition() throws {
        var images = Dataset(featureNames: [], targetNames: ["label"], features: try Tensor(shape: [2, 1, 2], scalars: [0, 10, 4, 30]), targets: try Tensor(rows: [[0], [1]]))
        images.scaleEachFeature(with: try XCTUnwrap(images.fittedToEachFeature("min-max")))
        XCTAssertEqual(images.features.scalars, [0, 0, 1, 1])
    }

    /// A second image set given to a model trained on per-pixel standardized images is scaled
    /// by the training images' mean and deviation of each pixel, whatever it was scaled by
    /// itself, and a `divide=` before or after the fitted scaling keeps its place.
    func testASecondImageSetIsScaledByTheTrainingImagesStatisticsOfEachPixel() throws {
        func images(_ scalars: [Float]) throws -> Dataset {
            Dataset(featureNames: [], targetNames: ["label"], features: try Tensor(shape: [scalars.count / 2, 1, 2], scalars: scalars), targets: try Tensor(rows: [[0]]))
        }
        // Pixel 1: 0 and 4, mean 2, deviation 2; pixel 2: 10 and 30, mean 20, deviation 10.
        var train = try images([0, 10, 4, 30])
        train.scaleEachFeature(with: try XCTUnwrap(train.fittedToEachFeature("standardize")))
        XCTAssertEqual(train.positionScalings, [.standardize(mean: 2, deviation: 2), .standardize(mean: 20, deviation: 10)])
        var raw = try images([2, 40])
        XCTAssertEqual(raw.scaleColumns(as: train), ["*"])
        XCTAssertEqual(raw.features.scalars, [0, 2], "(2 − 2) / 2 and (40 − 20) / 10")
        var halved = try images([2, 40])
        halved.scaleFeatures(with: .divide(2))
        _ = halved.scaleColumns(as: train)
        XCTAssertEqual(halved.features.scalars, [0, 2], "its own division undone first")
        XCTAssertEqual(halved.positionScalings, train.positionScalings)
        XCTAssertNil(halved.scalings["*"])

        // Divided by 2 before standardizing: pixel 1 is 0 and 2 (mean 1, deviation 1), pixel 2
        // 5 and 15 (mean 10, deviation 5); then halved again after.
        var divided = try images([0, 10, 4, 30])
        divided.scaleFeatures(with: .divide(2))
        divided.scaleEachFeature(with: try XCTUnwrap(divided.fittedToEachFeature("standardize")))
        divided.scaleFeatures(with: .divide(2))
        var second = try images([2, 40])
        _ = second.scaleColumns(as: divided)
        XCTAssertEqual(second.features.scalars, [0, 1], "((2 / 2 − 1) / 1) / 2 and ((40 / 2 − 10) / 5) / 2")
    }

    func testSplitIsReproducibleWithTheSeed() throws {
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
        XCTAssertEqual(try dataset(50).split(testFraction: 0.3, generator: &a).test, try dataset(50).split(testFraction: 0.3, generator: &b).test)
    }

    func testStratifiedSplitKeepsClassShares() throws {
        var generator = SeededGenerator(seed: 2)
        let (_, test) = try dataset(40).split(testFraction: 0.25, stratify: true, generator: &generator)
        XCTAssertEqual(test.targets.scalars.filter { $0 == 1 }.count, 5)
        XCTAssertEqual(test.targets.scalars.filter { $0 == 0 }.count, 5)
    }

    /// scikit-learn's rule: ⌈0.25 · 80⌉ = 20 test samples in all, shared among 8 classes of 10 in
    /// proportion (2.5 each: 2 each, and the 4 left over to 4 classes drawn with the seed), not
    /// ⌈2.5⌉ = 3 of each, which would make 24.
    func testAStratifiedSplitTakesTheTestShareOfAllSamplesAndSharesItAmongTheClasses() throws {
        let data = Dataset(
            featureNames: ["x"], targetNames: ["y"], features: try Tensor(shape: [80, 1], scalars: (0..<80).map(Float.init)),
            targets: try Tensor(shape: [80, 1], scalars: (0..<80).map { Float($0 % 8) }))
        var a = SeededGenerator(seed: 4), b = SeededGenerator(seed: 4)
        let (train, test) = try data.split(testFraction: 0.25, stratify: true, generator: &a)
        XCTAssertEqual(test.count, 20)
        XCTAssertEqual(train.count, 60)
        let perClass = (0..<8).map { label in test.targets.scalars.filter { $0 == Float(label) }.count }
        XCTAssertEqual(perClass.sorted(), [2, 2, 2, 2, 3, 3, 3, 3])
        XCTAssertEqual(try data.split(testFraction: 0.25, stratify: true, generator: &b).test, test)
        XCTAssertEqual(Dataset.apportion(20, among: [40, 24, 16], generator: &a), [10, 6, 4])
        // 3.5, 1 and 0.5: the one left over goes to one of the two halves, drawn with the seed.
        XCTAssertTrue([[4, 1, 0], [3, 1, 1]].contains(Dataset.apportion(5, among: [7, 2, 1], generator: &a)))
    }

    func testStratifyingNumbersThatAreNotClassesIsRefused() throws {
        var generator = SeededGenerator(seed: 1)
        let prices = Dataset(
            featureNames: ["x"], targetNames: ["price"], features: try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4]),
            targets: try Tensor(shape: [4, 1], scalars: [1.5, 2, 7.25, 3]))
        XCTAssertThrowsError(try prices.split(testFraction: 0.5, stratify: true, generator: &generator)) { error in
            XCTAssertEqual((error as? DataError)?.message, "stratify needs class targets (whole numbers 0, 1, 2, … or one-hot rows), not other numbers")
        }
    }

    /// As scikit-learn: a class of one sample cannot be in both splits. Whole-number prices
    /// look like classes of one sample each.
    func testStratifyingClassesOfOneSampleIsRefused() throws {
        var generator = SeededGenerator(seed: 1)
        let prices = Dataset(
            featureNames: ["x"], targetNames: ["price"], features: try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4]),
            targets: try Tensor(shape: [4, 1], scalars: [80, 76, 86, 90]))
        XCTAssertThrowsError(try prices.split(testFraction: 0.5, stratify: true, generator: &generator)) { error in
            XCTAssertEqual((error as? DataError)?.message, "stratify needs at least 2 samples of each class, but class 76 has only 1")
            XCTAssertEqual((error as? DataError)?.hint, "most targets are classes of their own: for numbers to predict, split without stratify=true")
        }
    }

    /// Gathered class by class, both splits would start with every sample of class 0; shuffled
    /// after stratifying, the classes are mixed, and the same seed mixes them the same way.
    func testStratifiedSplitsAreShuffledAfterStratifyingWithTheSeed() throws {
        let sorted = Dataset(
            featureNames: ["x"], targetNames: ["y"], features: try Tensor(shape: [60, 1], scalars: (0..<60).map(Float.init)),
            targets: try Tensor(shape: [60, 1], scalars: (0..<60).map { Float($0 / 20) }))
        var a = SeededGenerator(seed: 3), b = SeededGenerator(seed: 3)
        let (train, test) = try sorted.split(testFraction: 0.25, stratify: true, generator: &a)
        let again = try sorted.split(testFraction: 0.25, stratify: true, generator: &b)
        XCTAssertEqual(again.train, train)
        XCTAssertEqual(again.test, test)
        for split in [train.targets.scalars, test.targets.scalars] {
            XCTAssertNotEqual(split, split.sorted(), "sorted by class: \(split)")
            XCTAssertGreaterThan(zip(split, split.dropFirst()).filter { $0 != $1 }.count, 3, "the classes alternate more than in three blocks: \(split)")
        }
        XCTAssertEqual([0, 1, 2].map { label in test.targets.scalars.filter { $0 == Float(label) }.count }, [5, 5, 5])
        XCTAssertEqual(Set(train.features.scalars + test.features.scalars).count, 60)
    }

    func testSplitRefusesSharesOutsideZeroToOne() throws {
        var generator = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try dataset(10).split(testFraction: 1.5, generator: &generator)) { error in
            XCTAssertEqual((error as? DataError)?.message, "the test share must lie between 0 and 1, not 1.5")
        }
    }

    func testScalingIsRememberedAndInverted() throws {
        var data = try dataset(5)
        try data.scale(column: "x", with: .divide(100))
        XCTAssertEqual(data.features.scalars, [0, 0.01, 0.02, 0.03, 0.04])
        try data.scale(column: "x", with: .minMax(low: 0, high: 0.04))
        XCTAssertEqual(data.scalings["x"]?.apply(4) ?? .nan, 1, accuracy: 1e-12)
        XCTAssertEqual(data.scalings["x"]?.invert(0.5) ?? .nan, 2, accuracy: 1e-12)
    }

    func testFittedScalings() {
        XCTAssertEqual(ColumnScaling.fitted("min-max", to: [2, 4, 6]), .minMax(low: 2, high: 6))
        XCTAssertEqual(ColumnScaling.fitted("standardize", to: [1, 3]), .standardize(mean: 2, deviation: 1))
    }

    func testScalingAnUnknownColumnNamesTheColumns() throws {
        var data = try dataset(3)
        XCTAssertThrowsError(try data.scale(column: "age", with: .divide(2))) { error in
            XCTAssertEqual((error as? DataError)?.hint, "the columns are x, y")
        }
    }
}
