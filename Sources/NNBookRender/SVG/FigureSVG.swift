// Draws any figure a command produced.

import NNBook

/// The SVG text of a figure.
public enum FigureSVG {
    public static func render(_ figure: Figure) -> String {
        switch figure.kind {
        case .lines(let chart): LineChartSVG.render(chart)
        case .heatmap(let map): HeatmapSVG.render(map)
        case .images(let grid): ImageGridSVG.render(grid)
        case .contour(let map): ContourSVG.render(map)
        case .regions(let regions): DecisionRegionsSVG.render(regions)
        case .scatter(let plot): ScatterSVG.render(plot)
        case .svg(let text): text
        }
    }
}
