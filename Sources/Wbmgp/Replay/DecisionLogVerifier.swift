/// Verifies a decision log's chain one line at a time (``DecisionLog/verify(_:)`` and
/// ``verify(_:)``), holding only what the lines after are checked against: the previous entry's
/// hash, and the redacted entries no redaction entry has named yet.
///
/// Read whole, with each entry's parsed tree kept, a log of 619 MB took 2.8 GB to verify, and
/// appending to it (``DecisionLogWriter``, which verifies the log it opens) as much: a log of a
/// few years' decisions would no longer open. Line by line, the memory is that of the longest
/// line and the reader's chunks.
///
/// The checks and their words are the chain's (interface §6): the first line that was changed,
/// removed, inserted or reordered, or whose personal part was removed without a redaction entry.
public struct DecisionLogVerifier {
    /// Lines given so far.
    public private(set) var lines = 0
    private var previousHash: String?
    /// The first break, once found; lines given after it only complete what is said of it.
    private var broken: (line: Int, reason: String, unreadable: Bool)?
    /// A line holding a later entry than its number (`seq`): the lines after it are looked
    /// through for the entry it should hold, to tell lines swapped, an entry moved and one removed.
    private var seeking: (line: Int, seq: Int)?
    private var redacted = 0
    /// Redacted entries not yet named by a redaction entry after them, with their lines.
    private var uncovered: [Int: Int] = [:]
    /// The last line's entry number and hash, where it holds both: the log's head.
    public private(set) var head: (seq: Int, hash: String)?

    public init() {}

    /// Whether a break was found in the lines given so far.
    public var isBroken: Bool { broken != nil || seeking != nil }

    /// Checks the next line (without its line end).
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        lines += 1
        let line = lines
        if let (at, seq) = seeking {
            // Only the entry number of a line is needed now.
            guard LogLine(Array(bytes)).seq == at else { return }
            seeking = nil
            broken = (
                at, line == seq
                    ? "lines \(at) and \(line) were reordered: line \(at) holds entry \(seq)"
                    : "entries were moved: line \(at) holds entry \(seq), and entry \(at) stands on line \(line)",
                false
            )
            return
        }
        guard broken == nil else { return }
        let entry = LogLine(Array(bytes))
        head = entry.seq.flatMap { seq in entry.hash.map { (seq, $0) } }
        // An empty line is said as such: taken for a changed entry, it sent the reader looking
        // for a change that was only a line end added.
        if !bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
            broken = (line, "line \(line) is empty: a log holds one entry on each line, and an empty line was added", true)
            return
        }
        guard entry.hashValid, let seq = entry.seq else {
            broken = (line, "line \(line) was changed: it is not an intact log entry (its hash does not match its content)", true)
            return
        }
        if !entry.personalValid {
            broken = (line, "line \(line) was changed: its personal part does not match the digest the chain holds", false)
            return
        }
        if seq > line {
            seeking = (line, seq)
            return
        }
        if seq < line {
            broken = (line, "line \(line) was inserted or moved: it holds entry \(seq), expected \(line)", false)
            return
        }
        let expected: JSONValue = line == 1 ? .null : .string(previousHash ?? "")
        if (entry.prev ?? .null) != expected {
            broken = (line, "line \(line) does not follow line \(line - 1): the chain was changed before it", false)
            return
        }
        previousHash = entry.hash
        if entry.isRedacted {
            redacted += 1
            uncovered[seq] = line
        }
        for named in entry.covers { uncovered[named] = nil }
    }

    /// The verdict on the lines given; `endsWithoutLineEnd` when the last of them had none.
    public func finish(endsWithoutLineEnd: Bool) -> DecisionLog.Verification {
        if let (line, seq) = seeking {
            return .broken(line: line, reason: "entry \(line) was removed: line \(line) holds entry \(seq)")
        }
        if let broken {
            // A last line cut off in its writing is said as such, not as a changed entry.
            if endsWithoutLineEnd, broken.line == lines, broken.unreadable {
                return .broken(line: lines, reason: "line \(lines) is a partial line: the log ends in the middle of an entry (a write was cut off)")
            }
            return .broken(line: broken.line, reason: broken.reason)
        }
        if endsWithoutLineEnd {
            return .broken(line: lines, reason: "line \(lines) is a partial line: the log does not end with a line end")
        }
        // Every redacted entry must be named by a redaction entry after it.
        if let line = uncovered.values.min() {
            return .broken(
                line: line, reason: "line \(line) has had its personal part removed, but no redaction entry after it names entry \(line): a purge without a record")
        }
        return .intact(entries: lines, redacted: redacted)
    }

    /// Verifies the log read by `reader` to its end, each line held whole. Nil when reading
    /// stopped before the end (``LineReader/failure``): a log not read whole is not verified.
    public static func verify(_ reader: inout LineReader) -> (verification: DecisionLog.Verification, head: (seq: Int, hash: String)?)? {
        reader.longestLine = nil
        var verifier = DecisionLogVerifier()
        // No line is kept past its check: the chunks it was lent from are given back at once,
        // to be read into again (held, every chunk of the log stayed in memory).
        while reader.nextLines(256, { verifier.add($0) }) > 0 { _ = reader.takeLentChunks() }
        guard reader.failure == nil else { return nil }
        return (verifier.finish(endsWithoutLineEnd: reader.endsWithoutLineEnd), verifier.head)
    }
}
