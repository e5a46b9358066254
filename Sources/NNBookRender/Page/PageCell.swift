// One cell of a run's page: its source, and its outputs as typed values — text, tables whose cells
// know whether they hold numbers, metrics, pictures, and the error that stopped the run there.

extension Page {
    /// A command cell and what it produced.
    public struct Cell: Codable, Equatable, Sendable {
        /// Position among the notebook's cells, from 1.
        public let number: Int
        /// `label=` from the fence, or `cell-N`.
        public let label: String
        /// The line of the opening fence in the notebook.
        public let line: Int
        /// The lines between the fences, as written.
        public let source: [String]
        /// False for cells after a failure: they did not run and have no outputs.
        public let ran: Bool
        public let outputs: [Output]
        /// The error that stopped the run in this cell.
        public let error: CellError?

        public init(number: Int, label: String, line: Int, source: [String], ran: Bool, outputs: [Output], error: CellError?) {
            self.number = number
            self.label = label
            self.line = line
            self.source = source
            self.ran = ran
            self.outputs = outputs
            self.error = error
        }
    }

    /// One result of a command, in the order the commands produced them.
    public enum Output: Equatable, Sendable {
        /// Plain text, shown as one block: summary lines, a note under a table.
        case text(String)
        case table(Table)
        /// A number recorded under the cell's label; shown in tables, not by itself.
        case metric(name: String, value: Double)
        case picture(Picture)
        /// What the check noticed about the command above without stopping the notebook.
        case note(Note)
    }

    /// A note of the check (a scaling fitted before the split), under the output of the
    /// command it is about.
    public struct Note: Codable, Equatable, Sendable {
        public let message: String
        public let hint: String?
        /// Where in the notebook: the command's line and column.
        public let line: Int?
        public let column: Int?

        public init(message: String, hint: String?, line: Int?, column: Int?) {
            self.message = message
            self.hint = hint
            self.line = line
            self.column = column
        }
    }

    /// A table whose cells keep their kind: numbers are right-aligned and exported as numbers.
    public struct Table: Codable, Equatable, Sendable {
        public enum Alignment: String, Codable, Sendable { case left, right }

        /// A cell as shown (`0.5000`), and its value when it is a number.
        public struct Value: Equatable, Sendable {
            public let text: String
            public let number: Double?

            public init(text: String, number: Double?) {
                self.text = text
                self.number = number
            }
        }

        public let headers: [String]
        public let alignments: [Alignment]
        public let rows: [[Value]]

        public init(headers: [String], alignments: [Alignment], rows: [[Value]]) {
            self.headers = headers
            self.alignments = alignments
            self.rows = rows
        }
    }

    /// A picture: its SVG is in ``Page/pictures`` under `file`.
    public struct Picture: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// Series over shared axes: a loss per epoch, an activation curve.
            case lineChart = "line-chart"
            /// A matrix of counts: a confusion matrix.
            case heatmap
            /// Samples of an image data set, each with its caption.
            case imageGrid = "image-grid"
            /// A value over two variables in filled contours, with paths across it: a loss landscape.
            case contourMap = "contour-map"
            /// The classes a two-input classifier gives every point of the plane, with samples on top.
            case decisionRegions = "decision-regions"
            /// A regression's predictions against the true values, with the diagonal y = x.
            case scatterPlot = "scatter-plot"
            /// SVG an external plugin drew.
            case svg
        }

        public let kind: Kind
        /// The file name in the assets folder (`compare-loss.svg`).
        public let file: String
        /// The alternative text and the caption under the picture.
        public let caption: String
        /// For an image grid, each image's own caption (its label and prediction).
        public let tiles: [String]

        public init(kind: Kind, file: String, caption: String, tiles: [String] = []) {
            self.kind = kind
            self.file = file
            self.caption = caption
            self.tiles = tiles
        }
    }

    /// The error that stopped a run, with where it points in the notebook.
    public struct CellError: Codable, Equatable, Sendable {
        public let message: String
        public let hint: String?
        /// Line, column and length in the notebook (or in `path`); nil when it has no place.
        public let line: Int?
        public let column: Int?
        public let length: Int?
        /// The file the error is in, when it is not the notebook (a data file).
        public let path: String?

        public init(message: String, hint: String?, line: Int?, column: Int?, length: Int?, path: String?) {
            self.message = message
            self.hint = hint
            self.line = line
            self.column = column
            self.length = length
            self.path = path
        }
    }
}
