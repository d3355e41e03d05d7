import Wbmgp

/// The progress line of a long batch on stderr (a terminal only): decided so far, the rate, and
/// an estimate of the time left when the input is a regular file.
struct BatchProgress {
    let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastReport: ContinuousClock.Instant
    private var shown = false

    init(enabled: Bool) {
        self.enabled = enabled
        started = clock.now
        lastReport = started
    }

    /// Rewrites the line at most once a second.
    mutating func report(decided: Int, reader: LineReader) {
        guard enabled, clock.now - lastReport > .seconds(1) else { return }
        lastReport = clock.now
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var line = "\(decided) decided, \(Int(Double(decided) / max(seconds, 0.001)))/s"
        if let total = reader.totalBytes, reader.bytesRead > 0 {
            let remaining = seconds * Double(total - reader.bytesRead) / Double(reader.bytesRead)
            line += ", ETA \(Int(remaining) / 60):" + TextColumns.twoDigits(Int(remaining) % 60)
        }
        Output.progress(line)
        shown = true
    }

    /// Clears the line, if one was shown.
    func finish() {
        if shown { Output.progress(nil) }
    }
}

/// `--jobs N`: at least 1 and at most 4 × the cores (more only costs memory: each further job
/// compiles its own copy of the rules); the number of cores by default.
enum Jobs {
    static func value(_ args: Arguments) throws(Arguments.UsageError) -> Int {
        let cores = SystemCores.available
        guard let text = args.values["jobs"] else { return cores }
        guard let jobs = Int(text), jobs >= 1, jobs <= 4 * cores else {
            throw Arguments.UsageError(message: "invalid value '\(text)' for '--jobs'; expected a whole number from 1 to \(4 * cores) (4 × the \(cores) cores)")
        }
        return jobs
    }
}
