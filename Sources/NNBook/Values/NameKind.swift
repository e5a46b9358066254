// The two kinds of thing a notebook names: data sets and models.

/// The kinds of names a notebook defines and uses.
public enum NameKind: String, Sendable {
    case dataset = "data set"
    case model
}
