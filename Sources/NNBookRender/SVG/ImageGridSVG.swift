// Greyscale images side by side, each with its caption: digits and clothes as the course shows them.

import NNBook

/// Draws an `ImageGrid`: light pixels on black, each image scaled from its own darkest to
/// lightest value.
enum ImageGridSVG {
    static func render(_ grid: ImageGrid) -> String {
        let scale = 4.0, gap = 16.0, captionHeight = 34.0
        let tileWidth = Double(grid.tiles.map(\.width).max() ?? 1) * scale
        let tileHeight = Double(grid.tiles.map(\.height).max() ?? 1) * scale
        let width = gap + Double(grid.tiles.count) * (tileWidth + gap)
        let height = gap + tileHeight + captionHeight
        var body: [String] = []
        for (index, tile) in grid.tiles.enumerated() {
            let left = gap + Double(index) * (tileWidth + gap)
            body.append(##"<rect x="\##(SVGText.number(left))" y="\##(SVGText.number(gap))" width="\##(SVGText.number(Double(tile.width) * scale))" height="\##(SVGText.number(Double(tile.height) * scale))" fill="#000000"/>"##)
            let low = tile.pixels.min() ?? 0, high = tile.pixels.max() ?? 1
            let range = high > low ? high - low : 1
            for (offset, value) in tile.pixels.enumerated() where value > low {
                let level = Int(((value - low) / range * 255).rounded())
                let x = left + Double(offset % tile.width) * scale, y = gap + Double(offset / tile.width) * scale
                body.append(##"<rect x="\##(SVGText.number(x))" y="\##(SVGText.number(y))" width="4" height="4" fill="rgb(\##(level),\##(level),\##(level))"/>"##)
            }
            body.append(SVGText.text(tile.caption, x: left + tileWidth / 2, y: gap + tileHeight + 20, anchor: "middle"))
        }
        return SVGText.document(width: width, height: height, title: grid.tiles.map(\.caption).joined(separator: "; "), body: body)
    }
}
