// A block of Float32 numbers with a shape: the one data type the neural-net core computes on.

/// A contiguous, row-major array of `Float` with a shape such as `[60000, 28, 28]`.
///
/// The first dimension is always the sample (batch) dimension, as in Keras. Layers see a tensor
/// as a matrix of `rows` samples by `columns` numbers per sample; `flatten` only changes how the
/// numbers after the first dimension are grouped, never the numbers themselves.
public struct Tensor: Equatable, Sendable {
    public private(set) var shape: [Int]
    public var scalars: [Float]

    /// Creates a tensor, checking that the shape accounts for every scalar.
    public init(shape: [Int], scalars: [Float]) throws(ShapeError) {
        guard shape.allSatisfy({ $0 >= 0 }), shape.reduce(1, *) == scalars.count else {
            throw ShapeError("a shape of \(Tensor.describe(shape)) holds \(shape.reduce(1, *)) numbers, but \(scalars.count) were given")
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with one value.
    public init(shape: [Int], repeating value: Float = 0) {
        self.shape = shape
        self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A matrix from rows of numbers; every row must have the same length.
    public init(rows: [[Float]]) throws(ShapeError) {
        let width = rows.first?.count ?? 0
        if let ragged = rows.firstIndex(where: { $0.count != width }) {
            throw ShapeError("row \(ragged + 1) has \(rows[ragged].count) numbers but row 1 has \(width)")
        }
        self.shape = [rows.count, width]
        self.scalars = rows.flatMap { $0 }
    }

    /// The number of samples: the first dimension.
    public var rows: Int { shape.first ?? 0 }

    /// The numbers per sample: the product of every dimension after the first.
    public var columns: Int { shape.dropFirst().reduce(1, *) }

    /// The shape of one sample, e.g. `[28, 28]` for an MNIST image.
    public var sampleShape: [Int] { Array(shape.dropFirst()) }

    public subscript(row: Int, column: Int) -> Float {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }

    /// The numbers of one sample.
    public func row(_ index: Int) -> ArraySlice<Float> {
        scalars[(index * columns)..<((index + 1) * columns)]
    }

    /// The same numbers seen with another shape of the same size.
    public func reshaped(_ newShape: [Int]) throws(ShapeError) -> Tensor {
        try Tensor(shape: newShape, scalars: scalars)
    }

    /// The samples at the given indices, in that order.
    public func gathering(rows indices: [Int]) -> Tensor {
        var result = Tensor(shape: [indices.count] + sampleShape)
        gather(rows: indices[...], into: &result)
        return result
    }

    /// Copies the samples at `indices` into `target`, reusing its storage: the training loop
    /// gathers every batch this way without allocating.
    public func gather(rows indices: ArraySlice<Int>, into target: inout Tensor) {
        target.ensureShape([indices.count] + sampleShape)
        let width = columns
        scalars.withUnsafeBufferPointer { source in
            target.scalars.withUnsafeMutableBufferPointer { destination in
                Kernels.gatherRows(source, indices, width: width, into: destination)
            }
        }
    }

    /// Starts bringing the samples at `indices` into the cache without waiting for them, so that
    /// a `gather` of them soon after does not wait on main memory. Changes nothing.
    public func prefetch(rows indices: ArraySlice<Int>) {
        let width = columns
        scalars.withUnsafeBufferPointer { source in Kernels.prefetchRows(source, indices, width: width) }
    }

    /// Copies another tensor's shape and values into this one's storage.
    public mutating func assign(_ other: Tensor) {
        ensureShape(other.shape)
        other.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { destination in
                guard let from = source.baseAddress, let to = destination.baseAddress else { return }
                to.update(from: from, count: source.count)
            }
        }
    }

    /// Changes the number of rows, keeping the sample shape.
    public mutating func resize(rows newRows: Int) {
        ensureShape([newRows] + sampleShape)
    }

    /// Gives the tensor `newShape`, keeping its storage when the size is unchanged, so that
    /// training reuses its buffers from one step to the next. Values are unspecified afterwards.
    public mutating func ensureShape(_ newShape: [Int]) {
        guard newShape != shape else { return }
        let needed = newShape.reduce(1, *)
        if scalars.count > needed {
            scalars.removeLast(scalars.count - needed)
        } else if scalars.count < needed {
            scalars.append(contentsOf: repeatElement(0, count: needed - scalars.count))
        }
        shape = newShape
    }

    /// `[28, 28]` reads as `(28, 28)`, the way Keras prints shapes.
    public static func describe(_ shape: [Int]) -> String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}
