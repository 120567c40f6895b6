extension Duration {
    /// The duration in seconds (attoseconds included).
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
