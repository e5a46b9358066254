// The loss as a function of two weights, the others held still: the landscape gradient
// descent walks on.

extension Trainer {
    /// The mean loss over `features` with the flat weight `x` (an index into the model's
    /// parameters in order, kernel before bias, layer by layer) set to each of `xs` and `y` to
    /// each of `ys`, every other weight as it is now: `result[row][column]` is the loss at
    /// (`xs[column]`, `ys[row]`). The loss is `evaluate`'s, the one `fit` reports; the
    /// weights are put back afterwards.
    public func lossSurface(
        features: Tensor, targets: Tensor, x: Int, y: Int, xs: [Float], ys: [Float]
    ) throws(ShapeError) -> [[Double]] {
        try validate(features: features, targets: targets)
        let xPlace = model.place(ofWeight: x), yPlace = model.place(ofWeight: y)
        let parameters = model.parameters
        let saved = (parameters[xPlace.parameter].value.scalars[xPlace.index], parameters[yPlace.parameter].value.scalars[yPlace.index])
        defer {
            parameters[xPlace.parameter].value.scalars[xPlace.index] = saved.0
            parameters[yPlace.parameter].value.scalars[yPlace.index] = saved.1
        }
        var surface: [[Double]] = []
        for yValue in ys {
            parameters[yPlace.parameter].value.scalars[yPlace.index] = yValue
            var row: [Double] = []
            for xValue in xs {
                parameters[xPlace.parameter].value.scalars[xPlace.index] = xValue
                row.append(meanLoss(features: features, targets: targets))
            }
            surface.append(row)
        }
        return surface
    }
}

extension Sequential {
    /// Every weight of the model in one flat list, in the order of `parameters`.
    public var flatWeights: [Float] { parameters.flatMap(\.value.scalars) }

    /// Where the `index`th weight of `flatWeights` lives: which parameter, and where in it.
    func place(ofWeight index: Int) -> (parameter: Int, index: Int) {
        var remaining = index
        for (position, parameter) in parameters.enumerated() {
            if remaining < parameter.value.scalars.count { return (position, remaining) }
            remaining -= parameter.value.scalars.count
        }
        preconditionFailure("weight \(index) is beyond the model's \(parameterCount) weights")
    }
}
