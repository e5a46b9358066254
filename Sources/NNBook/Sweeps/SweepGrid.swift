// The parameter values a sweep tries: `-p rate=0.05,0.5,2.5 -p epochs=100,1000` read, typed and
// checked against the notebook's front matter before anything runs, and every combination of
// them, in a fixed order.

import Foundation

/// The values of each swept parameter, and the runs they make.
public struct SweepGrid: Equatable, Sendable {
    /// One swept parameter and its values, in the order the command line lists them.
    public struct Axis: Equatable, Sendable {
        public let name: String
        public let type: ValueType
        public let values: [TypedValue]
    }

    /// One run of the sweep: a value for every swept parameter.
    public struct Combination: Equatable, Sendable {
        /// The values in the grid's axis order.
        public let values: [TypedValue]
        /// `-p` overrides that give this run, as `nnbook run` reads them back.
        public let overrides: [(name: String, value: String)]

        /// `rate=0.5 epochs=100`, for progress lines and the page.
        public var label: String { overrides.map { "\($0.name)=\($0.value)" }.joined(separator: " ") }

        public static func == (lhs: Combination, rhs: Combination) -> Bool { lhs.values == rhs.values }
    }

    /// A sweep larger than this needs `--max-runs`: a typo such as one more value in four lists
    /// should not start thousands of runs.
    public static let defaultMaxRuns = 1000

    /// The most runs one sweep makes, whatever `--max-runs` says: its combinations are made and
    /// checked before the first run, so a grid of a billion would fill the memory first.
    public static let largestSweep = 100_000

    public let axes: [Axis]

    /// The number of runs, or nil when it does not fit in an Int.
    public var count: Int? {
        var total = 1
        for axis in axes {
            let (product, overflow) = total.multipliedReportingOverflow(by: axis.values.count)
            if overflow { return nil }
            total = product
        }
        return total
    }

    /// Every combination, the last parameter changing fastest (as nested loops in the order the
    /// parameters were given).
    public var combinations: [Combination] {
        var result: [[TypedValue]] = [[]]
        for axis in axes {
            result = result.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
        return result.map { values in
            Combination(values: values, overrides: zip(axes, values).map { ($0.name, $1.text) })
        }
    }

    /// The parameters with more than one value: the ones a comparison is about.
    public var varied: [Axis] { axes.filter { $0.values.count > 1 } }

    /// A name for the sweep that the same parameter values always give, on any machine: runs
    /// started by `--print` on other machines and `--collect` agree on it without talking. A
    /// sweep is the set of combinations it tries, so neither the order of the `-p` options nor
    /// the order of the values in a list changes it: the parameters are taken by name and each
    /// one's values as a sorted set (the table keeps the order the user listed). It is FNV-1a of
    /// that text, as 12 hexadecimal digits (`earlierID`, the whole id of earlier nnbooks), then 4
    /// that check them, so that `nnbook run --sweep` can refuse an id no sweep makes (a typo,
    /// an id made up) without knowing the sweep.
    public var id: String {
        SweepGrid.checked(earlierID)
    }

    /// The id as nnbooks before the check digits gave it: runs recorded under it still count.
    public var earlierID: String {
        let text = axes.sorted { $0.name < $1.name }.map { axis in
            axis.name + "=" + axis.values.map(\.text).sorted().joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        return String(SweepGrid.fnv1a(text).prefix(12))
    }

    /// `hash` followed by its 4 check digits: SHA-256's, so that any one digit changed changes
    /// them (FNV-1a's top digits barely see its last byte).
    private static func checked(_ hash: String) -> String {
        hash + SHA256.hex(of: Data(("sweep " + hash).utf8)).prefix(4)
    }

    /// FNV-1a of `text`, as 16 hexadecimal digits.
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `id` is one a sweep makes: 16 hexadecimal digits whose last 4 check the others.
    public static func isSweepID(_ id: String) -> Bool {
        id.count == 16 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase } && checked(String(id.prefix(12))) == id
    }

    /// Reads `-p name=v1,v2,…` lists against the notebook's declared parameters. Every value is
    /// typed and checked, so a typo in the last value is found before the first run. Problems are
    /// command-line mistakes: the diagnostics have no place in the notebook.
    public static func parse(_ lists: [(name: String, values: String)], frontMatter: FrontMatter) -> Result<SweepGrid, DiagnosticList> {
        var diagnostics: [Diagnostic] = []
        var axes: [Axis] = []
        for (name, text) in lists {
            let parameter: ParameterDeclaration
            switch ParameterBinding.declaration(of: name, in: frontMatter) {
            case .success(let declared): parameter = declared
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            }
            if axes.contains(where: { $0.name == name }) {
                diagnostics.append(Diagnostic(
                    "the parameter '\(name)' is swept twice", at: nil,
                    hint: "list all its values in one option: -p \(name)=A,B,C"))
                continue
            }
            let items: [String]
            switch SweepValueList.split(text) {
            case .success(let split): items = split
            case .failure(let problem):
                diagnostics.append(Diagnostic(
                    "the values of '\(name)' do not parse: \(problem.description)", at: nil,
                    hint: "separate the values by commas, e.g. -p \(name)=\(parameter.defaultValue.text),…; commas inside quotes or brackets belong to one value"))
                continue
            }
            var values: [TypedValue] = []
            for item in items {
                switch ParameterBinding.value(item, of: parameter, in: frontMatter) {
                case .success(let value) where values.contains(value):
                    diagnostics.append(Diagnostic("the value \(value.text) of '\(name)' is listed twice", at: nil, hint: "list each value once"))
                case .success(let value): values.append(value)
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
            axes.append(Axis(name: name, type: parameter.type, values: values))
        }
        if lists.isEmpty {
            diagnostics.append(Diagnostic(
                "a sweep needs at least one -p NAME=V1,V2,…", at: nil,
                hint: ParameterBinding.declaredList(frontMatter)))
        }
        return diagnostics.isEmpty ? .success(SweepGrid(axes: axes)) : .failure(DiagnosticList(diagnostics))
    }
}
