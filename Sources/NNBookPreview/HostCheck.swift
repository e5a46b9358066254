// Which requests the preview answers: only those addressed to the name and port it listens on.
// A web page elsewhere whose name is made to resolve to 127.0.0.1 (DNS rebinding) sends its own
// name as Host, and its own site as Origin; refusing those keeps what the page shows (values
// computed from local files, metrics) on this machine, as Jupyter and Vite do.

/// The addresses a request may name the preview by, for one host and port.
struct HostCheck: Sendable {
    /// `name:port`, lowercased: the loopback names, and the --host given.
    let allowed: Set<String>

    init(host: String, port: UInt16) {
        allowed = Set(["127.0.0.1", "localhost", "[::1]", host.lowercased()].map { "\($0):\(port)" })
    }

    /// Whether a request with these Host and Origin headers is the browser's own: a Host among
    /// the allowed ones, and no Origin or an `http://` one of the same.
    func allows(host: String?, origin: String?) -> Bool {
        guard let host, allowed.contains(host.lowercased()) else { return false }
        guard let origin else { return true }
        let lowered = origin.lowercased()
        return lowered.hasPrefix("http://") && allowed.contains(String(lowered.dropFirst("http://".count)))
    }
}
