import Foundation

/// Progress of a long run on standard error: a redrawn bar in a terminal, a line every 10% otherwise
/// (so logs stay short). Standard output is left to results.
public final class ProgressBar {
    private let total: Int
    private let label: String
    private let interactive = isatty(STDERR_FILENO) != 0
    private var lastDecile = -1
    private let start = Date()

    public init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
    }

    public func update(_ done: Int) {
        let fraction = Double(min(done, total)) / Double(total)
        let elapsed = Date().timeIntervalSince(start)
        let remaining = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let status = "\(label) \(done)/\(total) (\(Int(fraction * 100))%), \(Int(elapsed)) s elapsed, ~\(Int(remaining)) s left"
        if interactive {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(status)\u{1B}[K".utf8))
            if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let decile = Int(fraction * 10)
            guard decile > lastDecile else { return }
            lastDecile = decile
            FileHandle.standardError.write(Data((status + "\n").utf8))
        }
    }
}
