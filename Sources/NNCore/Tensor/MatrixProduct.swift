// Matrix products: the one place where the core multiplies matrices, so that one function can be
// made fast without touching the layers that call it.

/// Which operand of a product is read transposed.
public enum Transpose: Sendable {
    case none, first, second
}

/// `c = a · b` (or with one operand transposed), written into `c`'s existing storage.
///
/// `a` is read as an `m × k` matrix of its rows and columns (or `k × m` when transposed),
/// `b` as `k × n` (or `n × k`). The loops run in i-k-j order so that the innermost loop walks
/// both `b` and `c` contiguously, which the compiler vectorises; the plain triple loop is
/// kept in `referenceProduct` for reading and for tests.
public func matrixProduct(
    _ a: Tensor, _ b: Tensor, transpose: Transpose = .none, into c: inout Tensor, accumulate: Bool = false
) {
    let (m, k, n): (Int, Int, Int)
    switch transpose {
    case .none: (m, k, n) = (a.rows, a.columns, b.columns)
    case .first: (m, k, n) = (a.columns, a.rows, b.columns)
    case .second: (m, k, n) = (a.rows, a.columns, b.rows)
    }
    precondition(c.rows == m && c.columns == n, "product result has shape \(c.shape), expected [\(m), \(n)]")
    a.scalars.withUnsafeBufferPointer { pa in
        b.scalars.withUnsafeBufferPointer { pb in
            c.scalars.withUnsafeMutableBufferPointer { pc in
                if !accumulate {
                    for index in 0..<(m * n) { pc[index] = 0 }
                }
                switch transpose {
                case .none:
                    for i in 0..<m {
                        for p in 0..<k {
                            let scale = pa[i * k + p]
                            if scale == 0 { continue }
                            let rowB = p * n, rowC = i * n
                            for j in 0..<n { pc[rowC + j] = pc[rowC + j] + scale * pb[rowB + j] }
                        }
                    }
                case .first:
                    for p in 0..<k {
                        for i in 0..<m {
                            let scale = pa[p * m + i]
                            if scale == 0 { continue }
                            let rowB = p * n, rowC = i * n
                            for j in 0..<n { pc[rowC + j] = pc[rowC + j] + scale * pb[rowB + j] }
                        }
                    }
                case .second:
                    for i in 0..<m {
                        for j in 0..<n {
                            var sum: Float = 0
                            for p in 0..<k { sum = sum + pa[i * k + p] * pb[j * k + p] }
                            pc[i * n + j] = pc[i * n + j] + sum
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
