// Greyscale images in rows of five, each with its caption: digits and clothes as the course
// shows them, at a size whose captions read at the page's width.

import Foundation
import NNBook

/// Draws an `ImageGrid`: light pixels on black, each image scaled from its own darkest to
/// lightest value.
enum ImageGridSVG {
    /// Five images a row keep the picture about as wide as a page (GitHub's and the HTML
    /// export's, about 800 pixels), so it is shown near its own size and the captions stay large.
    static let columns = 5
    /// The widest the picture grows for long captions before it has fewer images a row.
    static let pageWidth = 880.0
    /// An image's longer side, about: pixels are enlarged by a whole factor to reach it.
    static let imageSide = 140
    static let captionSize = 15
    /// The widest a caption is drawn: a longer one (a class named in a sentence) ends in an
    /// ellipsis, its whole text the tooltip.
    static let maximumCaptionWidth = 320.0

    static func render(_ grid: ImageGrid) -> String {
        let gap = 12.0, lineHeight = Double(captionSize) + 4
        let largest = grid.tiles.map { max($0.width, $0.height) }.max() ?? 1
        let factor = max(1, imageSide / max(largest, 1))
        let imageWidth = Double((grid.tiles.map(\.width).max() ?? 1) * factor)
        let imageHeight = Double((grid.tiles.map(\.height).max() ?? 1) * factor)
        // A cell is as wide as its longest caption, so that neighbouring captions never run
        // into each other; wide cells mean fewer a row, to stay within a page.
        let captionWidth = grid.tiles.flatMap(\.captionLines).map { TextWidth.estimate($0, size: Double(captionSize)) }.max() ?? 0
        let cellWidth = max(imageWidth, 150, min(captionWidth, maximumCaptionWidth))
        let lines = Double(grid.tiles.map(\.captionLines.count).max() ?? 1)
        let cellHeight = imageHeight + 8 + lines * lineHeight
        let fitting = max(1, Int((pageWidth - gap) / (cellWidth + gap)))
        let columns = min(grid.tiles.count, columns, fitting), rows = (grid.tiles.count + columns - 1) / max(columns, 1)
        let width = gap + Double(columns) * (cellWidth + gap)
        let height = gap + Double(rows) * (cellHeight + gap)
        var body: [String] = []
        for (index, tile) in grid.tiles.enumerated() {
            let left = gap + Double(index % columns) * (cellWidth + gap)
            let top = gap + Double(index / columns) * (cellHeight + gap)
            let drawnWidth = Double(tile.width * factor), drawnHeight = Double(tile.height * factor)
            let x = left + (cellWidth - drawnWidth) / 2
            let png = GreyscalePNG.encode(width: tile.width, height: tile.height, levels: levels(tile.pixels))
            // One element per image, enlarged without smoothing: no seams, and sharp pixels.
            body.append(##"<image x="\##(SVGText.number(x))" y="\##(SVGText.number(top))" width="\##(SVGText.number(drawnWidth))" height="\##(SVGText.number(drawnHeight))" preserveAspectRatio="none" style="image-rendering:pixelated" href="data:image/png;base64,\##(Data(png).base64EncodedString())"/>"##)
            for (number, line) in tile.captionLines.enumerated() {
                let wrong = tile.mistaken && number == tile.captionLines.count - 1
                body.append(SVGText.text(
                    line, x: left + cellWidth / 2, y: top + imageHeight + 4 + Double(number + 1) * lineHeight, anchor: "middle",
                    size: captionSize, fill: wrong ? "#c62828" : "#222222", fitting: cellWidth))
            }
        }
        return SVGText.document(width: width, height: height, title: grid.tiles.map(\.caption).joined(separator: "; "), body: body)
    }

    /// Each pixel's grey level, from the image's own darkest (black) to its lightest (white).
    private static func levels(_ pixels: [Float]) -> [UInt8] {
        let low = pixels.min() ?? 0, high = pixels.max() ?? 1
        let range = high > low ? high - low : 1
        return pixels.map { $0.isFinite ? UInt8(max(0, min(255, (($0 - low) / range * 255).rounded()))) : 0 }
    }
}
