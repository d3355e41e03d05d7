import Dispatch

/// Counts a log's entries block by block on several threads: each block's lines are split into
/// contiguous shares, one per worker, and each share is counted into a report of its own that
/// later blocks count into again, so counts are merged once, at the end (``merge(into:)``), not
/// per block. Counts add up in any order; what depends on the order (the newest entry, the
/// failures) comes back with each block (``LogBlock``).
///
/// Up to ``blocksInFlight`` blocks are counted at once, so the workers go on with the next block
/// while the caller takes the last one back. Each of them counts into its own set of shares (block
/// `k` into set `k % blocksInFlight`), and the caller finishes block `k` before it starts block
/// `k + blocksInFlight`: a share's report is only ever touched by one thread at a time.
public final class LogCounter: @unchecked Sendable {
    /// How many blocks may be counted at once (the caller keeps to it).
    public static let blocksInFlight = 2

    /// One share's running counts and its reader's texts (designation ids, rules digests).
    private final class Share: @unchecked Sendable {
        var report: MonitoringReport
        var texts = TextInterner()
        init(_ report: MonitoringReport) { self.report = report }
    }

    /// One set of shares for each block in flight.
    private let sets: [[Share]]
    /// Blocks started so far: the next one counts into set `started % blocksInFlight`.
    private var started = 0

    /// - Parameter template: the report whose groups, period and settings the counts are kept in
    ///   (its counts are not copied; see ``merge(into:)``).
    public init(template: MonitoringReport, jobs: Int) {
        let shareCount = jobs <= 1 ? 1 : jobs * 4
        sets = (0..<Self.blocksInFlight).map { _ in (0..<shareCount).map { _ in Share(template.emptied()) } }
    }

    /// Starts counting `lines` (numbered `numbers` in their log) on other threads. The caller
    /// finishes the block started ``blocksInFlight`` blocks before this one first.
    ///
    /// - Parameter storage: what keeps the lines' bytes valid (the reader's chunks); held until
    ///   the block is finished.
    public func start(lines: [UnsafeBufferPointer<UInt8>], numbers: [Int], storage: [AnyObject]) -> LogBlock {
        let shares = sets[started % Self.blocksInFlight]
        started += 1
        return LogBlock(lines: lines, numbers: numbers, storage: storage) { Self.count($0, numbers: $1, on: shares) }
    }

    /// Adds every block's counts so far to `report`, once every block is finished.
    public func merge(into report: inout MonitoringReport) {
        for shares in sets {
            for share in shares { report.merge(share.report) }
        }
    }

    /// Counts the block on `shares` (as many as there are lines, at most), merged in input order.
    private static func count(_ lines: [UnsafeBufferPointer<UInt8>], numbers: [Int], on shares: [Share]) -> LogBlock.Counted {
        let count = lines.count
        let used = min(shares.count, count)
        guard used > 1 else { return count == 0 ? LogBlock.Counted() : countShare(shares[0], lines, numbers, from: 0, to: count) }
        let lines = LogBlock.Lines(buffers: lines)
        let slots = ConcurrentSlots<LogBlock.Counted>(count: used)
        DispatchQueue.concurrentPerform(iterations: used) { share in
            slots.store(countShare(shares[share], lines.buffers, numbers, from: count * share / used, to: count * (share + 1) / used), at: share)
        }
        var total = LogBlock.Counted()
        for case let counted? in slots.takeValues() { total.append(counted) }
        return total
    }

    /// Counts lines `start..<end` one after another into `share`.
    private static func countShare(_ share: Share, _ lines: [UnsafeBufferPointer<UInt8>], _ numbers: [Int], from start: Int, to end: Int) -> LogBlock.Counted {
        var counted = LogBlock.Counted()
        // The lines of the oldest and the newest entry; their hashes are made once, at the end.
        var oldestLine: Int?, newestLine: Int?
        for index in start..<end {
            do throws(InputError) {
                switch try MonitoringEntry.read(line: lines[index], texts: &share.texts, hashes: false) {
                case .redaction:
                    newestLine = index
                    if oldestLine == nil { oldestLine = index }
                case .decision(let entry, let seq, _, let redacted):
                    if seq != nil {
                        newestLine = index
                        if oldestLine == nil { oldestLine = index }
                    }
                    if share.report.add(entry) {
                        counted.decisions += 1
                        if redacted { counted.redacted += 1 }
                    }
                }
            } catch {
                counted.failures.append((numbers[index], error))
            }
        }
        func chainEntry(_ line: Int?) -> (seq: Int, hash: String?)? {
            guard let line else { return nil }
            switch try? MonitoringEntry.read(line: lines[line], texts: &share.texts, hashes: true) {
            case .redaction(let seq, let hash)?: return (seq, hash)
            case .decision(_, let seq?, let hash, _)?: return (seq, hash)
            default: return nil
            }
        }
        counted.oldest = chainEntry(oldestLine)
        counted.newest = oldestLine == newestLine ? counted.oldest : chainEntry(newestLine)
        return counted
    }
}

/// A block of decision-log lines counted on other threads (``LogCounter``) while the caller
/// reads the next block, so reading the log and counting its entries overlap.
public final class LogBlock: @unchecked Sendable {
    /// What a block's lines gave besides their counts, in input order.
    public struct Counted: Sendable {
        /// Decisions counted (within the report's period), and how many of them were redacted.
        public var decisions = 0
        public var redacted = 0
        /// The last entry with a sequence number: where the log's chain stands after the block.
        public var newest: (seq: Int, hash: String?)?
        /// The first entry with a sequence number: two logs beginning with the same entry are
        /// copies of one chain (``MonitoringReport/Log/first``).
        public var oldest: (seq: Int, hash: String?)?
        /// The lines that could not be read, by line number, in input order.
        public var failures: [(line: Int, error: InputError)] = []

        /// What `later`, the lines after these, gave, added.
        mutating func append(_ later: Counted) {
            decisions += later.decisions
            redacted += later.redacted
            if let newer = later.newest { newest = newer }
            if oldest == nil { oldest = later.oldest }
            failures += later.failures
        }
    }

    /// The line pointers, handed to the workers (the bytes they point to are held by ``storage``).
    struct Lines: @unchecked Sendable {
        let buffers: [UnsafeBufferPointer<UInt8>]
    }

    private let done = DispatchGroup()
    private var counted = Counted()
    /// Whatever holds the lines' bytes, kept until the block is counted.
    private let storage: [AnyObject]

    fileprivate init(
        lines: [UnsafeBufferPointer<UInt8>], numbers: [Int], storage: [AnyObject],
        count: @escaping @Sendable ([UnsafeBufferPointer<UInt8>], [Int]) -> Counted
    ) {
        self.storage = storage
        done.enter()
        let lines = Lines(buffers: lines)
        DispatchQueue.global().async { [self] in
            counted = count(lines.buffers, numbers)
            done.leave()
        }
    }

    /// What the block's lines gave, once all of them are counted.
    public func finish() -> Counted {
        done.wait()
        return counted
    }
}
