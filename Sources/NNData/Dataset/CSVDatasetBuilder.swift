// Turning CSV records into a data set as they arrive: every field becomes a number (or a word's
// code) the moment its record ends, so a file is never held whole as text, and the numbers are
// counted against the memory limit as they accumulate.

import NNCore

/// The header, then each record, in; a data set out.
struct CSVDatasetBuilder {
    /// Where a column of the file goes while reading: numbers, or words kept by their number in
    /// the order they were first seen (their alphabetical order is only known at the end).
    private enum Source {
        case number
        case words(slot: Int)
    }

    /// Where a column of the data set takes its values from.
    private enum Output {
        case number(Int)
        case code(slot: Int)
        case oneHot(slot: Int, word: Int32)
    }

    let path: String
    /// The character between fields the file is read with.
    let separator: Character
    let targetNames: [String]
    let options: CSVColumnOptions
    let memory: MemoryLimit

    private(set) var header: [String]?
    private var headerLine = 1
    /// A mistake in the header's names (one missing, one twice), found at the header but told
    /// once a row has read as data under it: only then is the file known to be a CSV file, and
    /// its first line quoted. Until then it may be any file, its first line a secret. With
    /// `quoting` false, the mistake is told without quoting the header.
    private var headerProblem: ((_ quoting: Bool) -> DataError)?
    private var sources: [Source] = []
    private var numberWidth = 0
    private var numbers = ValueBlocks<Float>()
    /// Row after row, each word column's word as its place in `words[slot]`.
    private var wordIndices = ValueBlocks<Int32>()
    private var words: [[String: Int32]] = []
    /// Where each word of a slot first appeared, by its place in `words[slot]`.
    private var wordPlaces: [[(line: Int, column: Int)]] = []
    /// The line of each row kept: where an error about one sample sends the learner.
    private var lines: [Int] = []
    private var wordBytes = 0
    private var rowsRead = 0
    /// The rows read as data; from the first, the file's header and values may be quoted.
    private(set) var rowsKept = 0

    init(path: String, separator: Character, targets: [String], options: CSVColumnOptions, memory: MemoryLimit) {
        self.path = path
        self.separator = separator
        targetNames = targets
        self.options = options
        self.memory = memory
    }

    /// The memory the values read so far take.
    var bytes: Int { numbers.bytes + wordIndices.bytes + wordBytes }

    /// Refuses to go on when the values read so far and `pending` more bytes would not fit.
    func checkMemory(adding pending: Int, line: Int) throws(DataError) {
        guard bytes + pending > memory.bytes else { return }
        throw DataError(
            "the values read up to this line already fill the memory limit of \(MemoryLimit.describe(memory.bytes))", path: path, line: line, column: 1,
            hint: "load a smaller file (or fewer rows), or raise the limit with --memory-limit GB if the machine really has the memory")
    }

    mutating func add(_ record: CSVRecord) throws(DataError) {
        guard let header else { return try readHeader(record) }
        guard record.count == header.count else {
            throw DataError(
                "this row has \(record.count) field\(record.count == 1 ? "" : "s"), but the header has \(header.count)",
                path: path, line: record.fields[0].line, column: 1,
                hint: "check for a missing or extra separator; a field holding a comma must be quoted")
        }
        rowsRead += 1
        if options.missing == .drop, (0..<record.count).contains(where: { isMissing(record, $0) }) { return }
        let line = record.fields[0].line
        try checkMemory(adding: header.count * MemoryLayout<Float>.stride, line: line)
        var stored = true
        for (index, source) in sources.enumerated() {
            switch source {
            case .number:
                let place = record.fields[index]
                stored = numbers.append(try Dataset.number(
                    isMissing(record, index) ? "" : record.trimmedText(index), column: rowsKept > 0 ? header[index] : nil, index: index, line: place.line, column: place.column, missing: options.missing, path: path)) && stored
            case .words(let slot):
                let word = record.trimmedText(index)
                if let known = words[slot][word] {
                    stored = wordIndices.append(known) && stored
                } else {
                    let new = Int32(words[slot].count)
                    words[slot][word] = new
                    wordPlaces[slot].append((record.fields[index].line, record.fields[index].column))
                    wordBytes += word.utf8.count + 48
                    stored = wordIndices.append(new) && stored
                }
            }
        }
        guard stored else {
            throw DataError("the system has no memory left for the values of this file", path: path, line: line, column: 1, hint: MemoryLimit.hint(needing: 0))
        }
        rowsKept += 1
        lines.append(line)
        if rowsKept == 1 { try checkHeader() }
    }

    /// Whether field `index` of `record` is missing: blank, or one of the words that mark a
    /// missing value (read only when some are given).
    private func isMissing(_ record: CSVRecord, _ index: Int) -> Bool {
        record.isBlank(index) || (!options.missingMarks.isEmpty && options.missingMarks.contains(record.trimmedText(index)))
    }

    /// Throws the header's mistake, if it has one; quoting its names only once a row has read
    /// as data.
    func checkHeader() throws(DataError) {
        if let headerProblem { throw headerProblem(rowsKept > 0) }
    }

    /// The characters spreadsheets and databases separate fields with besides the comma.
    static let otherSeparators: [Character] = [";", "\t", "|", ","]

    /// "';'", "tabs": a separator as a message names it.
    static func describe(_ separator: Character) -> String {
        separator == "\t" ? "tabs" : "'\(separator)'"
    }

    private mutating func readHeader(_ record: CSVRecord) throws(DataError) {
        // `age, affordability` names the column `affordability`, as values are read without
        // the spaces around them: a name with a space first could not be written in a command.
        let names = (0..<record.count).map(record.trimmedText)
        let place = record.fields
        // A first line with control characters is no header of a CSV file (/proc/self/environ,
        // a binary file): it is not quoted back, since it may hold anything.
        if let odd = names.firstIndex(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control && !"\t\n\r".unicodeScalars.contains($0) } }) {
            throw DataError(
                "the first line is not a header of column names: it holds control characters, so this is not a CSV file", path: path, line: place[odd].line, column: place[odd].column,
                hint: "load csv reads text files whose first line names the columns, e.g. x1,x2,y")
        }
        // `x1;x2;y` read with ',' is one column: the fields are separated by another character,
        // which is named without quoting the line (the file may not be a CSV file at all).
        if names.count == 1, let other = CSVDatasetBuilder.otherSeparators.first(where: { $0 != separator && names[0].contains($0) }) {
            throw DataError(
                "the header is one column: its fields seem separated by \(CSVDatasetBuilder.describe(other)), not \(CSVDatasetBuilder.describe(separator))",
                path: path, line: place[0].line, column: 1,
                hint: "read it with separator=\(other == "\t" ? "\"\\t\"" : "\"\(other)\"") on the load line")
        }
        if let blank = names.firstIndex(where: \.isEmpty) {
            throw DataError("column \(blank + 1) of the header has no name", path: path, line: place[blank].line, column: place[blank].column)
        }
        var seen: [String: Int] = [:]
        headerLine = place[0].line
        for (index, name) in names.enumerated() {
            if let first = seen[name] {
                // Pointed at the name itself, past the spaces before it (`x, x`).
                let spaces = record.text(index).prefix { $0 == " " || $0 == "\t" }.count
                let (path, line, column) = (path, place[index].line, place[index].column + spaces)
                headerProblem = headerProblem ?? { quoting in
                    DataError(quoting ? "the column name \"\(name.excerpt())\" appears twice in the header" : "columns \(first + 1) and \(index + 1) of the header have the same name",
                              path: path, line: line, column: column,
                              hint: "give each column a name of its own: nnbook finds a column by its name (pandas would rename the second one)")
                }
            } else {
                seen[name] = index
            }
        }
        if let name = (targetNames + options.codes + options.oneHot).first(where: { seen[$0] == nil }) {
            let (path, line) = (path, headerLine)
            headerProblem = headerProblem ?? { quoting in
                var error = DataError(
                    "there is no column \"\(name.excerpt())\"", path: path, line: line, column: 1,
                    hint: quoting ? "the columns are \(names.excerptList())" : "no row under the header reads as data, so the header is not quoted; a CSV file names its columns on its first line")
                if quoting { error.absentColumn = AbsentColumn(name: name, columns: names) }
                return error
            }
        }
        let wordNames = Set(options.codes + options.oneHot)
        for name in names {
            if wordNames.contains(name) {
                sources.append(.words(slot: words.count))
                words.append([:])
                wordPlaces.append([])
            } else {
                sources.append(.number)
                numberWidth += 1
            }
        }
        header = names
    }

    /// The data set read: columns in the file's order (a one-hot column's words in its place),
    /// the targets apart. The values read are released as the data set is filled.
    mutating func dataset() throws(DataError) -> Dataset {
        guard let header else {
            throw DataError("the file is empty", path: path, hint: "a CSV file starts with a header row of column names")
        }
        guard rowsKept > 0 else {
            throw DataError(
                rowsRead == 0 ? "the file has a header but no rows of data" : "no rows are left once the rows with missing values are dropped",
                path: path, line: headerLine, column: 1, hint: "a data set needs at least one row of numbers under the header")
        }
        let sortedWords = words.map { $0.keys.sorted() }
        let targetSet = Set(targetNames), codeSet = Set(options.codes)
        var features: [(name: String, output: Output)] = [], targets: [(name: String, output: Output)] = []
        var numberIndex = 0
        for (index, name) in header.enumerated() {
            var columns: [(name: String, output: Output)] = []
            switch sources[index] {
            case .number:
                columns = [(name, .number(numberIndex))]
                numberIndex += 1
            case .words(let slot) where codeSet.contains(name):
                columns = [(name, .code(slot: slot))]
            case .words(let slot):
                columns = sortedWords[slot].map { ("\(name)=\($0)", .oneHot(slot: slot, word: words[slot][$0]!)) }
            }
            if targetSet.contains(name) { targets += columns } else { features += columns }
        }
        let total = MemoryLimit.product([rowsKept, features.count + targets.count], size: MemoryLayout<Float>.stride)
        if total > bytes, let refusal = memory.refusal(total, for: "the data set with its one-hot columns") {
            throw DataError(refusal, path: path, hint: MemoryLimit.hint(needing: total))
        }
        let (featureValues, targetValues) = assemble(features.map(\.output), targets.map(\.output))
        // Every column holds one value per row.
        var dataset = Dataset(
            featureNames: features.map(\.name), targetNames: targets.map(\.name),
            features: try! Tensor(shape: [rowsKept, features.count], scalars: featureValues),
            targets: try! Tensor(shape: [rowsKept, targets.count], scalars: targetValues))
        dataset.origins = SampleOrigins(path: path, lines: lines)
        for (index, name) in header.enumerated() {
            guard case .words(let slot) = sources[index] else { continue }
            dataset.wordOrigins[name] = Dictionary(uniqueKeysWithValues: words[slot].map { word, place in
                (word, WordOrigin(path: path, line: wordPlaces[slot][Int(place)].line, column: wordPlaces[slot][Int(place)].column))
            })
            if !targetSet.contains(name) { dataset.wordColumns[name] = WordColumn(words: sortedWords[slot], encoding: codeSet.contains(name) ? .codes : .oneHot) }
        }
        // A single target column of words names the classes: apple, banana, lemon.
        if targetNames.count == 1, let index = header.firstIndex(of: targetNames[0]), case .words(let slot) = sources[index] {
            dataset.classNames = sortedWords[slot]
        }
        return dataset
    }

    /// The feature and target values, row after row, filled from the front while the blocks
    /// read are released behind.
    private mutating func assemble(_ features: [Output], _ targets: [Output]) -> ([Float], [Float]) {
        let rows = rowsKept, wordWidth = words.count
        // A word's code is its place in alphabetical order.
        let codes = words.indices.map { slot in
            var codes = [Float](repeating: 0, count: words[slot].count)
            for (code, word) in words[slot].keys.sorted().enumerated() { codes[Int(words[slot][word]!)] = Float(code) }
            return codes
        }
        func value(_ output: Output, row: Int) -> Float {
            switch output {
            case .number(let column): numbers[row * numberWidth + column]
            case .code(let slot): codes[slot][Int(wordIndices[row * wordWidth + slot])]
            case .oneHot(let slot, let word): wordIndices[row * wordWidth + slot] == word ? 1 : 0
            }
        }
        var targetValues: [Float] = []
        let featureValues = [Float](unsafeUninitializedCapacity: rows * features.count) { featureBuffer, featureCount in
            targetValues = [Float](unsafeUninitializedCapacity: rows * targets.count) { targetBuffer, targetCount in
                for row in 0..<rows {
                    for (column, output) in features.enumerated() { featureBuffer[row * features.count + column] = value(output, row: row) }
                    for (column, output) in targets.enumerated() { targetBuffer[row * targets.count + column] = value(output, row: row) }
                    if row % 4096 == 4095 {
                        numbers.release(before: (row + 1) * numberWidth)
                        wordIndices.release(before: (row + 1) * wordWidth)
                    }
                }
                targetCount = rows * targets.count
            }
            featureCount = rows * features.count
        }
        numbers = ValueBlocks()
        wordIndices = ValueBlocks()
        return (featureValues, targetValues)
    }
}
