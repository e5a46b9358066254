// Matrix products: the one place where the core multiplies matrices. Training goes through
// nnbook's own kernel (NNKernels); the plain loops stay beside it for reading and for tests.

import NNKernels

/// Which operand of a product is read transposed.
public enum Transpose: Sendable {
    case none, first, second
}

/// The matrix sizes of a product: `a` is m×k, `b` is k×n, `c` is m×n, after transposing.
private func dimensions(_ a: Tensor, _ b: Tensor, _ transpose: Transpose) -> (m: Int, k: Int, n: Int) {
    switch transpose {
    case .none: (a.rows, a.columns, b.columns)
    case .first: (a.columns, a.rows, b.columns)
    case .second: (a.rows, a.columns, b.rows)
    }
}

/// `c = a · b` (or with one operand transposed; `accumulate` adds to `c` instead), written into
/// `c`'s existing storage, on one thread, by the kernel path in use.
///
/// Every element is summed over k in order, each product rounded before it is added, exactly
/// as `loopProduct` below: the result has the same bits on every path and every machine.
public func matrixProduct(
    _ a: Tensor, _ b: Tensor, transpose: Transpose = .none, into c: inout Tensor, accumulate: Bool = false
) {
    let (m, k, n) = dimensions(a, b, transpose)
    precondition(c.rows == m && c.columns == n, "product result has shape \(c.shape), expected [\(m), \(n)]")
    guard m > 0, n > 0 else { return }
    let form: nnk_transpose = switch transpose {
    case .none: NNK_TRANSPOSE_NONE
    case .first: NNK_TRANSPOSE_FIRST
    case .second: NNK_TRANSPOSE_SECOND
    }
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            c.scalars.withUnsafeMutableBufferPointer { pc in
                nnk_matrix_product(pa.baseAddress, pb.baseAddress, pc.baseAddress, m, k, n, form, accumulate)
            }
        }
    }
}

/// The same product with plain loops in i-k-j order (the innermost loop walks `b` and `c`
/// contiguously): what `matrixProduct` computes, bit for bit, written so it can be read.
public func loopProduct(
    _ a: Tensor, _ b: Tensor, transpose: Transpose = .none, into c: inout Tensor, accumulate: Bool = false
) {
    let (m, k, n) = dimensions(a, b, transpose)
    precondition(c.rows == m && c.columns == n, "product result has shape \(c.shape), expected [\(m), \(n)]")
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            c.scalars.withUnsafeMutableBufferPointer { pc in
                if !accumulate {
                    for index in 0..<(m * n) { pc[index] = 0 }
                }
                for i in 0..<m {
                    for p in 0..<k {
                        let scale = transpose == .first ? pa[p * m + i] : pa[i * k + p]
                        let rowC = i * n
                        for j in 0..<n {
                            let bValue = transpose == .second ? pb[j * k + p] : pb[p * n + j]
                            pc[rowC + j] = pc[rowC + j] + scale * bValue
                        }
                    }
                }
            }
        }
    }
}

/// The textbook triple loop, `c[i][j] = Σ a[i][p] · b[p][j]`, for tests to compare against.
public func referenceProduct(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
    let n = b.first?.count ?? 0
    return a.map { row in
        (0..<n).map { j in
            var sum: Float = 0
            for p in row.indices { sum += row[p] * b[p][j] }
            return sum
        }
    }
}

