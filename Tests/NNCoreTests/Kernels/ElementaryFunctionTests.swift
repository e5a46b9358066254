// nnbook's own exp, log, tanh and sigmoid: within their documented error of a long-double
// reference over the whole Float range, and the same bits from every kernel path.

import Foundation
import XCTest
@testable import NNCore

// The reference: x86-64's 80-bit long double where Swift has it, else Double; either is within
// a small fraction of a Float ulp of the exact value.
#if arch(x86_64)
private typealias Exact = Float80
#else
private typealias Exact = Double
#endif

final class ElementaryFunctionTests: XCTestCase {
    override func tearDown() { KernelPaths.restoreFastest() }

    /// Every 1025th Float bit pattern (about 4.2 million inputs, both signs, every exponent).
    private let inputs: [Float] = stride(from: UInt64(0), to: 1 << 32, by: 1025).map { Float(bitPattern: UInt32($0)) }

    /// |computed − exact| in units of the last place of the exact value rounded to Float.
    private func ulps(_ computed: Float, _ exact: Exact) -> Double {
        let rounded = Float(exact)
        let ulp = Exact(rounded.magnitude.nextUp - rounded.magnitude)
        return Double(abs(Exact(computed) - exact) / ulp)
    }

    private func worst(_ function: (Float) -> Float, _ exact: (Exact) -> Exact, where valid: (Float) -> Bool) -> (Double, Float) {
        var result: (Double, Float) = (0, 0)
        for x in inputs where x.isFinite && valid(x) {
            let e = exact(Exact(x))
            guard e.isFinite, abs(e) >= Exact(Float.leastNormalMagnitude), abs(e) <= Exact(Float.greatestFiniteMagnitude) else { continue }
            let error = ulps(function(x), e)
            if error > result.0 { result = (error, x) }
        }
        return result
    }

    func testExpIsWithinItsDocumentedError() {
        let (error, x) = worst(Elementary.exp, { Foundation.exp($0) }, where: { _ in true })
        XCTAssertLessThanOrEqual(error, 1.1, "worst at \(x)")
    }

    func testLogIsWithinItsDocumentedError() {
        let (error, x) = worst(Elementary.log, { Foundation.log($0) }, where: { $0 > 0 })
        XCTAssertLessThanOrEqual(error, 0.8, "worst at \(x)")
    }

    func testTanhAndSigmoidAreWithinTheirDocumentedError() {
        let (tanhError, tanhAt) = worst(Elementary.tanh, { Foundation.tanh($0) }, where: { _ in true })
        XCTAssertLessThanOrEqual(tanhError, 3, "tanh worst at \(tanhAt)")
        let (sigmoidError, sigmoidAt) = worst(Elementary.sigmoid, { 1 / (1 + Foundation.exp(-$0)) }, where: { _ in true })
        XCTAssertLessThanOrEqual(sigmoidError, 3, "sigmoid worst at \(sigmoidAt)")
    }

    func testSpecialValues() {
        XCTAssertEqual(Elementary.exp(0), 1)
        XCTAssertEqual(Elementary.exp(-.infinity), 0)
        XCTAssertEqual(Elementary.exp(.infinity), .infinity)
        XCTAssertEqual(Elementary.exp(100), .infinity)
        XCTAssertEqual(Elementary.exp(-100), 0)
        XCTAssertTrue(Elementary.exp(.nan).isNaN)
        XCTAssertEqual(Elementary.log(1), 0)
        XCTAssertEqual(Elementary.log(0), -.infinity)
        XCTAssertEqual(Elementary.log(.infinity), .infinity)
        XCTAssertTrue(Elementary.log(-1).isNaN)
        XCTAssertEqual(Elementary.log(Float.leastNonzeroMagnitude), -103.27893, accuracy: 1e-4)
        XCTAssertEqual(Elementary.tanh(0).bitPattern, Float(0).bitPattern)
        XCTAssertEqual(Elementary.tanh(-0.0).bitPattern, Float(-0.0).bitPattern)
        XCTAssertEqual(Elementary.tanh(1000), 1)
        XCTAssertEqual(Elementary.tanh(-1000), -1)
        XCTAssertEqual(Elementary.sigmoid(1000), 1)
        XCTAssertEqual(Elementary.sigmoid(-1000), 0)
        XCTAssertEqual(Elementary.sigmoid(0), 0.5)
    }

    /// The C kernels of every path give exactly the Swift functions' bits, NaN included, on
    /// every 8191st Float.
    func testEveryPathGivesTheBitsOfTheSwiftFunctions() throws {
        let x = stride(from: UInt64(0), to: 1 << 32, by: 8191).map { Float(bitPattern: UInt32($0)) }
        let expected: [(String, [Float], (Tensor) -> Tensor)] = [
            ("exp", x.map(Elementary.exp), { Tensor(shape: $0.shape, scalarsOf: Kernels.exp($0.scalars)) }),
            ("log", x.map(Elementary.log), { Tensor(shape: $0.shape, scalarsOf: Kernels.log($0.scalars)) }),
            ("sigmoid", x.map(Elementary.sigmoid), { var t = $0; Kernels.forward(.sigmoid, &t); return t }),
            ("tanh", x.map(Elementary.tanh), { var t = $0; Kernels.forward(.tanh, &t); return t }),
        ]
        let tensor = try Tensor(shape: [x.count], scalars: x)
        for path in KernelPath.available {
            KernelPath.use(path)
            for (name, values, kernel) in expected {
                let computed = kernel(tensor).scalars
                let differing = zip(computed, values).filter { $0.bitPattern != $1.bitPattern && !($0.isNaN && $1.isNaN) }.count
                XCTAssertEqual(differing, 0, "\(name) on \(path)")
            }
        }
    }
}

private extension Tensor {
    init(shape: [Int], scalarsOf values: [Float]) {
        self.init(shape: shape)
        scalars = values
    }
}
