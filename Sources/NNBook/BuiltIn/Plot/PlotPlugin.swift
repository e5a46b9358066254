// The plot plugin: pictures of training, of functions, and of the data itself.

/// Commands that draw figures into the page.
public struct PlotPlugin: Plugin {
    public init() {}
    public var name: String { "plot" }
    public var summary: String { "draw loss curves, loss landscapes, activation curves, images, decision regions and predicted-against-actual scatters into the page" }
    public var commands: [any CellCommand] { [PlotCommand(), CurveCommand(), ImagesCommand(), LandscapeCommand(), BoundaryCommand(), ScatterCommand()] }
}
